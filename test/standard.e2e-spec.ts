import { AuthService } from '../src/auth/auth.service';
import { configDir, shippedStandard } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('scoring standard (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = (query: string, auth = t.adminAuth) =>
    t.http.get(`/api/standard${query}`).set('Authorization', auth);

  it('should show the version in force today: nine categories and twenty items', async () => {
    const res = await get('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 1,
      effectiveFrom: '2025-01-01',
      effectiveUntil: null,
      title: '岭南社区志愿服务积分标准',
    });
    expect(res.body.categories).toHaveLength(9);
    expect(res.body.categories.flatMap((c: { items: unknown[] }) => c.items)).toHaveLength(20);
    expect(res.body.categories[0]).toEqual({
      code: 'convenience',
      name: '便民服务',
      items: [
        {
          code: 'appliance_repair',
          name: '家电维修',
          unit: 'hour',
          pointsPerUnit: '2.00',
          maxUnitsPerDay: '8.00',
        },
        {
          code: 'haircut',
          name: '理发',
          unit: 'time',
          pointsPerUnit: '1.00',
          maxUnitsPerDay: '20.00',
          hoursPerTime: '0.50',
        },
        {
          code: 'free_clinic',
          name: '义诊',
          unit: 'hour',
          pointsPerUnit: '3.00',
          maxUnitsPerDay: '8.00',
        },
      ],
    });
    expect(res.body.categories[8].items[4]).toEqual({
      code: 'good_deed',
      name: '好人好事',
      unit: 'time',
      pointsPerUnit: '5.00',
      maxUnitsPerDay: '1.00',
      adminOnly: true,
      hoursPerTime: '1.00',
    });
    // Every per-time item says how many hours a time stands for; no hourly item does.
    const items: { code: string; unit: string; hoursPerTime?: string }[] =
      res.body.categories.flatMap((c: { items: unknown[] }) => c.items);
    expect(items.filter((i) => i.unit === 'hour' && 'hoursPerTime' in i)).toEqual([]);
    expect(
      Object.fromEntries(
        items.filter((i) => i.unit === 'time').map((i) => [i.code, i.hoursPerTime]),
      ),
    ).toEqual({
      haircut: '0.50',
      waste_sorting: '1.00',
      elderly_visit: '1.00',
      dispute_mediation: '2.00',
      policy_talk: '1.50',
      organize_event: '3.00',
      performance: '2.00',
      leifeng_fair: '3.00',
      blood_donation: '2.00',
      community_council: '2.00',
      good_deed: '1.00',
    });
  });

  it('should show the standard to every logged-in role and to nobody else', async () => {
    const f = fixtures(t.app);
    for (const role of ['leader', 'clerk'] as const) {
      const user = await f.newUser(role);
      const res = await get('', await t.login(user.username, 'password-123'));
      expect(res.status).toBe(200);
    }
    const member = await f.newMember();
    const { token } = await t.app.get(AuthService).issueToken({ memberId: member.id });
    expect((await get('?date=2026-01-01', `Bearer ${token}`)).status).toBe(200);
    const anon = await t.http.get('/api/standard');
    expect(anon.status).toBe(401);
  });

  it.each([['?date=2026-02-30'], ['?date=20260601'], ['?date=today'], ['?other=1']])(
    'should refuse the query %s',
    async (query) => {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    },
  );

  it('should answer 404 for a date before the first version', async () => {
    const res = await get('?date=2024-12-31');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('should list the stored versions to an admin only', async () => {
    const res = await t.http.get('/api/standard/versions').set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        version: 1,
        effectiveFrom: '2025-01-01',
        categories: 9,
        items: 20,
      }),
    ]);
    const leader = await fixtures(t.app).newUser('leader');
    const denied = await t.http
      .get('/api/standard/versions')
      .set('Authorization', await t.login(leader.username, 'password-123'));
    expect(denied.status).toBe(403);
  });

  it('should store a changed file as a new version at the next start, never rescoring history', async () => {
    const f = fixtures(t.app);
    const member = await f.newMember();
    const log = (app: TestApp, serviceDate: string, key: string, auth = app.adminAuth) =>
      app.http
        .post('/api/service-records')
        .set('Authorization', auth)
        .set('Idempotency-Key', key)
        .send({ memberId: member.id, itemCode: 'haircut', quantity: 4, serviceDate });
    const before = await log(t, '2026-06-14', 'v-1');
    expect(before.body).toMatchObject({ standardVersion: 1, points: '4.00' });

    // A restart with the same file adds no version.
    const same = await createTestApp({ share: t });
    await same.close();

    const raw = shippedStandard();
    raw.effectiveFrom = '2026-07-01';
    raw.categories[0].items[1].pointsPerUnit = '1.50';
    const dir = configDir({ 'scoring-standard.json': raw });
    const changed = await createTestApp({ share: t, env: { CONFIG_DIR: dir.dir } });
    try {
      const versions = await changed.http
        .get('/api/standard/versions')
        .set('Authorization', changed.adminAuth);
      expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);

      const june = await get('?date=2026-06-30');
      expect(june.body).toMatchObject({ version: 1, effectiveUntil: '2026-06-30' });
      const july = await get('?date=2026-07-01');
      expect(july.body).toMatchObject({
        version: 2,
        effectiveFrom: '2026-07-01',
        effectiveUntil: null,
      });
      expect(july.body.categories[0].items[1].pointsPerUnit).toBe('1.50');

      changed.clock.set('2026-07-02T02:00:00Z');
      const auth = await changed.login('admin');
      const after = await log(changed, '2026-07-01', 'v-2', auth);
      expect(after.body).toMatchObject({ standardVersion: 2, points: '6.00' });
      const stillJune = await log(changed, '2026-06-30', 'v-3', auth);
      expect(stillJune.body).toMatchObject({ standardVersion: 1, points: '4.00' });
      const old = await t.http
        .get(`/api/service-records/${before.body.id}`)
        .set('Authorization', t.adminAuth);
      expect(old.body).toMatchObject({ standardVersion: 1, points: '4.00' });
    } finally {
      await changed.close();
      dir.remove();
    }
  });
});

