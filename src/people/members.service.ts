import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { LockoutService, passbookSubject } from '../auth/lockout.service';
import { hashSecret, randomSecret } from '../auth/password';
import { Principal } from '../auth/principal';
import {
  AccessPolicy,
  communityOf,
  maySeePersonalData,
  memberScopeOf,
} from '../access/access.policy';
import { Clock } from '../common/clock';
import { KeyRing } from '../common/keys/key-ring';
import { Database, sql } from '../common/db/database';
import { DomainError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { decodeIdCursor, likePattern, LIMIT_DEFAULT, Page, toPage } from '../common/pagination';
import { toSafeInteger } from '../common/points';
import { Account } from '../ledger/entities/account.entity';
import { LedgerService } from '../ledger/ledger.service';
import { Member, MemberKind } from './entities/member.entity';
import { TeamMember } from './entities/team.entity';
import { normalisePassbookNumber } from './passbook-number';
import { PassbookNumbers } from './passbook-numbers.service';
import { memberView, MemberRow, MemberView } from './member.view';
import { normalisePhone } from './phone';
import { idDocumentColumns, IdDocumentType } from './id-document';

/** Volunteers: their passbooks, PINs and details, as the viewer may see them. */
@Injectable()
export class MembersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly auth: AuthService,
    private readonly lockout: LockoutService,
    private readonly numbers: PassbookNumbers,
    private readonly access: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: KeyRing,
  ) {}

  /**
   * Creates a member of the community with a passbook and an account in that community's books;
   * returns the PIN when it was generated.
   */
  async createMember(input: {
    communityId: number;
    name: string;
    kind: MemberKind;
    phone?: string | null;
    pin?: string;
    /** A pre-printed passbook number; generated when left out. */
    passbookNo?: string;
    /** The hash of `pin`, when the caller hashed it ahead of a long transaction (an import). */
    pinHash?: string;
    /** The paper record's join date (checked by checkJoinedOn); left out: today in the zone. */
    joinedOn?: string;
    /** The identity document (its number normalised and checked): stored masked and sealed. */
    idDocument?: { type: IdDocumentType; number: string };
  }): Promise<{ member: Member; generatedPin?: string }> {
    const today = this.clock.today(this.config.timeZone);
    if (input.joinedOn !== undefined) {
      checkJoinedOn(input.joinedOn, today);
    }
    const pin = input.pin ?? randomSecret(6, '0123456789');
    const pinHash = input.pinHash ?? (await hashSecret(pin));
    const member = await this.db.write(async (em) => {
      const passbookNo = await this.numbers.passbookNumberFor('V', input.passbookNo);
      const account = await this.ledger.openAccount(
        input.communityId,
        'member',
        input.name,
        passbookNo,
      );
      const row = em.create(Member, {
        communityId: input.communityId,
        accountId: account.id,
        passbookNo,
        name: input.name,
        kind: input.kind,
        phone: input.phone ?? null,
        pinHash,
        active: true,
        createdAt: this.clock.now().toISOString(),
        joinedOn: input.joinedOn ?? today,
        deactivatedOn: null,
        ...idDocumentColumns(this.keys, input.idDocument ?? null),
      });
      return em.save(row);
    });
    return { member, generatedPin: input.pin === undefined ? pin : undefined };
  }

  /** The member, if of the viewer's community (404 otherwise, as for an unknown id). */
  async getMember(viewer: Principal, id: number): Promise<Member> {
    const member = await this.access.memberOfCommunity(viewer, id);
    if (!member) {
      throw DomainError.notFound('member');
    }
    return member;
  }

  /**
   * Passbooks a new one for this person would likely duplicate: the same name, with `samePhone`
   * when the phone matches too (the import refuses those; the form asks first).
   */
  async sameNamedMembers(
    viewer: Principal,
    name: string,
    phone?: string,
  ): Promise<{
    items: {
      id: number;
      passbookNo: string;
      name: string;
      phone: string | null;
      active: boolean;
      samePhone: boolean;
    }[];
  }> {
    const members = await this.db.read((em) =>
      em.find(Member, {
        where: { communityId: communityOf(viewer), name: name.trim() },
        order: { id: 'ASC' },
        take: 20,
      }),
    );
    const wanted = phone ? normalisePhone(phone) : null;
    return {
      items: members.map((m) => ({
        id: m.id,
        passbookNo: m.passbookNo,
        name: m.name,
        phone: m.phone,
        active: m.active,
        samePhone: wanted !== null && m.phone !== null && normalisePhone(m.phone) === wanted,
      })),
    };
  }

  /** One member as the viewer may see them: admins all, leaders their teams' members (else 404). */
  async memberView(id: number, viewer: Principal): Promise<MemberView> {
    const page = await this.db.read((em) => this.queryMembers(em, viewer, { id, limit: 1 }));
    if (page.items.length === 0) {
      throw DomainError.notFound('member');
    }
    return page.items[0];
  }

  /** Members by name, passbook number or (admins) phone; leaders see their teams' members only. */
  async listMembers(
    viewer: Principal,
    query: { q?: string; teamId?: number; limit?: number; cursor?: string },
  ): Promise<Page<MemberView>> {
    return this.db.read((em) =>
      this.queryMembers(em, viewer, {
        q: query.q,
        teamId: query.teamId,
        limit: query.limit ?? LIMIT_DEFAULT,
        afterId: decodeIdCursor(query.cursor),
      }),
    );
  }

  /**
   * Name, kind, phone, join date, identity document or active; deactivating ends the volunteer's
   * sessions and records the day (`deactivatedOn`), activating again clears it.
   */
  async updateMember(
    id: number,
    changes: {
      name?: string;
      kind?: MemberKind;
      phone?: string | null;
      active?: boolean;
      joinedOn?: string;
      idDocument?: { type: IdDocumentType; number: string } | null;
    },
    viewer: Principal,
  ): Promise<MemberView> {
    const today = this.clock.today(this.config.timeZone);
    if (changes.joinedOn !== undefined) {
      checkJoinedOn(changes.joinedOn, today);
    }
    await this.db.write(async (em) => {
      const member = await this.getMember(viewer, id);
      const patch: Partial<Member> = {};
      if (changes.name !== undefined) {
        patch.name = changes.name;
      }
      if (changes.kind !== undefined) {
        patch.kind = changes.kind;
      }
      if (changes.phone !== undefined) {
        patch.phone = changes.phone;
      }
      if (changes.active !== undefined && changes.active !== member.active) {
        patch.active = changes.active;
        patch.deactivatedOn = changes.active ? null : today;
      }
      if (changes.joinedOn !== undefined) {
        // Again, now against the deactivation date the member has after this change.
        const off = 'deactivatedOn' in patch ? (patch.deactivatedOn ?? null) : member.deactivatedOn;
        checkJoinedOn(changes.joinedOn, today, off);
        patch.joinedOn = changes.joinedOn;
      }
      if (changes.idDocument !== undefined) {
        Object.assign(patch, idDocumentColumns(this.keys, changes.idDocument));
      }
      if (Object.keys(patch).length > 0) {
        await em.update(Member, { id }, patch);
      }
      if (changes.name !== undefined) {
        await em.update(Account, { id: member.accountId }, { name: changes.name });
      }
      if (changes.active === false) {
        await this.auth.revokeMemberSessions(id);
      }
    });
    return this.memberView(id, viewer);
  }

  /**
   * Sets a new PIN (generated and returned once when not given), ends the volunteer's sessions and
   * lifts a lockout of the passbook.
   */
  async resetPin(
    viewer: Principal,
    id: number,
    pin?: string,
  ): Promise<{ id: number; passbookNo: string; pin?: string }> {
    await this.getMember(viewer, id);
    const newPin = pin ?? randomSecret(6, '0123456789');
    const pinHash = await hashSecret(newPin);
    const member = await this.db.write(async (em) => {
      const found = await this.getMember(viewer, id);
      await em.update(Member, { id }, { pinHash });
      await this.auth.revokeMemberSessions(id);
      await this.lockout.clear(passbookSubject(found.passbookNo));
      return found;
    });
    return { id, passbookNo: member.passbookNo, ...(pin === undefined ? { pin: newPin } : {}) };
  }

  private async queryMembers(
    em: EntityManager,
    viewer: Principal,
    opts: { id?: number; q?: string; teamId?: number; limit: number; afterId?: number },
  ): Promise<Page<MemberView>> {
    const where = ['m.community_id = ?', 'm.id > ?'];
    const params: unknown[] = [communityOf(viewer), opts.afterId ?? 0];
    if (opts.id !== undefined) {
      where.push('m.id = ?');
      params.push(opts.id);
    }
    const scope = memberScopeOf(viewer);
    if (scope.kind === 'led') {
      where.push(scope.condition('m.id'));
      params.push(scope.leaderId);
    } else if (scope.kind === 'none') {
      return { items: [], nextCursor: null };
    }
    if (opts.teamId !== undefined) {
      where.push(
        'EXISTS (SELECT 1 FROM team_members tt WHERE tt.member_id = m.id AND tt.team_id = ?)',
      );
      params.push(opts.teamId);
    }
    if (opts.q) {
      const alternatives = ["LOWER(m.name) LIKE ? ESCAPE '\\'"];
      params.push(likePattern(opts.q.toLowerCase()));
      const passbookNo = normalisePassbookNumber(opts.q);
      if (passbookNo) {
        alternatives.push('m.passbook_no = ?');
        params.push(passbookNo);
      }
      const digits = opts.q.replace(/[\s-]/g, '');
      if (maySeePersonalData(viewer) && /^\+?\d{3,}$/.test(digits)) {
        alternatives.push("REPLACE(REPLACE(m.phone, ' ', ''), '-', '') LIKE ? ESCAPE '\\'");
        params.push(likePattern(digits));
      }
      where.push(`(${alternatives.join(' OR ')})`);
    }
    params.push(opts.limit + 1);
    const raw: (Omit<MemberRow, 'id'> & { id: unknown })[] = await em.query(
      sql(
        this.db,
        `SELECT m.id, m.passbook_no, m.name, m.kind, m.phone, m.active, m.created_at, m.joined_on,
                m.deactivated_on, m.id_document_type, m.id_document_masked, b.balance
         FROM members m JOIN balances b ON b.account_id = m.account_id
         WHERE ${where.join(' AND ')} ORDER BY m.id LIMIT ?`,
      ),
      params,
    );
    const rows = raw.map((r) => ({ ...r, id: toSafeInteger(r.id) }));
    const teams = await this.teamsOf(
      em,
      rows.map((r) => r.id),
    );
    const full = maySeePersonalData(viewer);
    return toPage(rows, opts.limit, (r) => memberView(r, teams.get(r.id) ?? [], full));
  }

  private async teamsOf(em: EntityManager, memberIds: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (memberIds.length === 0) {
      return out;
    }
    const rows = await em.find(TeamMember, {
      where: { memberId: In(memberIds) },
      order: { teamId: 'ASC' },
    });
    for (const r of rows) {
      out.set(r.memberId, [...(out.get(r.memberId) ?? []), r.teamId]);
    }
    return out;
  }
}

/** The earliest join date an admin may give (the passbook scheme has no older paper records). */
export const JOINED_ON_MIN = '2000-01-01';

/**
 * A join date (YYYY-MM-DD, already checked as a date) is neither after today nor before 2000, nor
 * after the day the member was deactivated (when they are).
 */
export function checkJoinedOn(
  joinedOn: string,
  today: string,
  deactivatedOn: string | null = null,
): void {
  if (joinedOn > today) {
    throw DomainError.validation(`joinedOn must not be after today (${today})`, {
      field: 'joinedOn',
      reason: 'JOINED_IN_FUTURE',
      latest: today,
    });
  }
  if (joinedOn < JOINED_ON_MIN) {
    throw DomainError.validation(`joinedOn must not be before ${JOINED_ON_MIN}`, {
      field: 'joinedOn',
      reason: 'JOINED_TOO_EARLY',
      earliest: JOINED_ON_MIN,
    });
  }
  if (deactivatedOn !== null && joinedOn > deactivatedOn) {
    throw DomainError.validation(
      `joinedOn must not be after the day the member was deactivated (${deactivatedOn})`,
      { field: 'joinedOn', reason: 'JOINED_AFTER_LEFT', deactivatedOn },
    );
  }
}
