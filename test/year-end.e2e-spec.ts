import { zonedTime } from '../src/common/clock';
import { Member } from '../src/people/entities/member.entity';
import { configDir, ConfigDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const at = (date: string, time = '10:00:00') => zonedTime(date, time, 'Asia/Shanghai');
const iso = (date: string, time = '10:00:00') => at(date, time).toISOString();

const tableCount = (t: TestApp, table: string) =>
  t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));

/** Rows a refused correction must leave untouched. */
const footprint = async (t: TestApp) => ({
  transactions: await tableCount(t, 'ledger_transactions'),
  serviceRecords: await tableCount(t, 'service_records'),
  restatements: await tableCount(t, 'star_rating_restatements'),
  objections: await tableCount(t, 'star_rating_objections'),
});

describe('year end: notice period, objections and the final year (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let zhang: Member;
  let li: Member;
  let wang: Member;
  let zhangEarn: string;
  let keys = 0;
  const key = () => `year-end-${++keys}`;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    zhang = await f.newMember({ name: '张三明' });
    li = await f.newMember({ name: '李四' });
    wang = await f.newMember({ name: '王五' });
    zhangEarn = (await f.earn(zhang.accountId, 4500, '2026-03-01')).id;
    await f.earn(li.accountId, 6000, '2026-04-01');
    await f.earn(wang.accountId, 500, '2026-05-01');
  });
  afterAll(() => t.close());

  const admin = () => t.login('admin');
  const object = (auth: string, about: string, reason = '我12月28日参加了义诊，没有记上') =>
    t.http
      .post('/api/me/objections')
      .set('Authorization', auth)
      .send({ year: 2026, about, reason });
  const entryOf = (body: { ratings: { memberId: number }[] }, m: Member) =>
    body.ratings.find((r) => r.memberId === m.id);

  it('should take objections during the notice only, correct by them, restart the notice and finalize', async () => {
    // Tokens are issued afresh whenever the clock moves (sessions expire with it).
    const zhangAuth = () => f.memberAuth(zhang.id);
    const liAuth = () => f.memberAuth(li.id);
    const wangAuth = () => f.memberAuth(wang.id);

    // A draft has no notice: objections are refused.
    t.clock.set(at('2027-01-08'));
    let adminAuth = await admin();
    expect(
      (await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminAuth)).status,
    ).toBe(200);
    const early = await object(await zhangAuth(), 'self');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NOTICE_NOT_OPEN', year: 2026, startsAt: null, endsAt: null },
    });
    expect((await t.http.get('/api/public/star-ratings/2026')).status).toBe(404);

    // Publishing opens the notice for noticeDays (7) from now.
    const published = await t.http
      .post('/api/star-ratings/2026/publish')
      .set('Authorization', adminAuth);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      publishedAt: iso('2027-01-08'),
      notice: { startsAt: iso('2027-01-08'), endsAt: iso('2027-01-15'), days: 7 },
      finalizedAt: null,
      finalizedBy: null,
      restated: null,
    });
    expect(entryOf(published.body, zhang)).toMatchObject({ earned: '45.00', stars: 1 });

    const notice = await t.http.get('/api/public/star-ratings/2026');
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({
      community: { code: 'default' },
      year: 2026,
      status: 'published',
      notice: { startsAt: iso('2027-01-08'), endsAt: iso('2027-01-15'), days: 7 },
      finalizedAt: null,
      objections: { open: true, page: '/me' },
      restated: null,
      ratings: [
        { ref: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/), name: '李*', stars: 2 },
        { ref: expect.stringMatching(/^[A-Za-z0-9_-]{12}$/), name: '张*明', stars: 1 },
      ],
    });
    const [liRef, zhangRef] = notice.body.ratings.map((r: { ref: string }) => r.ref);
    expect(liRef).not.toBe(zhangRef);
    expect([liRef, zhangRef]).not.toContain(String(zhang.id));
    expect(JSON.stringify(notice.body)).not.toContain('memberId');
    // Stable for the year.
    expect((await t.http.get('/api/public/star-ratings/2026')).body.ratings[1].ref).toBe(zhangRef);

    // Objections: one's own entry, another's by its ref; a made-up ref is refused.
    const own = await object(await zhangAuth(), 'self');
    expect(own.status).toBe(201);
    expect(own.body).toEqual({
      id: expect.any(Number),
      year: 2026,
      about: 'self',
      reason: '我12月28日参加了义诊，没有记上',
      status: 'open',
      createdAt: iso('2027-01-08'),
      resolvedAt: null,
      reply: null,
    });
    const other = await object(await liAuth(), zhangRef, '张三明全年只来过一次');
    expect(other.status).toBe(201);
    const bogus = await object(await wangAuth(), 'AAAAAAAAAAAA');
    expect(bogus.status).toBe(404);
    expect(bogus.body).toMatchObject({ code: 'NOT_FOUND' });
    const tooLong = await object(await wangAuth(), 'self', 'x'.repeat(501));
    expect(tooLong.status).toBe(400);

    // A volunteer sees their own objections only, and cannot resolve or list the admin's view.
    const zhangList = await t.http
      .get('/api/me/objections')
      .set('Authorization', await zhangAuth());
    expect(zhangList.status).toBe(200);
    expect(zhangList.body).toEqual({ items: [own.body], nextCursor: null });
    expect(
      (await t.http.get('/api/star-ratings/2026/objections').set('Authorization', await liAuth()))
        .status,
    ).toBe(403);
    expect(
      (
        await t.http
          .post(`/api/star-ratings/2026/objections/${own.body.id}/resolve`)
          .set('Authorization', await liAuth())
          .send({ decision: 'rejected', reply: '不行' })
      ).status,
    ).toBe(403);

    // During the notice, a correction of the year needs an open objection.
    const record = (body: Record<string, unknown>) =>
      t.http
        .post('/api/service-records')
        .set('Authorization', adminAuth)
        .set('Idempotency-Key', key())
        .send({
          memberId: zhang.id,
          itemCode: 'free_clinic',
          quantity: 2,
          serviceDate: '2026-12-28',
          ...body,
        });
    const before = await footprint(t);
    const closed = await record({});
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({
      code: 'PERIOD_CLOSED',
      details: { reason: 'YEAR_CLOSED', year: 2026, serviceDate: '2026-12-28' },
    });
    const reversal = await t.http
      .post(`/api/ledger/transactions/${zhangEarn}/reversal`)
      .set('Authorization', adminAuth)
      .set('Idempotency-Key', key())
      .send({ reason: '误记' });
    expect(reversal.status).toBe(409);
    expect(reversal.body).toMatchObject({
      code: 'PERIOD_CLOSED',
      details: { reason: 'YEAR_CLOSED', year: 2026, serviceDate: '2026-03-01' },
    });
    expect((await record({ objectionId: 999999 })).status).toBe(409);
    expect(await footprint(t)).toEqual(before);

    const corrected = await record({ objectionId: own.body.id });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ status: 'posted', points: '6.00' });
    // Never silently stale: the rating follows the correction at once.
    const afterCorrection = await t.http
      .get('/api/star-ratings/2026')
      .set('Authorization', adminAuth);
    expect(entryOf(afterCorrection.body, zhang)).toMatchObject({ earned: '51.00', stars: 2 });

    // Accepted two days later: recomputed, the notice runs 7 days again from then.
    t.clock.set(at('2027-01-10'));
    adminAuth = await admin();
    const accepted = await t.http
      .post(`/api/star-ratings/2026/objections/${own.body.id}/resolve`)
      .set('Authorization', adminAuth)
      .send({ decision: 'accepted', reply: '已补录12月28日义诊2小时' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      ...own.body,
      status: 'accepted',
      resolvedAt: iso('2027-01-10'),
      resolvedBy: 'user:1',
      reply: '已补录12月28日义诊2小时',
      member: { id: zhang.id, passbookNo: zhang.passbookNo, name: '张三明' },
      aboutMember: { id: zhang.id, passbookNo: zhang.passbookNo, name: '张三明' },
    });
    const again = await t.http
      .post(`/api/star-ratings/2026/objections/${own.body.id}/resolve`)
      .set('Authorization', adminAuth)
      .send({ decision: 'rejected', reply: '再来' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'OBJECTION_RESOLVED', status: 'accepted' },
    });
    const restarted = await t.http.get('/api/star-ratings/2026').set('Authorization', adminAuth);
    expect(restarted.body).toMatchObject({
      status: 'published',
      notice: { startsAt: iso('2027-01-10'), endsAt: iso('2027-01-17'), days: 7 },
      computedAt: iso('2027-01-10'),
    });
    expect(entryOf(restarted.body, zhang)).toMatchObject({ earned: '51.00', stars: 2 });
    expect(entryOf(restarted.body, li)).toMatchObject({ earned: '60.00', stars: 2 });
    expect(entryOf(restarted.body, wang)).toMatchObject({ earned: '5.00', stars: 0 });
    expect((await t.http.get('/api/public/star-ratings/2026')).body.notice).toEqual({
      startsAt: iso('2027-01-10'),
      endsAt: iso('2027-01-17'),
      days: 7,
    });

    // Rejected with a reply the volunteer reads.
    const openList = await t.http
      .get('/api/star-ratings/2026/objections?status=open')
      .set('Authorization', adminAuth);
    expect(openList.body.items).toEqual([
      expect.objectContaining({
        id: other.body.id,
        about: zhangRef,
        member: { id: li.id, passbookNo: li.passbookNo, name: '李四' },
        aboutMember: { id: zhang.id, passbookNo: zhang.passbookNo, name: '张三明' },
      }),
    ]);
    const rejected = await t.http
      .post(`/api/star-ratings/2026/objections/${other.body.id}/resolve`)
      .set('Authorization', adminAuth)
      .send({ decision: 'rejected', reply: '经核对，张三明的服务记录属实' });
    expect(rejected.status).toBe(200);
    const liList = await t.http.get('/api/me/objections').set('Authorization', await liAuth());
    expect(liList.body.items).toEqual([
      {
        ...other.body,
        status: 'rejected',
        resolvedAt: iso('2027-01-10'),
        reply: '经核对，张三明的服务记录属实',
      },
    ]);
    // A rejection leaves the notice as it was.
    expect(
      (await t.http.get('/api/star-ratings/2026').set('Authorization', adminAuth)).body.notice,
    ).toEqual({ startsAt: iso('2027-01-10'), endsAt: iso('2027-01-17'), days: 7 });

    // One more objection, still open when the period ends.
    t.clock.set(at('2027-01-12'));
    const late = await object(await wangAuth(), 'self', '我的积分少算了');
    expect(late.status).toBe(201);

    t.clock.set(at('2027-01-16'));
    adminAuth = await admin();
    const tooEarly = await t.http
      .post('/api/star-ratings/2026/finalize')
      .set('Authorization', adminAuth);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'NOTICE_NOT_OVER', year: 2026, endsAt: iso('2027-01-17') },
    });

    t.clock.set(at('2027-01-17', '10:00:01'));
    adminAuth = await admin();
    const after = await object(await wangAuth(), 'self');
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({
      code: 'CONFLICT',
      details: {
        reason: 'NOTICE_NOT_OPEN',
        startsAt: iso('2027-01-10'),
        endsAt: iso('2027-01-17'),
      },
    });
    const stillOpen = await t.http
      .post('/api/star-ratings/2026/finalize')
      .set('Authorization', adminAuth);
    expect(stillOpen.status).toBe(409);
    expect(stillOpen.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'OBJECTIONS_OPEN', year: 2026, count: 1 },
    });
    expect(
      (
        await t.http
          .post(`/api/star-ratings/2026/objections/${late.body.id}/resolve`)
          .set('Authorization', adminAuth)
          .send({ decision: 'rejected', reply: '5.00分核对无误' })
      ).status,
    ).toBe(200);
    const final = await t.http
      .post('/api/star-ratings/2026/finalize')
      .set('Authorization', adminAuth);
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({
      status: 'final',
      finalizedAt: iso('2027-01-17', '10:00:01'),
      finalizedBy: 'user:1',
      restated: null,
    });
    const twice = await t.http
      .post('/api/star-ratings/2026/finalize')
      .set('Authorization', adminAuth);
    expect(twice.body).toMatchObject({ details: { reason: 'RATING_ALREADY_FINAL' } });
    expect((await t.http.get('/api/public/star-ratings/2026')).body).toMatchObject({
      status: 'final',
      finalizedAt: iso('2027-01-17', '10:00:01'),
      objections: { open: false },
      restated: null,
    });

    // A final year stays closed: reversals of its earns are refused on every path, a restatement
    // too where the community does not allow them.
    const finalBefore = await footprint(t);
    for (const body of [{ reason: '误记' }, { reason: '误记', restatement: { reason: '更正' } }]) {
      const ledger = await t.http
        .post(`/api/ledger/transactions/${zhangEarn}/reversal`)
        .set('Authorization', adminAuth)
        .set('Idempotency-Key', key())
        .send(body);
      expect(ledger.status).toBe(409);
      expect(ledger.body).toMatchObject({ details: { reason: 'YEAR_CLOSED', year: 2026 } });
      const viaRecord = await t.http
        .post(`/api/service-records/${corrected.body.id}/reversal`)
        .set('Authorization', adminAuth)
        .set('Idempotency-Key', key())
        .send(body);
      expect(viaRecord.status).toBe(409);
      expect(viaRecord.body).toMatchObject({ details: { reason: 'YEAR_CLOSED', year: 2026 } });
    }
    expect(await footprint(t)).toEqual(finalBefore);
  });

  it('should refuse finalizing a draft', async () => {
    t.clock.set(at('2027-01-20'));
    const adminAuth = await admin();
    await f.earn(zhang.accountId, 1000, '2025-06-01');
    expect(
      (await t.http.post('/api/star-ratings/2025/run').set('Authorization', adminAuth)).status,
    ).toBe(200);
    const res = await t.http
      .post('/api/star-ratings/2025/finalize')
      .set('Authorization', adminAuth);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ details: { reason: 'RATING_NOT_PUBLISHED', year: 2025 } });
  });
});

