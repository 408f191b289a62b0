import { Principal } from '../auth/principal';
import { fixtures, staffPrincipal } from '../../test/support/fixtures';
import { createTestContext, TestContext } from '../../test/support/test-app';
import {
  AccessPolicy,
  assertMayLogService,
  assertMayConfirmWish,
  assertMayPostWishForHousehold,
  mayReleaseWish,
  communityOf,
  inCommunity,
  isOffice,
  isAdmin,
  leaderIdOf,
  volunteerIdOf,
  logsWithoutApproval,
  mayActOutsideWindow,
  mayAwardAdminOnlyItem,
  maySeePersonalData,
  memberScopeOf,
  eventScopeOf,
  takePartSql,
} from './access.policy';
import { sql } from '../common/db/database';
import { EventSignup } from '../events/entities';
import { EventsService } from '../events/events.service';

const admin = staffPrincipal({ id: 1, username: 'admin' }, 'admin');
const leader = staffPrincipal({ id: 7, username: 'leader' }, 'leader');
const clerk = staffPrincipal({ id: 9, username: 'clerk' }, 'clerk');
const volunteer: Principal = {
  kind: 'member',
  memberId: 3,
  passbookNo: 'V0000003',
  communityId: 1,
};
const office = staffPrincipal({ id: 11, username: 'office' }, 'office', {
  communityId: null,
  streetOfficeId: 1,
});
/** An admin of another community (2). */
const otherAdmin = staffPrincipal({ id: 12, username: 'admin-b' }, 'admin', {
  communityId: 2,
  streetOfficeId: null,
});

describe('access policy decisions', () => {
  it('should call only a user with role admin an admin, give a leader id to leaders only and a member id to volunteers only', () => {
    expect([admin, leader, clerk, volunteer].map(isAdmin)).toEqual([true, false, false, false]);
    expect([admin, leader, clerk, volunteer].map(leaderIdOf)).toEqual([null, 7, null, null]);
    expect([admin, leader, clerk, volunteer].map(volunteerIdOf)).toEqual([null, null, null, 3]);
  });

  it('should show personal data unmasked to admins only', () => {
    expect([admin, leader, clerk, volunteer].map(maySeePersonalData)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('should let admins and leaders log service and refuse clerks and volunteers with a coded reason', () => {
    expect(() => assertMayLogService(admin)).not.toThrow();
    expect(() => assertMayLogService(leader)).not.toThrow();
    for (const p of [clerk, volunteer]) {
      expect(() => assertMayLogService(p)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } }),
      );
    }
  });

  it('should let admins and clerks post wishes for households and confirm them, and no one else', () => {
    for (const decide of [assertMayPostWishForHousehold, assertMayConfirmWish]) {
      expect(() => decide(admin)).not.toThrow();
      expect(() => decide(clerk)).not.toThrow();
      for (const p of [leader, volunteer, office]) {
        expect(() => decide(p)).toThrow(
          expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } }),
        );
      }
    }
  });

  it('should let the claimer of a wish (the volunteer, a leader of the team) or an admin release it', () => {
    const byVolunteer = { memberId: 3, teamId: null };
    const byTeam = { memberId: null, teamId: 5 };
    expect(mayReleaseWish(volunteer, byVolunteer, [])).toBe(true);
    expect(mayReleaseWish(volunteer, { memberId: 4, teamId: null }, [])).toBe(false);
    expect(mayReleaseWish(leader, byTeam, [5])).toBe(true);
    expect(mayReleaseWish(leader, byTeam, [6])).toBe(false);
    expect(mayReleaseWish(leader, byVolunteer, [5])).toBe(false);
    expect(mayReleaseWish(admin, byTeam, [])).toBe(true);
    expect(mayReleaseWish(clerk, byVolunteer, [])).toBe(false);
  });

  it('should keep admin-only items, unapproved credit and closed windows to admins', () => {
    for (const decide of [mayAwardAdminOnlyItem, logsWithoutApproval, mayActOutsideWindow]) {
      expect([admin, leader, clerk, volunteer].map(decide)).toEqual([true, false, false, false]);
    }
  });

  it('should scope member lists: all for admins, the led teams for a leader, none for others', () => {
    expect(memberScopeOf(admin)).toEqual({ kind: 'all' });
    expect(memberScopeOf(clerk)).toEqual({ kind: 'none' });
    expect(memberScopeOf(volunteer)).toEqual({ kind: 'none' });
    const led = memberScopeOf(leader);
    expect(led).toMatchObject({ kind: 'led', leaderId: 7 });
    if (led.kind !== 'led') {
      throw new Error('expected a leader scope');
    }
    expect(led.condition('sr.member_id', ':leaderId')).toBe(
      'EXISTS (SELECT 1 FROM team_members lm JOIN team_leaders ll ON ll.team_id = lm.team_id WHERE lm.member_id = sr.member_id AND ll.user_id = :leaderId)',
    );
  });

  it('should scope event lists: all for admins, the led teams’ events for leaders, none otherwise', () => {
    expect(eventScopeOf(admin)).toEqual({ kind: 'all' });
    expect(eventScopeOf(clerk)).toEqual({ kind: 'none' });
    expect(eventScopeOf(volunteer)).toEqual({ kind: 'none' });
    const led = eventScopeOf(leader);
    expect(led).toMatchObject({ kind: 'led', leaderId: 7 });
    if (led.kind !== 'led') {
      throw new Error('expected a leader scope');
    }
    expect(led.condition('e.id')).toBe(
      'EXISTS (SELECT 1 FROM event_teams lt JOIN team_leaders ll ON ll.team_id = lt.team_id WHERE lt.event_id = e.id AND ll.user_id = ?)',
    );
  });
});

