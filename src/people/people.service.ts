import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { LockoutService, passbookSubject } from '../auth/lockout.service';
import { hashSecret, randomSecret } from '../auth/password';
import { User } from '../auth/entities/user.entity';
import { Principal } from '../auth/principal';
import { AccessPolicy, maySeePersonalData, memberScopeOf } from '../access/access.policy';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { maskAddress, maskContact, maskName, maskPhone, revealTo } from '../common/mask';
import {
  decodeIdCursor,
  decodeKeyCursor,
  encodeKeyCursor,
  likePattern,
  LIMIT_DEFAULT,
  Page,
  toPage,
} from '../common/pagination';
import { formatCents, toSafeInteger } from '../common/points';
import { Account } from '../ledger/entities/account.entity';
import { LedgerService } from '../ledger/ledger.service';
import { Hardship, Household } from './entities/household.entity';
import { Member, MemberKind } from './entities/member.entity';
import { Team, TeamLeader, TeamMember } from './entities/team.entity';
import { newPassbookNumber, normalisePassbookNumber, PassbookPrefix } from './passbook-number';
import { normalisePhone } from './phone';

export interface PassbookOwner {
  passbookNo: string;
  accountId: number;
  owner: { type: 'member'; member: Member } | { type: 'household'; household: Household };
}

/** One hit of the counter's search: enough to tell two people of one name apart, no more. */
export interface PassbookMatch {
  passbookNo: string;
  owner: { type: 'member' | 'household'; id: number; name: string };
  /** Always masked (138****5678); a household's contact likewise. */
  phone: string | null;
  /** Names of the member's teams. */
  teams: string[];
  active: boolean;
}

/** The search's keyset cursor: the last passbook number shown. */
const PASSBOOK_CURSOR = { tag: 'p', shape: /^[VH][0-9A-Z]{7}$/ };

export interface MemberView {
  id: number;
  passbookNo: string;
  name: string;
  kind: MemberKind;
  /** Full for admins, masked (138****5678) for leaders. */
  phone: string | null;
  active: boolean;
  balance: string;
  teamIds: number[];
  createdAt: string;
}

export interface TeamView {
  id: number;
  name: string;
  serviceType: string | null;
  leaderUserIds: number[];
  memberCount: number;
  createdAt: string;
}

export interface HouseholdView {
  id: number;
  passbookNo: string;
  name: string;
  hardship: Hardship;
  /** Full for admins, masked for clerks. */
  address: string | null;
  contact: string | null;
  verified: boolean;
  active: boolean;
  balance: string;
  createdAt: string;
}

/** What a volunteer sees to choose whom to give to. */
export interface HouseholdChoice {
  id: number;
  name: string;
  hardship: Hardship;
}

interface HouseholdRow {
  id: number;
  passbook_no: string;
  name: string;
  hardship: Hardship;
  address: string | null;
  contact: string | null;
  verified: unknown;
  active: unknown;
  created_at: string;
  balance: unknown;
}

function householdView(r: HouseholdRow, full: boolean): HouseholdView {
  return {
    id: r.id,
    passbookNo: r.passbook_no,
    name: r.name,
    hardship: r.hardship,
    address: revealTo(r.address, full, maskAddress),
    contact: revealTo(r.contact, full, maskContact),
    verified: Boolean(r.verified),
    active: Boolean(r.active),
    balance: formatCents(toSafeInteger(r.balance)),
    createdAt: r.created_at,
  };
}

