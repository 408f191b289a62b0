import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService } from '../src/auth/auth.service';
import { CommunitiesService } from '../src/communities/communities.service';
import { sql } from '../src/common/db/database';
import { LedgerService } from '../src/ledger/ledger.service';
import { Member } from '../src/people/entities/member.entity';
import { configDir, ConfigDir, shippedStandard } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Fixtures = ReturnType<typeof fixtures>;

let keys = 0;
const key = () => `sr-${++keys}`;

const tableCount = (t: TestApp, table: string) =>
  t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));

/** Rows that a refused request must leave untouched. */
const footprint = async (t: TestApp) => [
  await tableCount(t, 'service_records'),
  await tableCount(t, 'activities'),
  await tableCount(t, 'ledger_transactions'),
  // A refusal is stored under its key (so a repeat gets the same answer), but no success is.
  await tableCount(t, 'idempotency_keys WHERE status_code < 400'),
];

const leaksNothing = (body: unknown) =>
  expect(JSON.stringify(body)).not.toMatch(/SELECT|INSERT|at .*\.ts|sqlite|QueryFailed|postgres/i);

describe('service records and activities (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let ledger: LedgerService;
  let leaderAuth: string;
  let leaderId: number;
  let team: { id: number };
  let otherTeam: { id: number };
  let teamMembers: Member[];
  let outsider: Member;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    ledger = t.app.get(LedgerService);
    const leader = await f.newUser('leader');
    leaderId = leader.id;
    leaderAuth = await t.login(leader.username, 'password-123');
    teamMembers = await f.newMembers(4);
    outsider = await f.newMember();
    team = await f.newTeam({ leaderUserIds: [leader.id], memberIds: teamMembers.map((m) => m.id) });
    const otherLeader = await f.newUser('leader');
    otherTeam = await f.newTeam({ leaderUserIds: [otherLeader.id], memberIds: [outsider.id] });
  });
  afterAll(() => t.close());

  const postRecord = (
    body: Record<string, unknown>,
    auth = t.adminAuth,
    idem: string | null = key(),
  ) => {
    const req = t.http.post('/api/service-records').set('Authorization', auth);
    return (idem === null ? req : req.set('Idempotency-Key', idem)).send(body);
  };
  const postActivity = (body: Record<string, unknown>, auth = t.adminAuth, idem = key()) =>
    t.http
      .post('/api/activities')
      .set('Authorization', auth)
      .set('Idempotency-Key', idem)
      .send(body);

  describe('POST /api/service-records', () => {
    it('should credit the member by the standard and answer with the record', async () => {
      const member = await f.newMember();
      const res = await postRecord({
        memberId: member.id,
        itemCode: 'appliance_repair',
        quantity: '2.5',
        serviceDate: '2026-06-14',
        note: '修理电视',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        memberId: member.id,
        memberName: member.name,
        teamId: null,
        activityId: null,
        itemCode: 'appliance_repair',
        itemName: '家电维修',
        categoryCode: 'convenience',
        unit: 'hour',
        standardVersion: 1,
        quantity: '2.50',
        hours: '2.50',
        hoursSource: 'item',
        points: '5.00',
        serviceDate: '2026-06-14',
        eventId: null,
        startedAt: null,
        endedAt: null,
        confirmedDistinctFrom: null,
        status: 'posted',
        transactionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        reversalTransactionId: null,
        note: '修理电视',
        rejectReason: null,
        createdBy: 'user:1',
        createdAt: '2026-06-15T02:00:00.000Z',
        decidedBy: null,
        decidedAt: null,
      });
      const { entries } = await ledger.statement(member.accountId, { limit: 10 });
      expect(entries).toEqual([
        expect.objectContaining({
          transactionId: res.body.transactionId,
          kind: 'earn',
          amount: '+5.00',
          balanceAfter: '5.00',
          effectiveDate: '2026-06-14',
          description: '家电维修 2.5小时',
        }),
      ]);
    });

    it('should accept a JSON number and whole times for a per-time item, counting its hours per time', async () => {
      const member = await f.newMember();
      const res = await postRecord({
        memberId: member.id,
        itemCode: 'haircut',
        quantity: 3,
        serviceDate: '2026-06-15',
      });
      expect(res.status).toBe(201);
      // The shipped standard counts 0.50 hours a haircut.
      expect(res.body).toMatchObject({
        quantity: '3.00',
        hours: '1.50',
        hoursSource: 'item',
        points: '3.00',
      });
    });

    it('should replay a repeat with the same key and refuse the key for another body', async () => {
      const member = await f.newMember();
      const body = {
        memberId: member.id,
        itemCode: 'daily_patrol',
        quantity: 2,
        serviceDate: '2026-06-15',
      };
      const first = await postRecord(body, t.adminAuth, 'patrol-1');
      expect(first.status).toBe(201);
      const before = await footprint(t);
      const again = await postRecord(body, t.adminAuth, 'patrol-1');
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const reused = await postRecord({ ...body, quantity: 3 }, t.adminAuth, 'patrol-1');
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const missing = await postRecord(body, t.adminAuth, null);
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect(await footprint(t)).toEqual(before);
      await expect(f.balanceOf(member.accountId)).resolves.toBe(200);
    });

    it('should let a leader log for a member of their team, under that team', async () => {
      const res = await postRecord(
        {
          memberId: teamMembers[0].id,
          itemCode: 'cleanup',
          quantity: '1.5',
          serviceDate: '2026-06-15',
        },
        leaderAuth,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        teamId: team.id,
        status: 'posted',
        points: '1.50',
        createdBy: `user:${leaderId}`,
      });
    });

    it('should refuse a leader logging outside their teams, an admin-only item, and other roles', async () => {
      const before = await footprint(t);
      const outside = await postRecord(
        { memberId: outsider.id, itemCode: 'cleanup', quantity: 1, serviceDate: '2026-06-15' },
        leaderAuth,
      );
      // A member the leader may not see is answered like an unknown id.
      expect(outside.status).toBe(404);
      expect(outside.body).toEqual({
        statusCode: 404,
        code: 'NOT_FOUND',
        message: `no member with id ${outsider.id}`,
        details: { memberIds: [outsider.id] },
      });
      const otherTeamNamed = await postRecord(
        {
          memberId: teamMembers[0].id,
          itemCode: 'cleanup',
          quantity: 1,
          serviceDate: '2026-06-15',
          teamId: otherTeam.id,
        },
        leaderAuth,
      );
      expect(otherTeamNamed.status).toBe(403);
      const award = await postRecord(
        {
          memberId: teamMembers[0].id,
          itemCode: 'good_deed',
          quantity: 1,
          serviceDate: '2026-06-15',
        },
        leaderAuth,
      );
      expect(award.status).toBe(403);
      expect(award.body.message).toBe('好人好事 (good_deed) is awarded by an administrator only');

      const clerk = await f.newUser('clerk');
      const clerkRes = await postRecord(
        { memberId: outsider.id, itemCode: 'cleanup', quantity: 1, serviceDate: '2026-06-15' },
        await t.login(clerk.username, 'password-123'),
      );
      expect(clerkRes.status).toBe(403);
      const volunteer = await t.app.get(AuthService).issueToken({ memberId: outsider.id });
      const selfRes = await postRecord(
        { memberId: outsider.id, itemCode: 'cleanup', quantity: 1, serviceDate: '2026-06-15' },
        `Bearer ${volunteer.token}`,
      );
      expect(selfRes.status).toBe(403);
      const anon = await t.http.post('/api/service-records').set('Idempotency-Key', key()).send({
        memberId: outsider.id,
        itemCode: 'cleanup',
        quantity: 1,
        serviceDate: '2026-06-15',
      });
      expect(anon.status).toBe(401);
      expect(await footprint(t)).toEqual(before);
    });

    it('should let an admin award an admin-only item', async () => {
      const res = await postRecord({
        memberId: outsider.id,
        itemCode: 'good_deed',
        quantity: 1,
        serviceDate: '2026-06-15',
        note: '拾金不昧',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ points: '5.00', note: '拾金不昧' });
    });

    it.each([
      ['an unknown item', { itemCode: 'karaoke' }, 422, 'UNKNOWN_ITEM'],
      ['a zero quantity', { quantity: 0 }, 400, 'VALIDATION_FAILED'],
      ['a negative quantity', { quantity: '-1' }, 400, 'VALIDATION_FAILED'],
      ['three decimal places', { quantity: '1.234' }, 400, 'VALIDATION_FAILED'],
      ['three decimal places as a number', { quantity: 1.005 }, 400, 'VALIDATION_FAILED'],
      ['an exponent', { quantity: '1e1' }, 400, 'VALIDATION_FAILED'],
      ['a word for a quantity', { quantity: 'two' }, 400, 'VALIDATION_FAILED'],
      ['no quantity', { quantity: undefined }, 400, 'VALIDATION_FAILED'],
      [
        'half a time of a per-time item',
        { itemCode: 'haircut', quantity: '1.5' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a quantity too small to score',
        { itemCode: 'daily_patrol', quantity: '0.001' },
        400,
        'VALIDATION_FAILED',
      ],
      ['a future date', { serviceDate: '2026-06-16' }, 422, 'SERVICE_DATE_OUT_OF_RANGE'],
      ['a date 91 days back', { serviceDate: '2026-03-16' }, 422, 'SERVICE_DATE_OUT_OF_RANGE'],
      [
        'a date before the first standard',
        { serviceDate: '2024-12-31' },
        422,
        'SERVICE_DATE_OUT_OF_RANGE',
      ],
      ['a date not written YYYY-MM-DD', { serviceDate: '2026-6-1' }, 400, 'VALIDATION_FAILED'],
      ['an impossible date', { serviceDate: '2026-02-30' }, 400, 'VALIDATION_FAILED'],
      ['an unknown member', { memberId: 999999 }, 404, 'NOT_FOUND'],
      ['a member id that is not a number', { memberId: 'abc' }, 400, 'VALIDATION_FAILED'],
      ['an unknown team', { teamId: 999999 }, 404, 'NOT_FOUND'],
      ['an unknown field', { points: '100' }, 400, 'VALIDATION_FAILED'],
      ['an over-long note', { note: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED'],
    ])('should refuse %s and change nothing', async (_name, change, status, code) => {
      const before = await footprint(t);
      const res = await postRecord({
        memberId: teamMembers[1].id,
        itemCode: 'appliance_repair',
        quantity: '1',
        serviceDate: '2026-06-15',
        ...change,
      });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
      leaksNothing(res.body);
      expect(await footprint(t)).toEqual(before);
    });

    it('should say which date range may be logged', async () => {
      const res = await postRecord({
        memberId: teamMembers[1].id,
        itemCode: 'appliance_repair',
        quantity: '1',
        serviceDate: '2026-03-16',
      });
      expect(res.body).toEqual({
        statusCode: 422,
        code: 'SERVICE_DATE_OUT_OF_RANGE',
        message:
          'service date 2026-03-16 is more than 90 days ago; the earliest that may be logged is 2026-03-17',
        details: {
          reason: 'DATE_TOO_OLD',
          serviceDate: '2026-03-16',
          earliest: '2026-03-17',
          latest: '2026-06-15',
        },
      });
    });

    it('should report the field of a bad quantity', async () => {
      const res = await postRecord({
        memberId: teamMembers[1].id,
        itemCode: 'haircut',
        quantity: '1.5',
        serviceDate: '2026-06-15',
      });
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'quantity of 理发 counts times and must be a whole number',
        details: {
          fields: [
            {
              field: 'quantity',
              problems: ['quantity of 理发 counts times and must be a whole number'],
            },
          ],
        },
      });
    });

    it('should accept the oldest allowed date and today, in the community time zone', async () => {
      const member = await f.newMember();
      let auth = t.adminAuth;
      const log = (serviceDate: string) =>
        postRecord(
          { memberId: member.id, itemCode: 'door_to_door', quantity: 1, serviceDate },
          auth,
        );
      expect((await log('2026-03-17')).status).toBe(201);
      expect((await log('2026-06-15')).status).toBe(201);
      // 23:59:59 in Shanghai is still the 15th; one second later the 16th may be logged.
      t.clock.set('2026-06-15T15:59:59Z');
      try {
        auth = await t.login('admin');
        expect((await log('2026-06-16')).status).toBe(422);
        t.clock.set('2026-06-15T16:00:00Z');
        expect((await log('2026-06-16')).status).toBe(201);
        expect((await log('2026-03-17')).status).toBe(422);
      } finally {
        t.clock.set('2026-06-15T02:00:00Z');
      }
    });

    it('should refuse more units of an item a day than its cap', async () => {
      const member = await f.newMember();
      // The records after the first are second real repairs that day, so they confirm it.
      const log = (quantity: string, serviceDate = '2026-06-14') =>
        postRecord({
          memberId: member.id,
          itemCode: 'appliance_repair',
          quantity,
          serviceDate,
          confirmDuplicate: true,
        });
      expect((await log('6')).status).toBe(201);
      const before = await footprint(t);
      const over = await log('2.01');
      expect(over.status).toBe(422);
      expect(over.body).toEqual({
        statusCode: 422,
        code: 'CAP_EXCEEDED',
        message: `over the daily limit on 2026-06-14: ${member.name}: 家电维修 is capped at 8.00 a day, 6.00 already logged, 2.00 left`,
        details: {
          serviceDate: '2026-06-14',
          violations: [
            {
              memberId: member.id,
              limit: 'item',
              itemCode: 'appliance_repair',
              max: '8.00',
              alreadyLogged: '6.00',
              requested: '2.01',
              remaining: '2.00',
            },
          ],
        },
      });
      expect(await footprint(t)).toEqual(before);
      expect((await log('2')).status).toBe(201);
      expect((await log('8', '2026-06-13')).status).toBe(201);
      await expect(f.balanceOf(member.accountId)).resolves.toBe(3200);
    });

    it('should refuse the same member, item and day again as a likely duplicate, changing nothing, unless confirmed', async () => {
      const member = await f.newMember();
      const crew = await f.newTeam({ memberIds: [member.id] });
      const body = {
        memberId: member.id,
        itemCode: 'free_clinic',
        quantity: '1',
        serviceDate: '2026-06-14',
      };
      const first = await postRecord(body);
      expect(first.status).toBe(201);
      const before = await footprint(t);
      const again = await postRecord(body);
      expect(again.status).toBe(409);
      expect(again.body).toEqual({
        statusCode: 409,
        code: 'CONFLICT',
        message: `likely logged twice: ${member.name} already has a record of 义诊 on 2026-06-14 (record ${first.body.id}); send confirmDuplicate: true if this is a second real service`,
        details: {
          reason: 'LIKELY_DUPLICATE',
          duplicates: [
            {
              memberId: member.id,
              recordId: first.body.id,
              eventId: null,
              itemCode: 'free_clinic',
              message: `${member.name} already has a record of 义诊 on 2026-06-14 (record ${first.body.id})`,
            },
          ],
        },
      });
      // The same refusal in an activity naming the member.
      const inActivity = await postActivity({
        teamId: crew.id,
        itemCode: 'free_clinic',
        title: '六月义诊',
        serviceDate: '2026-06-14',
        participants: [{ memberId: member.id, quantity: 1 }],
      });
      expect(inActivity.status).toBe(409);
      expect(inActivity.body.details).toMatchObject({
        reason: 'LIKELY_DUPLICATE',
        duplicates: [{ memberId: member.id, recordId: first.body.id }],
      });
      expect(await footprint(t)).toEqual(before);
      // Another item, or another day, is no duplicate.
      expect((await postRecord({ ...body, itemCode: 'cleanup' })).status).toBe(201);
      expect((await postRecord({ ...body, serviceDate: '2026-06-13' })).status).toBe(201);
      // A second real clinic that day: confirmed, it is kept and names the record it is not.
      const second = await postRecord({ ...body, confirmDuplicate: true });
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({
        status: 'posted',
        points: '3.00',
        confirmedDistinctFrom: first.body.id,
      });
      const shown = await t.http
        .get(`/api/service-records/${second.body.id}`)
        .set('Authorization', t.adminAuth);
      expect(shown.body.confirmedDistinctFrom).toBe(first.body.id);
      await expect(f.balanceOf(member.accountId)).resolves.toBe(300 + 100 + 300 + 300);
    });

    it('should confirm a second real service in an activity, each record naming the one it is not', async () => {
      const [m1, m2] = await f.newMembers(2);
      const crew = await f.newTeam({ memberIds: [m1.id, m2.id] });
      const first = await postRecord({
        memberId: m1.id,
        itemCode: 'free_clinic',
        quantity: '1',
        serviceDate: '2026-06-12',
      });
      expect(first.status).toBe(201);
      const res = await postActivity({
        teamId: crew.id,
        itemCode: 'free_clinic',
        title: '下午义诊',
        serviceDate: '2026-06-12',
        participants: [m1, m2].map((m) => ({ memberId: m.id, quantity: 1 })),
        confirmDuplicate: true,
      });
      expect(res.status).toBe(201);
      expect(
        res.body.records.map((r: { memberId: number; confirmedDistinctFrom: number | null }) => [
          r.memberId,
          r.confirmedDistinctFrom,
        ]),
      ).toEqual([
        [m1.id, first.body.id],
        [m2.id, null],
      ]);
    });

    it('should refuse more service hours a day than the maximum, over all items', async () => {
      const member = await f.newMember();
      const log = (itemCode: string, quantity: string) =>
        postRecord({ memberId: member.id, itemCode, quantity, serviceDate: '2026-06-14' });
      expect((await log('cleanup', '8')).status).toBe(201);
      expect((await log('daily_patrol', '3.5')).status).toBe(201);
      const over = await log('free_clinic', '0.51');
      expect(over.status).toBe(422);
      expect(over.body.code).toBe('CAP_EXCEEDED');
      expect(over.body.details.violations).toEqual([
        {
          memberId: member.id,
          limit: 'dailyHours',
          itemCode: 'free_clinic',
          max: '12.00',
          alreadyLogged: '11.50',
          requested: '0.51',
          remaining: '0.50',
        },
      ]);
      expect((await log('free_clinic', '0.5')).status).toBe(201);
      // A per-time item counts its hours per time (a haircut 0.50) against the day's maximum too.
      const haircuts = await log('haircut', '2');
      expect(haircuts.status).toBe(422);
      expect(haircuts.body.details.violations).toEqual([
        {
          memberId: member.id,
          limit: 'dailyHours',
          itemCode: 'haircut',
          max: '12.00',
          alreadyLogged: '12.00',
          requested: '1.00',
          remaining: '0.00',
        },
      ]);
    });

    it('should refuse a year whose star rating is published', async () => {
      t.clock.set('2027-01-05T02:00:00Z');
      try {
        const auth = await t.login('admin');
        await t.db.write((em) =>
          em.query(
            sql(
              t.db,
              "INSERT INTO star_ratings (community_id, year, status, thresholds, computed_at, published_at, published_by) VALUES (1, ?, 'published', '[]', ?, ?, 'user:1')",
            ),
            [2026, '2027-01-02T00:00:00.000Z', '2027-01-03T00:00:00.000Z'],
          ),
        );
        const before = await footprint(t);
        const res = await postRecord(
          {
            memberId: outsider.id,
            itemCode: 'community_council',
            quantity: 1,
            serviceDate: '2026-12-30',
          },
          auth,
        );
        expect(res.status).toBe(409);
        expect(res.body).toEqual({
          statusCode: 409,
          code: 'PERIOD_CLOSED',
          message:
            'the 2026 star rating was published on 2027-01-03 08:00 (Asia/Shanghai); service in 2026 can no longer be recorded or approved',
          details: { reason: 'YEAR_CLOSED', year: 2026, serviceDate: '2026-12-30' },
        });
        expect(await footprint(t)).toEqual(before);
        const newYear = await postRecord(
          {
            memberId: outsider.id,
            itemCode: 'community_council',
            quantity: 1,
            serviceDate: '2027-01-04',
          },
          auth,
        );
        expect(newYear.status).toBe(201);
      } finally {
        t.clock.set('2026-06-15T02:00:00Z');
        await t.db.write((em) =>
          em.query(sql(t.db, 'DELETE FROM star_ratings WHERE year = ?'), [2026]),
        );
      }
    });
  });

  describe('POST /api/service-records/:id/reversal', () => {
    it('should correct a wrong record by a reversal with a reason, once', async () => {
      const member = await f.newMember();
      const logged = await postRecord({
        memberId: member.id,
        itemCode: 'legal_consult',
        quantity: 2,
        serviceDate: '2026-06-14',
      });
      const reverse = (auth = t.adminAuth, idem = key()) =>
        t.http
          .post(`/api/service-records/${logged.body.id}/reversal`)
          .set('Authorization', auth)
          .set('Idempotency-Key', idem)
          .send({ reason: '记错了人' });
      expect((await reverse(leaderAuth)).status).toBe(403);
      const res = await reverse();
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        transactionId: expect.any(String),
        reverses: logged.body.transactionId,
        record: {
          ...logged.body,
          reversalTransactionId: res.body.transactionId,
        },
      });
      await expect(f.balanceOf(member.accountId)).resolves.toBe(0);
      const again = await reverse();
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_REVERSED');
      const { entries } = await ledger.statement(member.accountId, { limit: 1 });
      expect(entries[0]).toMatchObject({ kind: 'reversal', amount: '-6.00' });
      expect(entries[0].description).toMatch(/记错了人$/);
      // The corrected service can now be logged again within the cap.
      const relog = await postRecord({
        memberId: member.id,
        itemCode: 'legal_consult',
        quantity: 8,
        serviceDate: '2026-06-14',
      });
      expect(relog.status).toBe(201);
      const unknown = await t.http
        .post('/api/service-records/999999/reversal')
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', key())
        .send({ reason: 'x' });
      expect(unknown.status).toBe(404);
    });
  });

  describe('POST /api/activities', () => {
    it('should log every participant of a team event at once', async () => {
      const res = await postActivity(
        {
          teamId: team.id,
          itemCode: 'leifeng_fair',
          title: '六月雷锋号便民大集',
          serviceDate: '2026-06-13',
          participants: teamMembers.slice(0, 3).map((m) => ({ memberId: m.id, quantity: 1 })),
        },
        leaderAuth,
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        teamId: team.id,
        itemCode: 'leifeng_fair',
        itemName: '雷锋号便民大集',
        title: '六月雷锋号便民大集',
        serviceDate: '2026-06-13',
        standardVersion: 1,
        participants: 3,
        totalPoints: '9.00',
        // 3.00 hours a fair under the shipped standard.
        totalHours: '9.00',
        createdBy: `user:${leaderId}`,
        createdAt: '2026-06-15T02:00:00.000Z',
        records: teamMembers.slice(0, 3).map((m) =>
          expect.objectContaining({
            memberId: m.id,
            memberName: m.name,
            teamId: team.id,
            activityId: res.body.id,
            itemCode: 'leifeng_fair',
            quantity: '1.00',
            points: '3.00',
            status: 'posted',
            transactionId: expect.any(String),
          }),
        ),
      });
      const got = await t.http
        .get(`/api/activities/${res.body.id}`)
        .set('Authorization', leaderAuth);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
      const otherLeader = await f.newUser('leader');
      const hidden = await t.http
        .get(`/api/activities/${res.body.id}`)
        .set('Authorization', await t.login(otherLeader.username, 'password-123'));
      expect(hidden.status).toBe(404);
    });

    it('should log 200 participants in one request, and replay it without a second effect', async () => {
      const members = await f.newMembers(200);
      const body = {
        teamId: team.id,
        itemCode: 'event_security',
        title: '国庆安保',
        serviceDate: '2026-06-12',
        participants: members.map((m, i) => ({ memberId: m.id, quantity: i % 2 ? '4' : '2.5' })),
      };
      const before = await tableCount(t, 'ledger_transactions');
      const res = await postActivity(body, t.adminAuth, 'security-200');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        participants: 200,
        totalPoints: '975.00',
        totalHours: '650.00',
        teamId: team.id,
      });
      expect(res.body.records).toHaveLength(200);
      expect(await tableCount(t, 'ledger_transactions')).toBe(before + 200);
      const again = await postActivity(body, t.adminAuth, 'security-200');
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(res.body);
      expect(await tableCount(t, 'ledger_transactions')).toBe(before + 200);
      await expect(f.balanceOf(members[1].accountId)).resolves.toBe(600);
      const verify = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
      expect(verify.body).toMatchObject({ ok: true });
    });

    it('should refuse the whole activity when one participant is refused', async () => {
      const [a, b] = teamMembers.slice(2, 4);
      await postRecord({
        memberId: b.id,
        itemCode: 'performance',
        quantity: 2,
        serviceDate: '2026-06-11',
      });
      const before = await footprint(t);
      const res = await postActivity(
        {
          teamId: team.id,
          itemCode: 'performance',
          title: '社区文艺汇演',
          serviceDate: '2026-06-11',
          participants: [
            { memberId: a.id, quantity: 1 },
            { memberId: b.id, quantity: 1 },
          ],
        },
        leaderAuth,
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CAP_EXCEEDED');
      expect(res.body.details.violations.map((v: { memberId: number }) => v.memberId)).toEqual([
        b.id,
      ]);
      expect(await footprint(t)).toEqual(before);
    });

    interface ActivityBody {
      teamId: number;
      itemCode: string;
      title: string;
      serviceDate: string;
      participants: { memberId: number; quantity: number | string }[];
    }
    type Change = (b: ActivityBody) => ActivityBody;
    it.each<[string, Change, number, string]>([
      [
        'a team the leader does not lead',
        (b) => ({ ...b, teamId: otherTeam.id }),
        403,
        'FORBIDDEN',
      ],
      [
        'a participant outside the leader’s teams',
        (b) => ({
          ...b,
          participants: [...b.participants, { memberId: outsider.id, quantity: 1 }],
        }),
        404,
        'NOT_FOUND',
      ],
      [
        'a participant listed twice',
        (b) => ({ ...b, participants: [b.participants[0], b.participants[0]] }),
        400,
        'VALIDATION_FAILED',
      ],
      ['no participants', (b) => ({ ...b, participants: [] }), 400, 'VALIDATION_FAILED'],
      [
        'too many participants',
        (b) => ({
          ...b,
          participants: Array.from({ length: 501 }, (_, i) => ({ memberId: i + 1, quantity: 1 })),
        }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a bad quantity',
        (b) => ({ ...b, participants: [{ ...b.participants[0], quantity: '0.5' }] }),
        400,
        'VALIDATION_FAILED',
      ],
      ['no title', (b) => ({ ...b, title: '' }), 400, 'VALIDATION_FAILED'],
      ['a blank title', (b) => ({ ...b, title: '   ' }), 400, 'VALIDATION_FAILED'],
      ['an unknown team', (b) => ({ ...b, teamId: 999999 }), 404, 'NOT_FOUND'],
      ['an unknown item', (b) => ({ ...b, itemCode: 'nope' }), 422, 'UNKNOWN_ITEM'],
      [
        'a future date',
        (b) => ({ ...b, serviceDate: '2026-07-01' }),
        422,
        'SERVICE_DATE_OUT_OF_RANGE',
      ],
    ])('should refuse %s and change nothing', async (_name, change, status, code) => {
      const body = change({
        teamId: team.id,
        itemCode: 'organize_event',
        title: '广场舞',
        serviceDate: '2026-06-10',
        participants: [{ memberId: teamMembers[0].id, quantity: 1 }],
      });
      const before = await footprint(t);
      const res = await postActivity({ ...body }, leaderAuth);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      leaksNothing(res.body);
      expect(await footprint(t)).toEqual(before);
    });

    it('should name the field of a bad participant', async () => {
      const res = await postActivity({
        teamId: team.id,
        itemCode: 'waste_sorting',
        title: '垃圾分类督导',
        serviceDate: '2026-06-10',
        participants: [
          { memberId: teamMembers[0].id, quantity: 1 },
          { memberId: teamMembers[1].id, quantity: '1.001' },
          { memberId: teamMembers[0].id, quantity: 1 },
        ],
      });
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual([
        {
          field: 'participants[1].quantity',
          problems: [
            'participants[1].quantity must be a decimal with at most two decimal places, like "12.50"',
          ],
        },
        {
          field: 'participants[2].memberId',
          problems: [
            `member ${teamMembers[0].id} is already listed at participants[0]; give one line per member with the total quantity`,
          ],
        },
      ]);
    });
  });

  describe('GET /api/service-records', () => {
    it('should list newest first, filtered, a leader seeing only their teams’ members', async () => {
      const member = teamMembers[3];
      const ids: number[] = [];
      for (const serviceDate of ['2026-05-01', '2026-05-02', '2026-05-03']) {
        const res = await postRecord(
          { memberId: member.id, itemCode: 'elderly_visit', quantity: 1, serviceDate },
          leaderAuth,
        );
        ids.push(res.body.id);
      }
      const list = (query: string, auth = leaderAuth) =>
        t.http.get(`/api/service-records?${query}`).set('Authorization', auth);

      const page1 = await list(`memberId=${member.id}&limit=2`);
      expect(page1.status).toBe(200);
      expect(page1.body.items.map((r: { id: number }) => r.id)).toEqual([ids[2], ids[1]]);
      expect(page1.body.nextCursor).toEqual(expect.any(String));

      const ranged = await list(`memberId=${member.id}&from=2026-05-02&to=2026-05-03`);
      expect(ranged.body).toEqual({
        items: [
          expect.objectContaining({ id: ids[2], serviceDate: '2026-05-03', itemName: '探访孤老' }),
          expect.objectContaining({ id: ids[1], serviceDate: '2026-05-02' }),
        ],
        nextCursor: null,
      });
      const paged = await list(`memberId=${member.id}&from=2026-05-01&to=2026-05-03&limit=2`);
      const rest = await list(
        `memberId=${member.id}&from=2026-05-01&to=2026-05-03&limit=2&cursor=${paged.body.nextCursor}`,
      );
      expect(rest.body).toEqual({
        items: [expect.objectContaining({ id: ids[0] })],
        nextCursor: null,
      });

      const outsiders = await list(`memberId=${outsider.id}`);
      expect(outsiders.body).toEqual({ items: [], nextCursor: null });
      const asAdmin = await list(`memberId=${outsider.id}&status=posted`, t.adminAuth);
      expect(asAdmin.body.items.length).toBeGreaterThan(0);
      expect(
        asAdmin.body.items.every((r: { memberId: number }) => r.memberId === outsider.id),
      ).toBe(true);

      const one = await t.http
        .get(`/api/service-records/${ids[0]}`)
        .set('Authorization', leaderAuth);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: ids[0], memberId: member.id, status: 'posted' });
      const hiddenId = asAdmin.body.items[0].id;
      const hidden = await t.http
        .get(`/api/service-records/${hiddenId}`)
        .set('Authorization', leaderAuth);
      expect(hidden.status).toBe(404);
    });

    it.each([
      ['limit=0'],
      ['limit=201'],
      ['from=2026-13-01'],
      ['status=done'],
      ['memberId=abc'],
      ['cursor=bm9wZQ'],
    ])('should refuse the query %s', async (query) => {
      const res = await t.http
        .get(`/api/service-records?${query}`)
        .set('Authorization', t.adminAuth);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('should show the logging rules in force', async () => {
      const res = await t.http
        .get('/api/service-records/settings')
        .set('Authorization', leaderAuth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        approvalRequired: false,
        backDatingDays: 90,
        maxHoursPerDay: '12.00',
        serviceDates: { earliest: '2026-03-17', latest: '2026-06-15' },
      });
    });
  });

  it('should describe the endpoints in the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/standard',
        '/api/service-records',
        '/api/service-records/{id}/approve',
        '/api/service-records/{id}/reject',
        '/api/service-records/{id}/reversal',
        '/api/activities',
      ]),
    );
  });
});

