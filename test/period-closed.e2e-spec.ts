import { zonedTime } from '../src/common/clock';
import { Member } from '../src/people/entities/member.entity';
import { configDir, ConfigDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const at = (date: string, time = '10:00:00') => zonedTime(date, time, 'Asia/Shanghai');

const tableCount = (t: TestApp, table: string) =>
  t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));

/** Rows that a refused request must leave untouched. */
const footprint = async (t: TestApp) => ({
  serviceRecords: await tableCount(t, 'service_records'),
  activities: await tableCount(t, 'activities'),
  transactions: await tableCount(t, 'ledger_transactions'),
  // A refusal is stored under its key (a repeat gets the same answer); no success may be.
  successfulKeys: await tableCount(t, 'idempotency_keys WHERE status_code < 400'),
});

describe('a year closed by its published star rating (e2e)', () => {
  let t: TestApp;
  let dir: ConfigDir;
  let f: ReturnType<typeof fixtures>;
  let member: Member;
  let team: { id: number };
  let leaderId: number;
  let keys = 0;

  beforeAll(async () => {
    dir = configDir({ 'service-records.json': { approvalRequired: true, backDatingDays: 90 } });
    t = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    f = fixtures(t.app);
    member = await f.newMember();
    const led = await f.newLeaderWithTeam([member.id]);
    team = led.team;
    leaderId = led.leader.id;
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  const record = (auth: string, serviceDate: string) =>
    t.http
      .post('/api/service-records')
      .set('Authorization', auth)
      .set('Idempotency-Key', `closed-${++keys}`)
      .send({ memberId: member.id, itemCode: 'free_clinic', quantity: 2, serviceDate });
  // The activity is a second clinic of the member the day of the record: confirmed as not a duplicate.
  const activity = (auth: string, serviceDate: string) =>
    t.http
      .post('/api/activities')
      .set('Authorization', auth)
      .set('Idempotency-Key', `closed-${++keys}`)
      .send({
        teamId: team.id,
        itemCode: 'free_clinic',
        title: '雷锋号便民大集',
        serviceDate,
        confirmDuplicate: true,
        participants: [{ memberId: member.id, quantity: 1 }],
      });

  it('should refuse records, activities and approvals dated in a published year and accept the next year', async () => {
    t.clock.set(at('2026-12-20'));
    const leaderAuth = await f.bearer({ userId: leaderId });
    const pending = await record(leaderAuth, '2026-12-19');
    expect(pending.status).toBe(201);
    expect(pending.body).toMatchObject({ status: 'pending', transactionId: null });
    const posted = await record(await t.login('admin'), '2026-12-18');
    expect(posted.body).toMatchObject({ status: 'posted', points: '6.00' });

    t.clock.set(at('2027-01-08'));
    const adminAuth = await t.login('admin');
    expect(
      (await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminAuth)).status,
    ).toBe(200);
    const published = await t.http
      .post('/api/star-ratings/2026/publish')
      .set('Authorization', adminAuth);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');

    const before = await footprint(t);
    const balanceBefore = await f.balanceOf(member.accountId);
    const closed = {
      statusCode: 409,
      code: 'PERIOD_CLOSED',
      message:
        'the 2026 star rating was published on 2027-01-08 10:00 (Asia/Shanghai); service in 2026 can no longer be recorded or approved',
      details: { reason: 'YEAR_CLOSED', year: 2026, serviceDate: '2026-12-30' },
    };
    const refusedRecord = await record(adminAuth, '2026-12-30');
    expect(refusedRecord.status).toBe(409);
    expect(refusedRecord.body).toEqual(closed);
    const refusedActivity = await activity(adminAuth, '2026-12-30');
    expect(refusedActivity.status).toBe(409);
    expect(refusedActivity.body).toEqual(closed);

    const approval = await t.http
      .post(`/api/service-records/${pending.body.id}/approve`)
      .set('Authorization', adminAuth)
      .send({});
    expect(approval.status).toBe(409);
    expect(approval.body).toEqual({
      ...closed,
      details: { reason: 'YEAR_CLOSED', year: 2026, serviceDate: '2026-12-19' },
    });

    expect(await footprint(t)).toEqual(before);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(balanceBefore);
    const stillPending = await t.http
      .get(`/api/service-records?memberId=${member.id}&status=pending`)
      .set('Authorization', adminAuth);
    expect(stillPending.body.items).toEqual([
      expect.objectContaining({ id: pending.body.id, status: 'pending', transactionId: null }),
    ]);

    const nextYearRecord = await record(adminAuth, '2027-01-05');
    expect(nextYearRecord.status).toBe(201);
    expect(nextYearRecord.body).toMatchObject({ status: 'posted', serviceDate: '2027-01-05' });
    const nextYearActivity = await activity(adminAuth, '2027-01-05');
    expect(nextYearActivity.status).toBe(201);
    expect(nextYearActivity.body.records).toEqual([
      expect.objectContaining({ memberId: member.id, serviceDate: '2027-01-05', status: 'posted' }),
    ]);
  });
});
