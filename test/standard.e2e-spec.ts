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
