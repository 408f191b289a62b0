import { zonedTime } from '../src/common/clock';
import { DonationsService } from '../src/donations/donations.service';
import { LedgerService } from '../src/ledger/ledger.service';
import { Member } from '../src/people/entities/member.entity';
import { configDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** 10:00 in Shanghai on a local date. */
const at = (date: string, time = '10:00:00') => zonedTime(date, time, 'Asia/Shanghai');

const ZERO_MONTH = { earned: '0.00', redeemed: '0.00', donated: '0.00', hours: '0.00' };

describe('annual report and volunteer growth over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let admin: string;
  const ids: Record<string, number> = {};
  let teamOneId: number;
  let teamTwoId: number;

  // Round figures: two categories, hour items give hours, time items none; low star thresholds.
  const config = configDir({
    'scoring-standard.json': {
      title: 'annual report test standard',
      effectiveFrom: '2025-01-01',
      categories: [
        {
          code: 'cat_a',
          name: '甲类',
          items: [
            { code: 'a_hour_5', name: '每小时5分', unit: 'hour', pointsPerUnit: '5.00' },
            { code: 'a_time_2', name: '每次2分', unit: 'time', pointsPerUnit: '2.00' },
          ],
        },
        {
          code: 'cat_b',
          name: '乙类',
          items: [{ code: 'b_time_5', name: '每次5分', unit: 'time', pointsPerUnit: '5.00' }],
        },
      ],
    },
    'star-rating.json': {
      pointsForStars: ['2.00', '5.00', '10.00', '15.00', '30.00'],
      hoursGradePreset: 'dalian',
    },
  });

  /** Moves the clock and logs the admin in again (tokens last hours, not months). */
  const moveTo = async (instant: Date) => {
    t.clock.set(instant);
    admin = await t.login('admin');
  };
  const log = (
    name: string,
    itemCode: string,
    quantity: number,
    serviceDate: string,
    teamId?: number,
  ) => f.logService({ id: ids[name] } as Member, { itemCode, quantity, serviceDate, teamId });
  const createMember = async (name: string, joinedOn?: string) => {
    const res = await t.http
      .post('/api/members')
      .set('Authorization', admin)
      .send({ name, kind: 'resident', ...(joinedOn ? { joinedOn } : {}) });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
    return res.body as { id: number };
  };

  beforeAll(async () => {
    t = await createTestApp({ env: { CONFIG_DIR: config.dir } });
    f = fixtures(t.app);
    // Paper records typed in on 10 January 2026: join dates from the old register.
    await moveTo(at('2026-01-10'));
    await createMember('甲', '2025-04-20');
    await createMember('乙', '2025-06-15');
    const imported = await t.http
      .post('/api/members/import')
      .set('Authorization', admin)
      .send({
        rows: [
          { name: '丙', kind: '群众', joinedOn: '2025/8/1' },
          { name: '丁', kind: '党员', joinedOn: '2025年10月3日' },
        ],
      });
    expect(imported.status).toBe(200);
    expect(imported.body.imported).toBe(2);
    ids['丙'] = imported.body.rows[0].memberId;
    ids['丁'] = imported.body.rows[1].memberId;
    // Typed in without a date (so joined today), then corrected from the paper record.
    await createMember('戊');
    const edited = await t.http
      .patch(`/api/members/${ids['戊']}`)
      .set('Authorization', admin)
      .send({ joinedOn: '2025-12-01' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ joinedOn: '2025-12-01', deactivatedOn: null });

    teamOneId = (await f.newTeam({ name: '环境整治队', memberIds: [ids['甲'], ids['丙']] })).id;
    teamTwoId = (await f.newTeam({ name: '治安巡逻队', memberIds: [ids['乙'], ids['丁']] })).id;

    // Back-dated within the 90 days: service in November and December 2025.
    await log('丁', 'a_time_2', 1, '2025-11-05', teamTwoId);
    await log('丙', 'b_time_5', 1, '2025-12-20', teamOneId);
    await log('甲', 'a_hour_5', 2, '2026-01-10', teamOneId);

    await moveTo(at('2026-02-10'));
    await log('乙', 'a_time_2', 1, '2026-02-10', teamTwoId);
    await log('丁', 'a_hour_5', 1, '2026-02-10', teamTwoId);
    await moveTo(at('2026-02-20'));
    const deactivated = await t.http
      .patch(`/api/members/${ids['乙']}`)
      .set('Authorization', admin)
      .send({ active: false });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, deactivatedOn: '2026-02-20' });

    await moveTo(at('2026-03-15'));
    await log('丙', 'b_time_5', 1, '2026-03-15', teamOneId);
    const wrong = await log('甲', 'a_hour_5', 3, '2026-03-15', teamOneId);
    await t.db.write(() =>
      t.app.get(LedgerService).reverse(wrong.transactionId!, {
        communityId: 1,
        actor: 'user:1',
        reason: 'entered twice',
      }),
    );
    // Registered at 00:30 on 1 April local time: joins in April.
    await moveTo(new Date('2026-03-31T16:30:00Z'));
    ids['己'] = (await f.newMember({ name: '己' })).id;
    await moveTo(at('2026-04-01'));
    await log('己', 'a_time_2', 1, '2026-04-01');
    await f.earn((await member('戊')).accountId, 150, '2026-05-20');

    await moveTo(at('2026-06-15'));
    const a = await member('甲');
    await f.redeem(a.accountId, 300, '2026-06-15');
    const household = await f.newHousehold();
    await t.db.write(() =>
      t.app
        .get(DonationsService)
        .donate(
          { kind: 'member', memberId: a.id, passbookNo: a.passbookNo, communityId: 1 },
          { householdId: household.id, points: 2 },
        ),
    );
    await moveTo(at('2026-07-01'));
    await log('甲', 'a_hour_5', 1, '2026-07-01', teamOneId);
  });
  afterAll(async () => {
    await t.close();
    config.remove();
  });

  const member = (name: string) => t.db.read((em) => em.findOneByOrFail(Member, { id: ids[name] }));

  const expectedYear = () => ({
    period: { year: 2026, from: '2026-01-01', to: '2026-12-31' },
    generatedAt: '2026-07-01T02:00:00.000Z',
    earned: {
      points: '30.50',
      hours: '4.00',
      byCategory: [
        {
          categoryCode: 'cat_a',
          categoryName: '甲类',
          points: '24.00',
          hours: '4.00',
          records: 5,
          volunteers: 4,
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
          points: '20.00',
          hours: '3.00',
          records: 3,
          volunteers: 2,
        },
        {
          teamId: teamTwoId,
          teamName: '治安巡逻队',
          points: '7.00',
          hours: '1.00',
          records: 2,
          volunteers: 2,
        },
        { teamId: null, teamName: null, points: '2.00', hours: '0.00', records: 1, volunteers: 1 },
      ],
      notFromServiceRecords: '1.50',
    },
    redeemed: { points: '3.00', byMembers: '3.00', byHouseholds: '0.00', redemptions: 1 },
    donated: { points: '2.00', donations: 1, donors: 1, households: 1 },
    activeVolunteers: 5,
    newVolunteers: 1,
    wishesFulfilled: 0,
    ordersServed: 0,
    stockGivenOut: [],
    byMonth: [
      { month: '2026-01', ...ZERO_MONTH, earned: '10.00', hours: '2.00' },
      { month: '2026-02', ...ZERO_MONTH, earned: '7.00', hours: '1.00' },
      { month: '2026-03', ...ZERO_MONTH, earned: '5.00' },
      { month: '2026-04', ...ZERO_MONTH, earned: '2.00' },
      { month: '2026-05', ...ZERO_MONTH, earned: '1.50' },
      { month: '2026-06', ...ZERO_MONTH, redeemed: '3.00', donated: '2.00' },
      { month: '2026-07', ...ZERO_MONTH, earned: '5.00', hours: '1.00' },
      ...['08', '09', '10', '11', '12'].map((m) => ({ month: `2026-${m}`, ...ZERO_MONTH })),
    ],
    // What 丁 and 丙 earned in November and December 2025 (7.00) is still held too.
    outstandingPoints: { total: '34.50', members: '32.50', households: '2.00', asOf: '2026-12-31' },
    stars: { byStars: null, members: null, publishedAt: null, why: 'NO_RATING' },
  });

  it('should report the year from the ledger and the verified service records', async () => {
    const res = await t.http.get('/api/reports/year/2026').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expectedYear());
  });

  it('should give the year as CSV, in English codes and in Chinese', async () => {
    const res = await t.http.get('/api/reports/year/2026?format=csv').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="passbook-report-2026.csv"',
    );
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.slice(0, 8)).toEqual([
      'section,key,name,points,hours,count',
      'period,2026,2026-01-01..2026-12-31,,,',
      'earned,total,,30.50,,',
      'earned,hours,,,4.00,',
      'earned_by_category,cat_a,甲类,24.00,4.00,5',
      'earned_by_category,cat_b,乙类,5.00,0.00,1',
      `earned_by_team,${teamOneId},环境整治队,20.00,3.00,3`,
      `earned_by_team,${teamTwoId},治安巡逻队,7.00,1.00,2`,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'earned_by_team,none,,2.00,0.00,1',
        'earned,not_from_service_records,,1.50,,',
        'redeemed,total,,3.00,,1',
        'donated,total,,2.00,,1',
        'volunteers,active,,,,5',
        'volunteers,new,,,,1',
        'month_earned,2026-01,,10.00,,',
        'month_hours,2026-01,,,2.00,',
        'month_redeemed,2026-06,,3.00,,',
        'month_donated,2026-06,,2.00,,',
        'month_hours,2026-12,,,0.00,',
        'outstanding,total,2026-12-31,34.50,,',
      ]),
    );
    expect(lines.filter((l) => l.startsWith('month_earned,'))).toHaveLength(12);
    expect(lines[lines.length - 1]).toBe('stars,none,NO_RATING,,,');

    const zh = await t.http
      .get('/api/reports/year/2026?format=csv&lang=zh')
      .set('Authorization', admin);
    expect(zh.status).toBe(200);
    const zhLines = zh.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(zhLines.slice(0, 4)).toEqual([
      '栏目,项目,名称,积分,服务时长（小时）,数量,人数',
      '统计期,2026年,2026-01-01 至 2026-12-31,,,,',
      '服务获得积分,合计,,30.50,,,',
      '服务时长,合计,,,4.00,,',
    ]);
    expect(zhLines).toEqual(
      expect.arrayContaining([
        '志愿者,活跃志愿者（本年度有服务记录）,,,,,5',
        '按月,2026年1月,服务时长,,2.00,,',
        '按月,2026年7月,服务获得,5.00,,,',
      ]),
    );
    expect(zhLines[zhLines.length - 1]).toBe('星级评定,本年度尚未评定星级,,,,,');
  });

  it('should count volunteers month by month by their join and deactivation dates', async () => {
    const res = await t.http
      .get('/api/reports/growth?from=2025-05&to=2026-06')
      .set('Authorization', admin);
    expect(res.status).toBe(200);
    const month = (m: string, registered: number, active: number, joined: number, left = 0) => ({
      month: m,
      registered,
      active,
      joined,
      left,
    });
    expect(res.body).toEqual({
      from: '2025-05',
      to: '2026-06',
      generatedAt: '2026-07-01T02:00:00.000Z',
      months: [
        month('2025-05', 1, 0, 0),
        month('2025-06', 2, 0, 1),
        month('2025-07', 2, 0, 0),
        month('2025-08', 3, 0, 1),
        month('2025-09', 3, 0, 0),
        month('2025-10', 4, 0, 1),
        month('2025-11', 4, 1, 0),
        month('2025-12', 5, 1, 1),
        // 戊 was typed in this month but joined in December: not new here.
        month('2026-01', 5, 1, 0),
        month('2026-02', 4, 2, 0, 1),
        // 甲's March record was reversed: only 丙 served.
        month('2026-03', 4, 1, 0),
        month('2026-04', 5, 1, 1),
        month('2026-05', 5, 0, 0),
        month('2026-06', 5, 0, 0),
      ],
    });
  });

  it('should give the year stars by grade once its rating is published', async () => {
    await moveTo(at('2027-01-08'));
    expect(
      (await t.http.post('/api/star-ratings/2026/run').set('Authorization', admin)).status,
    ).toBe(200);
    const draft = await t.http.get('/api/reports/year/2026').set('Authorization', admin);
    expect(draft.body.stars).toEqual({
      byStars: null,
      members: null,
      publishedAt: null,
      why: 'RATING_NOT_PUBLISHED',
    });
    expect(
      (await t.http.post('/api/star-ratings/2026/publish').set('Authorization', admin)).status,
    ).toBe(200);
    const res = await t.http.get('/api/reports/year/2026').set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...expectedYear(),
      generatedAt: '2027-01-08T02:00:00.000Z',
      // 甲 15.00, 丙 and 丁 5.00, 乙 and 己 2.00, 戊 1.50.
      stars: {
        byStars: { '5': 0, '4': 1, '3': 0, '2': 2, '1': 2, '0': 1 },
        members: 6,
        publishedAt: '2027-01-08T02:00:00.000Z',
        why: null,
      },
    });
    const csv = await t.http.get('/api/reports/year/2026?format=csv').set('Authorization', admin);
    expect(csv.text.trimEnd().split('\r\n').slice(-6)).toEqual([
      'stars,5,,,,0',
      'stars,4,,,,1',
      'stars,3,,,,0',
      'stars,2,,,,2',
      'stars,1,,,,2',
      'stars,0,,,,1',
    ]);
  });

  it.each([
    ['a year out of range', '/api/reports/year/1800', 'year', undefined],
    ['a year in words', '/api/reports/year/twenty', 'year', undefined],
    ['an unknown format', '/api/reports/year/2026?format=xlsx', 'format', undefined],
    ['a growth range without its end', '/api/reports/growth?from=2025-01', 'to', undefined],
    ['month 13', '/api/reports/growth?from=2025-13&to=2026-01', 'from', 'INVALID_MONTH'],
    ['a day for a month', '/api/reports/growth?from=2025-01-01&to=2026-01', 'from', undefined],
    ['a reversed range', '/api/reports/growth?from=2026-02&to=2026-01', 'to', 'RANGE_REVERSED'],
    ['121 months', '/api/reports/growth?from=2016-01&to=2026-01', 'to', 'RANGE_TOO_LONG'],
  ])('should refuse %s with VALIDATION_FAILED', async (_name, url, field, reason) => {
    const res = await t.http.get(url).set('Authorization', admin);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain(field);
    if (reason) {
      expect(res.body.details.reason).toBe(reason);
    }
  });

  it('should accept 120 months exactly', async () => {
    const res = await t.http
      .get('/api/reports/growth?from=2016-02&to=2026-01')
      .set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(120);
    expect(res.body.months[0]).toEqual({
      month: '2016-02',
      registered: 0,
      active: 0,
      joined: 0,
      left: 0,
    });
  });

  it.each([
    ['in the future', { joinedOn: '2027-01-09' }, 'JOINED_IN_FUTURE'],
    ['before 2000', { joinedOn: '1999-12-31' }, 'JOINED_TOO_EARLY'],
    ['not a date', { joinedOn: '2025-02-30' }, undefined],
  ])('should refuse a join date %s and change nothing', async (_name, body, reason) => {
    const before = await member('甲');
    const created = await t.http
      .post('/api/members')
      .set('Authorization', admin)
      .send({ name: '庚', kind: 'resident', ...body });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe('VALIDATION_FAILED');
    const edited = await t.http
      .patch(`/api/members/${ids['甲']}`)
      .set('Authorization', admin)
      .send(body);
    expect(edited.status).toBe(400);
    expect(edited.body.code).toBe('VALIDATION_FAILED');
    if (reason) {
      expect(created.body.details).toMatchObject({ field: 'joinedOn', reason });
      expect(edited.body.details).toMatchObject({ field: 'joinedOn', reason });
    }
    expect(await member('甲')).toEqual(before);
    const found = await t.http.get('/api/members/duplicates?name=庚').set('Authorization', admin);
    expect(found.body.items).toEqual([]);
  });

  it('should refuse an import row whose join date is out of range', async () => {
    const res = await t.http
      .post('/api/members/import?dryRun=true')
      .set('Authorization', admin)
      .send({
        rows: [
          { name: '辛', joinedOn: '1999/1/1' },
          { name: '壬', joinedOn: '某天' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: { status: string }) => r.status)).toEqual(['refused', 'refused']);
    expect(res.body.rows[0].problems).toEqual([
      { field: 'joinedOn', reason: 'INVALID', message: 'joinedOn must not be before 2000-01-01' },
    ]);
    expect(res.body.rows[1].problems[0]).toMatchObject({ field: 'joinedOn', reason: 'INVALID' });
  });

  it('should show the reports to admins only', async () => {
    await f.newUser('clerk', 'clerk-y');
    const clerk = await t.login('clerk-y', 'password-123');
    for (const url of ['/api/reports/year/2026', '/api/reports/growth?from=2026-01&to=2026-02']) {
      expect((await t.http.get(url).set('Authorization', clerk)).status).toBe(403);
      expect((await t.http.get(url)).status).toBe(401);
    }
  });

  it('should keep giving the grades once the rating is final', async () => {
    const published = await t.http.get('/api/reports/year/2026').set('Authorization', admin);
    expect(published.body.stars.why).toBeNull();
    // After its notice period (7 days from 2027-01-08) the rating is finalized: published still.
    await moveTo(at('2027-01-16'));
    expect(
      (await t.http.post('/api/star-ratings/2026/finalize').set('Authorization', admin)).status,
    ).toBe(200);
    const final = await t.http.get('/api/reports/year/2026').set('Authorization', admin);
    expect(final.body.stars).toEqual(published.body.stars);
  });
});

