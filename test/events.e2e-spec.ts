import { DomainError } from '../src/common/errors';
import { EventAttendance } from '../src/events/entities';
import { EventsService } from '../src/events/events.service';
import { Member } from '../src/people/entities/member.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Fixtures = ReturnType<typeof fixtures>;

/** The clock of the harness: 2026-06-15 10:00 in Shanghai. */
const NOW = '2026-06-15T02:00:00.000Z';

const tableCount = (t: TestApp, table: string) =>
  t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));

describe('events (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let leader: { id: number; auth: string };
  let team: { id: number; name: string };
  let teamMembers: Member[];
  let otherLeaderAuth: string;
  let otherTeam: { id: number; name: string };
  let outsider: Member;
  let bTeam: { id: number };
  let bAdminAuth: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    teamMembers = await f.newMembers(3);
    const led = await f.newLeaderWithTeam(teamMembers.map((m) => m.id));
    leader = { id: led.leader.id, auth: led.auth };
    team = led.team;
    const other = await f.newLeaderWithTeam();
    otherLeaderAuth = other.auth;
    otherTeam = other.team;
    outsider = await f.newMember();
    const b = await f.newCommunity();
    bTeam = await f.newTeam({ communityId: b.id });
    bAdminAuth = await f.bearer({
      userId: (await f.newUser('admin', undefined, { communityId: b.id })).id,
    });
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.set(NOW));

  const fair = (over: Record<string, unknown> = {}) => ({
    title: '雷锋号便民大集',
    place: '社区文化广场',
    date: '2026-06-20',
    startsAt: '08:30',
    endsAt: '11:30',
    teamIds: [team.id],
    itemCodes: ['leifeng_fair', 'haircut', 'appliance_repair'],
    ...over,
  });
  const plan = (body: Record<string, unknown>, auth = t.adminAuth) =>
    t.http.post('/api/events').set('Authorization', auth).send(body);
  const planned = async (body: Record<string, unknown>, auth = t.adminAuth) => {
    const res = await plan(body, auth);
    expect(res.status).toBe(201);
    return res.body as { id: number; signup: { signedUp: number } | null };
  };
  const signUp = (eventId: number, member: Member) =>
    f
      .memberAuth(member.id)
      .then((auth) =>
        t.http.post(`/api/me/events/${eventId}/signup`).set('Authorization', auth).send({}),
      );
  const withdraw = (eventId: number, member: Member) =>
    f
      .memberAuth(member.id)
      .then((auth) =>
        t.http.post(`/api/me/events/${eventId}/withdraw`).set('Authorization', auth).send({}),
      );
  const myEvents = async (member: Member) =>
    t.http.get('/api/me/events').set('Authorization', await f.memberAuth(member.id));

  describe('POST /api/events', () => {
    it('should plan an event with its teams, items and sign-up, and show it to its runners', async () => {
      const res = await plan(
        fair({
          description: '理发、家电维修',
          signup: { audience: 'teams', capacity: 30, deadline: '2026-06-19T18:00:00+08:00' },
        }),
        leader.auth,
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        title: '雷锋号便民大集',
        place: '社区文化广场',
        date: '2026-06-20',
        startsAt: '08:30',
        endsAt: '11:30',
        status: 'planned',
        description: '理发、家电维修',
        teams: [{ id: team.id, name: team.name }],
        items: [
          {
            code: 'leifeng_fair',
            name: expect.any(String),
            unit: 'time',
            pointsPerUnit: expect.stringMatching(/^\d+\.\d{2}$/),
            hoursPerTime: '3.00',
          },
          {
            code: 'haircut',
            name: expect.any(String),
            unit: 'time',
            pointsPerUnit: expect.stringMatching(/^\d+\.\d{2}$/),
            hoursPerTime: '0.50',
          },
          {
            code: 'appliance_repair',
            name: expect.any(String),
            unit: 'hour',
            pointsPerUnit: expect.stringMatching(/^\d+\.\d{2}$/),
            hoursPerTime: null,
          },
        ],
        signup: {
          audience: 'teams',
          capacity: 30,
          deadline: '2026-06-19T10:00:00.000Z',
          signedUp: 0,
        },
        createdBy: `user:${leader.id}`,
        createdAt: NOW,
        closedBy: null,
        closedAt: null,
        cancelReason: null,
      });
      const got = await t.http.get(`/api/events/${res.body.id}`).set('Authorization', t.adminAuth);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
      const hidden = await t.http
        .get(`/api/events/${res.body.id}`)
        .set('Authorization', otherLeaderAuth);
      expect(hidden.status).toBe(404);
    });

    it('should close sign-up when the event starts when no deadline is given', async () => {
      const res = await plan(fair({ signup: { audience: 'community' } }));
      expect(res.status).toBe(201);
      // 08:30 in Shanghai on the event's date.
      expect(res.body.signup).toEqual({
        audience: 'community',
        capacity: null,
        deadline: '2026-06-20T00:30:00.000Z',
        signedUp: 0,
      });
    });

    it('should refuse what is wrong with the fields, naming each, and plan nothing', async () => {
      const before = await tableCount(t, 'events');
      const shape = await plan(fair({ startsAt: '8:30', teamIds: [], itemCodes: 'haircut' }));
      expect(shape.status).toBe(400);
      expect(shape.body.code).toBe('VALIDATION_FAILED');
      expect((shape.body.details.fields as { field: string }[]).map((x) => x.field).sort()).toEqual(
        ['itemCodes', 'startsAt', 'teamIds'],
      );

      const rules = await plan(
        fair({
          title: '  ',
          startsAt: '11:30',
          endsAt: '08:30',
          teamIds: [team.id, team.id],
          signup: { audience: 'teams', deadline: '2026-06-19T18:00:00' },
        }),
      );
      expect(rules.status).toBe(400);
      expect(rules.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        details: {
          fields: [
            { field: 'title', problems: ['title must name the event'] },
            { field: 'endsAt', problems: ['endsAt must be after startsAt'] },
            { field: 'teamIds', problems: ['teamIds lists a team twice'] },
            {
              field: 'signup.deadline',
              problems: ['signup.deadline must carry its offset, e.g. 2026-12-12T18:00:00+08:00'],
            },
          ],
        },
      });
      expect(await tableCount(t, 'events')).toBe(before);
    });

    it('should refuse an unknown item, another community’s team, a leader of none of the teams, and an admin-only item for a leader', async () => {
      const before = await Promise.all(
        ['events', 'event_teams', 'event_items'].map((x) => tableCount(t, x)),
      );
      const unknown = await plan(fair({ itemCodes: ['haircut', 'no_such_item'] }));
      expect(unknown.status).toBe(422);
      expect(unknown.body.code).toBe('UNKNOWN_ITEM');
      expect(unknown.body.details).toEqual({
        reason: 'NOT_IN_STANDARD',
        itemCode: 'no_such_item',
        standardVersion: expect.any(Number),
      });

      const foreign = await plan(fair({ teamIds: [team.id, bTeam.id] }));
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('NOT_FOUND');

      const notLeader = await plan(fair({ teamIds: [otherTeam.id] }), leader.auth);
      expect(notLeader.status).toBe(403);
      expect(notLeader.body.details).toEqual({
        reason: 'NOT_TEAM_LEADER',
        teamIds: [otherTeam.id],
      });

      const adminOnly = await plan(fair({ itemCodes: ['haircut', 'good_deed'] }), leader.auth);
      expect(adminOnly.status).toBe(403);
      expect(adminOnly.body.details).toEqual({ reason: 'ADMIN_ONLY_ITEM', itemCode: 'good_deed' });
      // An admin may plan it.
      expect((await plan(fair({ itemCodes: ['good_deed'] }))).status).toBe(201);

      const clerk = await f.newUser('clerk');
      const byClerk = await plan(fair(), await f.bearer({ userId: clerk.id }));
      expect(byClerk.status).toBe(403);

      const after = await Promise.all(
        ['events', 'event_teams', 'event_items'].map((x) => tableCount(t, x)),
      );
      expect(after).toEqual(before.map((n, i) => n + [1, 1, 1][i]));
    });
  });

  describe('GET /api/events', () => {
    const list = (query: string, auth = t.adminAuth) =>
      t.http.get(`/api/events?${query}`).set('Authorization', auth);

    it('should list newest date first, filter by status and dates, and page by cursor', async () => {
      const a = await planned(fair({ date: '2026-08-01' }));
      const b = await planned(fair({ date: '2026-08-03', teamIds: [otherTeam.id] }));
      const c = await planned(fair({ date: '2026-08-03' }));
      const d = await planned(fair({ date: '2026-08-05' }));
      await planned(fair({ date: '2026-08-09' }));
      const cancel = await t.http
        .post(`/api/events/${c.id}/cancel`)
        .set('Authorization', t.adminAuth)
        .send({ reason: '下雨' });
      expect(cancel.status).toBe(200);

      const range = 'from=2026-08-01&to=2026-08-05';
      const all = await list(range);
      expect(all.status).toBe(200);
      expect(all.body.items.map((e: { id: number }) => e.id)).toEqual([d.id, c.id, b.id, a.id]);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items[1]).toMatchObject({ status: 'cancelled', cancelReason: '下雨' });

      const first = await list(`${range}&limit=3`);
      expect(first.body.items.map((e: { id: number }) => e.id)).toEqual([d.id, c.id, b.id]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await list(`${range}&limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ id: a.id })],
        nextCursor: null,
      });

      const planned_ = await list(`${range}&status=planned`);
      expect(planned_.body.items.map((e: { id: number }) => e.id)).toEqual([d.id, b.id, a.id]);
      const cancelled = await list(`${range}&status=cancelled`);
      expect(cancelled.body.items.map((e: { id: number }) => e.id)).toEqual([c.id]);

      // A leader sees the events of the teams they lead only.
      const mine = await list(range, leader.auth);
      expect(mine.body.items.map((e: { id: number }) => e.id)).toEqual([d.id, c.id, a.id]);
      const theirs = await list(range, otherLeaderAuth);
      expect(theirs.body.items.map((e: { id: number }) => e.id)).toEqual([b.id]);
    });

    it('should refuse a bad filter or cursor, and not show another community’s events', async () => {
      for (const query of [
        'status=open',
        'from=2026-02-30',
        'from=2026-08-05&to=2026-08-01',
        'limit=0',
        'limit=201',
        'cursor=bm9wZQ',
        `cursor=${Buffer.from('ev:2026:5').toString('base64url')}`,
      ]) {
        const res = await list(query);
        expect({ query, status: res.status, code: res.body.code }).toEqual({
          query,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      const bEvent = await planned(fair({ date: '2026-08-02', teamIds: [bTeam.id] }), bAdminAuth);
      const range = await list('from=2026-08-02&to=2026-08-02');
      expect(range.body.items.map((e: { id: number }) => e.id)).not.toContain(bEvent.id);
      const inB = await list('from=2026-08-02&to=2026-08-02', bAdminAuth);
      expect(inB.body).toEqual({
        items: [expect.objectContaining({ id: bEvent.id })],
        nextCursor: null,
      });
      const hidden = await t.http.get(`/api/events/${bEvent.id}`).set('Authorization', t.adminAuth);
      expect(hidden.status).toBe(404);
      const volunteer = await t.http
        .get('/api/events')
        .set('Authorization', await f.memberAuth(outsider.id));
      expect(volunteer.status).toBe(403);
    });
  });

  describe('POST /api/events/:id/cancel', () => {
    it('should cancel a planned event once, with its reason, and refuse sign-up after', async () => {
      const event = await planned(fair({ signup: { audience: 'teams' } }), leader.auth);
      const blank = await t.http
        .post(`/api/events/${event.id}/cancel`)
        .set('Authorization', leader.auth)
        .send({ reason: '  ' });
      expect(blank.status).toBe(400);
      const stranger = await t.http
        .post(`/api/events/${event.id}/cancel`)
        .set('Authorization', otherLeaderAuth)
        .send({ reason: '下雨' });
      expect(stranger.status).toBe(404);
      t.clock.advance(60_000);
      const res = await t.http
        .post(`/api/events/${event.id}/cancel`)
        .set('Authorization', leader.auth)
        .send({ reason: ' 暴雨预警 ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: event.id,
        status: 'cancelled',
        cancelReason: '暴雨预警',
        closedBy: `user:${leader.id}`,
        closedAt: '2026-06-15T02:01:00.000Z',
      });
      const again = await t.http
        .post(`/api/events/${event.id}/cancel`)
        .set('Authorization', t.adminAuth)
        .send({ reason: '再取消' });
      expect(again.status).toBe(409);
      expect(again.body.details).toEqual({ reason: 'EVENT_NOT_PLANNED', status: 'cancelled' });
      const got = await t.http.get(`/api/events/${event.id}`).set('Authorization', t.adminAuth);
      expect(got.body.cancelReason).toBe('暴雨预警');

      const signup = await signUp(event.id, teamMembers[0]);
      expect(signup.status).toBe(409);
      expect(signup.body.details).toEqual({ reason: 'EVENT_NOT_PLANNED', status: 'cancelled' });
      expect(
        (await myEvents(teamMembers[0])).body.items.map((e: { id: number }) => e.id),
      ).not.toContain(event.id);
    });
  });

  describe('sign-up (报名)', () => {
    it('should sign up, repeat as a no-op, withdraw, and sign up again on the same row', async () => {
      const event = await planned(fair({ signup: { audience: 'teams', capacity: 10 } }));
      const [m] = teamMembers;
      const res = await signUp(event.id, m);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ eventId: event.id, status: 'signed_up', signedUpAt: NOW });
      t.clock.advance(60_000);
      const repeat = await signUp(event.id, m);
      expect(repeat.status).toBe(201);
      expect(repeat.body).toEqual(res.body);

      const out = await withdraw(event.id, m);
      expect(out.status).toBe(200);
      expect(out.body).toEqual({
        eventId: event.id,
        status: 'withdrawn',
        withdrawnAt: '2026-06-15T02:01:00.000Z',
      });
      const outAgain = await withdraw(event.id, m);
      expect(outAgain.body).toEqual(out.body);
      const listed = await t.http
        .get(`/api/events/${event.id}/signups`)
        .set('Authorization', leader.auth);
      expect(listed.body).toEqual({
        items: [
          {
            memberId: m.id,
            name: m.name,
            passbookNo: m.passbookNo,
            status: 'withdrawn',
            signedUpAt: NOW,
            withdrawnAt: '2026-06-15T02:01:00.000Z',
          },
        ],
      });

      t.clock.advance(60_000);
      const back = await signUp(event.id, m);
      expect(back.body).toEqual({
        eventId: event.id,
        status: 'signed_up',
        signedUpAt: '2026-06-15T02:02:00.000Z',
      });
      t.clock.advance(60_000);
      const second = await signUp(event.id, teamMembers[1]);
      expect(second.status).toBe(201);
      const after = await t.http
        .get(`/api/events/${event.id}/signups`)
        .set('Authorization', t.adminAuth);
      expect(after.body.items).toEqual([
        expect.objectContaining({
          memberId: m.id,
          status: 'signed_up',
          signedUpAt: '2026-06-15T02:02:00.000Z',
          withdrawnAt: null,
        }),
        expect.objectContaining({ memberId: teamMembers[1].id, status: 'signed_up' }),
      ]);
      const view = await t.http.get(`/api/events/${event.id}`).set('Authorization', t.adminAuth);
      expect(view.body.signup.signedUp).toBe(2);
      const stranger = await t.http
        .get(`/api/events/${event.id}/signups`)
        .set('Authorization', otherLeaderAuth);
      expect(stranger.status).toBe(404);
    });

    it('should refuse when full until someone withdraws', async () => {
      const event = await planned(fair({ signup: { audience: 'teams', capacity: 2 } }));
      const [a, b, c] = teamMembers;
      expect((await signUp(event.id, a)).status).toBe(201);
      expect((await signUp(event.id, b)).status).toBe(201);
      const full = await signUp(event.id, c);
      expect(full.status).toBe(409);
      expect(full.body).toEqual({
        statusCode: 409,
        code: 'CONFLICT',
        message: 'all 2 places of the event are taken',
        details: { reason: 'EVENT_FULL', capacity: 2, signedUp: 2 },
      });
      expect((await withdraw(event.id, a)).status).toBe(200);
      expect((await signUp(event.id, c)).status).toBe(201);
      expect((await signUp(event.id, a)).body.details).toEqual({
        reason: 'EVENT_FULL',
        capacity: 2,
        signedUp: 2,
      });
    });

    it('should close sign-up and withdrawal at the deadline', async () => {
      const event = await planned(
        fair({ signup: { audience: 'teams', deadline: '2026-06-16T18:00:00+08:00' } }),
      );
      const [a, b] = teamMembers;
      expect((await signUp(event.id, a)).status).toBe(201);
      t.clock.set('2026-06-16T10:00:00.000Z');
      const late = await signUp(event.id, b);
      expect(late.status).toBe(409);
      expect(late.body.details).toEqual({
        reason: 'SIGNUP_CLOSED',
        deadline: '2026-06-16T10:00:00.000Z',
      });
      const lateOut = await withdraw(event.id, a);
      expect(lateOut.status).toBe(409);
      expect(lateOut.body.details.reason).toBe('SIGNUP_CLOSED');
      t.clock.set('2026-06-16T09:59:59.000Z');
      expect((await signUp(event.id, b)).status).toBe(201);
      // A token issued now: the harness's admin session has expired by the next day.
      const listed = await t.http
        .get(`/api/events/${event.id}/signups`)
        .set('Authorization', await f.bearer({ userId: leader.id }));
      expect(listed.body.items.map((s: { status: string }) => s.status)).toEqual([
        'signed_up',
        'signed_up',
      ]);
    });

    it('should answer 404 for an event without sign-up, not open to the volunteer, unknown or of another community', async () => {
      const closedList = await planned(fair());
      const teamsOnly = await planned(fair({ signup: { audience: 'teams' } }));
      const bEvent = await planned(
        fair({ teamIds: [bTeam.id], signup: { audience: 'community' } }),
        bAdminAuth,
      );
      for (const [eventId, member] of [
        [closedList.id, teamMembers[0]],
        [teamsOnly.id, outsider],
        [99_999_999, teamMembers[0]],
        [bEvent.id, outsider],
      ] as const) {
        const res = await signUp(eventId, member);
        expect({ eventId, status: res.status, code: res.body.code }).toEqual({
          eventId,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
      const nothing = await withdraw(teamsOnly.id, teamMembers[2]);
      expect(nothing.status).toBe(404);
      const staff = await t.http
        .post(`/api/me/events/${teamsOnly.id}/signup`)
        .set('Authorization', leader.auth);
      expect(staff.status).toBe(403);
      expect(await tableCount(t, `event_signups WHERE event_id = ${teamsOnly.id}`)).toBe(0);
    });

    it('should refuse an inactive member', async () => {
      const event = await planned(fair({ signup: { audience: 'community' } }));
      const member = await f.newMember();
      await t.db.write((em) => em.update(Member, { id: member.id }, { active: false }));
      const viaHttp = await signUp(event.id, member);
      expect(viaHttp.status).toBe(401);
      const refused = await t.app
        .get(EventsService)
        .signUp(
          { kind: 'member', memberId: member.id, passbookNo: member.passbookNo, communityId: 1 },
          event.id,
        )
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).details).toEqual({
        reason: 'MEMBER_INACTIVE',
        memberId: member.id,
      });
      expect(await tableCount(t, `event_signups WHERE event_id = ${event.id}`)).toBe(0);
    });

    it('should hold the capacity under a burst of sign-ups: 20 at once for 5 places', async () => {
      const members = await f.newMembers(20);
      const event = await planned(fair({ signup: { audience: 'community', capacity: 5 } }));
      const tokens = await Promise.all(members.map((m) => f.memberAuth(m.id)));
      const answers = await Promise.all(
        tokens.map((auth) =>
          t.http.post(`/api/me/events/${event.id}/signup`).set('Authorization', auth).send({}),
        ),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(5).fill(201), ...Array(15).fill(409)]);
      expect(
        answers
          .filter((r) => r.status === 409)
          .every((r) => r.body.details.reason === 'EVENT_FULL'),
      ).toBe(true);
      expect(
        await tableCount(t, `event_signups WHERE event_id = ${event.id} AND status = 'signed_up'`),
      ).toBe(5);
    });
  });

  describe('GET /api/me/events', () => {
    it('should show the planned events from today the volunteer may take part in, with their sign-up and attendance', async () => {
      const member = await f.newMember();
      const own = await f.newLeaderWithTeam([member.id]);
      const today = await planned(
        fair({
          date: '2026-06-15',
          teamIds: [own.team.id],
          // Sign-up stays open past the 08:30 start (the default deadline), until noon.
          signup: { audience: 'teams', deadline: '2026-06-15T12:00:00+08:00' },
        }),
      );
      const later = await planned(fair({ date: '2026-07-01', teamIds: [own.team.id] }));
      const open = await planned(fair({ date: '2026-06-25', signup: { audience: 'community' } }));
      const past = await planned(fair({ date: '2026-06-14', teamIds: [own.team.id] }));
      const others = await planned(fair({ date: '2026-06-26' }));
      const cancelled = await planned(fair({ date: '2026-06-27', teamIds: [own.team.id] }));
      await t.http
        .post(`/api/events/${cancelled.id}/cancel`)
        .set('Authorization', t.adminAuth)
        .send({ reason: '取消' });
      expect((await signUp(today.id, member)).status).toBe(201);
      expect((await signUp(open.id, member)).status).toBe(201);
      expect((await withdraw(open.id, member)).status).toBe(200);
      // Check-in is written by the attendance service; this reads what it wrote.
      await t.db.write((em) =>
        em.insert(EventAttendance, {
          eventId: today.id,
          memberId: member.id,
          itemCode: 'haircut',
          quantity: null,
          checkInAt: '2026-06-15T00:31:00.000Z',
          checkInMethod: 'scan',
          checkOutAt: null,
          checkOutMethod: null,
          correctionReason: null,
          correctedBy: null,
          correctedAt: null,
          note: null,
          createdBy: `user:${own.leader.id}`,
          updatedAt: '2026-06-15T00:31:00.000Z',
        }),
      );

      const res = await myEvents(member);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((e: { id: number }) => e.id);
      expect(ids).toEqual(expect.arrayContaining([today.id, open.id, later.id]));
      expect(ids).not.toContain(past.id);
      expect(ids).not.toContain(others.id);
      expect(ids).not.toContain(cancelled.id);
      // Soonest first.
      expect(ids.indexOf(today.id)).toBeLessThan(ids.indexOf(open.id));
      expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(later.id));
      const byId = new Map(
        (res.body.items as { id: number }[]).map((e) => [e.id, e as Record<string, unknown>]),
      );
      expect(byId.get(today.id)).toMatchObject({
        title: '雷锋号便民大集',
        signup: { audience: 'teams', signedUp: 1 },
        mySignup: 'signed_up',
        myAttendance: { checkInAt: '2026-06-15T00:31:00.000Z', checkOutAt: null },
      });
      expect(byId.get(open.id)).toMatchObject({ mySignup: 'withdrawn', myAttendance: null });
      expect(byId.get(later.id)).toMatchObject({
        signup: null,
        mySignup: null,
        myAttendance: null,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/checkin_?secret/i);

      // Someone outside the teams sees only the events open to the whole community.
      const stranger = await myEvents(await f.newMember());
      const seen = stranger.body.items.map((e: { id: number }) => e.id);
      expect(seen).toContain(open.id);
      expect(seen).not.toContain(today.id);
      expect(seen).not.toContain(later.id);

      const staff = await t.http.get('/api/me/events').set('Authorization', t.adminAuth);
      expect(staff.status).toBe(403);
    });
  });
});