/** The shipped standard as it was before hoursPerTime: what an existing database stored as v1. */
const withoutHoursPerTime = () => {
  const raw = shippedStandard();
  for (const category of raw.categories) {
    for (const item of category.items) {
      delete item.hoursPerTime;
    }
  }
  return raw;
};

describe('hours for every item (e2e)', () => {
  let t: TestApp;
  let keys = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (app: TestApp, path: string, body: object) =>
    app.http
      .post(path)
      .set('Authorization', app.adminAuth)
      .set('Idempotency-Key', `hours-${++keys}`)
      .send(body);
  const passbook = async (app: TestApp, passbookNo: string) => {
    const res = await app.http
      .get(`/api/passbooks/${passbookNo}`)
      .set('Authorization', app.adminAuth);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('should count 3.00 hours a fair, 6.00 for two, and move the passbook to its first hours star', async () => {
    const f = fixtures(t.app);
    const member = await f.newMember();
    const team = await f.newTeam({ memberIds: [member.id] });
    // 45 hours of hourly service first: five days of 8 and one of 5.
    for (const [day, hours] of [
      ['2026-05-01', 8],
      ['2026-05-02', 8],
      ['2026-05-03', 8],
      ['2026-05-04', 8],
      ['2026-05-05', 8],
      ['2026-05-06', 5],
    ] as const) {
      const res = await post(t, '/api/service-records', {
        memberId: member.id,
        itemCode: 'cleanup',
        quantity: hours,
        serviceDate: day,
      });
      expect(res.status).toBe(201);
    }
    const before = await passbook(t, member.passbookNo);
    expect(before.hours).toEqual({ thisYear: '45.00', total: '45.00' });
    expect(before.hoursGrade).toEqual({ preset: 'dalian', stars: 0, nextAtHours: '50.00' });

    // May's fair logged alone, June's with the team (an activity): a time each, 3.00 hours each.
    const may = await post(t, '/api/service-records', {
      memberId: member.id,
      itemCode: 'leifeng_fair',
      quantity: 1,
      serviceDate: '2026-05-09',
    });
    expect(may.status).toBe(201);
    expect(may.body).toMatchObject({
      quantity: '1.00',
      hours: '3.00',
      hoursSource: 'item',
      points: '3.00',
      standardVersion: 1,
    });
    const june = await post(t, '/api/activities', {
      teamId: team.id,
      itemCode: 'leifeng_fair',
      title: '六月雷锋号便民大集',
      serviceDate: '2026-06-13',
      participants: [{ memberId: member.id, quantity: 1 }],
    });
    expect(june.status).toBe(201);
    expect(june.body).toMatchObject({ totalHours: '3.00', totalPoints: '3.00' });
    expect(june.body.records).toEqual([
      expect.objectContaining({ memberId: member.id, hours: '3.00', points: '3.00' }),
    ]);

    const fairs = await t.http
      .get(`/api/service-records?memberId=${member.id}&limit=100`)
      .set('Authorization', t.adminAuth);
    const fairRecords: { itemCode: string; hours: string }[] = fairs.body.items.filter(
      (r: { itemCode: string }) => r.itemCode === 'leifeng_fair',
    );
    expect(fairRecords.map((r) => r.hours)).toEqual(['3.00', '3.00']);

    const after = await passbook(t, member.passbookNo);
    expect(after.hours).toEqual({ thisYear: '51.00', total: '51.00' });
    expect(after.hoursGrade).toEqual({ preset: 'dalian', stars: 1, nextAtHours: '150.00' });
    expect(after.balance).toBe('51.00');
  });
});

describe('an existing database when the standard gains hoursPerTime (e2e)', () => {
  it('should store the new file as a new version from the same date, the old records keeping their version, points and 0 hours', async () => {
    const oldDir = configDir({ 'scoring-standard.json': withoutHoursPerTime() });
    const old = await createTestApp({ env: { CONFIG_DIR: oldDir.dir } });
    const newDir = configDir();
    let upgraded: TestApp | undefined;
    try {
      const f = fixtures(old.app);
      const member = await f.newMember();
      const team = await f.newTeam({ memberIds: [member.id] });
      const post = (app: TestApp, path: string, body: object, key: string) =>
        app.http
          .post(path)
          .set('Authorization', app.adminAuth)
          .set('Idempotency-Key', key)
          .send(body);
      const haircuts = await post(
        old,
        '/api/service-records',
        { memberId: member.id, itemCode: 'haircut', quantity: 2, serviceDate: '2026-06-10' },
        'old-1',
      );
      const fair = await post(
        old,
        '/api/activities',
        {
          teamId: team.id,
          itemCode: 'leifeng_fair',
          title: '六月雷锋号便民大集',
          serviceDate: '2026-06-13',
          participants: [{ memberId: member.id, quantity: 1 }],
        },
        'old-2',
      );
      expect(haircuts.body).toMatchObject({ standardVersion: 1, hours: '0.00', points: '2.00' });
      expect(fair.body).toMatchObject({
        standardVersion: 1,
        totalHours: '0.00',
        totalPoints: '3.00',
      });
      const v1 = await old.http.get('/api/standard').set('Authorization', old.adminAuth);
      expect(v1.body.categories[8].items[0]).toEqual({
        code: 'leifeng_fair',
        name: '雷锋号便民大集',
        unit: 'time',
        pointsPerUnit: '3.00',
        maxUnitsPerDay: '1.00',
      });
      // The next start (a second instance on the same store: closing the first would drop the
      // test store) reads the shipped file, which has hoursPerTime: a new version, same date.
      upgraded = await createTestApp({ share: old, env: { CONFIG_DIR: newDir.dir } });
      const app = upgraded;
      const versions = await app.http
        .get('/api/standard/versions')
        .set('Authorization', app.adminAuth);
      expect(
        versions.body.items.map((v: { version: number; effectiveFrom: string }) => [
          v.version,
          v.effectiveFrom,
        ]),
      ).toEqual([
        [2, '2025-01-01'],
        [1, '2025-01-01'],
      ]);
      const inForce = await app.http
        .get('/api/standard?date=2026-06-10')
        .set('Authorization', app.adminAuth);
      expect(inForce.body).toMatchObject({ version: 2, effectiveFrom: '2025-01-01' });
      expect(inForce.body.categories[8].items[0]).toMatchObject({
        code: 'leifeng_fair',
        hoursPerTime: '3.00',
      });

      // The old records are not rescored.
      const oldRecord = await app.http
        .get(`/api/service-records/${haircuts.body.id}`)
        .set('Authorization', app.adminAuth);
      expect(oldRecord.body).toMatchObject({
        standardVersion: 1,
        quantity: '2.00',
        hours: '0.00',
        points: '2.00',
      });
      const oldActivity = await app.http
        .get(`/api/activities/${fair.body.id}`)
        .set('Authorization', app.adminAuth);
      expect(oldActivity.body).toMatchObject({
        standardVersion: 1,
        totalHours: '0.00',
        totalPoints: '3.00',
      });
      // A new record, even of a day before the upgrade, is scored by version 2 and counts hours.
      const next = await post(
        app,
        '/api/service-records',
        { memberId: member.id, itemCode: 'haircut', quantity: 2, serviceDate: '2026-06-11' },
        'new-1',
      );
      expect(next.body).toMatchObject({ standardVersion: 2, hours: '1.00', points: '2.00' });
      const book = await app.http
        .get(`/api/passbooks/${member.passbookNo}`)
        .set('Authorization', app.adminAuth);
      expect(book.body).toMatchObject({
        balance: '7.00',
        hours: { thisYear: '1.00', total: '1.00' },
      });
    } finally {
      await upgraded?.close();
      await old.close();
      oldDir.remove();
      newDir.remove();
    }
  });
});
