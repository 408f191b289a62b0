import { CommunitiesService } from '../src/communities/communities.service';
import { DonationsService } from '../src/donations/donations.service';
import { LedgerService } from '../src/ledger/ledger.service';
import { ReportsService } from '../src/reports/reports.service';
import { configDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('quarterly report over HTTP (e2e)', () => {
  let t: TestApp;
  let teamOneId: number;

  // A standard of two categories whose items give the report round figures.
  const standard = configDir({
    'scoring-standard.json': {
      title: 'report test standard',
      effectiveFrom: '2026-01-01',
      categories: [
        {
          code: 'cat_a',
          name: '甲类',
          items: [
            { code: 'a_hour_5', name: '每小时5分', unit: 'hour', pointsPerUnit: '5.00' },
            { code: 'a_hour_3', name: '每小时3分', unit: 'hour', pointsPerUnit: '3.00' },
            { code: 'a_time_2', name: '每次2分', unit: 'time', pointsPerUnit: '2.00' },
            { code: 'a_time_4', name: '每次4分', unit: 'time', pointsPerUnit: '4.00' },
          ],
        },
        {
          code: 'cat_b',
          name: '乙类',
          items: [{ code: 'b_time_5', name: '每次5分', unit: 'time', pointsPerUnit: '5.00' }],
        },
      ],
    },
  });

  beforeAll(async () => {
    t = await createTestApp({ env: { CONFIG_DIR: standard.dir } });
    const f = fixtures(t.app);
    const ledger = t.app.get(LedgerService);
    // Registered at 23:30 and 00:30 local time either side of 1 April.
    t.clock.set('2026-03-31T15:30:00Z');
    await f.newMember({ name: '一季度' });
    t.clock.set('2026-03-31T16:30:00Z');
    await f.newMember({ name: '二季度' });
    t.clock.set('2026-06-15T02:00:00Z');

    const a = await f.newMember({ name: '甲' });
    const b = await f.newMember({ name: '乙' });
    const teamOne = await f.newTeam({ name: '环境整治队', memberIds: [a.id] });
    const teamTwo = await f.newTeam({ name: '治安巡逻队', memberIds: [b.id] });
    teamOneId = teamOne.id;
    let keys = 0;
    /** Service logged by the admin through the API, scored by the standard above. */
    const record = async (
      m: typeof a,
      itemCode: string,
      quantity: number,
      serviceDate: string,
      teamId?: number,
    ): Promise<{ transactionId: string }> => {
      const res = await t.http
        .post('/api/service-records')
        .set('Authorization', await t.login('admin')) // a session of the clock's day
        .set('Idempotency-Key', `report-${++keys}`)
        .send({ memberId: m.id, itemCode, quantity, serviceDate, teamId });
      if (res.status !== 201) {
        throw new Error(`setup record: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res.body;
    };
    await record(a, 'a_time_2', 1, '2026-03-31', teamOne.id);
    await record(a, 'a_hour_5', 2, '2026-04-10', teamOne.id);
    await record(a, 'b_time_5', 1, '2026-05-01', teamOne.id);
    const wrong = await record(b, 'a_hour_5', 1.5, '2026-05-05', teamTwo.id);
    await t.db.write(() =>
      ledger.reverse(wrong.transactionId, {
        communityId: 1,
        actor: 'user:1',
        reason: 'entered twice',
      }),
    );
    // Logged on the days they were done: the last day of the quarter and the first of the next.
    t.clock.set('2026-06-30T10:00:00Z');
    await record(b, 'a_hour_3', 1, '2026-06-30');
    t.clock.set('2026-07-01T10:00:00Z');
    await record(b, 'a_time_4', 1, '2026-07-01');
    t.clock.set('2026-06-15T02:00:00Z');
    await f.earn(a.accountId, 250, '2026-05-20');

    await f.redeem(a.accountId, 300, '2026-06-01');
    const cancelled = await f.redeem(b.accountId, 100, '2026-06-02');
    await t.db.write(() =>
      ledger.reverse(cancelled.id, { communityId: 1, actor: 'user:1', reason: 'cancelled' }),
    );
    const household = await f.newHousehold();
    await t.db.write(() =>
      t.app
        .get(DonationsService)
        .donate(
          { kind: 'member', memberId: a.id, passbookNo: a.passbookNo, communityId: 1 },
          { householdId: household.id, points: 2 },
        ),
    );
    await f.redeem(household.accountId, 50, '2026-06-20');
  });
  afterAll(async () => {
    await t.close();
    standard.remove();
  });

  it('should report the quarter from the ledger and the verified service records', async () => {
    const res = await t.http.get('/api/reports/quarter/2026/2').set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      period: { year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30' },
      generatedAt: '2026-06-15T02:00:00.000Z',
      earned: {
        points: '20.50',
        byCategory: [
          {
            categoryCode: 'cat_a',
            categoryName: '甲类',
            points: '13.00',
            hours: '3.00',
            records: 2,
            volunteers: 2,
          },
          {
            categoryCode: 'cat_b',
            categoryName: '乙类',
            points: '5.00',
            hours: '0.00',
            records: 1,
            volunteers: 1,
          },
        ],
        byTeam: [
          {
            teamId: teamOneId,
            teamName: '环境整治队',
            points: '15.00',
            hours: '2.00',
            records: 2,
            volunteers: 1,
          },
          {
            teamId: null,
            teamName: null,
            points: '3.00',
            hours: '1.00',
            records: 1,
            volunteers: 1,
          },
        ],
        notFromServiceRecords: '2.50',
      },
      redeemed: { points: '3.50', byMembers: '3.00', byHouseholds: '0.50', redemptions: 2 },
      donated: { points: '2.00', donations: 1, donors: 1, households: 1 },
      activeVolunteers: 2,
      newVolunteers: 3,
      wishesFulfilled: 0,
      ordersServed: 0,
      stockGivenOut: [],
      byMonth: [
        { month: '2026-04', earned: '10.00', redeemed: '0.00', donated: '0.00' },
        { month: '2026-05', earned: '7.50', redeemed: '0.00', donated: '0.00' },
        { month: '2026-06', earned: '3.00', redeemed: '3.50', donated: '2.00' },
      ],
      outstandingPoints: {
        total: '19.00',
        members: '17.50',
        households: '1.50',
        asOf: '2026-06-30',
      },
    });
  });

  it('should place a quarter boundary at local midnight', async () => {
    const res = await t.http.get('/api/reports/quarter/2026/1').set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      period: { from: '2026-01-01', to: '2026-03-31' },
      earned: { points: '2.00', notFromServiceRecords: '0.00' },
      activeVolunteers: 1,
      newVolunteers: 1,
      wishesFulfilled: 0,
      outstandingPoints: { total: '2.00' },
    });
  });

  it('should give the same report as CSV for a spreadsheet', async () => {
    const res = await t.http
      .get('/api/reports/quarter/2026/2?format=csv&lang=en')
      .set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="passbook-report-2026-Q2.csv"',
    );
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('section,key,name,points,hours,count');
    expect(lines).toEqual(
      expect.arrayContaining([
        'period,2026-Q2,2026-04-01..2026-06-30,,,',
        'earned,total,,20.50,,',
        `earned_by_team,${teamOneId},环境整治队,15.00,2.00,2`,
        'earned_by_team,none,,3.00,1.00,1',
        'redeemed,total,,3.50,,2',
        'donated,total,,2.00,,1',
        'volunteers,new,,,,3',
        'outstanding,total,2026-06-30,19.00,,',
      ]),
    );
  });

  it.each([
    ['quarter 5', '/api/reports/quarter/2026/5', 400],
    ['a quarter in words', '/api/reports/quarter/2026/two', 400],
    ['a year out of range', '/api/reports/quarter/1800/1', 400],
    ['an unknown format', '/api/reports/quarter/2026/1?format=xlsx', 400],
  ])('should refuse %s with VALIDATION_FAILED', async (_name, url, status) => {
    const res = await t.http.get(url).set('Authorization', t.adminAuth);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('should show the report to admins only', async () => {
    const f = fixtures(t.app);
    await f.newUser('clerk', 'clerk-r');
    const clerk = await t.login('clerk-r', 'password-123');
    expect(
      (await t.http.get('/api/reports/quarter/2026/2').set('Authorization', clerk)).status,
    ).toBe(403);
    expect((await t.http.get('/api/reports/quarter/2026/2')).status).toBe(401);
  });
});

describe('quarterly report: stock given out (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should count redemptions less cancellations per catalog item, dated by the redemption', async () => {
    const f = fixtures(t.app);
    const member = await f.newMember();
    await f.earn(member.accountId, 50000);
    const rice = await f.newCatalogItem({ name: '大米5kg', priceCents: 1000, stock: 20 });
    const oil = await f.newCatalogItem({ name: '食用油', priceCents: 800, stock: 20 });
    const cleaning = await f.newCatalogItem({
      name: '家政服务券',
      kind: 'service_coupon',
      priceCents: 3000,
      stock: 5,
    });
    await f.openRedemptionWindow();
    let keys = 0;
    let auth = t.adminAuth;
    const redeem = async (lines: { catalogItemId: number; quantity: number }[]) => {
      const res = await t.http
        .post('/api/redemptions')
        .set('Authorization', auth)
        .set('Idempotency-Key', `stock-${++keys}`)
        .send({ passbookNo: member.passbookNo, lines });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    const cancel = async (id: number) => {
      const res = await t.http
        .post(`/api/redemptions/${id}/cancel`)
        .set('Authorization', auth)
        .set('Idempotency-Key', `stock-${++keys}`)
        .send({ reason: '居民改换商品' });
      expect(res.status).toBe(201);
    };
    await redeem([
      { catalogItemId: rice.id, quantity: 3 },
      { catalogItemId: cleaning.id, quantity: 1 },
    ]);
    const changedMind = await redeem([
      { catalogItemId: rice.id, quantity: 2 },
      { catalogItemId: oil.id, quantity: 1 },
    ]);
    await cancel(changedMind);
    const cancelledNextQuarter = await redeem([{ catalogItemId: cleaning.id, quantity: 2 }]);

    // In the next quarter: one more redemption, and a Q2 redemption cancelled by an admin.
    t.clock.set('2026-07-10T02:00:00Z');
    auth = await t.login('admin');
    await f.openRedemptionWindow();
    await redeem([{ catalogItemId: oil.id, quantity: 4 }]);
    await cancel(cancelledNextQuarter);

    const q2 = await t.http.get('/api/reports/quarter/2026/2').set('Authorization', auth);
    expect(q2.status).toBe(200);
    expect(q2.body.stockGivenOut).toEqual([
      { catalogItemId: rice.id, name: '大米5kg', kind: 'goods', quantity: 3, points: '30.00' },
      {
        catalogItemId: cleaning.id,
        name: '家政服务券',
        kind: 'service_coupon',
        quantity: 1,
        points: '30.00',
      },
    ]);
    expect(q2.body.redeemed).toEqual({
      points: '60.00',
      byMembers: '60.00',
      byHouseholds: '0.00',
      redemptions: 1,
    });
    const q3 = await t.http.get('/api/reports/quarter/2026/3').set('Authorization', auth);
    expect(q3.body.stockGivenOut).toEqual([
      { catalogItemId: oil.id, name: '食用油', kind: 'goods', quantity: 4, points: '32.00' },
    ]);
    expect(q3.body.redeemed.points).toBe('32.00');
    const csv = await t.http
      .get('/api/reports/quarter/2026/2?format=csv&lang=en')
      .set('Authorization', auth);
    expect(csv.text).toContain(`stock_given_out,${rice.id},大米5kg,30.00,,3\r\n`);
    const byDefault = await t.http
      .get('/api/reports/quarter/2026/2?format=csv')
      .set('Authorization', auth);
    expect(byDefault.text).toBe(csv.text);
    const zh = await t.http
      .get('/api/reports/quarter/2026/2?format=csv&lang=zh')
      .set('Authorization', auth);
    expect(zh.text).toContain(`发出物品和服务券,${rice.id},大米5kg,30.00,,3,\r\n`);
  });
});

describe('quarterly reports of two communities (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let b: { id: number };

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    b = await t.app.get(CommunitiesService).create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
  });
  afterAll(() => t.close());

  /** Points between a passbook and one of community b's system accounts. */
  const postInB = async (
    kind: 'earn' | 'redeem',
    accountId: number,
    cents: number,
    effectiveDate: string,
  ) => {
    const ledger = t.app.get(LedgerService);
    const system = await ledger.systemAccountId(b.id, kind === 'earn' ? 'issuance' : 'shop');
    const sign = kind === 'earn' ? 1 : -1;
    return t.db.write(() =>
      ledger.post({
        communityId: b.id,
        kind,
        actor: 'system:test',
        description: `test ${kind}`,
        effectiveDate,
        postings: [
          { accountId: system, amount: -sign * cents },
          { accountId, amount: sign * cents },
        ],
      }),
    );
  };

  it("should report each community's own figures, to its admin and to the street office", async () => {
    const inA = await f.newMember({ name: '甲社区人' });
    await f.earn(inA.accountId, 1000, '2026-05-01');
    const inB = await f.newMember({ name: '乙社区人', communityId: b.id });
    await postInB('earn', inB.accountId, 2500, '2026-05-02');
    await postInB('redeem', inB.accountId, 500, '2026-06-01');
    const adminB = await f.bearer({
      userId: (await f.newUser('admin', undefined, { communityId: b.id })).id,
    });
    const clerkB = await f.bearer({
      userId: (await f.newUser('clerk', undefined, { communityId: b.id })).id,
    });
    const office = await f.bearer({
      userId: (await f.newUser('office', undefined, { streetOfficeId: 1 })).id,
    });
    const get = (auth: string, query = '') =>
      t.http.get(`/api/reports/quarter/2026/2${query}`).set('Authorization', auth);

    const a = await get(t.adminAuth);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      earned: { points: '10.00', notFromServiceRecords: '10.00' },
      redeemed: { points: '0.00', redemptions: 0 },
      newVolunteers: 1,
      wishesFulfilled: 0,
      outstandingPoints: { total: '10.00', members: '10.00', households: '0.00' },
    });
    const own = await get(adminB);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      earned: { points: '25.00', byCategory: [], byTeam: [], notFromServiceRecords: '25.00' },
      redeemed: { points: '5.00', byMembers: '5.00', byHouseholds: '0.00', redemptions: 1 },
      donated: { points: '0.00', donations: 0 },
      activeVolunteers: 0,
      newVolunteers: 1,
      wishesFulfilled: 0,
      byMonth: [
        { month: '2026-04', earned: '0.00', redeemed: '0.00', donated: '0.00' },
        { month: '2026-05', earned: '25.00', redeemed: '0.00', donated: '0.00' },
        { month: '2026-06', earned: '0.00', redeemed: '5.00', donated: '0.00' },
      ],
      outstandingPoints: { total: '20.00', members: '20.00', households: '0.00' },
    });
    await expect(t.app.get(ReportsService).quarter(b.id, 2026, 2)).resolves.toEqual(own.body);

    // Another community is 404 to an admin, by code or id; staff below admin are refused.
    expect((await get(t.adminAuth, '?community=b')).status).toBe(404);
    expect((await get(t.adminAuth, `?community=${b.id}`)).status).toBe(404);
    expect((await get(adminB, '?community=default')).status).toBe(404);
    expect((await get(clerkB)).status).toBe(403);

    // The street office names the community it reads, either of its street office's.
    expect((await get(office, '?community=b')).body).toEqual(own.body);
    expect((await get(office, '?community=default')).body).toEqual(a.body);
    expect((await get(office, '?community=1')).body).toEqual(a.body);
    const unnamed = await get(office);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'community' },
    });
    expect((await get(office, '?community=nowhere')).status).toBe(404);
    const csv = await get(office, '?community=b&format=csv&lang=en');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('earned,total,,25.00,,\r\n');
  });
});
