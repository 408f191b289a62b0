import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { Principal } from '../auth/principal';
import { Community } from '../communities/entities/community.entity';
import { Member } from '../people/entities/member.entity';
import { Team, TeamLeader, TeamMember } from '../people/entities/team.entity';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';

/*
 * Every decision of who may see or act on what, one named function each: pure functions of the
 * principal (and of what the resource belongs to) here at the top, and `AccessPolicy` below for
 * those that read who leads which team. Services call these and decide nothing of their own. A
 * further scope (a community) is added here: each decision gains the owner's fact it needs, and
 * the list scopes (`memberScopeOf`, `visibleTeamIds`) one more condition.
 */

/** An administrator (of their community). */
export const isAdmin = (p: Principal): boolean => p.kind === 'user' && p.role === 'admin';

/** A street-office user: reads every community of their street office, acts in none. */
export const isOffice = (p: Principal): boolean => p.kind === 'user' && p.role === 'office';

/* office helper: the street office a principal oversees, and the communities it may manage. */

/**
 * The street office a street-office user oversees; everyone else manages no street office (403,
 * as the endpoints' roles already refuse them).
 */
export function streetOfficeOf(p: Principal): number {
  if (p.kind !== 'user' || p.role !== 'office' || p.streetOfficeId === null) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'only a street-office user may do this', {
      reason: 'ROLE_NOT_ALLOWED',
    });
  }
  return p.streetOfficeId;
}

/** A community of the street office: another street office's community is 404, like an unknown id. */
export const inStreetOffice = (p: Principal, community: { streetOfficeId: number }): boolean =>
  isOffice(p) && p.kind === 'user' && p.streetOfficeId === community.streetOfficeId;

/**
 * The community a principal acts in: their own. A street-office user acts in no community, so
 * anything that writes or reads one community's rows on their behalf is refused (403).
 */
export function communityOf(p: Principal): number {
  if (p.communityId === null) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      "a street-office user reads the communities; people, points and the shop are the community staff's",
      { reason: 'ROLE_NOT_ALLOWED' },
    );
  }
  return p.communityId;
}

/**
 * Same community: a row of another community is for the principal as if it did not exist (404, so
 * ids cannot be probed across communities). Street-office users own no community's rows.
 */
export const inCommunity = (p: Principal, communityId: number): boolean =>
  p.communityId !== null && p.communityId === communityId;

/** The member id of a volunteer, whose scope is their own passbook and gifts; null for staff. */
export const volunteerIdOf = (p: Principal): number | null =>
  p.kind === 'member' ? p.memberId : null;

/** The user id of a leader, null for everyone else. */
export const leaderIdOf = (p: Principal): number | null =>
  p.kind === 'user' && p.role === 'leader' ? p.userId : null;

/**
 * SQL condition "the member in `memberColumn` is in a team the leader bound to `param` leads": the
 * leader's scope in list queries, the same rule as `leadsMember`.
 */
export const ledMemberSql = (memberColumn: string, param = '?'): string =>
  `EXISTS (SELECT 1 FROM team_members lm JOIN team_leaders ll ON ll.team_id = lm.team_id WHERE lm.member_id = ${memberColumn} AND ll.user_id = ${param})`;

/**
 * SQL condition "the event in `eventColumn` has a team the leader bound to `param` leads": the
 * leader's scope in event lists, the same rule as `AccessPolicy.mayRunEvent`.
 */
export const ledEventSql = (eventColumn: string, param = '?'): string =>
  `EXISTS (SELECT 1 FROM event_teams lt JOIN team_leaders ll ON ll.team_id = lt.team_id WHERE lt.event_id = ${eventColumn} AND ll.user_id = ${param})`;

/**
 * SQL condition "the member bound to `param` (twice) may take part in the event `e`" (its
 * `community_id`, `signup_audience`, `id` columns): the volunteer's list of events, the same rule
 * as `AccessPolicy.mayTakePart`. The caller binds the member's community and id (3 params).
 */
