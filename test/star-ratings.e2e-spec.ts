import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock, zonedTime } from '../src/common/clock';
import { Database } from '../src/common/db/database';
import { CommunitiesService } from '../src/communities/communities.service';
import { LedgerService } from '../src/ledger/ledger.service';
import { ServiceHoursService } from '../src/ratings/service-hours.service';
import { StarRatingsService } from '../src/ratings/star-ratings.service';
import { configDir } from './support/config-dir';
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
      notice: null,
      finalizedAt: null,
      finalizedBy: null,
      restated: null,
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
      community: { code: 'default', name: null, issuer: null },
      year: 2026,
      status: 'published',
      publishedAt: '2027-01-08T02:00:00.000Z',
      notice: { startsAt: '2027-01-08T02:00:00.000Z', endsAt: '2027-01-15T02:00:00.000Z', days: 7 },
      finalizedAt: null,
      objections: { open: true, page: '/me' },
      restated: null,
      thresholds: run.body.thresholds,
      counts: { '5': 1, '4': 0, '3': 0, '2': 1, '1': 1 },
      ratings: [
        { ref: expect.any(String), name: '张*明', stars: 5 },
        { ref: expect.any(String), name: '李*', stars: 2 },
        { ref: expect.any(String), name: '欧**娜', stars: 1 },
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

describe('star ratings of two communities (e2e)', () => {
  // Community b rates by its own thresholds (its folder); community 1 by the shared file.
  const config = configDir();
  mkdirSync(join(config.dir, 'communities', 'b'), { recursive: true });
  config.write('communities/b/star-rating.json', {
    pointsForStars: ['10.00', '20.00', '30.00', '40.00', '50.00'],
    hoursGradePreset: 'national',
  });
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let b: { id: number; code: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { CONFIG_DIR: config.dir } });
    f = fixtures(t.app);
    b = await t.app.get(CommunitiesService).create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
  });
  afterAll(async () => {
    await t.close();
    config.remove();
  });

  const db = () => t.app.get(Database);
  const memberOfB = (name: string) => f.newMember({ name, communityId: b.id });
  const earnInB = async (accountId: number, cents: number, effectiveDate: string) => {
    const ledger = t.app.get(LedgerService);
    const issuance = await ledger.systemAccountId(b.id, 'issuance');
    return db().write(() =>
      ledger.post({
        communityId: b.id,
        kind: 'earn',
        actor: 'system:test',
        description: 'test earn',
        effectiveDate,
        postings: [
          { accountId: issuance, amount: -cents },
          { accountId, amount: cents },
        ],
      }),
    );
  };
  /** A staff user of community b, or (office) of street office 1. */
  const userOf = (role: 'admin' | 'clerk' | 'office') =>
    f.newUser(role, undefined, role === 'office' ? { streetOfficeId: 1 } : { communityId: b.id });

  it("should rate each community's own members by its own thresholds and close only its year", async () => {
    const zhang = await f.newMember({ name: '张三明' });
    await f.earn(zhang.accountId, 6000, '2026-02-01');
    const zhao = await memberOfB('赵六六');
    await earnInB(zhao.accountId, 6000, '2026-03-01');
    const qian = await memberOfB('钱七');
    await earnInB(qian.accountId, 1500, '2026-04-01');
    t.clock.set(at('2027-01-08'));
    const adminA = await t.login('admin');
    const adminB = await f.bearer({ userId: (await userOf('admin')).id });
    const clerkB = await f.bearer({ userId: (await userOf('clerk')).id });
    const office = await f.bearer({ userId: (await userOf('office')).id });

    const runA = await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminA);
    expect(runA.status).toBe(200);
    expect(runA.body.ratings).toEqual([
      {
        memberId: zhang.id,
        passbookNo: zhang.passbookNo,
        name: '张三明',
        earned: '60.00',
        stars: 2,
      },
    ]);
    const runB = await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminB);
    expect(runB.status).toBe(200);
    expect(runB.body).toMatchObject({
      thresholds: [
        { stars: 1, points: '10.00' },
        { stars: 2, points: '20.00' },
        { stars: 3, points: '30.00' },
        { stars: 4, points: '40.00' },
        { stars: 5, points: '50.00' },
      ],
      summary: { members: 2, byStars: { '5': 1, '4': 0, '3': 0, '2': 0, '1': 1, '0': 0 } },
      ratings: [
        {
          memberId: zhao.id,
          passbookNo: zhao.passbookNo,
          name: '赵六六',
          earned: '60.00',
          stars: 5,
        },
        { memberId: qian.id, passbookNo: qian.passbookNo, name: '钱七', earned: '15.00', stars: 1 },
      ],
    });

    // A's admin reads A's rating; naming b is 404, as an unknown community.
    expect(
      (await t.http.get('/api/star-ratings/2026').set('Authorization', adminA)).body.ratings,
    ).toHaveLength(1);
    const probe = await t.http
      .get('/api/star-ratings/2026?community=b')
      .set('Authorization', adminA);
    expect(probe.status).toBe(404);
    expect(
      (await t.http.get('/api/star-ratings/2026?community=2').set('Authorization', adminA)).status,
    ).toBe(404);
    expect((await t.http.get('/api/star-ratings/2026').set('Authorization', clerkB)).status).toBe(
      403,
    );

    // Publishing A's year closes it in A only.
    const pubA = await t.http.post('/api/star-ratings/2026/publish').set('Authorization', adminA);
    expect(pubA.status).toBe(200);
    const ratings = t.app.get(StarRatingsService);
    await expect(ratings.assertOpenFor(1, '2026-05-01')).rejects.toMatchObject({
      code: 'PERIOD_CLOSED',
    });
    await expect(ratings.assertOpenFor(b.id, '2026-05-01')).resolves.toBeUndefined();
    expect(
      (await t.http.get('/api/star-ratings/2026').set('Authorization', adminB)).body,
    ).toMatchObject({ status: 'draft', summary: { members: 2 } });
    expect(
      (await t.http.post('/api/star-ratings/2026/run').set('Authorization', adminB)).status,
    ).toBe(200);
    expect((await t.http.get('/api/public/star-ratings/2026?community=b')).status).toBe(404);

    // The street office reads both, names one, and can run or publish neither.
    const officeA = await t.http
      .get('/api/star-ratings/2026?community=default')
      .set('Authorization', office);
    expect(officeA.status).toBe(200);
    expect(officeA.body).toMatchObject({ status: 'published', ratings: [{ memberId: zhang.id }] });
    const officeB = await t.http
      .get('/api/star-ratings/2026?community=b')
      .set('Authorization', office);
    expect(officeB.status).toBe(200);
    expect(officeB.body.ratings.map((r: { memberId: number }) => r.memberId)).toEqual([
      zhao.id,
      qian.id,
    ]);
    const unnamed = await t.http.get('/api/star-ratings/2026').set('Authorization', office);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'community' },
    });
    expect(
      (await t.http.get('/api/star-ratings/2026?community=zz').set('Authorization', office)).status,
    ).toBe(404);
    for (const action of ['run', 'publish']) {
      const refused = await t.http
        .post(`/api/star-ratings/2026/${action}`)
        .set('Authorization', office);
      expect(refused.status).toBe(403);
    }

    // Each public notice shows its own community, names masked.
    const pubB = await t.http.post('/api/star-ratings/2026/publish').set('Authorization', adminB);
    expect(pubB.status).toBe(200);
    const noticeB = await t.http.get('/api/public/star-ratings/2026?community=b');
    expect(noticeB.status).toBe(200);
    expect(noticeB.body).toEqual({
      community: { code: 'b', name: 'B社区', issuer: 'B社区志愿服务站' },
      year: 2026,
      status: 'published',
      publishedAt: '2027-01-08T02:00:00.000Z',
      notice: { startsAt: '2027-01-08T02:00:00.000Z', endsAt: '2027-01-15T02:00:00.000Z', days: 7 },
      finalizedAt: null,
      objections: { open: true, page: '/me' },
      restated: null,
      thresholds: runB.body.thresholds,
      counts: { '5': 1, '4': 0, '3': 0, '2': 0, '1': 1 },
      ratings: [
        { ref: expect.any(String), name: '赵*六', stars: 5 },
        { ref: expect.any(String), name: '钱*', stars: 1 },
      ],
    });
    expect(JSON.stringify(noticeB.body)).not.toContain('张');
    const noticeA = await t.http.get('/api/public/star-ratings/2026');
    expect(noticeA.body).toMatchObject({
      community: { code: 'default' },
      ratings: [{ name: '张*明', stars: 2 }],
    });
    expect((await t.http.get('/api/public/star-ratings/2026?community=zz')).status).toBe(404);
  });

  it("should grade hours by the preset of the member's community", async () => {
    const hours = t.app.get(ServiceHoursService);
    await expect(hours.grade(1, 0)).resolves.toMatchObject({ preset: 'dalian' });
    await expect(hours.grade(b.id, 0)).resolves.toMatchObject({ preset: 'national' });
    const zhou = await memberOfB('吴九');
    await expect(hours.ofMember(zhou.id)).resolves.toMatchObject({
      total: '0.00',
      hoursGrade: { preset: 'national', stars: 0 },
    });
  });

  it('should draft last year in every community on 1 January', async () => {
    const zhou = await memberOfB('周八');
    await earnInB(zhou.accountId, 2500, '2027-05-01');
    t.clock.set(at('2028-01-01', '00:05:00'));
    await expect(t.app.get(StarRatingsService).draftLastYearEverywhere()).resolves.toEqual([b.id]);
    const office = await f.bearer({ userId: (await userOf('office')).id });
    const drafted = await t.http
      .get('/api/star-ratings/2027?community=b')
      .set('Authorization', office);
    expect(drafted.body).toMatchObject({
      status: 'draft',
      ratings: [{ memberId: zhou.id, earned: '25.00', stars: 2 }],
    });
    const none = await t.http
      .get('/api/star-ratings/2027?community=default')
      .set('Authorization', office);
    expect(none.status).toBe(404);
  });
});