describe('year end with restatements and an extended notice (e2e)', () => {
  let t: TestApp;
  let dir: ConfigDir;
  let f: ReturnType<typeof fixtures>;
  let keys = 0;

  beforeAll(async () => {
    dir = configDir({
      'star-rating.json': {
        pointsForStars: ['20.00', '50.00', '100.00', '200.00', '300.00'],
        noticeDays: 5,
        afterCorrection: 'extend',
        extendDays: 3,
        closedYearCorrections: 'restate',
      },
      'service-records.json': { approvalRequired: true, backDatingDays: 90, maxHoursPerDay: '12' },
    });
    t = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    f = fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  it('should approve by an objection, extend the notice and restate a final year on record', async () => {
    const m = await f.newMember({ name: '赵六' });
    const wrong = (await f.earn(m.accountId, 1800, '2026-02-01')).id;
    await f.earn(m.accountId, 900, '2026-03-01');
    // A leader's record of December, still waiting for approval when the year is published.
    const { leader } = await f.newLeaderWithTeam([m.id]);
    t.clock.set(at('2026-12-20'));
    const pending = await t.http
      .post('/api/service-records')
      .set('Authorization', await f.bearer({ userId: leader.id }))
      .set('Idempotency-Key', `restate-${++keys}`)
      .send({ memberId: m.id, itemCode: 'free_clinic', quantity: 2, serviceDate: '2026-12-19' });
    expect(pending.body).toMatchObject({ status: 'pending', transactionId: null });

    t.clock.set(at('2027-01-08'));
    let adminAuth = await t.login('admin');
    await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminAuth);
    const published = await t.http
      .post('/api/star-ratings/2026/publish')
      .set('Authorization', adminAuth);
    expect(published.body.notice).toEqual({
      startsAt: iso('2027-01-08'),
      endsAt: iso('2027-01-13'),
      days: 5,
    });

    const objection = await t.http
      .post('/api/me/objections')
      .set('Authorization', await f.memberAuth(m.id))
      .send({ year: 2026, about: 'self', reason: '12月19日的义诊还没有审核' });
    expect(objection.status).toBe(201);
    // Its approval is a correction of the year: refused unless it names the objection.
    const approve = (body?: object) => {
      const req = t.http
        .post(`/api/service-records/${pending.body.id}/approve`)
        .set('Authorization', adminAuth);
      return body ? req.send(body) : req;
    };
    const closed = await approve();
    expect(closed.status).toBe(409);
    expect(closed.body.details).toMatchObject({ reason: 'YEAR_CLOSED', serviceDate: '2026-12-19' });
    const approved = await approve({ objectionId: objection.body.id });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'posted', points: '6.00' });
    expect(
      (await t.http.get('/api/star-ratings/2026').set('Authorization', adminAuth)).body.ratings,
    ).toEqual([
      { memberId: m.id, passbookNo: m.passbookNo, name: '赵六', earned: '33.00', stars: 1 },
    ]);
    t.clock.set(at('2027-01-12'));
    adminAuth = await t.login('admin');
    await t.http
      .post(`/api/star-ratings/2026/objections/${objection.body.id}/resolve`)
      .set('Authorization', adminAuth)
      .send({ decision: 'accepted', reply: '已核对' })
      .expect(200);
    // extend: the end moves to at least extendDays (3) after the recomputation; the start stays.
    expect(
      (await t.http.get('/api/star-ratings/2026').set('Authorization', adminAuth)).body.notice,
    ).toEqual({ startsAt: iso('2027-01-08'), endsAt: iso('2027-01-15'), days: 5 });

    t.clock.set(at('2027-01-16'));
    adminAuth = await t.login('admin');
    const final = await t.http
      .post('/api/star-ratings/2026/finalize')
      .set('Authorization', adminAuth);
    expect(final.status).toBe(200);
    expect(final.body.ratings).toEqual([
      { memberId: m.id, passbookNo: m.passbookNo, name: '赵六', earned: '33.00', stars: 1 },
    ]);

    // Without an explicit restatement the final year is closed, even here.
    const refused = await t.http
      .post(`/api/ledger/transactions/${wrong}/reversal`)
      .set('Authorization', adminAuth)
      .set('Idempotency-Key', `restate-${++keys}`)
      .send({ reason: '重复记分' });
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ reason: 'YEAR_CLOSED' });

    t.clock.set(at('2027-02-03'));
    adminAuth = await t.login('admin');
    const restated = await t.http
      .post(`/api/ledger/transactions/${wrong}/reversal`)
      .set('Authorization', adminAuth)
      .set('Idempotency-Key', `restate-${++keys}`)
      .send({ reason: '重复记分', restatement: { reason: '2月1日的18分重复记录' } });
    expect(restated.status).toBe(201);
    const rows: Record<string, unknown>[] = await t.db.read((em) =>
      em.query('SELECT * FROM star_rating_restatements'),
    );
    expect(
      rows.map((r) => ({
        year: Number(r.year),
        transactionId: r.transaction_id,
        memberId: Number(r.member_id),
        earnedBefore: Number(r.earned_before),
        earnedAfter: Number(r.earned_after),
        starsBefore: Number(r.stars_before),
        starsAfter: Number(r.stars_after),
        reason: r.reason,
        actor: r.actor,
        createdAt: r.created_at,
      })),
    ).toEqual([
      {
        year: 2026,
        transactionId: restated.body.transactionId,
        memberId: m.id,
        earnedBefore: 3300,
        earnedAfter: 1500,
        starsBefore: 1,
        starsAfter: 0,
        reason: '2月1日的18分重复记录',
        actor: 'user:1',
        createdAt: iso('2027-02-03'),
      },
    ]);
    const view = await t.http.get('/api/star-ratings/2026').set('Authorization', adminAuth);
    expect(view.body).toMatchObject({
      status: 'final',
      restated: { count: 1, lastAt: iso('2027-02-03') },
      ratings: [{ memberId: m.id, earned: '15.00', stars: 0 }],
    });
    expect((await t.http.get('/api/public/star-ratings/2026')).body).toMatchObject({
      status: 'final',
      restated: { count: 1, lastAt: iso('2027-02-03') },
      ratings: [],
    });
    // The record of a restatement is never rewritten.
    await expect(
      t.db.write((em) => em.query("UPDATE star_rating_restatements SET reason = 'x'")),
    ).rejects.toThrow();
  });
});
