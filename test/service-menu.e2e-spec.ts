import { Member } from '../src/people/entities/member.entity';
import { Household } from '../src/people/entities/household.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

type Fixtures = ReturnType<typeof fixtures>;

let keys = 0;
const key = () => `menu-${++keys}`;

const count = (t: TestApp, sql: string) =>
  t.db.read(async (em) => Number((await em.query(sql))[0].c));

/** What a refused step must leave untouched. */
const footprint = async (t: TestApp) => [
  await count(t, 'SELECT COUNT(*) AS c FROM menu_items'),
  await count(t, 'SELECT COUNT(*) AS c FROM service_orders'),
  await count(t, 'SELECT COUNT(*) AS c FROM service_order_assignees'),
  await count(t, 'SELECT COUNT(*) AS c FROM service_records'),
  await count(t, 'SELECT COUNT(*) AS c FROM ledger_transactions'),
  await count(
    t,
    "SELECT COUNT(*) AS c FROM service_orders WHERE status <> 'placed' OR rating IS NOT NULL",
  ),
];

/** The clock stands on 2026-06-15 10:00 Shanghai (test-app's default). */
describe('the service menu (点单) (e2e)', () => {
  let t: TestApp;
  let f: Fixtures;
  let barbers: { auth: string; team: { id: number } };
  let repairers: { auth: string; team: { id: number } };
  let clerkAuth: string;
  let wang: Member;
  let li: Member;
  let zhao: Member;
  let resident: Member;
  let residentAuth: string;
  let household: Household;
  let haircutId: number;
  let legalId: number;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    [wang, li, zhao, resident] = await f.newMembers(4);
    barbers = await f.newLeaderWithTeam([wang.id, li.id]);
    repairers = await f.newLeaderWithTeam([zhao.id]);
    clerkAuth = await f.bearer({ userId: (await f.newUser('clerk')).id });
    residentAuth = await f.memberAuth(resident.id);
    household = await f.newHousehold({ name: '孤老王奶奶' });
  });

  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: object, auth: string) =>
    t.http.post(path).set('Authorization', auth).send(body);

  it('should publish menu items for a led team and refuse the wrong role, team and item', async () => {
    const before = await footprint(t);
    const body = {
      teamId: barbers.team.id,
      itemCode: 'haircut',
      title: '上门理发',
      availability: '每周六上午',
    };
    for (const [auth, status, reason] of [
      [repairers.auth, 403, 'NOT_TEAM_LEADER'],
      [clerkAuth, 403, 'ROLE_NOT_ALLOWED'],
      [residentAuth, 403, 'ROLE_NOT_ALLOWED'],
    ] as const) {
      const res = await post('/api/menu-items', body, auth);
      expect([res.status, res.body.details?.reason]).toEqual([status, reason]);
    }
    const unknown = await post('/api/menu-items', { ...body, itemCode: 'juggling' }, barbers.auth);
    expect([unknown.status, unknown.body.code, unknown.body.details.reason]).toEqual([
      422,
      'UNKNOWN_ITEM',
      'NOT_IN_STANDARD',
    ]);
    const long = await post(
      '/api/menu-items',
      { ...body, availability: '周'.repeat(201) },
      barbers.auth,
    );
    expect([long.status, long.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await footprint(t)).toEqual(before);

    const created = await post(
      '/api/menu-items',
      { ...body, description: '为行动不便的老人上门理发' },
      barbers.auth,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      teamId: barbers.team.id,
      itemCode: 'haircut',
      itemName: '理发',
      unit: 'time',
      title: '上门理发',
      availability: '每周六上午',
      status: 'active',
      withdrawnAt: null,
    });
    haircutId = created.body.id;
    const legal = await post(
      '/api/menu-items',
      {
        teamId: repairers.team.id,
        itemCode: 'legal_consult',
        title: '法律咨询',
        availability: '每月第一个周三下午',
      },
      t.adminAuth,
    );
    expect(legal.status).toBe(201);
    legalId = legal.body.id;
  });

  it('should edit and withdraw a menu item, and keep a withdrawn one from orders and edits', async () => {
    const wrong = await t.http
      .patch(`/api/menu-items/${haircutId}`)
      .set('Authorization', repairers.auth)
      .send({ availability: '每天' });
    expect([wrong.status, wrong.body.details.reason]).toEqual([403, 'NOT_TEAM_LEADER']);
    const edited = await t.http
      .patch(`/api/menu-items/${haircutId}`)
      .set('Authorization', barbers.auth)
      .send({ availability: '每周六、周日上午' });
    expect([edited.status, edited.body.availability]).toEqual([200, '每周六、周日上午']);

    const spare = await post(
      '/api/menu-items',
      { teamId: barbers.team.id, itemCode: 'haircut', title: '剪发（停）', availability: '暂停' },
      barbers.auth,
    );
    const withdrawn = await post(`/api/menu-items/${spare.body.id}/withdraw`, {}, barbers.auth);
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
    const before = await footprint(t);
    const again = await post(`/api/menu-items/${spare.body.id}/withdraw`, {}, barbers.auth);
    expect([again.status, again.body.details.reason]).toEqual([409, 'MENU_ITEM_WITHDRAWN']);
    const order = await post(
      '/api/me/orders',
      { menuItemId: spare.body.id, preferredTime: '周六上午', place: '3号楼' },
      residentAuth,
    );
    expect([order.status, order.body.details.reason]).toEqual([409, 'MENU_ITEM_WITHDRAWN']);
    expect(await footprint(t)).toEqual(before);

    const menu = await t.http.get('/api/menu-items').set('Authorization', residentAuth);
    expect(menu.body.items.map((i: { title: string }) => i.title)).toEqual([
      '上门理发',
      '法律咨询',
    ]);
    const staff = await t.http
      .get('/api/menu-items?includeWithdrawn=true')
      .set('Authorization', clerkAuth);
    expect(staff.body.items).toHaveLength(3);
    const pub = await t.http.get('/api/public/menu');
    expect(pub.status).toBe(200);
    expect(pub.body.items).toEqual([
      {
        id: haircutId,
        title: '上门理发',
        description: '为行动不便的老人上门理发',
        availability: '每周六、周日上午',
        teamName: expect.any(String),
        itemName: '理发',
        unit: 'time',
      },
      expect.objectContaining({ id: legalId, itemName: '法律咨询' }),
    ]);
  });

  let volunteerOrder: number;
  let householdOrder: number;

  it('should take an order from a volunteer and one from a clerk for a household', async () => {
    const mine = await post(
      '/api/me/orders',
      { menuItemId: haircutId, preferredTime: '2026-06-20T09:00', place: '岭南小区3号楼2单元501' },
      residentAuth,
    );
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({
      status: 'placed',
      title: '上门理发',
      orderedFor: { type: 'member', id: resident.id, name: resident.name },
      preferredTime: '2026-06-20T09:00',
      assignees: [],
      rating: null,
    });
    volunteerOrder = mine.body.id;

    const notClerk = await post(
      '/api/orders',
      { menuItemId: haircutId, householdId: household.id, preferredTime: '周日', place: '5号楼' },
      barbers.auth,
    );
    expect([notClerk.status, notClerk.body.details.reason]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const forHousehold = await post(
      '/api/orders',
      {
        menuItemId: haircutId,
        householdId: household.id,
        preferredTime: '周日上午',
        place: '岭南小区5号楼101',
        note: '老人腿脚不便',
      },
      clerkAuth,
    );
    expect(forHousehold.status).toBe(201);
    expect(forHousehold.body.orderedFor).toEqual({
      type: 'household',
      id: household.id,
      name: '孤***奶',
    });
    householdOrder = forHousehold.body.id;

    const ofHousehold = await t.http
      .get(`/api/orders?householdId=${household.id}`)
      .set('Authorization', clerkAuth);
    expect(ofHousehold.body.items.map((o: { id: number }) => o.id)).toEqual([householdOrder]);
    const led = await t.http.get('/api/orders').set('Authorization', barbers.auth);
    expect(led.body.items.map((o: { id: number }) => o.id)).toEqual([
      householdOrder,
      volunteerOrder,
    ]);
    const other = await t.http.get('/api/orders').set('Authorization', repairers.auth);
    expect(other.body.items).toEqual([]);
  });

  it('should accept an order with two of the team and refuse another team and outsiders', async () => {
    const before = await footprint(t);
    const wrongTeam = await post(
      `/api/orders/${volunteerOrder}/accept`,
      { memberIds: [zhao.id] },
      repairers.auth,
    );
    expect([wrongTeam.status, wrongTeam.body.details.reason]).toEqual([403, 'NOT_TEAM_LEADER']);
    const outsider = await post(
      `/api/orders/${volunteerOrder}/accept`,
      { memberIds: [wang.id, zhao.id] },
      barbers.auth,
    );
    expect([outsider.status, outsider.body.details]).toEqual([
      403,
      { reason: 'NOT_TEAM_MEMBER', memberIds: [zhao.id], teamId: barbers.team.id },
    ]);
    const early = await post(
      `/api/orders/${volunteerOrder}/done`,
      { volunteers: [{ memberId: wang.id, quantity: 1 }] },
      barbers.auth,
    ).set('Idempotency-Key', key());
    expect([early.status, early.body.details.reason]).toEqual([409, 'ORDER_NOT_ACCEPTED']);
    const rateEarly = await post(
      `/api/me/orders/${volunteerOrder}/rating`,
      { rating: 5 },
      residentAuth,
    );
    expect([rateEarly.status, rateEarly.body.details.reason]).toEqual([409, 'ORDER_NOT_DONE']);
    expect(await footprint(t)).toEqual(before);

    const accepted = await post(
      `/api/orders/${volunteerOrder}/accept`,
      { memberIds: [li.id, wang.id] },
      barbers.auth,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    // Listed by member id.
    expect(accepted.body.assignees).toEqual(
      [
        { memberId: wang.id, name: wang.name, serviceRecordId: null },
        { memberId: li.id, name: li.name, serviceRecordId: null },
      ].sort((a, b) => a.memberId - b.memberId),
    );
    const twice = await post(
      `/api/orders/${volunteerOrder}/accept`,
      { memberIds: [wang.id] },
      barbers.auth,
    );
    expect([twice.status, twice.body.details.reason]).toEqual([409, 'ORDER_NOT_PLACED']);
    const seen = await t.http.get('/api/me/orders').set('Authorization', residentAuth);
    expect(seen.body.items[0]).toMatchObject({ id: volunteerOrder, status: 'accepted' });
    expect(seen.body.items[0].assignees.map((a: { name: string }) => a.name)).not.toContain(
      wang.name,
    );
  });

  it('should confirm the order done with exact service records for the volunteers who served', async () => {
    const before = await footprint(t);
    const notSent = await post(
      `/api/orders/${volunteerOrder}/done`,
      { volunteers: [{ memberId: zhao.id, quantity: 1 }] },
      barbers.auth,
    ).set('Idempotency-Key', key());
    expect([notSent.status, notSent.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const overCap = await post(
      `/api/orders/${volunteerOrder}/done`,
      { volunteers: [{ memberId: wang.id, quantity: 21 }] },
      barbers.auth,
    ).set('Idempotency-Key', key());
    expect([overCap.status, overCap.body.code]).toEqual([422, 'CAP_EXCEEDED']);
    const byClerk = await post(
      `/api/orders/${volunteerOrder}/done`,
      { volunteers: [{ memberId: wang.id, quantity: 1 }] },
      clerkAuth,
    ).set('Idempotency-Key', key());
    expect(byClerk.status).toBe(403);
    expect(await footprint(t)).toEqual(before);

    const done = await post(
      `/api/orders/${volunteerOrder}/done`,
      {
        serviceDate: '2026-06-14',
        volunteers: [
          { memberId: wang.id, quantity: 2 },
          { memberId: li.id, quantity: '1' },
        ],
      },
      barbers.auth,
    ).set('Idempotency-Key', key());
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'done', serviceDate: '2026-06-14' });
    // haircut: 1.00 point and 0.50 hours a time.
    expect(
      done.body.records.map((r: Record<string, unknown>) => [
        r.memberId,
        r.itemCode,
        r.teamId,
        r.quantity,
        r.points,
        r.hours,
        r.status,
        r.serviceDate,
      ]),
    ).toEqual([
      [wang.id, 'haircut', barbers.team.id, '2.00', '2.00', '1.00', 'posted', '2026-06-14'],
      [li.id, 'haircut', barbers.team.id, '1.00', '1.00', '0.50', 'posted', '2026-06-14'],
    ]);
    expect(await f.balanceOf(wang.accountId)).toBe(200);
    expect(await f.balanceOf(li.accountId)).toBe(100);
    const order = await t.http
      .get(`/api/orders/${volunteerOrder}`)
      .set('Authorization', barbers.auth);
    const recordOf = (list: { memberId: number; id?: number; serviceRecordId?: number }[]) =>
      Object.fromEntries(list.map((x) => [x.memberId, x.serviceRecordId ?? x.id]));
    expect(recordOf(order.body.assignees)).toEqual(recordOf(done.body.records));
    const cancel = await post(`/api/me/orders/${volunteerOrder}/cancel`, {}, residentAuth);
    expect([cancel.status, cancel.body.details.reason]).toEqual([409, 'ORDER_CLOSED']);
  });

  it('should take the rating once from the one served, shown to the leader and admin', async () => {
    const byLeader = await post(
      `/api/orders/${volunteerOrder}/rating`,
      { rating: 5 },
      barbers.auth,
    );
    expect(byLeader.status).toBe(403);
    const outOfRange = await post(
      `/api/me/orders/${volunteerOrder}/rating`,
      { rating: 6 },
      residentAuth,
    );
    expect([outOfRange.status, outOfRange.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const rated = await post(
      `/api/me/orders/${volunteerOrder}/rating`,
      { rating: 5, comment: '师傅手艺好，很耐心' },
      residentAuth,
    );
    expect(rated.status).toBe(201);
    expect(rated.body.rating).toEqual({
      stars: 5,
      comment: '师傅手艺好，很耐心',
      ratedAt: t.clock.now().toISOString(),
    });
    const again = await post(
      `/api/me/orders/${volunteerOrder}/rating`,
      { rating: 1 },
      residentAuth,
    );
    expect([again.status, again.body.details.reason]).toEqual([409, 'ORDER_ALREADY_RATED']);
    for (const auth of [barbers.auth, t.adminAuth]) {
      const seen = await t.http.get(`/api/orders/${volunteerOrder}`).set('Authorization', auth);
      expect(seen.body.rating.stars).toBe(5);
    }
  });

  it("should decline the household's order with a reason, and the clerk sees it", async () => {
    const declined = await post(
      `/api/orders/${householdOrder}/decline`,
      { reason: '本周队员都不在社区' },
      barbers.auth,
    );
    expect([declined.status, declined.body.status, declined.body.declineReason]).toEqual([
      200,
      'declined',
      '本周队员都不在社区',
    ]);
    const seen = await t.http.get(`/api/orders/${householdOrder}`).set('Authorization', clerkAuth);
    expect(seen.body.status).toBe('declined');
    const cancel = await post(`/api/orders/${householdOrder}/cancel`, {}, clerkAuth);
    expect([cancel.status, cancel.body.details.reason]).toEqual([409, 'ORDER_CLOSED']);
  });

  it('should let the clerk cancel and rate for a household, and the resident cancel their own', async () => {
    const placed = await post(
      '/api/orders',
      {
        menuItemId: legalId,
        householdId: household.id,
        preferredTime: '周三',
        place: '社区服务站',
      },
      t.adminAuth,
    );
    const notTheirs = await post(`/api/me/orders/${placed.body.id}/cancel`, {}, residentAuth);
    expect(notTheirs.status).toBe(404);
    const cancelled = await post(`/api/orders/${placed.body.id}/cancel`, {}, clerkAuth);
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);

    const served = await post(
      '/api/orders',
      {
        menuItemId: legalId,
        householdId: household.id,
        preferredTime: '周三下午',
        place: '社区服务站',
      },
      clerkAuth,
    );
    await post(`/api/orders/${served.body.id}/accept`, { memberIds: [zhao.id] }, repairers.auth);
    const done = await post(
      `/api/orders/${served.body.id}/done`,
      { volunteers: [{ memberId: zhao.id, quantity: '1.50' }] },
      repairers.auth,
    ).set('Idempotency-Key', key());
    expect(done.status).toBe(201);
    // legal_consult: 3.00 points an hour.
    expect([
      done.body.records[0].points,
      done.body.records[0].hours,
      done.body.serviceDate,
    ]).toEqual(['4.50', '1.50', '2026-06-15']);
    const rated = await post(`/api/orders/${served.body.id}/rating`, { rating: 4 }, clerkAuth);
    expect([rated.status, rated.body.rating.stars]).toEqual([201, 4]);

    const own = await post(
      '/api/me/orders',
      { menuItemId: haircutId, preferredTime: '下周', place: '3号楼' },
      residentAuth,
    );
    const mine = await post(`/api/me/orders/${own.body.id}/cancel`, {}, residentAuth);
    expect([mine.status, mine.body.status]).toEqual([200, 'cancelled']);
  });

  it("should answer another community's menu items and orders as unknown", async () => {
    const other = await f.newCommunity();
    const admin2 = await f.bearer({
      userId: (await f.newUser('admin', undefined, { communityId: other.id })).id,
    });
    const before = await footprint(t);
    for (const res of [
      await t.http
        .patch(`/api/menu-items/${haircutId}`)
        .set('Authorization', admin2)
        .send({ title: 'x' }),
      await post(`/api/menu-items/${haircutId}/withdraw`, {}, admin2),
      await post(`/api/orders/${volunteerOrder}/accept`, { memberIds: [wang.id] }, admin2),
      await post(`/api/orders/${volunteerOrder}/decline`, { reason: 'x' }, admin2),
      await t.http.get(`/api/orders/${volunteerOrder}`).set('Authorization', admin2),
      await post(
        '/api/orders',
        { menuItemId: haircutId, householdId: household.id, preferredTime: '周日', place: '5号楼' },
        admin2,
      ),
    ]) {
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    const list = await t.http.get('/api/orders').set('Authorization', admin2);
    expect(list.body.items).toEqual([]);
    expect(await footprint(t)).toEqual(before);
  });

  it('should count the orders served in the quarter and the year', async () => {
    const quarter = await t.http
      .get('/api/reports/quarter/2026/2')
      .set('Authorization', t.adminAuth);
    expect([quarter.status, quarter.body.ordersServed]).toEqual([200, 2]);
    const year = await t.http.get('/api/reports/year/2026').set('Authorization', t.adminAuth);
    expect([year.status, year.body.ordersServed]).toEqual([200, 2]);
    const q1 = await t.http.get('/api/reports/quarter/2026/1').set('Authorization', t.adminAuth);
    expect(q1.body.ordersServed).toBe(0);
  });
});
