import { FixedClock, zonedTime } from '../src/common/clock';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const at = (date: string, time = '10:00:00') => zonedTime(date, time, 'Asia/Shanghai');

describe('star ratings over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let clerkAuth: string;
  let adminAuth: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    await f.newUser('clerk', 'clerk1');
    clerkAuth = await t.login('clerk1', 'password-123');
  });
  afterAll(() => t.close());

  it('should draft, publish and post a public notice that leaks nothing personal', async () => {
    const zhang = await f.newMember({ name: '张三明', phone: '13812345678' });
    const li = await f.newMember({ name: '李四', phone: '13987654321' });
    const ouyang = await f.newMember({ name: '欧阳娜娜' });
    const none = await f.newMember({ name: '王五' });
    await f.earn(zhang.accountId, 31000, '2026-02-01');
    await f.earn(li.accountId, 5500, '2026-03-01');
    await f.earn(ouyang.accountId, 2000, '2026-04-01');
    await f.earn(none.accountId, 1000, '2026-05-01');
    const volunteerAuth = await f.memberAuth(zhang.id);

    const run = await t.http.post('/api/star-ratings/2026/run').set('Authorization', t.adminAuth);
    expect(run.status).toBe(200);
    expect(run.body).toEqual({
      year: 2026,
      status: 'draft',
      thresholds: [
        { stars: 1, points: '20.00' },
        { stars: 2, points: '50.00' },
        { stars: 3, points: '100.00' },
        { stars: 4, points: '200.00' },
        { stars: 5, points: '300.00' },
      ],
      computedAt: '2026-06-15T02:00:00.000Z',
      publishedAt: null,
      publishedBy: null,
      summary: { members: 4, byStars: { '5': 1, '4': 0, '3': 0, '2': 1, '1': 1, '0': 1 } },
      ratings: [
        {
          memberId: zhang.id,
          passbookNo: zhang.passbookNo,
          name: '张三明',
          earned: '310.00',
          stars: 5,
        },
        { memberId: li.id, passbookNo: li.passbookNo, name: '李四', earned: '55.00', stars: 2 },
        {
          memberId: ouyang.id,
          passbookNo: ouyang.passbookNo,
          name: '欧阳娜娜',
          earned: '20.00',
          stars: 1,
        },
        { memberId: none.id, passbookNo: none.passbookNo, name: '王五', earned: '10.00', stars: 0 },
      ],
    });

    for (const auth of [clerkAuth, volunteerAuth]) {
      const refused = await t.http.post('/api/star-ratings/2026/run').set('Authorization', auth);
      expect(refused.status).toBe(403);
      expect((await t.http.get('/api/star-ratings/2026').set('Authorization', auth)).status).toBe(
        403,
      );
    }
    const draftNotice = await t.http.get('/api/public/star-ratings/2026');
    expect(draftNotice.status).toBe(404);
    expect(draftNotice.body.code).toBe('NOT_FOUND');

    const early = await t.http
      .post('/api/star-ratings/2026/publish')
      .set('Authorization', t.adminAuth);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CONFLICT');

    t.clock.set(at('2027-01-08'));
    // Tokens last hours, not months: log in again after moving the clock into the new year.
    adminAuth = await t.login('admin');
    const published = await t.http
      .post('/api/star-ratings/2026/publish')
      .set('Authorization', adminAuth);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      year: 2026,
      status: 'published',
      publishedAt: '2027-01-08T02:00:00.000Z',
      publishedBy: 'user:1',
    });
    const rerun = await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminAuth);
    expect(rerun.status).toBe(409);
    expect(rerun.body.code).toBe('PERIOD_CLOSED');

    const notice = await t.http.get('/api/public/star-ratings/2026');
    expect(notice.status).toBe(200);
    expect(notice.body).toEqual({
      year: 2026,
      publishedAt: '2027-01-08T02:00:00.000Z',
      thresholds: run.body.thresholds,
      counts: { '5': 1, '4': 0, '3': 0, '2': 1, '1': 1 },
      ratings: [
        { name: '张*明', stars: 5 },
        { name: '李*', stars: 2 },
        { name: '欧**娜', stars: 1 },
      ],
    });
    const text = JSON.stringify(notice.body);
    for (const secret of [
      '张三明',
      '李四',
      '欧阳娜娜',
      '王',
      '13812345678',
      '13987654321',
      zhang.passbookNo,
      li.passbookNo,
      'memberId',
      'passbookNo',
      'phone',
      'earned',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('should refuse bad years with coded errors', async () => {
    const word = await t.http.post('/api/star-ratings/abc/run').set('Authorization', adminAuth);
    expect(word.status).toBe(400);
    expect(word.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'year' } });
    const future = await t.http.post('/api/star-ratings/2099/run').set('Authorization', adminAuth);
    expect(future.status).toBe(400);
    const far = await t.http.get('/api/public/star-ratings/99999');
    expect(far.status).toBe(400);
    const never = await t.http.get('/api/public/star-ratings/2015');
    expect(never.status).toBe(404);
  });

  it('should page the admin rating sheet on request', async () => {
    const first = await t.http
      .get('/api/star-ratings/2026?limit=2')
      .set('Authorization', adminAuth);
    expect(first.status).toBe(200);
    expect(first.body.ratings).toHaveLength(2);
    const second = await t.http
      .get(`/api/star-ratings/2026?limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', adminAuth);
    expect(second.body.ratings.map((r: { name: string }) => r.name)).toEqual(['欧阳娜娜', '王五']);
    expect(second.body.nextCursor).toBeNull();
  });

  it("should catch up on last year's rating when an instance starts after New Year", async () => {
    const m = await f.newMember({ name: '赵六' });
    await f.earn(m.accountId, 10000, '2027-06-01');
    const restarted = await createTestApp({
      share: t,
      clock: new FixedClock(at('2028-01-03')),
      env: { SCHEDULER_ENABLED: 'true' },
    });
    try {
      const res = await restarted.http
        .get('/api/star-ratings/2027')
        .set('Authorization', restarted.adminAuth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        year: 2027,
        status: 'draft',
        computedAt: '2028-01-03T02:00:00.000Z',
        ratings: [{ memberId: m.id, name: '赵六', earned: '100.00', stars: 3 }],
      });
    } finally {
      await restarted.close();
    }
  });
});