export const takePartSql = (e: string): string =>
  `(${e}.community_id = ? AND (${e}.signup_audience = 'community'` +
  ` OR EXISTS (SELECT 1 FROM event_signups ps WHERE ps.event_id = ${e}.id AND ps.member_id = ? AND ps.status = 'signed_up')` +
  ` OR EXISTS (SELECT 1 FROM event_teams pt JOIN team_members pm ON pm.team_id = pt.team_id WHERE pt.event_id = ${e}.id AND pm.member_id = ?)))`;

/**
 * Who may see personal data unmasked (full phones, addresses, household contacts and names, who
 * gave to whom, search by phone digits): administrators; everyone else sees it masked.
 */
export const maySeePersonalData = (p: Principal): boolean => isAdmin(p);

/**
 * Who may have identity document numbers in clear: an administrator, or the street office reading
 * one of its communities, and only in the national export (their upward report). No API answer
 * ever holds one unmasked, whoever asks.
 */
export const mayExportIdNumbers = (p: Principal): boolean => isAdmin(p) || isOffice(p);

/** Who may log service at all (for whom and under which team: `AccessPolicy.teamToLogUnder`). */
export function assertMayLogService(p: Principal): void {
  if (!isAdmin(p) && leaderIdOf(p) === null) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'only an admin or a team leader may log service', {
      reason: 'ROLE_NOT_ALLOWED',
    });
  }
}

/** Items of the standard marked `adminOnly` are awarded by administrators only. */
export const mayAwardAdminOnlyItem = (p: Principal): boolean => isAdmin(p);

/** Service an administrator logs is credited at once; a leader's waits when approval is required. */
export const logsWithoutApproval = (p: Principal): boolean => isAdmin(p);

/** A clerk cancels or takes a return only while the redemption's window is open; an admin always. */
export const mayActOutsideWindow = (p: Principal): boolean => isAdmin(p);

/**
 * Who may correct a year whose star rating is published (naming an open objection) or final (as a
 * restatement): admins only; anyone else meets the closed year.
 */
export const mayCorrectClosedYear = (p: Principal): boolean => isAdmin(p);

/**
 * Of those who run an event, who may delete one of its photos: anyone while it is planned; once it
 * is closed (or cancelled) the photos are evidence of what was recorded, and only an admin may.
 */
export const mayDeleteEventPhoto = (p: Principal, event: { status: string }): boolean =>
  event.status === 'planned' || isAdmin(p);

/**
 * Which members a viewer's lists show: every member (admins), the members of the teams a leader
 * leads, or none (everyone else). `condition` is the SQL of the leader's scope, bound to `leaderId`.
 */
export type MemberScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'led'; leaderId: number; condition: (memberColumn: string, param?: string) => string };

export function memberScopeOf(viewer: Principal): MemberScope {
  const leaderId = leaderIdOf(viewer);
  if (leaderId !== null) {
    return { kind: 'led', leaderId, condition: ledMemberSql };
  }
  return isAdmin(viewer) ? { kind: 'all' } : { kind: 'none' };
}

/**
 * Which events a viewer's event list shows (within their community): every event (admins), those of
 * the teams a leader leads, or none (everyone else). `condition` is the SQL of the leader's scope.
 */
export type EventScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'led'; leaderId: number; condition: (eventColumn: string, param?: string) => string };

export function eventScopeOf(viewer: Principal): EventScope {
  const leaderId = leaderIdOf(viewer);
  if (leaderId !== null) {
    return { kind: 'led', leaderId, condition: ledEventSql };
  }
  return isAdmin(viewer) ? { kind: 'all' } : { kind: 'none' };
}

// --- service menu (点单): who publishes, orders, takes and sees orders ---

/** Who may read the community's service menu: its staff and volunteers (a street office: 403). */
export function assertMaySeeMenu(p: Principal): void {
  communityOf(p);
}

/** Who places an order on a household's behalf (and cancels or rates it for them): admins and clerks. */
export const mayOrderForHousehold = (p: Principal): boolean =>
  p.kind === 'user' && (p.role === 'admin' || p.role === 'clerk');

/**
 * Who acts as the one who ordered (cancels the order, rates the service): the volunteer who ordered
 * their own; for a household's order, an admin or a clerk of its community.
 */
export const mayActAsOrderer = (
  p: Principal,
  order: { communityId: number; memberId: number | null; householdId: number | null },
): boolean =>
  inCommunity(p, order.communityId) &&
  (order.memberId !== null
    ? p.kind === 'member' && p.memberId === order.memberId
    : mayOrderForHousehold(p));