// matrix (#15): community scope of the pure decisions.
describe('access policy: community scope', () => {
  it('should give every community principal their own community and refuse the street office one', () => {
    expect([admin, leader, clerk, volunteer, otherAdmin].map(communityOf)).toEqual([1, 1, 1, 1, 2]);
    expect(() => communityOf(office)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } }),
    );
    expect([admin, office, volunteer].map(isOffice)).toEqual([false, true, false]);
  });

  it('should put a row of another community out of reach, and every row out of the street office’s', () => {
    expect(inCommunity(admin, 1)).toBe(true);
    expect(inCommunity(admin, 2)).toBe(false);
    expect(inCommunity(otherAdmin, 1)).toBe(false);
    expect(inCommunity(volunteer, 2)).toBe(false);
    expect(inCommunity(office, 1)).toBe(false);
  });

  it('should keep admin-only decisions to admins, never to the street office', () => {
    for (const decide of [maySeePersonalData, logsWithoutApproval, mayActOutsideWindow]) {
      expect(decide(office)).toBe(false);
    }
    expect(memberScopeOf(office)).toEqual({ kind: 'none' });
    expect(() => assertMayLogService(office)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe(AccessPolicy.name, () => {
  let t: TestContext;
  let access: AccessPolicy;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    t = await createTestContext();
    access = t.ctx.get(AccessPolicy);
    f = fixtures(t.ctx);
  });
  afterAll(() => t.close());

  /** A leader of one team with one member, and a member of another leader's team. */
  async function world() {
    const user = await f.newUser('leader');
    const asLeader = staffPrincipal(user, 'leader');
    const own = await f.newMember();
    const other = await f.newMember();
    const ownTeam = await f.newTeam({ leaderUserIds: [user.id], memberIds: [own.id] });
    const otherTeam = await f.newTeam({ memberIds: [other.id] });
    return { asLeader, own, other, ownTeam, otherTeam };
  }

  it('should let a leader see the members and passbooks of their teams only', async () => {
    const w = await world();
    expect(await access.maySeeMember(w.asLeader, w.own.id)).toBe(true);
    expect(await access.maySeeMember(w.asLeader, w.other.id)).toBe(false);
    expect(await access.maySeeMember(admin, w.other.id)).toBe(true);
    expect(await access.maySeeMember(clerk, w.own.id)).toBe(false);
    expect(
      await access.maySeePassbook(w.asLeader, {
        type: 'member',
        memberId: w.own.id,
        communityId: 1,
      }),
    ).toBe(true);
    expect(
      await access.maySeePassbook(w.asLeader, {
        type: 'member',
        memberId: w.other.id,
        communityId: 1,
      }),
    ).toBe(false);
    expect(await access.maySeePassbook(w.asLeader, { type: 'household', communityId: 1 })).toBe(
      false,
    );
    expect(await access.maySeePassbook(clerk, { type: 'household', communityId: 1 })).toBe(true);
    const asOwn: Principal = {
      kind: 'member',
      memberId: w.own.id,
      passbookNo: w.own.passbookNo,
      communityId: 1,
    };
    expect(
      await access.maySeePassbook(asOwn, { type: 'member', memberId: w.own.id, communityId: 1 }),
    ).toBe(true);
    expect(
      await access.maySeePassbook(asOwn, { type: 'member', memberId: w.other.id, communityId: 1 }),
    ).toBe(false);
  });

  it('should show no passbook of another community, to any role, and none to the street office', async () => {
    const w = await world();
    const inOther = { type: 'member' as const, memberId: w.own.id, communityId: 2 };
    const asOwn: Principal = {
      kind: 'member',
      memberId: w.own.id,
      passbookNo: w.own.passbookNo,
      communityId: 1,
    };
    for (const viewer of [admin, clerk, w.asLeader, asOwn, office]) {
      expect(await access.maySeePassbook(viewer, inOther)).toBe(false);
    }
    expect(await access.maySeePassbook(office, { type: 'household', communityId: 1 })).toBe(false);
    expect(await access.maySeePassbook(otherAdmin, { type: 'household', communityId: 2 })).toBe(
      true,
    );
  });

  it('should let the street office read a community of its street office by code, and no other', async () => {
    await expect(access.communityToRead(office, 'default')).resolves.toMatchObject({ id: 1 });
    await expect(access.communityToRead(office, 'nowhere')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(access.communityToRead(office)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(access.communityToRead(admin)).resolves.toMatchObject({ id: 1 });
    await expect(
      access.communityToRead({ ...office, streetOfficeId: 2 }, 'default'),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('should list a leader their own teams and everyone else every team', async () => {
    const w = await world();
    expect(await access.visibleTeamIds(w.asLeader)).toEqual([w.ownTeam.id]);
    expect(await access.visibleTeamIds(admin)).toBeNull();
  });

  it('should let a leader manage only the teams they lead (403 with a reason, 404 unknown)', async () => {
    const w = await world();
    await expect(access.teamToManage(w.asLeader, w.ownTeam.id)).resolves.toMatchObject({
      id: w.ownTeam.id,
    });
    await expect(access.teamToManage(w.asLeader, w.otherTeam.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'NOT_TEAM_LEADER' },
    });
    await expect(access.teamToManage(clerk, w.ownTeam.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ROLE_NOT_ALLOWED' },
    });
    await expect(access.teamToManage(admin, 2 ** 31 - 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("should refuse a leader another leader's member as unknown, and take an unassigned one", async () => {
    const w = await world();
    await expect(
      access.assertMayAddToTeam(w.asLeader, w.ownTeam.id, w.other.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const free = await f.newMember();
    await expect(
      access.assertMayAddToTeam(w.asLeader, w.ownTeam.id, free.id),
    ).resolves.toBeUndefined();
    await expect(
      access.assertMayAddToTeam(admin, w.ownTeam.id, w.other.id),
    ).resolves.toBeUndefined();
  });

  it("should log a leader's service under a team they lead that the member is in", async () => {
    const w = await world();
    expect(await access.teamToLogUnder(w.asLeader, null, [w.own.id])).toBe(w.ownTeam.id);
    expect(await access.teamToLogUnder(admin, null, [w.other.id])).toBeNull();
    await expect(access.teamToLogUnder(w.asLeader, null, [w.other.id])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { memberIds: [w.other.id] },
    });
    await expect(
      access.teamToLogUnder(w.asLeader, w.otherTeam.id, [w.own.id]),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'NOT_TEAM_LEADER' } });
    await expect(access.teamToLogUnder(clerk, null, [w.own.id])).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ROLE_NOT_ALLOWED' },
    });
    expect(await access.maySeeTeamWork(w.asLeader, w.ownTeam.id)).toBe(true);
    expect(await access.maySeeTeamWork(w.asLeader, w.otherTeam.id)).toBe(false);
  });

  it('should decide who may take part in an event the same way in SQL (takePartSql) as mayTakePart', async () => {
    const w = await world();
    const signedUp = await f.newMember();
    const b = await f.newCommunity();
    const stranger = await f.newMember({ communityId: b.id });
    const events = t.ctx.get(EventsService);
    const plan = (signup?: { audience: 'teams' | 'community' }) =>
      events.create(admin, {
        title: '雷锋号便民大集',
        place: '社区文化广场',
        date: '2026-06-20',
        startsAt: '08:30',
        endsAt: '11:30',
        teamIds: [w.ownTeam.id],
        itemCodes: ['haircut'],
        ...(signup ? { signup } : {}),
      });
    const teamsOnly = await plan({ audience: 'teams' });
    const open = await plan({ audience: 'community' });
    const none = await plan();
    await t.db.write((em) =>
      em.insert(EventSignup, {
        eventId: teamsOnly.id,
        memberId: signedUp.id,
        status: 'signed_up',
        signedUpAt: '2026-06-15T02:00:00.000Z',
        withdrawnAt: null,
      }),
    );
    for (const event of [teamsOnly, open, none]) {
      const loaded = (await t.db.read((em) => events.load(em, event.id)))!;
      for (const member of [w.own, w.other, signedUp, stranger]) {
        const row = await t.db.read((em) =>
          em.findOneBy(EventSignup, { eventId: event.id, memberId: member.id }),
        );
        const decided = await access.mayTakePart(member.id, loaded, row?.status === 'signed_up');
        const listed: unknown[] = await t.db.read((em) =>
          em.query(sql(t.db, `SELECT 1 FROM events e WHERE e.id = ? AND ${takePartSql('e')}`), [
            event.id,
            member.communityId,
            member.id,
            member.id,
          ]),
        );
        expect({ event: event.id, member: member.id, listed: listed.length > 0 }).toEqual({
          event: event.id,
          member: member.id,
          listed: decided,
        });
      }
    }
    expect(
      await access.mayTakePart(
        w.own.id,
        (await t.db.read((em) => events.load(em, none.id)))!,
        false,
      ),
    ).toBe(true);
    expect(
      await access.mayTakePart(
        signedUp.id,
        (await t.db.read((em) => events.load(em, teamsOnly.id)))!,
        true,
      ),
    ).toBe(true);
  });
});