describe('service records with approval (e2e)', () => {
  let t: TestApp;
  let dir: ConfigDir;
  let f: Fixtures;
  let leaderAuth: string;
  let member: Member;

  beforeAll(async () => {
    dir = configDir({ 'service-records.json': { approvalRequired: true, backDatingDays: 30 } });
    t = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    f = fixtures(t.app);
    const leader = await f.newUser('leader');
    leaderAuth = await t.login(leader.username, 'password-123');
    member = await f.newMember();
    await f.newTeam({ leaderUserIds: [leader.id], memberIds: [member.id] });
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  // Each test logs another clinic of the same member that day, a record of its own: confirmed.
  const log = (quantity: number, auth = leaderAuth) =>
    t.http
      .post('/api/service-records')
      .set('Authorization', auth)
      .set('Idempotency-Key', key())
      .send({
        memberId: member.id,
        itemCode: 'free_clinic',
        quantity,
        serviceDate: '2026-06-14',
        confirmDuplicate: true,
      });
  const decide = (id: number, action: 'approve' | 'reject', auth: string, body: object = {}) =>
    t.http.post(`/api/service-records/${id}/${action}`).set('Authorization', auth).send(body);

  it('should keep a leader’s record pending with no points until an admin approves', async () => {
    const pending = await log(2);
    expect(pending.status).toBe(201);
    expect(pending.body).toMatchObject({ status: 'pending', transactionId: null, points: '6.00' });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(0);

    expect((await decide(pending.body.id, 'approve', leaderAuth)).status).toBe(403);
    const approved = await decide(pending.body.id, 'approve', t.adminAuth);
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({
      id: pending.body.id,
      status: 'posted',
      transactionId: expect.any(String),
      decidedBy: 'user:1',
    });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(600);
    const twice = await decide(pending.body.id, 'approve', t.adminAuth);
    expect(twice.status).toBe(201);
    expect(twice.body).toEqual(approved.body);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(600);
  });

  it('should keep a rejected record with its reason and credit nothing', async () => {
    const pending = await log(1);
    const noReason = await decide(pending.body.id, 'reject', t.adminAuth, {});
    expect(noReason.status).toBe(400);
    const rejected = await decide(pending.body.id, 'reject', t.adminAuth, { reason: '当天未到岗' });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectReason: '当天未到岗',
      transactionId: null,
    });
    const approve = await decide(pending.body.id, 'approve', t.adminAuth);
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('CONFLICT');
    const listed = await t.http
      .get(`/api/service-records?memberId=${member.id}&status=rejected`)
      .set('Authorization', leaderAuth);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: pending.body.id, rejectReason: '当天未到岗' }),
    ]);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(600);
    expect((await decide(999999, 'approve', t.adminAuth)).status).toBe(404);
  });

  it('should take a rejected record for no duplicate: the service can be logged again', async () => {
    const cleanup = () =>
      t.http
        .post('/api/service-records')
        .set('Authorization', leaderAuth)
        .set('Idempotency-Key', key())
        .send({ memberId: member.id, itemCode: 'cleanup', quantity: 1, serviceDate: '2026-06-13' });
    const first = await cleanup();
    expect(first.body).toMatchObject({ status: 'pending' });
    expect((await cleanup()).body.details).toMatchObject({
      reason: 'LIKELY_DUPLICATE',
      duplicates: [{ recordId: first.body.id }],
    });
    const rejected = await decide(first.body.id, 'reject', t.adminAuth, { reason: '日期记错' });
    expect(rejected.status).toBe(201);
    const again = await cleanup();
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'pending', confirmedDistinctFrom: null });
  });

  it('should post an admin’s own record at once and use the configured back-dating limit', async () => {
    const direct = await log(1, t.adminAuth);
    expect(direct.body.status).toBe('posted');
    const old = await t.http
      .post('/api/service-records')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', key())
      .send({ memberId: member.id, itemCode: 'cleanup', quantity: 1, serviceDate: '2026-05-15' });
    expect(old.status).toBe(422);
    expect(old.body.details).toEqual({
      reason: 'DATE_TOO_OLD',
      serviceDate: '2026-05-15',
      earliest: '2026-05-16',
      latest: '2026-06-15',
    });
  });
});

