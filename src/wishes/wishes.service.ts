import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import {
  assertMayConfirmWish,
  assertMayPostWishForHousehold,
  communityOf,
  leaderIdOf,
  maySeePersonalData,
  mayReleaseWish,
  volunteerIdOf,
  AccessPolicy,
} from '../access/access.policy';
import { actorOf, Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { maskName } from '../common/mask';
import { decodeCursor, encodeCursor, LIMIT_DEFAULT } from '../common/pagination';
import { formatCents, parseCents, toSafeInteger } from '../common/points';
import { CommunitiesService } from '../communities/communities.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { joinReversal } from '../ledger/ledger-sql';
import { Household } from '../people/entities/household.entity';
import { TeamMember } from '../people/entities/team.entity';
import { ServiceRecordView } from '../service-records/service-record.view';
import { ServiceRecordsService } from '../service-records/service-records.service';
import { Wish, WishCategory, WishHelper, WishStatus } from './entities/wish.entity';

export interface WishInput {
  title: string;
  detail?: string;
  category: WishCategory;
  neededBy: string;
  points?: unknown;
}

export interface WishClaimView {
  kind: 'member' | 'team';
  /** The volunteer's name (masked but for admins) or the team's name. */
  name: string;
  teamId: number | null;
  /** True when the caller is the claimer (the volunteer, or a leader of the claiming team). */
  mine: boolean;
  claimedAt: string;
}

export interface WishView {
  id: number;
  status: WishStatus;
  /** Open (nobody claimed it) and its date has passed: the admin should find someone. */
  overdue: boolean;
  title: string;
  detail: string | null;
  category: WishCategory;
  neededBy: string;
  /** Whose wish: a household's (posted by staff) or a volunteer's own; name masked but for admins. */
  wisher: { type: 'household' | 'member'; name: string; householdId: number | null };
  pointsNeeded: string | null;
  /** Donations toward the wish, net of reversals. */
  pointsGiven: string;
  claim: WishClaimView | null;
  fulfilledOn: string | null;
  fulfilNote: string | null;
  createdAt: string;
}

export interface PublicWishView {
  id: number;
  status: WishStatus;
  title: string;
  detail: string | null;
  category: WishCategory;
  neededBy: string;
  /** Masked name of whom the wish is for. */
  name: string;
  /** The claiming team's name or the volunteer's masked name. */
  claimedBy: string | null;
  pointsNeeded: string | null;
  pointsGiven: string;
}

interface WishRow {
  id: unknown;
  status: WishStatus;
  title: string;
  detail: string | null;
  category: WishCategory;
  needed_by: string;
  household_id: unknown;
  member_id: unknown;
  points_needed: unknown;
  claim_member_id: unknown;
  claim_team_id: unknown;
  claimed_at: string | null;
  fulfilled_on: string | null;
  fulfil_note: string | null;
  created_at: string;
  wisher_name: string;
  claim_member_name: string | null;
  claim_team_name: string | null;
  given: unknown;
}

const CURSOR_TAG = 'w';
/** The wall's order: open wishes first, by their date; then claimed, then fulfilled; newest first. */
const RANK_SQL = "(CASE w.status WHEN 'open' THEN 0 WHEN 'claimed' THEN 1 ELSE 2 END)";
const DATE_KEY_SQL = "(CASE WHEN w.status = 'open' THEN w.needed_by ELSE '' END)";

const idOrNull = (v: unknown): number | null =>
  v === null || v === undefined ? null : toSafeInteger(v);

/**
 * Wishes (微心愿): posted for a hardship household by staff or by a volunteer for themself, claimed
 * by one volunteer or team at a time, fulfilled on staff's confirmation. Credit for it goes only
 * through ServiceRecordsService.log, and points toward it are ordinary donations naming it.
 */
@Injectable()
export class WishesService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly serviceRecords: ServiceRecordsService,
    private readonly communities: CommunitiesService,
  ) {}

  private today(): string {
    return this.clock.today(this.config.timeZone);
  }

  /** `POST /api/wishes`: an admin or clerk posts a wish on a hardship household's behalf. */
  async postForHousehold(
    principal: Principal,
    input: WishInput & { householdId: number },
  ): Promise<WishView> {
    assertMayPostWishForHousehold(principal);
    const communityId = communityOf(principal);
    const fields = this.fieldsOf(input);
    return this.db.write(async (em) => {
      const household = await em.findOneBy(Household, { id: input.householdId, communityId });
      if (!household) {
        throw new DomainError(ErrorCode.NOT_FOUND, 'household not found', {
          householdId: input.householdId,
        });
      }
      return this.insert(em, principal, { ...fields, householdId: household.id, memberId: null });
    });
  }

  /** `POST /api/me/wishes`: a volunteer posts a wish of their own. */
  async postOwn(principal: Principal, input: WishInput): Promise<WishView> {
    const memberId = volunteerIdOf(principal);
    if (memberId === null) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only a volunteer posts a wish of their own', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    const fields = this.fieldsOf(input);
    return this.db.write((em) =>
      this.insert(em, principal, { ...fields, householdId: null, memberId }),
    );
  }

  private fieldsOf(input: WishInput) {
    if (input.neededBy < this.today()) {
      throw DomainError.validation(`neededBy must be today (${this.today()}) or later`, {
        field: 'neededBy',
        earliest: this.today(),
      });
    }
    return {
      title: input.title.trim(),
      detail: input.detail?.trim() ? input.detail.trim() : null,
      category: input.category,
      neededBy: input.neededBy,
      pointsNeeded:
        input.points === undefined || input.points === null
          ? null
          : parseCents(input.points, { field: 'points' }),
    };
  }

  private async insert(
    em: EntityManager,
    principal: Principal,
    fields: Pick<
      Wish,
      'title' | 'detail' | 'category' | 'neededBy' | 'pointsNeeded' | 'householdId' | 'memberId'
    >,
  ): Promise<WishView> {
    const wish = em.create(Wish, {
      ...fields,
      communityId: communityOf(principal),
      status: 'open',
      claimMemberId: null,
      claimTeamId: null,
      claimedBy: null,
      claimedAt: null,
      fulfilledOn: null,
      fulfilledAt: null,
      fulfilledBy: null,
      fulfilNote: null,
      createdBy: actorOf(principal),
      createdAt: this.clock.now().toISOString(),
    });
    wish.id = toSafeInteger((await em.insert(Wish, wish)).identifiers[0].id);
    return this.viewOf(em, principal, wish.id);
  }

  /** The wish wall of the caller's community: staff and volunteers; names masked but for admins. */
  async list(
    principal: Principal,
    query: { status?: WishStatus; overdue?: boolean; limit?: number; cursor?: string },
  ): Promise<{ items: WishView[]; nextCursor: string | null; overdueCount: number }> {
    const communityId = communityOf(principal);
    const ledTeamIds = await this.ledTeams(principal);
    return this.db.read(async (em) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.status !== undefined) {
        where.push('w.status = ?');
        params.push(query.status);
      }
      if (query.overdue === true) {
        where.push("w.status = 'open' AND w.needed_by < ?");
        params.push(this.today());
      }
      const { rows, nextCursor } = await this.page(em, communityId, where, params, query);
      const [{ c }] = await em.query(
        sql(
          this.db,
          "SELECT COUNT(*) AS c FROM wishes WHERE community_id = ? AND status = 'open' AND needed_by < ?",
        ),
        [communityId, this.today()],
      );
      return {
        items: rows.map((r) => this.view(principal, r, ledTeamIds)),
        nextCursor,
        overdueCount: toSafeInteger(c),
      };
    });
  }

  /** `GET /api/public/wishes?community=<code>`: masked names, the wish, its status; no ids of people. */
  async publicList(
    code: string | undefined,
    query: { limit?: number; cursor?: string },
  ): Promise<{
    community: { code: string; name: string | null };
    items: PublicWishView[];
    nextCursor: string | null;
  }> {
    const community = await this.communities.publicCommunity(code);
    return this.db.read(async (em) => {
      const { rows, nextCursor } = await this.page(em, community.id, [], [], query);
      return {
        community: { code: community.code, name: community.name },
        items: rows.map((r) => ({
          id: toSafeInteger(r.id),
          status: r.status,
          title: r.title,
          detail: r.detail,
          category: r.category,
          neededBy: r.needed_by,
          name: maskName(r.wisher_name),
          claimedBy:
            r.claim_team_name ?? (r.claim_member_name ? maskName(r.claim_member_name) : null),
          pointsNeeded:
            r.points_needed === null ? null : formatCents(toSafeInteger(r.points_needed)),
          pointsGiven: formatCents(toSafeInteger(r.given)),
        })),
        nextCursor,
      };
    });
  }

  /** `GET /api/wishes/:id`: one wish of the caller's community (another community's: 404). */
  async get(principal: Principal, id: number): Promise<WishView> {
    communityOf(principal);
    return this.db.read((em) => this.viewOf(em, principal, id));
  }

  /** A volunteer claims a wish for themself; claiming it again is the same answer. */
  async claimAsVolunteer(principal: Principal, id: number): Promise<WishView> {
    const memberId = volunteerIdOf(principal);
    if (memberId === null) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only a volunteer claims a wish for themself', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    return this.claim(principal, id, { memberId, teamId: null });
  }

  /** A leader (or an admin) claims a wish for a team they may manage. */
  async claimForTeam(principal: Principal, id: number, teamId: number): Promise<WishView> {
    communityOf(principal);
    await this.lockedWish(null, principal, id);
    await this.access.teamToManage(principal, teamId);
    return this.claim(principal, id, { memberId: null, teamId });
  }

  private async claim(
    principal: Principal,
    id: number,
    claimer: { memberId: number | null; teamId: number | null },
  ): Promise<WishView> {
    return this.db.write(async (em) => {
      const wish = await this.lockedWish(em, principal, id);
      this.assertNotFulfilled(wish);
      if (wish.status === 'claimed') {
        if (wish.claimMemberId === claimer.memberId && wish.claimTeamId === claimer.teamId) {
          return this.viewOf(em, principal, id);
        }
        const current = await this.viewOf(em, principal, id);
        throw new DomainError(
          ErrorCode.CONFLICT,
          `this wish is claimed by ${current.claim!.name} already; it is free again when they release it`,
          {
            reason: 'WISH_CLAIMED',
            claim: { kind: current.claim!.kind, name: current.claim!.name },
          },
        );
      }
      await em.update(
        Wish,
        { id },
        {
          status: 'claimed',
          claimMemberId: claimer.memberId,
          claimTeamId: claimer.teamId,
          claimedBy: actorOf(principal),
          claimedAt: this.clock.now().toISOString(),
        },
      );
      return this.viewOf(em, principal, id);
    });
  }

  /** Releases a wish's claim: the claimer (the volunteer, a leader of the team) or an admin. */
  async release(principal: Principal, id: number): Promise<WishView> {
    communityOf(principal);
    const ledTeamIds = await this.ledTeams(principal);
    return this.db.write(async (em) => {
      const wish = await this.lockedWish(em, principal, id);
      this.assertNotFulfilled(wish);
      if (wish.status === 'open') {
        throw new DomainError(ErrorCode.CONFLICT, 'nobody has claimed this wish', {
          reason: 'WISH_NOT_CLAIMED',
          status: wish.status,
        });
      }
      if (
        !mayReleaseWish(
          principal,
          { memberId: wish.claimMemberId, teamId: wish.claimTeamId },
          ledTeamIds,
        )
      ) {
        const current = await this.viewOf(em, principal, id);
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          'this wish is claimed by someone else: only they or an admin may release it',
          {
            reason: 'NOT_WISH_CLAIMER',
            claim: { kind: current.claim!.kind, name: current.claim!.name },
          },
        );
      }
      await em.update(
        Wish,
        { id },
        {
          status: 'open',
          claimMemberId: null,
          claimTeamId: null,
          claimedBy: null,
          claimedAt: null,
        },
      );
      return this.viewOf(em, principal, id);
    });
  }

  /**
   * `POST /api/wishes/:id/fulfil`: staff who saw it done confirm it; each volunteer who did it (the
   * claimer, or the named members of the claiming team) gets a service record under the community's
   * `wishItemCode`, through ServiceRecordsService.log with its caps, same-day checks and approval.
   */
  async fulfil(
    principal: Principal,
    id: number,
    input: { note: string; memberIds?: number[]; quantity?: unknown; confirmDuplicate?: boolean },
  ): Promise<{ wish: WishView; records: ServiceRecordView[] }> {
    assertMayConfirmWish(principal);
    const communityId = communityOf(principal);
    const config = await this.serviceRecords.configOf(communityId);
    return this.db.write(async (em) => {
      const wish = await this.lockedWish(em, principal, id);
      this.assertNotFulfilled(wish);
      if (wish.status === 'open') {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'nobody has claimed this wish: a volunteer or a team claims it before it is fulfilled',
          { reason: 'WISH_NOT_CLAIMED', status: wish.status },
        );
      }
      const memberIds = await this.helpersOf(em, wish, input.memberIds);
      const { rows, records } = await this.serviceRecords.log({
        principal,
        itemCode: config.wishItemCode,
        serviceDate: this.today(),
        teamId: wish.claimTeamId,
        lines: memberIds.map((memberId) => ({
          memberId,
          quantity: input.quantity ?? 1,
          note: `微心愿 · ${wish.title}`,
        })),
        fieldOf: (i, field) => (field === 'memberId' ? `memberIds[${i}]` : field),
        wish: { id: wish.id, title: wish.title },
        confirmDuplicate: input.confirmDuplicate === true,
      });
      for (const row of rows) {
        await em.insert(WishHelper, {
          wishId: wish.id,
          memberId: row.memberId,
          serviceRecordId: row.id,
        });
      }
      await em.update(
        Wish,
        { id },
        {
          status: 'fulfilled',
          fulfilledOn: this.today(),
          fulfilledAt: this.clock.now().toISOString(),
          fulfilledBy: actorOf(principal),
          fulfilNote: input.note.trim(),
        },
      );
      return { wish: await this.viewOf(em, principal, id), records };
    });
  }

  /** Who is credited: the claiming volunteer, or the named members of the claiming team. */
  private async helpersOf(
    em: EntityManager,
    wish: Wish,
    named: number[] | undefined,
  ): Promise<number[]> {
    if (wish.claimTeamId === null) {
      const claimer = wish.claimMemberId!;
      if (named !== undefined && (named.length !== 1 || named[0] !== claimer)) {
        throw DomainError.validation(
          'the volunteer who claimed this wish is the one credited; leave memberIds out',
          { field: 'memberIds' },
        );
      }
      return [claimer];
    }
    const unique = [...new Set(named ?? [])];
    if (unique.length === 0) {
      throw DomainError.validation('name the members of the claiming team who did it', {
        field: 'memberIds',
      });
    }
    const inTeam = await em.findBy(TeamMember, { teamId: wish.claimTeamId, memberId: In(unique) });
    const outside = unique.filter((m) => !inTeam.some((t) => t.memberId === m));
    if (outside.length > 0) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `member ${outside.join(', ')} is not in the team that claimed this wish`,
        { reason: 'NOT_IN_TEAM', memberIds: outside, teamId: wish.claimTeamId },
      );
    }
    return unique;
  }

  private assertNotFulfilled(wish: Wish): void {
    if (wish.status === 'fulfilled') {
      throw new DomainError(ErrorCode.CONFLICT, 'this wish was fulfilled already', {
        reason: 'WISH_NOT_OPEN',
        status: wish.status,
      });
    }
  }

  /** The wish of the caller's community, locked inside a write; another community's is 404. */
  private async lockedWish(
    em: EntityManager | null,
    principal: Principal,
    id: number,
  ): Promise<Wish> {
    const find = (m: EntityManager) =>
      m.findOneBy(Wish, { id, communityId: communityOf(principal) });
    let wish: Wish | null;
    if (em) {
      // Two claims of one wish at once: the second waits and sees the first's.
      await this.db.lockName(`wish:${id}`);
      wish = await find(em);
    } else {
      wish = await this.db.read(find);
    }
    if (!wish) {
      throw DomainError.notFound('wish');
    }
    return wish;
  }

  private async ledTeams(principal: Principal): Promise<number[]> {
    const leaderId = leaderIdOf(principal);
    return leaderId === null ? [] : this.access.ledTeamIds(leaderId);
  }

  private async page(
    em: EntityManager,
    communityId: number,
    where: string[],
    params: unknown[],
    query: { limit?: number; cursor?: string; id?: number },
  ): Promise<{ rows: WishRow[]; nextCursor: string | null }> {
    const limit = query.limit ?? LIMIT_DEFAULT;
    const conditions = ['w.community_id = ?', ...where];
    const bound = [communityId, ...params];
    if (query.id !== undefined) {
      conditions.push('w.id = ?');
      bound.push(query.id);
    }
    const after = decodeCursor(CURSOR_TAG, query.cursor, ['integer', 'integer', 'id']);
    if (after) {
      const [rank, dateKey, id] = after;
      const date =
        dateKey === 0
          ? ''
          : `${String(dateKey).slice(0, 4)}-${String(dateKey).slice(4, 6)}-${String(dateKey).slice(6, 8)}`;
      conditions.push(
        `(${RANK_SQL} > ? OR (${RANK_SQL} = ? AND (${DATE_KEY_SQL} > ? OR (${DATE_KEY_SQL} = ? AND w.id < ?))))`,
      );
      bound.push(rank, rank, date, date, id);
    }
    bound.push(limit + 1);
    const rows: (WishRow & { rank: unknown; date_key: string })[] = await em.query(
      sql(
        this.db,
        `SELECT w.id, w.status, w.title, w.detail, w.category, w.needed_by, w.household_id,
                w.member_id, w.points_needed, w.claim_member_id, w.claim_team_id, w.claimed_at,
                w.fulfilled_on, w.fulfil_note, w.created_at,
                COALESCE(h.name, m.name) AS wisher_name, cm.name AS claim_member_name,
                ct.name AS claim_team_name, ${RANK_SQL} AS rank, ${DATE_KEY_SQL} AS date_key,
                (SELECT COALESCE(SUM(d.points), 0) FROM donations d ${joinReversal('r', 'd.transaction_id')}
                  WHERE d.wish_id = w.id AND r.id IS NULL) AS given
         FROM wishes w
         LEFT JOIN households h ON h.id = w.household_id
         LEFT JOIN members m ON m.id = w.member_id
         LEFT JOIN members cm ON cm.id = w.claim_member_id
         LEFT JOIN teams ct ON ct.id = w.claim_team_id
         WHERE ${conditions.join(' AND ')}
         ORDER BY ${RANK_SQL} ASC, ${DATE_KEY_SQL} ASC, w.id DESC LIMIT ?`,
      ),
      bound,
    );
    const more = rows.length > limit;
    const kept = rows.slice(0, limit);
    const last = kept[kept.length - 1];
    return {
      rows: kept,
      nextCursor:
        more && last
          ? encodeCursor(
              CURSOR_TAG,
              toSafeInteger(last.rank),
              last.date_key ? Number(last.date_key.replace(/-/g, '')) : 0,
              toSafeInteger(last.id),
            )
          : null,
    };
  }

  private async viewOf(em: EntityManager, principal: Principal, id: number): Promise<WishView> {
    const { rows } = await this.page(em, communityOf(principal), [], [], { id, limit: 1 });
    if (rows.length === 0) {
      throw DomainError.notFound('wish');
    }
    return this.view(principal, rows[0], await this.ledTeams(principal));
  }

  private view(principal: Principal, r: WishRow, ledTeamIds: number[]): WishView {
    const full = maySeePersonalData(principal);
    const claimMemberId = idOrNull(r.claim_member_id);
    const claimTeamId = idOrNull(r.claim_team_id);
    const householdId = idOrNull(r.household_id);
    const name = (n: string) => (full ? n : maskName(n));
    return {
      id: toSafeInteger(r.id),
      status: r.status,
      overdue: r.status === 'open' && r.needed_by < this.today(),
      title: r.title,
      detail: r.detail,
      category: r.category,
      neededBy: r.needed_by,
      wisher: {
        type: householdId !== null ? 'household' : 'member',
        name: name(r.wisher_name),
        householdId,
      },
      pointsNeeded: r.points_needed === null ? null : formatCents(toSafeInteger(r.points_needed)),
      pointsGiven: formatCents(toSafeInteger(r.given)),
      claim:
        r.status === 'open' || r.claimed_at === null
          ? null
          : {
              kind: claimTeamId !== null ? 'team' : 'member',
              name: claimTeamId !== null ? r.claim_team_name! : name(r.claim_member_name!),
              teamId: claimTeamId,
              mine:
                (claimMemberId !== null && claimMemberId === volunteerIdOf(principal)) ||
                (claimTeamId !== null && ledTeamIds.includes(claimTeamId)),
              claimedAt: r.claimed_at,
            },
      fulfilledOn: r.fulfilled_on,
      fulfilNote: r.fulfil_note,
      createdAt: r.created_at,
    };
  }
}