/** 记录转移接续 and growth: each community counts a moved volunteer for the time they were there. */
describe('volunteer growth across moves between communities (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let adminA: string;
  let adminB: string;
  let keys = 0;
  const ids: Record<string, number> = {};

  /** Moves the clock and logs both admins in again. */
  const moveTo = async (instant: Date) => {
    t.clock.set(instant);
    adminA = await t.login('admin');
    adminB = await t.login('admin-b', 'password-123');
  };
  const createMember = async (auth: string, name: string, joinedOn?: string) => {
    const res = await t.http
      .post('/api/members')
      .set('Authorization', auth)
      .send({ name, kind: 'resident', ...(joinedOn ? { joinedOn } : {}) });
    expect(res.status).toBe(201);
    ids[name] = res.body.id;
  };
  const move = async (auth: string, name: string, toCommunity: string) => {
    const res = await t.http
      .post(`/api/members/${ids[name]}/transfer`)
      .set('Authorization', auth)
      .set('Idempotency-Key', `move-${++keys}`)
      .send({ toCommunity, reason: '搬家' });
    expect(res.status).toBe(201);
  };
  const deactivate = async (auth: string, name: string) => {
    const res = await t.http
      .patch(`/api/members/${ids[name]}`)
      .set('Authorization', auth)
      .send({ active: false });
    expect(res.status).toBe(200);
  };
  const growth = (auth: string) =>
    t.http.get('/api/reports/growth?from=2025-10&to=2026-06').set('Authorization', auth);
  const month = (m: string, registered: number, joined = 0, left = 0) => ({
    month: m,
    registered,
    active: 0,
    joined,
    left,
  });

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    const b = await f.newCommunity('b');
    await f.newUser('admin', 'admin-b', { communityId: b.id });
    await moveTo(at('2026-01-10'));
    await createMember(adminA, '甲', '2025-11-01');
    await createMember(adminA, '乙', '2025-12-05');
    await createMember(adminA, '丙');
    await moveTo(at('2026-02-01'));
    await createMember(adminB, '丁');
    // 01:00 on 1 March in Shanghai (still 28 February in UTC): 甲 leaves A and joins B in March.
    await moveTo(new Date('2026-02-28T17:00:00Z'));
    await move(adminA, '甲', 'b');
    // 乙 moves to B and back to A: counted in each for the time they were there.
    await moveTo(at('2026-03-10'));
    await move(adminA, '乙', 'b');
    await moveTo(at('2026-05-20'));
    await move(adminB, '乙', 'default');
  });
  afterAll(async () => {
    await t.close();
  });

  it('should count a move as a leave in the old community and a join in the new one', async () => {
    const a = await growth(adminA);
    expect(a.status).toBe(200);
    expect(a.body.months).toEqual([
      month('2025-10', 0),
      month('2025-11', 1, 1),
      month('2025-12', 2, 1),
      month('2026-01', 3, 1),
      month('2026-02', 3),
      month('2026-03', 1, 0, 2),
      month('2026-04', 1),
      month('2026-05', 2, 1),
      month('2026-06', 2),
    ]);
    const b = await growth(adminB);
    expect(b.status).toBe(200);
    expect(b.body.months).toEqual([
      month('2025-10', 0),
      month('2025-11', 0),
      month('2025-12', 0),
      month('2026-01', 0),
      month('2026-02', 1, 1),
      month('2026-03', 3, 2),
      month('2026-04', 3),
      month('2026-05', 2, 0, 1),
      month('2026-06', 2),
    ]);
  });

  it('should count a volunteer deactivated before a move as leaving where they were then', async () => {
    // 丙 (joined A on 10 January) is deactivated in A in June, then moved to B: B never had them.
    await moveTo(at('2026-06-02'));
    await deactivate(adminA, '丙');
    await moveTo(at('2026-06-10'));
    await move(adminA, '丙', 'b');
    const a = await growth(adminA);
    expect(a.body.months.slice(-2)).toEqual([month('2026-05', 2, 1), month('2026-06', 1, 0, 1)]);
    const b = await growth(adminB);
    expect(b.body.months.slice(-2)).toEqual([month('2026-05', 2, 0, 1), month('2026-06', 2)]);
  });

  it('should refuse a join date after the deactivation date and change nothing', async () => {
    const before = await t.db.read((em) => em.findOneByOrFail(Member, { id: ids['丙'] }));
    const refused = await t.http
      .patch(`/api/members/${ids['丙']}`)
      .set('Authorization', adminB)
      .send({ joinedOn: '2026-06-03', name: '丙改' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'joinedOn', reason: 'JOINED_AFTER_LEFT', deactivatedOn: '2026-06-02' },
    });
    expect(await t.db.read((em) => em.findOneByOrFail(Member, { id: ids['丙'] }))).toEqual(before);
    // The deactivation day itself is fine, and so is any date up to today once active again.
    const sameDay = await t.http
      .patch(`/api/members/${ids['丙']}`)
      .set('Authorization', adminB)
      .send({ joinedOn: '2026-06-02' });
    expect(sameDay.status).toBe(200);
    const reactivated = await t.http
      .patch(`/api/members/${ids['丙']}`)
      .set('Authorization', adminB)
      .send({ joinedOn: '2026-06-05', active: true });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ joinedOn: '2026-06-05', deactivatedOn: null });
  });
});