/** Moves rows made by the community-1 fixtures into another community (until they take one). */
const intoCommunity = (t: TestApp, table: string, ids: number[], communityId: number) =>
  t.db.write((em) =>
    em.query(
      sql(
        t.db,
        `UPDATE ${table} SET community_id = ? WHERE id IN (${ids.map(() => '?').join(',')})`,
      ),
      [communityId, ...ids],
    ),
  );

describe('service records in two communities (e2e)', () => {
  let t: TestApp;
  let dir: ConfigDir;
  let f: Fixtures;
  let b: { id: number };
  let memberA: Member;
  let memberB: Member;
  let teamA: { id: number };
  let teamB: { id: number };
  let leaderA: string;
  let leaderB: string;
  let adminB: string;

  beforeAll(async () => {
    // A (community 1) keeps the shared files; B has its own standard (same codes, other points)
    // and approval on.
    dir = configDir();
    mkdirSync(join(dir.dir, 'communities', 'b'), { recursive: true });
    const standardB = shippedStandard();
    standardB.title = 'B社区积分标准';
    standardB.categories[0].items[0].pointsPerUnit = '5.00'; // appliance_repair: A has 2.00
    dir.write('communities/b/scoring-standard.json', standardB);
    dir.write('communities/b/service-records.json', { approvalRequired: true });
    t = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    f = fixtures(t.app);
    b = await t.app.get(CommunitiesService).create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
    memberA = await f.newMember();
    memberB = await f.newMember();
    const la = await f.newLeaderWithTeam([memberA.id]);
    const lb = await f.newLeaderWithTeam([memberB.id]);
    const admin = await f.newUser('admin');
    teamA = la.team;
    teamB = lb.team;
    await intoCommunity(t, 'members', [memberB.id], b.id);
    await intoCommunity(t, 'accounts', [memberB.accountId], b.id);
    await intoCommunity(t, 'teams', [teamB.id], b.id);
    await intoCommunity(t, 'users', [lb.leader.id, admin.id], b.id);
    leaderA = la.auth;
    leaderB = lb.auth;
    adminB = await f.bearer({ userId: admin.id });
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  // The tests log the same two members' repairs that day again and again, each a record of its
  // own: confirmed as not duplicates.
  const log = (auth: string, body: Record<string, unknown>) =>
    t.http
      .post('/api/service-records')
      .set('Authorization', auth)
      .set('Idempotency-Key', key())
      .send({
        itemCode: 'appliance_repair',
        quantity: 2,
        serviceDate: '2026-06-14',
        confirmDuplicate: true,
        ...body,
      });
  const communityOfRecord = async (id: number) =>
    Number(
      (
        await t.db.read((em) =>
          em.query(sql(t.db, 'SELECT community_id FROM service_records WHERE id = ?'), [id]),
        )
      )[0].community_id,
    );

  it('should show each community its own standard, numbered from 1, with the same codes', async () => {
    const a = await t.http.get('/api/standard').set('Authorization', t.adminAuth);
    const bs = await t.http.get('/api/standard').set('Authorization', adminB);
    expect(a.status).toBe(200);
    expect(bs.status).toBe(200);
    expect(a.body).toMatchObject({ version: 1, title: '岭南社区志愿服务积分标准' });
    expect(bs.body).toMatchObject({ version: 1, title: 'B社区积分标准' });
    expect(a.body.categories[0].items[0]).toMatchObject({
      code: 'appliance_repair',
      pointsPerUnit: '2.00',
    });
    expect(bs.body.categories[0].items[0]).toMatchObject({
      code: 'appliance_repair',
      pointsPerUnit: '5.00',
    });
    const versions = await t.http.get('/api/standard/versions').set('Authorization', adminB);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('should score the same item by each community’s own points', async () => {
    const a = await log(t.adminAuth, { memberId: memberA.id });
    const bs = await log(adminB, { memberId: memberB.id });
    expect(a.status).toBe(201);
    expect(bs.status).toBe(201);
    expect(a.body).toMatchObject({ status: 'posted', points: '4.00', standardVersion: 1 });
    expect(bs.body).toMatchObject({ status: 'posted', points: '10.00', standardVersion: 1 });
    await expect(communityOfRecord(a.body.id)).resolves.toBe(1);
    await expect(communityOfRecord(bs.body.id)).resolves.toBe(b.id);
    await expect(f.balanceOf(memberB.accountId)).resolves.toBe(1000);
    const ledger = t.app.get(LedgerService);
    await expect(ledger.verify(1)).resolves.toMatchObject({ ok: true });
    await expect(ledger.verify(b.id)).resolves.toMatchObject({ ok: true });
  });

  it("should answer 404 to an admin or leader of A logging for B's members or under B's teams", async () => {
    const before = await footprint(t);
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['admin A for a member of B', t.adminAuth, { memberId: memberB.id }, 'member'],
      ['leader A for a member of B', leaderA, { memberId: memberB.id }, 'member'],
      [
        'admin A under a team of B',
        t.adminAuth,
        { memberId: memberA.id, teamId: teamB.id },
        'team',
      ],
      ['leader A under a team of B', leaderA, { memberId: memberA.id, teamId: teamB.id }, 'team'],
    ];
    for (const [, auth, body, what] of cases) {
      const res = await log(auth, body);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
      expect(res.body.message).toMatch(what);
    }
    const activity = await t.http
      .post('/api/activities')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', key())
      .send({
        teamId: teamB.id,
        itemCode: 'appliance_repair',
        title: '越界活动',
        serviceDate: '2026-06-14',
        participants: [{ memberId: memberB.id, quantity: 1 }],
      });
    expect(activity.status).toBe(404);
    expect(await footprint(t)).toEqual(before);
  });

  it('should keep B’s leader records pending (its own file) while A’s post at once', async () => {
    const settingsA = await t.http
      .get('/api/service-records/settings')
      .set('Authorization', leaderA);
    const settingsB = await t.http
      .get('/api/service-records/settings')
      .set('Authorization', leaderB);
    expect(settingsA.body).toMatchObject({ approvalRequired: false, backDatingDays: 90 });
    expect(settingsB.body).toMatchObject({ approvalRequired: true, backDatingDays: 90 });
    const a = await log(leaderA, { memberId: memberA.id, quantity: 1 });
    const bs = await log(leaderB, { memberId: memberB.id, quantity: 1 });
    expect(a.body).toMatchObject({ status: 'posted', points: '2.00', teamId: teamA.id });
    expect(bs.body).toMatchObject({ status: 'pending', points: '5.00', teamId: teamB.id });
  });

  it('should not let A’s admin see, approve, reject or reverse B’s records (404)', async () => {
    const pending = await log(leaderB, { memberId: memberB.id, quantity: 1.5 });
    expect(pending.body.status).toBe('pending');
    const id = pending.body.id;
    const before = await footprint(t);
    for (const [path, body] of [
      ['approve', {}],
      ['reject', { reason: '不是本社区' }],
      ['reversal', { reason: '不是本社区' }],
    ] as const) {
      const res = await t.http
        .post(`/api/service-records/${id}/${path}`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', key())
        .send(body);
      expect(res.status).toBe(404);
    }
    expect(
      (await t.http.get(`/api/service-records/${id}`).set('Authorization', t.adminAuth)).status,
    ).toBe(404);
    const listA = await t.http
      .get('/api/service-records?limit=100')
      .set('Authorization', t.adminAuth);
    expect(listA.body.items.every((r: { memberId: number }) => r.memberId !== memberB.id)).toBe(
      true,
    );
    expect(await footprint(t)).toEqual(before);

    const seqA = await t.app.get(LedgerService).verify(1);
    const approved = await t.http
      .post(`/api/service-records/${id}/approve`)
      .set('Authorization', adminB)
      .set('Idempotency-Key', key())
      .send({});
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'posted', points: '7.50' });
    // Approval in B posts in B's books only.
    await expect(t.app.get(LedgerService).verify(1)).resolves.toEqual(seqA);
    const listB = await t.http.get('/api/service-records?limit=100').set('Authorization', adminB);
    expect(listB.body.items.map((r: { memberId: number }) => r.memberId)).toEqual(
      listB.body.items.map(() => memberB.id),
    );
  });

  it('should close a year only in the community whose rating is published', async () => {
    await t.db.write((em) =>
      em.query(
        sql(
          t.db,
          "INSERT INTO star_ratings (community_id, year, status, thresholds, computed_at, published_at, published_by) VALUES (?, 2026, 'published', '[]', ?, ?, 'user:1')",
        ),
        [b.id, '2026-06-15T00:00:00.000Z', '2026-06-15T00:00:00.000Z'],
      ),
    );
    const closed = await log(adminB, { memberId: memberB.id, quantity: 0.5 });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ code: 'PERIOD_CLOSED' });
    const open = await log(t.adminAuth, { memberId: memberA.id, quantity: 0.5 });
    expect(open.status).toBe(201);
    await t.db.write((em) =>
      em.query(sql(t.db, 'DELETE FROM star_ratings WHERE community_id = ?'), [b.id]),
    );
  });

  it('should read every community’s files again at the next start, storing nothing new', async () => {
    const second = await createTestApp({ share: t, env: { CONFIG_DIR: dir.dir } });
    try {
      const bs = await second.http.get('/api/standard/versions').set('Authorization', adminB);
      expect(bs.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
    } finally {
      await second.close();
    }
  });

  it('should stop the start on a bad file in a community folder, naming the file and field', async () => {
    const bad = configDir();
    try {
      mkdirSync(join(bad.dir, 'communities', 'b'), { recursive: true });
      bad.write('communities/b/service-records.json', { approvalRequired: 'yes' });
      await expect(createTestApp({ share: t, env: { CONFIG_DIR: bad.dir } })).rejects.toThrow(
        `${bad.dir}/communities/b/service-records.json: approvalRequired: must be true or false`,
      );
      bad.write('communities/b/service-records.json', {});
      const standard = shippedStandard();
      standard.categories[0].items[0].pointsPerUnit = '-1';
      bad.write('communities/b/scoring-standard.json', standard);
      await expect(createTestApp({ share: t, env: { CONFIG_DIR: bad.dir } })).rejects.toThrow(
        `${bad.dir}/communities/b/scoring-standard.json: category "convenience", item "appliance_repair": pointsPerUnit must not be negative`,
      );
    } finally {
      bad.remove();
    }
  });

  it('should refuse to create a community whose own file is bad, creating nothing', async () => {
    mkdirSync(join(dir.dir, 'communities', 'c'), { recursive: true });
    dir.write('communities/c/redemption.json', { every: 'week' });
    await expect(
      t.app.get(CommunitiesService).create({ streetOfficeId: 1, code: 'c', name: 'C社区' }),
    ).rejects.toThrow(`${dir.dir}/communities/c/redemption.json`);
    await expect(t.app.get(CommunitiesService).findByCode('c')).resolves.toBeNull();
  });
});