/**
 * Which orders a viewer's order list shows (within their community): all (admins), households'
 * (clerks), those of the teams a leader leads, a volunteer's own.
 */
export type OrderScope =
  | { kind: 'all' }
  | { kind: 'households' }
  | { kind: 'teams'; leaderId: number }
  | { kind: 'own'; memberId: number };

export function orderScopeOf(viewer: Principal): OrderScope {
  if (viewer.kind === 'member') {
    return { kind: 'own', memberId: viewer.memberId };
  }
  switch (viewer.role) {
    case 'admin':
      return { kind: 'all' };
    case 'clerk':
      return { kind: 'households' };
    case 'leader':
      return { kind: 'teams', leaderId: viewer.userId };
    case 'office':
      throw new DomainError(ErrorCode.FORBIDDEN, 'a street-office user sees no orders', {
        reason: 'ROLE_NOT_ALLOWED',
      });
  }
}

// --- end service menu ---

// --- passbooks helper: moving a volunteer between communities (记录转移接续) ---

/**
 * Whether a volunteer may move from one community to the other: only to another community of the
 * same street office (any other target is answered as unknown, 404).
 */
export const mayMoveBetween = (
  from: { id: number; streetOfficeId: number },
  to: { id: number; streetOfficeId: number },
): boolean => from.id !== to.id && from.streetOfficeId === to.streetOfficeId;

/** Moves a member out of their community: an admin of that community (others: 404 as unknown). */
export const mayTransferMember = (p: Principal, member: { communityId: number }): boolean =>
  isAdmin(p) && inCommunity(p, member.communityId);

/**
 * Reads a member's moves: an admin of a community the member is in now or was moved from or into
 * (the old community keeps the record of where its volunteer went).
 */
export const maySeeMemberTransfers = (
  p: Principal,
  member: { communityId: number },
  transfers: { fromCommunityId: number; toCommunityId: number }[],
): boolean =>
  isAdmin(p) &&
  (inCommunity(p, member.communityId) ||
    transfers.some((t) => inCommunity(p, t.fromCommunityId) || inCommunity(p, t.toCommunityId)));

/** Adjusts a passbook: an admin of the passbook's community (another community's: 404). */
export const mayAdjustPassbook = (p: Principal, holder: { communityId: number }): boolean =>
  isAdmin(p) && inCommunity(p, holder.communityId);

// --- end passbooks helper ---

// --- wishes (微心愿): who posts, claims, releases and confirms ---

/** Who posts a wish on a hardship household's behalf: an admin or a clerk (volunteers post their own). */
export function assertMayPostWishForHousehold(p: Principal): void {
  if (!(p.kind === 'user' && (p.role === 'admin' || p.role === 'clerk'))) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      "only an admin or a clerk posts a wish on a household's behalf",
      { reason: 'ROLE_NOT_ALLOWED' },
    );
  }
}

/**
 * Who confirms a wish fulfilled (and so has its volunteers credited): an admin or a clerk who saw
 * it done, never the claimer; the credit itself goes through the service-record path.
 */
export function assertMayConfirmWish(p: Principal): void {
  if (!(p.kind === 'user' && (p.role === 'admin' || p.role === 'clerk'))) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      'only an admin or a clerk confirms that a wish was fulfilled',
      { reason: 'ROLE_NOT_ALLOWED' },
    );
  }
}

/**
 * Who may release a wish's claim: an admin, the volunteer who claimed it, or a leader of the team
 * that claimed it (`ledTeamIds`: the teams the caller leads).
 */
export const mayReleaseWish = (
  p: Principal,
  claim: { memberId: number | null; teamId: number | null },
  ledTeamIds: number[],
): boolean =>
  isAdmin(p) ||
  (p.kind === 'member' && claim.memberId === p.memberId) ||
  (leaderIdOf(p) !== null && claim.teamId !== null && ledTeamIds.includes(claim.teamId));

// --- end wishes ---

/** What a passbook belongs to, as far as access is concerned. */
export type PassbookHolder =
  | { type: 'member'; memberId: number; communityId: number }
  | { type: 'household'; communityId: number };