/** Members, households and teams: who holds a passbook and who leads whom. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly auth: AuthService,
    private readonly lockout: LockoutService,
    private readonly access: AccessPolicy,
  ) {}

  /** Creates a member with a passbook and an account; returns the PIN when it was generated. */
  async createMember(input: {
    name: string;
    kind: MemberKind;
    phone?: string | null;
    pin?: string;
    /** A pre-printed passbook number; generated when left out. */
    passbookNo?: string;
    /** The hash of `pin`, when the caller hashed it ahead of a long transaction (an import). */
    pinHash?: string;
  }): Promise<{ member: Member; generatedPin?: string }> {
    const pin = input.pin ?? randomSecret(6, '0123456789');
    const pinHash = input.pinHash ?? (await hashSecret(pin));
    const member = await this.db.write(async (em) => {
      const passbookNo = await this.passbookNumberFor('V', input.passbookNo);
      const account = await this.ledger.openAccount('member', input.name, passbookNo);
      const row = em.create(Member, {
        accountId: account.id,
        passbookNo,
        name: input.name,
        kind: input.kind,
        phone: input.phone ?? null,
        pinHash,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      return em.save(row);
    });
    return { member, generatedPin: input.pin === undefined ? pin : undefined };
  }

  async createHousehold(input: {
    name: string;
    hardship: Hardship;
    address?: string | null;
    contact?: string | null;
    passbookNo?: string;
  }): Promise<Household> {
    return this.db.write(async (em) => {
      const passbookNo = await this.passbookNumberFor('H', input.passbookNo);
      const account = await this.ledger.openAccount('household', input.name, passbookNo);
      const row = em.create(Household, {
        accountId: account.id,
        passbookNo,
        name: input.name,
        hardship: input.hardship,
        address: input.address ?? null,
        contact: input.contact ?? null,
        verified: true,
        active: true,
        createdAt: this.clock.now().toISOString(),
      });
      return em.save(row);
    });
  }

  async createTeam(input: {
    name: string;
    serviceType?: string | null;
    leaderUserIds?: number[];
  }): Promise<{
    team: Team;
    leaderUserIds: number[];
  }> {
    const leaderUserIds = [...new Set(input.leaderUserIds ?? [])];
    return this.db.write(async (em) => {
      await this.assertTeamNameFree(em, input.name);
      if (leaderUserIds.length) {
        const leaders = await em.findBy(User, {
          id: In(leaderUserIds),
          role: 'leader',
          active: true,
        });
        if (leaders.length !== leaderUserIds.length) {
          throw DomainError.validation(
            'every leaderUserId must be an active user with role leader',
            {
              field: 'leaderUserIds',
            },
          );
        }
      }
      const team = await em.save(
        em.create(Team, {
          name: input.name,
          serviceType: input.serviceType ?? null,
          createdAt: this.clock.now().toISOString(),
        }),
      );
      for (const userId of leaderUserIds) {
        await em.insert(TeamLeader, { teamId: team.id, userId });
      }
      return { team, leaderUserIds };
    });
  }

  /** Puts a member into a team, with no check of who asks (fixtures, admin tools). */
  async addTeamMember(teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      if (!(await em.findOneBy(Team, { id: teamId }))) {
        throw DomainError.notFound('team');
      }
      if (!(await em.findOneBy(Member, { id: memberId }))) {
        throw DomainError.notFound('member');
      }
      await this.insertTeamMember(teamId, memberId);
    });
  }

  private async insertTeamMember(teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      if (!(await em.findOneBy(TeamMember, { teamId, memberId }))) {
        await em.insert(TeamMember, {
          teamId,
          memberId,
          createdAt: this.clock.now().toISOString(),
        });
      }
    });
  }

  /** Resolves a passbook number (as typed or scanned) to its owner, or null. */
  async findPassbook(input: string): Promise<PassbookOwner | null> {
    const passbookNo = normalisePassbookNumber(input);
    if (!passbookNo) {
      return null;
    }
    return this.db.read(async (em) => {
      if (passbookNo.startsWith('V')) {
        const member = await em.findOneBy(Member, { passbookNo });
        return member
          ? { passbookNo, accountId: member.accountId, owner: { type: 'member', member } }
          : null;
      }
      const household = await em.findOneBy(Household, { passbookNo });
      return household
        ? { passbookNo, accountId: household.accountId, owner: { type: 'household', household } }
        : null;
    });
  }

  async getMember(id: number): Promise<Member> {
    const member = await this.db.read((em) => em.findOneBy(Member, { id }));
    if (!member) {
      throw DomainError.notFound('member');
    }
    return member;
  }

  // ---- members: what staff see ----

  /**
   * Passbooks a new one for this person would likely duplicate: the same name, with `samePhone`
   * when the phone matches too (the import refuses those; the form asks first).
   */
  async sameNamedMembers(
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
      em.find(Member, { where: { name: name.trim() }, order: { id: 'ASC' }, take: 20 }),
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

  /** Name, kind, phone or active; deactivating ends the volunteer's sessions. */
  async updateMember(
    id: number,
    changes: { name?: string; kind?: MemberKind; phone?: string | null; active?: boolean },
    viewer: Principal,
  ): Promise<MemberView> {
    await this.db.write(async (em) => {
      const member = await em.findOneBy(Member, { id });
      if (!member) {
        throw DomainError.notFound('member');
      }
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
      if (changes.active !== undefined) {
        patch.active = changes.active;
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
    id: number,
    pin?: string,
  ): Promise<{ id: number; passbookNo: string; pin?: string }> {
    const newPin = pin ?? randomSecret(6, '0123456789');
    const pinHash = await hashSecret(newPin);
    const member = await this.db.write(async (em) => {
      const found = await em.findOneBy(Member, { id });
      if (!found) {
        throw DomainError.notFound('member');
      }
      await em.update(Member, { id }, { pinHash });
      await this.auth.revokeMemberSessions(id);
      await this.lockout.clear(passbookSubject(found.passbookNo));
      return found;
    });
    return { id, passbookNo: member.passbookNo, ...(pin === undefined ? { pin: newPin } : {}) };
  }

  // ---- teams ----

  /** Admins see every team, leaders the teams they lead. */
  async listTeams(
    viewer: Principal,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<TeamView>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const afterId = decodeIdCursor(query.cursor) ?? 0;
    return this.db.read(async (em) => {
      const qb = em
        .createQueryBuilder(Team, 't')
        .where('t.id > :afterId', { afterId })
        .orderBy('t.id', 'ASC')
        .take(limit + 1);
      const visible = await this.access.visibleTeamIds(viewer);
      if (visible !== null) {
        qb.andWhere('t.id IN (:...ledIds)', { ledIds: [0, ...visible] });
      }
      const teams = await qb.getMany();
      const views = await this.teamViews(em, teams);
      return toPage(views, limit, (v) => v);
    });
  }

  async teamView(id: number, viewer: Principal): Promise<TeamView> {
    return this.db.read(async (em) => {
      const team = await this.access.teamToManage(viewer, id);
      return (await this.teamViews(em, [team]))[0];
    });
  }

  /** Rename, change the service type or replace the leaders (admins). */
  async updateTeam(
    id: number,
    changes: { name?: string; serviceType?: string | null; leaderUserIds?: number[] },
  ): Promise<TeamView> {
    await this.db.write(async (em) => {
      const team = await em.findOneBy(Team, { id });
      if (!team) {
        throw DomainError.notFound('team');
      }
      if (changes.name !== undefined && changes.name !== team.name) {
        await this.assertTeamNameFree(em, changes.name);
      }
      const patch: Partial<Team> = {};
      if (changes.name !== undefined) {
        patch.name = changes.name;
      }
      if (changes.serviceType !== undefined) {
        patch.serviceType = changes.serviceType;
      }
      if (Object.keys(patch).length > 0) {
        await em.update(Team, { id }, patch);
      }
      if (changes.leaderUserIds !== undefined) {
        const leaderUserIds = await this.checkLeaders(em, changes.leaderUserIds);
        await em.delete(TeamLeader, { teamId: id });
        for (const userId of leaderUserIds) {
          await em.insert(TeamLeader, { teamId: id, userId });
        }
      }
    });
    return this.db.read(async (em) => (await this.teamViews(em, [await this.team(em, id)]))[0]);
  }

  /** Adds a member to a team, as the access policy allows the viewer (see AccessPolicy). */
  async addTeamMemberAs(
    viewer: Principal,
    teamId: number,
    memberId: number,
  ): Promise<{ teamId: number; memberId: number }> {
    await this.db.write(async () => {
      // Two leaders taking the same unassigned volunteer at once: the second sees the first's.
      await this.db.lockName(`member-teams:${memberId}`);
      await this.access.assertMayAddToTeam(viewer, teamId, memberId);
      await this.insertTeamMember(teamId, memberId);
    });
    return { teamId, memberId };
  }

  async removeTeamMember(viewer: Principal, teamId: number, memberId: number): Promise<void> {
    await this.db.write(async (em) => {
      await this.access.teamToManage(viewer, teamId);
      const result = await em.delete(TeamMember, { teamId, memberId });
      if (!result.affected) {
        throw DomainError.notFound('member of this team');
      }
    });
  }

  // ---- households ----

  /**
   * Staff see every household (contact and address masked for clerks); volunteers choose whom to
   * give to from the verified, active households, seeing only a masked name and the hardship.
   */
  async listHouseholds(
    viewer: Principal,
    query: { q?: string; limit?: number; cursor?: string },
  ): Promise<Page<HouseholdView | HouseholdChoice>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const afterId = decodeIdCursor(query.cursor) ?? 0;
    const forVolunteer = viewer.kind === 'member';
    return this.db.read(async (em) => {
      const where = ['h.id > ?'];
      const params: unknown[] = [afterId];
      if (forVolunteer) {
        where.push(`h.verified = ${this.db.boolSql(true)} AND h.active = ${this.db.boolSql(true)}`);
      } else if (query.q) {
        const alternatives = ["LOWER(h.name) LIKE ? ESCAPE '\\'"];
        params.push(likePattern(query.q.toLowerCase()));
        const passbookNo = normalisePassbookNumber(query.q);
        if (passbookNo) {
          alternatives.push('h.passbook_no = ?');
          params.push(passbookNo);
        }
        where.push(`(${alternatives.join(' OR ')})`);
      }
      const rows = await this.householdRows(em, where, [...params, limit + 1]);
      return toPage(rows, limit, (r) =>
        forVolunteer
          ? { id: r.id, name: maskName(r.name), hardship: r.hardship }
          : householdView(r, maySeePersonalData(viewer)),
      );
    });
  }

  async householdView(id: number, viewer: Principal): Promise<HouseholdView> {
    const rows = await this.db.read((em) => this.householdRows(em, ['h.id = ?'], [id, 1]));
    if (rows.length === 0) {
      throw DomainError.notFound('household');
    }
    return householdView(rows[0], maySeePersonalData(viewer));
  }

  /** Corrects details, or withdraws (verified: false) or closes (active: false) a household. */
  async updateHousehold(
    id: number,
    changes: {
      name?: string;
      hardship?: Hardship;
      address?: string | null;
      contact?: string | null;
      verified?: boolean;
      active?: boolean;
    },
    viewer: Principal,
  ): Promise<HouseholdView> {
    await this.db.write(async (em) => {
      const household = await em.findOneBy(Household, { id });
      if (!household) {
        throw DomainError.notFound('household');
      }
      const patch: Partial<Household> = {};
      for (const key of ['name', 'hardship', 'address', 'contact', 'verified', 'active'] as const) {
        if (changes[key] !== undefined) {
          (patch as Record<string, unknown>)[key] = changes[key];
        }
      }
      if (Object.keys(patch).length > 0) {
        await em.update(Household, { id }, patch);
      }
      if (changes.name !== undefined) {
        await em.update(Account, { id: household.accountId }, { name: changes.name });
      }
    });
    return this.householdView(id, viewer);
  }

  /**
   * The counter's "find a person without the passbook": by name (part of it), passbook number or
   * the last four digits of a phone, members and households alike. Shows what tells two people of
   * one name apart (masked phone, teams, passbook number) and nothing more; who may call it is the
   * endpoint's role list (clerk, admin).
   */
  async searchPassbooks(query: {
    q: string;
    limit?: number;
    cursor?: string;
  }): Promise<Page<PassbookMatch>> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const after = decodeKeyCursor(PASSBOOK_CURSOR.tag, query.cursor, PASSBOOK_CURSOR.shape) ?? '';
    const q = query.q.trim();
    const name = likePattern(q.toLowerCase());
    const passbookNo = normalisePassbookNumber(q) ?? '';
    // Only a whole last four: a clerk cannot walk a phone number digit by digit.
    const lastFour = /^\d{4}$/.test(q) ? `%${q}` : '';
    const phoneDigits = (col: string) => `REPLACE(REPLACE(${col}, ' ', ''), '-', '')`;
    return this.db.read(async (em) => {
      const raw: {
        passbook_no: string;
        owner_type: 'member' | 'household';
        id: unknown;
        name: string;
        phone: string | null;
        active: unknown;
      }[] = await em.query(
        sql(
          this.db,
          `SELECT * FROM (
             SELECT m.passbook_no, 'member' AS owner_type, m.id, m.name, m.phone, m.active
             FROM members m
             WHERE LOWER(m.name) LIKE ? ESCAPE '\\' OR m.passbook_no = ?
               OR (? <> '' AND ${phoneDigits('m.phone')} LIKE ?)
             UNION ALL
             SELECT h.passbook_no, 'household' AS owner_type, h.id, h.name, h.contact AS phone, h.active
             FROM households h
             WHERE LOWER(h.name) LIKE ? ESCAPE '\\' OR h.passbook_no = ?
               OR (? <> '' AND ${phoneDigits('h.contact')} LIKE ?)
           ) found
           WHERE passbook_no > ?
           ORDER BY passbook_no LIMIT ?`,
        ),
        [
          name,
          passbookNo,
          lastFour,
          lastFour,
          name,
          passbookNo,
          lastFour,
          lastFour,
          after,
          limit + 1,
        ],
      );
      const rows = raw.slice(0, limit);
      const memberIds = rows
        .filter((r) => r.owner_type === 'member')
        .map((r) => toSafeInteger(r.id));
      const teamNames = new Map<number, string[]>();
      if (memberIds.length) {
        const teamRows: { member_id: unknown; name: string }[] = await em.query(
          sql(
            this.db,
            `SELECT tm.member_id, t.name FROM team_members tm JOIN teams t ON t.id = tm.team_id
             WHERE tm.member_id IN (${memberIds.map(() => '?').join(', ')}) ORDER BY t.name`,
          ),
          memberIds,
        );
        for (const t of teamRows) {
          const id = toSafeInteger(t.member_id);
          teamNames.set(id, [...(teamNames.get(id) ?? []), t.name]);
        }
      }
      return {
        items: rows.map((r) => {
          const id = toSafeInteger(r.id);
          return {
            passbookNo: r.passbook_no,
            owner: { type: r.owner_type, id, name: r.name },
            phone:
              r.phone === null
                ? null
                : r.owner_type === 'member'
                  ? maskPhone(r.phone)
                  : maskContact(r.phone),
            teams: r.owner_type === 'member' ? (teamNames.get(id) ?? []) : [],
            active: Boolean(r.active),
          };
        }),
        nextCursor:
          raw.length > limit
            ? encodeKeyCursor(PASSBOOK_CURSOR.tag, rows[rows.length - 1].passbook_no)
            : null,
      };
    });
  }

  // ---- helpers ----

  private async queryMembers(
    em: EntityManager,
    viewer: Principal,
    opts: { id?: number; q?: string; teamId?: number; limit: number; afterId?: number },
  ): Promise<Page<MemberView>> {
    const where = ['m.id > ?'];
    const params: unknown[] = [opts.afterId ?? 0];
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
    const raw: {
      id: unknown;
      passbook_no: string;
      name: string;
      kind: MemberKind;
      phone: string | null;
      active: unknown;
      created_at: string;
      balance: unknown;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT m.id, m.passbook_no, m.name, m.kind, m.phone, m.active, m.created_at, b.balance
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
    return toPage(rows, opts.limit, (r) => ({
      id: r.id,
      passbookNo: r.passbook_no,
      name: r.name,
      kind: r.kind,
      phone: revealTo(r.phone, full, maskPhone),
      active: Boolean(r.active),
      balance: formatCents(toSafeInteger(r.balance)),
      teamIds: teams.get(r.id) ?? [],
      createdAt: r.created_at,
    }));
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

  private async team(em: EntityManager, id: number): Promise<Team> {
    const team = await em.findOneBy(Team, { id });
    if (!team) {
      throw DomainError.notFound('team');
    }
    return team;
  }

  private async teamViews(em: EntityManager, teams: Team[]): Promise<TeamView[]> {
    const ids = teams.map((t) => t.id);
    const leaders = ids.length
      ? await em.find(TeamLeader, { where: { teamId: In(ids) }, order: { userId: 'ASC' } })
      : [];
    const counts: { team_id: unknown; n: unknown }[] = ids.length
      ? await em.query(
          sql(
            this.db,
            `SELECT team_id, COUNT(*) AS n FROM team_members WHERE team_id IN (${ids.map(() => '?').join(', ')}) GROUP BY team_id`,
          ),
          ids,
        )
      : [];
    const countOf = new Map(counts.map((c) => [toSafeInteger(c.team_id), toSafeInteger(c.n)]));
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      serviceType: t.serviceType,
      leaderUserIds: leaders.filter((l) => l.teamId === t.id).map((l) => l.userId),
      memberCount: countOf.get(t.id) ?? 0,
      createdAt: t.createdAt,
    }));
  }

  private async assertTeamNameFree(em: EntityManager, name: string): Promise<void> {
    // Serialises two admins creating the same name at once (PostgreSQL; SQLite already queues).
    await this.db.lockName(`team-name:${name}`);
    if (await em.findOneBy(Team, { name })) {
      throw new DomainError(ErrorCode.CONFLICT, `a team named "${name}" already exists`, {
        reason: 'DUPLICATE_NAME',
        field: 'name',
      });
    }
  }

  private async checkLeaders(em: EntityManager, userIds: number[]): Promise<number[]> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) {
      return ids;
    }
    const leaders = await em.findBy(User, { id: In(ids), role: 'leader', active: true });
    if (leaders.length !== ids.length) {
      throw DomainError.validation('every leaderUserId must be an active user with role leader', {
        field: 'leaderUserIds',
        unknown: ids.filter((id) => !leaders.some((l) => l.id === id)),
      });
    }
    return ids;
  }

  private async householdRows(
    em: EntityManager,
    where: string[],
    params: unknown[],
  ): Promise<HouseholdRow[]> {
    const raw: (Omit<HouseholdRow, 'id'> & { id: unknown })[] = await em.query(
      sql(
        this.db,
        `SELECT h.id, h.passbook_no, h.name, h.hardship, h.address, h.contact, h.verified, h.active,
                h.created_at, b.balance
         FROM households h JOIN balances b ON b.account_id = h.account_id
         WHERE ${where.join(' AND ')} ORDER BY h.id LIMIT ?`,
      ),
      params,
    );
    return raw.map((r) => ({ ...r, id: toSafeInteger(r.id) }));
  }

  /** A pre-printed number must be well-formed, of the right kind and unused; else one is made. */
  private async passbookNumberFor(prefix: PassbookPrefix, given?: string): Promise<string> {
    if (given === undefined) {
      return this.freePassbookNumber(prefix);
    }
    const passbookNo = normalisePassbookNumber(given);
    if (!passbookNo || !passbookNo.startsWith(prefix)) {
      throw DomainError.validation(
        `passbookNo must be a ${prefix === 'V' ? 'volunteer (V…)' : 'household (H…)'} passbook number with a valid check character`,
        { field: 'passbookNo' },
      );
    }
    await this.db.lockName(`passbook-no:${passbookNo}`);
    if (await this.db.writeManager().findOneBy(Account, { passbookNo })) {
      throw new DomainError(ErrorCode.CONFLICT, `passbook number ${passbookNo} is already in use`, {
        reason: 'PASSBOOK_NO_TAKEN',
        field: 'passbookNo',
        passbookNo,
      });
    }
    return passbookNo;
  }

  private async freePassbookNumber(prefix: PassbookPrefix): Promise<string> {
    const em = this.db.writeManager();
    for (;;) {
      const candidate = newPassbookNumber(prefix);
      if (!(await em.findOneBy(Account, { passbookNo: candidate }))) {
        return candidate;
      }
    }
  }
}