/**
 * Who may see or act on which member, team and passbook: the one place that decides it, with
 * `test/access.e2e-spec.ts` as its specification. Admins act on everyone; a leader on the teams
 * they lead and the members of those teams; clerks see passbooks; a volunteer sees their own.
 *
 * Team membership: a leader may add to a team they lead only an active volunteer who is in no team
 * yet, or one already in another team they lead. Whoever is in a team the leader does not lead is
 * assigned by an admin, so no leader can pull another leader's member into their own scope. Members
 * a leader may not see are answered 404, like unknown ids, so ids cannot be probed.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly db: Database) {}

  /**
   * The communities a principal may read: a street-office user every community of their street
   * office, everyone else their own.
   */
  async communitiesReadable(viewer: Principal): Promise<Community[]> {
    return this.db.read((em) =>
      viewer.communityId !== null
        ? em.find(Community, { where: { id: viewer.communityId } })
        : em.find(Community, {
            where: { streetOfficeId: viewer.kind === 'user' ? (viewer.streetOfficeId ?? -1) : -1 },
            order: { id: 'ASC' },
          }),
    );
  }

  /**
   * The one community a read is about: community staff and volunteers read their own (naming
   * another, by id or code, is 404); a street-office user names one of their street office's
   * (`?community=`), else 400.
   */
  async communityToRead(viewer: Principal, requested?: string | number): Promise<Community> {
    const readable = await this.communitiesReadable(viewer);
    if (requested === undefined || requested === '') {
      if (viewer.communityId !== null && readable.length === 1) {
        return readable[0];
      }
      throw DomainError.validation('name the community to read: ?community=<code or id>', {
        field: 'community',
      });
    }
    const key = String(requested);
    const found = readable.find((c) => c.code === key || String(c.id) === key);
    if (!found) {
      throw DomainError.notFound('community');
    }
    return found;
  }

  /** Team ids a user leads. */
  async ledTeamIds(userId: number): Promise<number[]> {
    return this.db.read(async (em) =>
      (await em.find(TeamLeader, { where: { userId }, order: { teamId: 'ASC' } })).map(
        (l) => l.teamId,
      ),
    );
  }

  /** The teams a viewer's team list shows: a leader's own, everyone else's all (null). */
  async visibleTeamIds(viewer: Principal): Promise<number[] | null> {
    const leaderId = leaderIdOf(viewer);
    return leaderId === null ? null : this.ledTeamIds(leaderId);
  }

  /** True when the member belongs to at least one team the user leads. */
  async leadsMember(userId: number, memberId: number): Promise<boolean> {
    return this.db.read(async (em) => {
      const rows: unknown[] = await em.query(
        sql(this.db, `SELECT 1 FROM members m WHERE m.id = ? AND ${ledMemberSql('m.id')}`),
        [memberId, userId],
      );
      return rows.length > 0;
    });
  }

  /** Admins see every member of their community, leaders the members of their teams. */
  async maySeeMember(viewer: Principal, memberId: number): Promise<boolean> {
    if (!(await this.memberInCommunity(viewer, memberId))) {
      return false;
    }
    if (isAdmin(viewer)) {
      return true;
    }
    const leaderId = leaderIdOf(viewer);
    return leaderId !== null && this.leadsMember(leaderId, memberId);
  }

  // --- people (helper "people"): members, teams and staff users of one community ---

  /** The member, if it is of the viewer's community (null otherwise, answered as unknown). */
  async memberOfCommunity(viewer: Principal, memberId: number): Promise<Member | null> {
    const member = await this.db.read((em) => em.findOneBy(Member, { id: memberId }));
    return member && inCommunity(viewer, member.communityId) ? member : null;
  }

  private async memberInCommunity(viewer: Principal, memberId: number): Promise<boolean> {
    return (await this.memberOfCommunity(viewer, memberId)) !== null;
  }

  /** The team, if it is of the viewer's community; another community's team is unknown (404). */
  async teamOfCommunity(viewer: Principal, teamId: number): Promise<Team> {
    const team = await this.db.read((em) => em.findOneBy(Team, { id: teamId }));
    if (!team || !inCommunity(viewer, team.communityId)) {
      throw DomainError.notFound('team');
    }
    return team;
  }

  /**
   * The staff user an admin manages: one of the admin's community; a user of another community or
   * of a street office is unknown to them (404).
   */
  async userToManage(viewer: Principal, userId: number): Promise<User> {
    const user = await this.db.read((em) => em.findOneBy(User, { id: userId }));
    if (!user || !isAdmin(viewer) || !inCommunity(viewer, user.communityId ?? -1)) {
      throw DomainError.notFound('user');
    }
    return user;
  }

  // --- end people ---

  /** Admins and clerks see every passbook, leaders their teams' members', volunteers their own. */
  async maySeePassbook(viewer: Principal, holder: PassbookHolder): Promise<boolean> {
    if (!inCommunity(viewer, holder.communityId)) {
      return false;
    }
    if (viewer.kind === 'member') {
      return holder.type === 'member' && holder.memberId === viewer.memberId;
    }
    switch (viewer.role) {
      case 'admin':
      case 'clerk':
        return true;
      case 'leader':
        return holder.type === 'member' && this.leadsMember(viewer.userId, holder.memberId);
      case 'office':
        return false;
    }
  }

  /**
   * The team, if the viewer is an admin of its community or one of its leaders (404 unknown or of
   * another community, 403 someone else's).
   */
  async teamToManage(viewer: Principal, teamId: number): Promise<Team> {
    const team = await this.teamOfCommunity(viewer, teamId);
    if (isAdmin(viewer)) {
      return team;
    }
    const leaderId = leaderIdOf(viewer);
    if (leaderId === null) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'your role may not do this', {
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
    if (!(await this.ledTeamIds(leaderId)).includes(teamId)) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'you do not lead this team', {
        reason: 'NOT_TEAM_LEADER',
      });
    }
    return team;
  }

  /**
   * May the viewer put the member into the team? Admins: anyone into any team. Leaders: into a team
   * they lead, an active member who is in no team or already in one of theirs; a member only in
   * other leaders' teams is not theirs to take (404, as for a member they may not see).
   */
  async assertMayAddToTeam(viewer: Principal, teamId: number, memberId: number): Promise<void> {
    await this.teamToManage(viewer, teamId);
    // A team's members are of the team's community, which is the viewer's (teamToManage).
    const member = await this.memberOfCommunity(viewer, memberId);
    const leaderId = leaderIdOf(viewer);
    if (leaderId === null) {
      if (!member) {
        throw DomainError.notFound('member');
      }
      return;
    }
    const led = new Set(await this.ledTeamIds(leaderId));
    const teams = member
      ? (await this.db.read((em) => em.findBy(TeamMember, { memberId }))).map((m) => m.teamId)
      : [];
    const visible = teams.some((id) => led.has(id));
    const unassigned = teams.length === 0;
    if (!member || (!visible && !(unassigned && member.active))) {
      throw DomainError.notFound('member');
    }
    if (!member.active) {
      throw new DomainError(ErrorCode.CONFLICT, 'this member no longer volunteers here', {
        memberId,
        reason: 'MEMBER_INACTIVE',
      });
    }
  }

  /**
   * The team service is logged under, after checking who may log for whom: an admin for anyone,
   * under any team or none; a leader for members of the teams they lead, under one of those teams
   * that every member is in (so the by-team report counts it where it was served). Members a
   * leader may not see are refused like unknown ones (404), before anything about them is read.
   */
  async teamToLogUnder(
    viewer: Principal,
    teamId: number | null,
    memberIds: number[],
  ): Promise<number | null> {
    // rules helper: a team of another community is unknown (404), as for an admin of that one.
    if (teamId !== null) {
      const team = await this.db.read((em) => em.findOneBy(Team, { id: teamId }));
      if (!team || !inCommunity(viewer, team.communityId)) {
        throw DomainError.notFound('team');
      }
    }
    if (isAdmin(viewer)) {
      return teamId;
    }
    assertMayLogService(viewer);
    const led = await this.ledTeamIds(leaderIdOf(viewer)!);
    if (teamId !== null && !led.includes(teamId)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `you do not lead team ${teamId}`, {
        reason: 'NOT_TEAM_LEADER',
        teamId,
      });
    }
    const memberships = led.length
      ? await this.db.read((em) =>
          em.find(TeamMember, {
            where: { teamId: In(led), memberId: In(memberIds) },
            order: { teamId: 'ASC' },
          }),
        )
      : [];
    const outside = memberIds.filter((id) => !memberships.some((m) => m.memberId === id));
    if (outside.length > 0) {
      throw new DomainError(ErrorCode.NOT_FOUND, `no member with id ${outside.join(', ')}`, {
        memberIds: outside,
      });
    }
    if (teamId === null) {
      // One record without a team named: the first of the leader's teams the member belongs to.
      return memberships[0].teamId;
    }
    const notInTeam = memberIds.filter(
      (id) => !memberships.some((m) => m.memberId === id && m.teamId === teamId),
    );
    if (notInTeam.length > 0) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        `member ${notInTeam.join(', ')} is not in team ${teamId}: log their service under a team they serve in`,
        { memberIds: notInTeam, teamId, reason: 'NOT_IN_TEAM' },
      );
    }
    return teamId;
  }

  /** Admins see every activity, leaders those of the teams they lead. */
  async maySeeTeamWork(viewer: Principal, teamId: number): Promise<boolean> {
    if (isAdmin(viewer)) {
      return true;
    }
    const leaderId = leaderIdOf(viewer);
    return leaderId !== null && (await this.ledTeamIds(leaderId)).includes(teamId);
  }

  // --- service menu (点单) ---

  /**
   * A menu item or order the viewer runs (publishes, edits, withdraws; accepts, declines, confirms
   * done): an admin of its community or a leader of its team. Another community's: 404; a leader of
   * another team: 403 NOT_TEAM_LEADER; any other role: 403 ROLE_NOT_ALLOWED.
   */
  async assertRunsTeamService(
    viewer: Principal,
    row: { communityId: number; teamId: number },
    what: string,
  ): Promise<void> {
    if (!inCommunity(viewer, row.communityId)) {
      throw DomainError.notFound(what);
    }
    await this.teamToManage(viewer, row.teamId);
  }

  /**
   * Who sees an order: whoever acts as the one who ordered (mayActAsOrderer), an admin of its
   * community, a leader of its team. Anyone else gets 404 for it.
   */
  async maySeeOrder(
    viewer: Principal,
    order: {
      communityId: number;
      teamId: number;
      memberId: number | null;
      householdId: number | null;
    },
  ): Promise<boolean> {
    if (!inCommunity(viewer, order.communityId)) {
      return false;
    }
    if (isAdmin(viewer) || mayActAsOrderer(viewer, order)) {
      return true;
    }
    const leaderId = leaderIdOf(viewer);
    return leaderId !== null && (await this.ledTeamIds(leaderId)).includes(order.teamId);
  }

  // --- end service menu ---

  // --- events (活动): who runs one, who may take part ---

  /**
   * Who runs an event (edits it, checks volunteers in and out, closes it, sees its photos): an
   * admin of its community or a leader of one of its teams. Anyone else, and everyone of another
   * community, gets 404 for it.
   */
  async mayRunEvent(viewer: Principal, event: { communityId: number; teamIds: number[] }) {
    if (!inCommunity(viewer, event.communityId)) {
      return false;
    }
    if (isAdmin(viewer)) {
      return true;
    }
    const leaderId = leaderIdOf(viewer);
    if (leaderId === null) {
      return false;
    }
    const led = await this.ledTeamIds(leaderId);
    return event.teamIds.some((t) => led.includes(t));
  }

  /**
   * Who may take part in an event (sign up, check in, be logged for it): an active member of its
   * community who is in one of its teams, or anyone of the community when its sign-up is open to
   * the whole community, or who signed up for it.
   */
  async mayTakePart(
    memberId: number,
    event: { communityId: number; teamIds: number[]; signupAudience: string | null },
    signedUp: boolean,
  ): Promise<boolean> {
    const member = await this.db.read((em) => em.findOneBy(Member, { id: memberId }));
    if (!member || member.communityId !== event.communityId) {
      return false;
    }
    if (event.signupAudience === 'community' || signedUp) {
      return true;
    }
    const rows = await this.db.read((em) =>
      em.find(TeamMember, { where: { memberId, teamId: In(event.teamIds) } }),
    );
    return rows.length > 0;
  }
}
