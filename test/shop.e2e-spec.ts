import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService } from '../src/auth/auth.service';
import { sql } from '../src/common/db/database';
import { CommunitiesService } from '../src/communities/communities.service';
import { Community } from '../src/communities/entities/community.entity';
import { RedemptionWindowsService } from '../src/shop/redemption-windows.service';
import { RedemptionsService } from '../src/shop/redemptions.service';
import { LedgerService } from '../src/ledger/ledger.service';
import { Member } from '../src/people/entities/member.entity';
import { RedemptionWindowsJob } from '../src/shop/redemption-windows.job';
import { fixtures } from './support/fixtures';
import { configDir, ConfigDir } from './support/config-dir';
import { createTestApp, TestApp } from './support/test-app';

const CODE_RE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/;

describe('shop over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let ledger: LedgerService;
  let clerkAuth: string;
  let keyN = 0;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    ledger = t.app.get(LedgerService);
    const clerk = await f.newUser('clerk');
    clerkAuth = await t.login(clerk.username, 'password-123');
  });
  afterAll(() => t.close());

  const redeem = (body: unknown, opts: { auth?: string; key?: string | null } = {}) => {
    const req = t.http.post('/api/redemptions').set('Authorization', opts.auth ?? clerkAuth);
    if (opts.key !== null) {
      req.set('Idempotency-Key', opts.key ?? `redeem-${++keyN}`);
    }
    return req.send(body as object);
  };
  const cancel = (id: number, reason: string, auth = clerkAuth, key = `cancel-${++keyN}`) =>
    t.http
      .post(`/api/redemptions/${id}/cancel`)
      .set('Authorization', auth)
      .set('Idempotency-Key', key)
      .send({ reason });
  const useCoupon = (code: string, auth = clerkAuth) =>
    t.http.post(`/api/coupons/${code}/use`).set('Authorization', auth).send({});
  const stockOf = async (id: number): Promise<number> =>
    (await t.http.get(`/api/catalog-items/${id}`).set('Authorization', t.adminAuth)).body.stock;
  const count = (table: string): Promise<number> =>
    t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));
  const snapshot = async () => ({
    redemptions: await count('redemptions'),
    coupons: await count('coupons'),
    movements: await count('stock_movements'),
    transactions: await count('ledger_transactions'),
  });
  async function memberWith(cents: number): Promise<Member> {
    const m = await f.newMember();
    if (cents > 0) {
      await f.earn(m.accountId, cents);
    }
    return m;
  }

  describe('catalog', () => {
    it('should create, restock, adjust and explain stock by its movements', async () => {
      const created = await t.http
        .post('/api/catalog-items')
        .set('Authorization', t.adminAuth)
        .send({ name: '  食用油 5L ', kind: 'goods', price: '12.5', stock: 4 });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(Number),
        name: '食用油 5L',
        kind: 'goods',
        price: '12.50',
        stock: 4,
        active: true,
        createdAt: '2026-06-15T02:00:00.000Z',
        updatedAt: '2026-06-15T02:00:00.000Z',
      });
      const id = created.body.id as number;
      const restocked = await t.http
        .post(`/api/catalog-items/${id}/restock`)
        .set('Authorization', t.adminAuth)
        .send({ quantity: '6', note: '街道捐赠' });
      expect(restocked.status).toBe(201);
      expect(restocked.body).toMatchObject({
        stock: 10,
        movement: { kind: 'restock', quantity: 6 },
      });
      const adjusted = await t.http
        .post(`/api/catalog-items/${id}/stock-adjustments`)
        .set('Authorization', t.adminAuth)
        .send({ quantity: -2, reason: '盘点: 两桶破损' });
      expect(adjusted.status).toBe(201);
      expect(adjusted.body.stock).toBe(8);

      const movements = await t.http
        .get(`/api/catalog-items/${id}/stock-movements`)
        .set('Authorization', clerkAuth);
      expect(movements.status).toBe(200);
      expect(
        movements.body.items.map((m: Record<string, unknown>) => [
          m.kind,
          m.quantity,
          m.stockAfter,
          m.actor,
          m.note,
        ]),
      ).toEqual([
        ['adjustment', -2, 8, 'user:1', '盘点: 两桶破损'],
        ['restock', 6, 10, 'user:1', '街道捐赠'],
        ['initial', 4, 4, 'user:1', null],
      ]);
      expect(movements.body.nextCursor).toBeNull();
    });

    it('should refuse an adjustment below zero naming what is on hand', async () => {
      const item = await f.newCatalogItem({ stock: 1 });
      const res = await t.http
        .post(`/api/catalog-items/${item.id}/stock-adjustments`)
        .set('Authorization', t.adminAuth)
        .send({ quantity: -3, reason: '丢失' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'OUT_OF_STOCK',
        details: { catalogItemId: item.id, requested: 3, available: 1 },
      });
      expect(await stockOf(item.id)).toBe(1);
    });

    it('should show withdrawn items to administrators only and change prices for later redemptions', async () => {
      const item = await f.newCatalogItem({ name: '旧款毛巾' });
      const patched = await t.http
        .patch(`/api/catalog-items/${item.id}`)
        .set('Authorization', t.adminAuth)
        .send({ active: false, price: 2 });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ active: false, price: '2.00', stock: 10 });
      const leader = await f.newUser('leader');
      const leaderAuth = await t.login(leader.username, 'password-123');
      const seen = await t.http
        .get('/api/catalog-items?limit=200')
        .set('Authorization', leaderAuth);
      expect(seen.status).toBe(200);
      expect(seen.body.items.map((i: { id: number }) => i.id)).not.toContain(item.id);
      const all = await t.http
        .get('/api/catalog-items?limit=200')
        .set('Authorization', t.adminAuth);
      expect(all.body.items.map((i: { id: number }) => i.id)).toContain(item.id);
      const one = await t.http.get(`/api/catalog-items/${item.id}`).set('Authorization', clerkAuth);
      expect(one.status).toBe(404);
    });

    it.each([
      ['a zero price', { name: 'x1', kind: 'goods', price: 0, stock: 1 }],
      ['three decimal places', { name: 'x2', kind: 'goods', price: '1.005', stock: 1 }],
      ['a fractional stock', { name: 'x3', kind: 'goods', price: 1, stock: 1.5 }],
      ['a negative stock', { name: 'x4', kind: 'goods', price: 1, stock: -1 }],
      ['an unknown kind', { name: 'x5', kind: 'food', price: 1, stock: 1 }],
      ['a blank name', { name: '   ', kind: 'goods', price: 1, stock: 1 }],
      ['an unknown field', { name: 'x6', kind: 'goods', price: 1, stock: 1, color: 'red' }],
    ])('should refuse an item with %s', async (_what, body) => {
      const before = await count('catalog_items');
      const res = await t.http
        .post('/api/catalog-items')
        .set('Authorization', t.adminAuth)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(await count('catalog_items')).toBe(before);
    });

    it('should refuse a second item of the same name and catalog changes by a clerk', async () => {
      await f.newCatalogItem({ name: '洗衣粉' });
      const dup = await t.http
        .post('/api/catalog-items')
        .set('Authorization', t.adminAuth)
        .send({ name: '洗衣粉', kind: 'goods', price: 1, stock: 1 });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
      const byClerk = await t.http
        .post('/api/catalog-items')
        .set('Authorization', clerkAuth)
        .send({ name: '肥皂', kind: 'goods', price: 1, stock: 1 });
      expect(byClerk.status).toBe(403);
      const missing = await t.http
        .post('/api/catalog-items/999999/restock')
        .set('Authorization', t.adminAuth)
        .send({ quantity: 1 });
      expect(missing.status).toBe(404);
    });
  });

  describe('windows and redemptions', () => {
    it('should refuse outside a window and redeem once an ad-hoc window opens', async () => {
      const m = await memberWith(1000);
      const item = await f.newCatalogItem({ priceCents: 300, stock: 5 });
      const body = { passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] };
      const current = await t.http
        .get('/api/redemption-windows/current')
        .set('Authorization', clerkAuth);
      expect(current.body).toEqual({ open: false, window: null, next: null });
      const before = await snapshot();

      const closed = await redeem(body);
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({
        code: 'REDEMPTION_WINDOW_CLOSED',
        details: { opensAt: null, next: null },
      });

      const added = await t.http
        .post('/api/redemption-windows')
        .set('Authorization', t.adminAuth)
        .send({ opensAt: '2026-06-15T11:00:00+08:00', closesAt: '2026-06-20T18:00', note: '加开' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        kind: 'ad_hoc',
        opensAt: '2026-06-15T03:00:00.000Z',
        closesAt: '2026-06-20T10:00:00.000Z',
      });
      const early = await redeem(body);
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        code: 'REDEMPTION_WINDOW_CLOSED',
        details: { opensAt: '2026-06-15T03:00:00.000Z' },
      });
      expect(await snapshot()).toEqual(before);
      expect(await f.balanceOf(m.accountId)).toBe(1000);

      t.clock.set('2026-06-15T03:00:00Z');
      const volunteerView = await t.http
        .get('/api/redemption-windows/current')
        .set('Authorization', await memberAuth(m));
      expect(volunteerView.body).toMatchObject({
        open: true,
        window: { id: added.body.id, closesAt: '2026-06-20T10:00:00.000Z' },
        next: null,
      });
      const ok = await redeem(body);
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        total: '3.00',
        balanceAfter: '7.00',
        windowId: added.body.id,
      });
    });

    it('should take points, stock and issue one coupon per unit of a service item in one redemption', async () => {
      const m = await memberWith(2000);
      const rice = await f.newCatalogItem({ name: '大米 5kg', priceCents: 300, stock: 10 });
      const cleaning = await f.newCatalogItem({
        name: '家政服务券 2小时',
        kind: 'service_coupon',
        priceCents: 500,
        stock: 3,
      });
      const res = await redeem({
        passbookNo: m.passbookNo.toLowerCase(),
        lines: [
          { catalogItemId: cleaning.id, quantity: 2 },
          { catalogItemId: rice.id, quantity: '2' },
        ],
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        passbookNo: m.passbookNo,
        ownerType: 'member',
        status: 'completed',
        windowId: expect.any(Number),
        total: '16.00',
        balanceAfter: '4.00',
        transactionId: expect.any(String),
        createdAt: '2026-06-15T03:00:00.000Z',
        createdBy: expect.stringMatching(/^user:\d+$/),
        createdByName: expect.stringMatching(/^clerk/),
        ownerName: m.name,
        lines: [
          {
            catalogItemId: rice.id,
            name: '大米 5kg',
            kind: 'goods',
            quantity: 2,
            unitPrice: '3.00',
            amount: '6.00',
            returnedQuantity: 0,
          },
          {
            catalogItemId: cleaning.id,
            name: '家政服务券 2小时',
            kind: 'service_coupon',
            quantity: 2,
            unitPrice: '5.00',
            amount: '10.00',
            returnedQuantity: 0,
          },
        ],
        coupons: [
          { code: expect.stringMatching(CODE_RE), catalogItemId: cleaning.id, status: 'issued' },
          { code: expect.stringMatching(CODE_RE), catalogItemId: cleaning.id, status: 'issued' },
        ],
        cancellation: null,
        returnedPoints: '0.00',
        returns: [],
      });
      expect(res.body.coupons[0].code).not.toBe(res.body.coupons[1].code);
      expect(await f.balanceOf(m.accountId)).toBe(400);
      expect(await stockOf(rice.id)).toBe(8);
      expect(await stockOf(cleaning.id)).toBe(1);

      const statement = await ledger.statement(m.accountId, { limit: 1 });
      expect(statement.entries[0]).toMatchObject({
        transactionId: res.body.transactionId,
        kind: 'redeem',
        amount: '-16.00',
        balanceAfter: '4.00',
      });
      const movements = await t.http
        .get(`/api/catalog-items/${rice.id}/stock-movements`)
        .set('Authorization', clerkAuth);
      expect(movements.body.items[0]).toMatchObject({
        kind: 'redemption',
        quantity: -2,
        stockAfter: 8,
        redemptionId: res.body.id,
      });
      await expect(ledger.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
    });

    it('should answer a redemption byte for byte as its read route shows it, replay included', async () => {
      const m = await memberWith(5000);
      const h = await f.newHousehold();
      await f.earn(h.accountId, 5000);
      const oil = await f.newCatalogItem({ name: '食用油', priceCents: 1250, stock: 9 });
      const rice = await f.newCatalogItem({ name: '大米', priceCents: 300, stock: 9 });
      const haircut = await f.newCatalogItem({
        name: '理发券',
        kind: 'service_coupon',
        priceCents: 150,
        stock: 9,
      });
      const cleaning = await f.newCatalogItem({
        name: '保洁券',
        kind: 'service_coupon',
        priceCents: 275,
        stock: 9,
      });
      const cases = [
        // Goods only, several lines, one item scanned twice.
        {
          passbookNo: m.passbookNo,
          auth: clerkAuth,
          lines: [
            { catalogItemId: rice.id, quantity: 1 },
            { catalogItemId: oil.id, quantity: 2 },
            { catalogItemId: rice.id, quantity: 2 },
          ],
        },
        // Goods and two coupon lines, by an administrator, for a household.
        {
          passbookNo: h.passbookNo,
          auth: t.adminAuth,
          lines: [
            { catalogItemId: cleaning.id, quantity: 2 },
            { catalogItemId: oil.id, quantity: 1 },
            { catalogItemId: haircut.id, quantity: 3 },
          ],
        },
        // Coupons only.
        {
          passbookNo: m.passbookNo,
          auth: clerkAuth,
          lines: [{ catalogItemId: haircut.id, quantity: 1 }],
        },
      ];
      for (const { passbookNo, auth, lines } of cases) {
        const key = `redeem-view-${++keyN}`;
        const res = await redeem({ passbookNo, lines }, { auth, key });
        expect(res.status).toBe(201);
        const read = await t.http.get(`/api/redemptions/${res.body.id}`).set('Authorization', auth);
        expect(read.status).toBe(200);
        expect(res.text).toBe(read.text);
        const replay = await redeem({ passbookNo, lines }, { auth, key });
        expect(replay.status).toBe(201);
        expect(replay.text).toBe(res.text);
      }
      // A caller that does not give the clerk's name (not the controller): read by the actor.
      const direct = await t.app
        .get(RedemptionsService)
        .redeem(
          { passbookNo: m.passbookNo, lines: [{ catalogItemId: rice.id, quantity: 1 }] },
          'user:1',
          1,
        );
      expect(direct.createdByName).toBe('admin');
      const read = await t.http
        .get(`/api/redemptions/${direct.id}`)
        .set('Authorization', clerkAuth);
      expect(JSON.stringify(direct)).toBe(read.text);
      expect(await stockOf(rice.id)).toBe(5);
      expect(await stockOf(oil.id)).toBe(6);
      expect(await stockOf(haircut.id)).toBe(5);
      expect(await stockOf(cleaning.id)).toBe(7);
    });

    it('should issue thousands of coupons in one redemption, each code once, as the read route shows', async () => {
      // 7,000 coupons: one statement for all of them would pass SQLite's 32,766 parameters.
      const m = await memberWith(7000);
      const items = await Promise.all(
        [0, 1, 2, 3, 4, 5, 6].map((i) =>
          f.newCatalogItem({
            name: `陪诊券${i}`,
            kind: 'service_coupon',
            priceCents: 1,
            stock: 1000,
          }),
        ),
      );
      const lines = items.map((item) => ({ catalogItemId: item.id, quantity: 1000 }));
      const res = await redeem(
        { passbookNo: m.passbookNo, lines },
        { key: `many-coupons-${++keyN}` },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ total: '70.00', balanceAfter: '0.00' });
      const coupons = res.body.coupons as { code: string; catalogItemId: number }[];
      expect(coupons).toHaveLength(7000);
      expect(new Set(coupons.map((c) => c.code)).size).toBe(7000);
      for (const item of items) {
        expect(coupons.filter((c) => c.catalogItemId === item.id)).toHaveLength(1000);
        expect(await stockOf(item.id)).toBe(0);
      }
      const read = await t.http
        .get(`/api/redemptions/${res.body.id}`)
        .set('Authorization', clerkAuth);
      expect(res.text).toBe(read.text);
    });

    it('should make one redemption of a replayed request', async () => {
      const m = await memberWith(1000);
      const item = await f.newCatalogItem({ priceCents: 200, stock: 5 });
      const body = { passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 2 }] };
      const first = await redeem(body, { key: 'counter-3-0001' });
      expect(first.status).toBe(201);
      const before = await snapshot();
      const again = await redeem(body, { key: 'counter-3-0001' });
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const concurrent = await Promise.all(
        Array.from({ length: 5 }, () => redeem(body, { key: 'counter-3-0001' })),
      );
      expect(concurrent.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(concurrent.map((r) => r.body.id))).toEqual(new Set([first.body.id]));
      expect(await snapshot()).toEqual(before);
      expect(await f.balanceOf(m.accountId)).toBe(600);
      expect(await stockOf(item.id)).toBe(3);
      const reused = await redeem(
        { ...body, lines: [{ catalogItemId: item.id, quantity: 1 }] },
        { key: 'counter-3-0001' },
      );
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('should refuse an out-of-stock line naming the item and change nothing', async () => {
      const m = await memberWith(5000);
      const soap = await f.newCatalogItem({ name: '香皂', priceCents: 100, stock: 5 });
      const oil = await f.newCatalogItem({ name: '花生油', priceCents: 100, stock: 1 });
      const before = await snapshot();
      const res = await redeem({
        passbookNo: m.passbookNo,
        lines: [
          { catalogItemId: soap.id, quantity: 2 },
          { catalogItemId: oil.id, quantity: 3 },
        ],
      });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        statusCode: 409,
        code: 'OUT_OF_STOCK',
        message: 'not enough in stock: "花生油": 3 requested, 1 left',
        details: {
          catalogItemId: oil.id,
          name: '花生油',
          requested: 3,
          available: 1,
          items: [{ catalogItemId: oil.id, name: '花生油', requested: 3, available: 1 }],
        },
      });
      expect(await snapshot()).toEqual(before);
      expect(await stockOf(soap.id)).toBe(5);
      expect(await f.balanceOf(m.accountId)).toBe(5000);
    });

    it('should refuse a redemption the balance cannot cover, saying how many points are short', async () => {
      const m = await memberWith(550);
      const item = await f.newCatalogItem({ priceCents: 300, stock: 5 });
      const before = await snapshot();
      const res = await redeem({
        passbookNo: m.passbookNo,
        lines: [{ catalogItemId: item.id, quantity: 2 }],
      });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'INSUFFICIENT_POINTS',
        details: { passbookNo: m.passbookNo, balance: '5.50', required: '6.00', shortBy: '0.50' },
      });
      expect(await snapshot()).toEqual(before);
      expect(await stockOf(item.id)).toBe(5);
    });

    it.each([
      [
        'an unknown passbook',
        (_p: string, i: number) => ({
          passbookNo: 'V2345678',
          lines: [{ catalogItemId: i, quantity: 1 }],
        }),
        404,
        'NOT_FOUND',
      ],
      [
        'an unknown item',
        (p: string) => ({ passbookNo: p, lines: [{ catalogItemId: 999999, quantity: 1 }] }),
        422,
        'UNKNOWN_ITEM',
      ],
      ['no lines', (p: string) => ({ passbookNo: p, lines: [] }), 400, 'VALIDATION_FAILED'],
      [
        'a zero quantity',
        (p: string, i: number) => ({ passbookNo: p, lines: [{ catalogItemId: i, quantity: 0 }] }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a fractional quantity',
        (p: string, i: number) => ({
          passbookNo: p,
          lines: [{ catalogItemId: i, quantity: '1.5' }],
        }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a string item id',
        (p: string) => ({ passbookNo: p, lines: [{ catalogItemId: '1', quantity: 1 }] }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a missing passbook',
        (_p: string, i: number) => ({ lines: [{ catalogItemId: i, quantity: 1 }] }),
        400,
        'VALIDATION_FAILED',
      ],
    ])(
      'should refuse %s with a coded error and change nothing',
      async (_what, make, status, code) => {
        const m = await memberWith(1000);
        const item = await f.newCatalogItem({ stock: 5 });
        const body = make(m.passbookNo, item.id);
        const before = await snapshot();
        const res = await redeem(body);
        expect(res.status).toBe(status);
        expect(res.body.code).toBe(code);
        expect(JSON.stringify(res.body)).not.toMatch(/SELECT|INSERT|UPDATE|QueryFailed|at .*\.ts/i);
        expect(await snapshot()).toEqual(before);
      },
    );

    it('should refuse an item withdrawn from the counter, a missing key and other roles', async () => {
      const m = await memberWith(1000);
      const item = await f.newCatalogItem({ name: '过期月饼' });
      await t.http
        .patch(`/api/catalog-items/${item.id}`)
        .set('Authorization', t.adminAuth)
        .send({ active: false });
      const body = { passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] };
      const withdrawn = await redeem(body);
      expect(withdrawn.status).toBe(409);
      expect(withdrawn.body).toMatchObject({
        code: 'CONFLICT',
        details: { items: [{ catalogItemId: item.id, name: '过期月饼', active: false }] },
      });
      const noKey = await redeem(body, { key: null });
      expect(noKey.status).toBe(400);
      expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      const asVolunteer = await redeem(body, { auth: await memberAuth(m) });
      expect(asVolunteer.status).toBe(403);
      const leader = await f.newUser('leader');
      const asLeader = await redeem(body, { auth: await t.login(leader.username, 'password-123') });
      expect(asLeader.status).toBe(403);
      expect(await f.balanceOf(m.accountId)).toBe(1000);
    });

    it('should sell exactly 5 of the last 5 units to 20 concurrent redemptions', async () => {
      const item = await f.newCatalogItem({ name: '电饭煲', priceCents: 1000, stock: 5 });
      const members = await Promise.all(Array.from({ length: 20 }, () => memberWith(2000)));
      const before = await snapshot();
      const results = await Promise.all(
        members.map((m) =>
          redeem({ passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] }),
        ),
      );
      const ok = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 409);
      expect(ok).toHaveLength(5);
      expect(refused).toHaveLength(15);
      for (const r of refused) {
        expect(r.body).toMatchObject({
          code: 'OUT_OF_STOCK',
          details: { catalogItemId: item.id, name: '电饭煲', requested: 1, available: 0 },
        });
      }
      expect(await stockOf(item.id)).toBe(0);
      const after = await snapshot();
      expect(after.redemptions - before.redemptions).toBe(5);
      expect(after.movements - before.movements).toBe(5);
      const balances = await Promise.all(members.map((m) => f.balanceOf(m.accountId)));
      expect(balances.filter((b) => b === 1000)).toHaveLength(5);
      expect(balances.filter((b) => b === 2000)).toHaveLength(15);
      await expect(ledger.verify(1)).resolves.toMatchObject({ ok: true });
    });

    it('should let exactly 10 of 30 concurrent 1-point redemptions through a 10-point balance', async () => {
      const m = await memberWith(1000);
      const item = await f.newCatalogItem({ name: '纸巾', priceCents: 100, stock: 100 });
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          redeem({ passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(10);
      const refused = results.filter((r) => r.status === 409);
      expect(refused).toHaveLength(20);
      for (const r of refused) {
        expect(r.body).toMatchObject({
          code: 'INSUFFICIENT_POINTS',
          details: { balance: '0.00', required: '1.00', shortBy: '1.00' },
        });
      }
      expect(await f.balanceOf(m.accountId)).toBe(0);
      expect(await stockOf(item.id)).toBe(90);
      await expect(ledger.trialBalance()).resolves.toMatchObject({ ok: true });
    });

    it('should let a household redeem with its passbook number', async () => {
      const h = await f.newHousehold();
      await f.earn(h.accountId, 800);
      const item = await f.newCatalogItem({ priceCents: 250, stock: 5 });
      const res = await redeem({
        passbookNo: h.passbookNo,
        lines: [{ catalogItemId: item.id, quantity: 3 }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        passbookNo: h.passbookNo,
        ownerType: 'household',
        total: '7.50',
        balanceAfter: '0.50',
      });
      const list = await t.http
        .get(`/api/redemptions?passbookNo=${h.passbookNo}`)
        .set('Authorization', clerkAuth);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ items: [res.body], nextCursor: null });
    });
  });

  describe('coupons and cancellations', () => {
    async function redeemedCoupons(quantity: number) {
      const m = await memberWith(5000);
      const item = await f.newCatalogItem({ kind: 'service_coupon', priceCents: 500, stock: 10 });
      const res = await redeem({
        passbookNo: m.passbookNo,
        lines: [{ catalogItemId: item.id, quantity }],
      });
      expect(res.status).toBe(201);
      return { m, item, redemption: res.body as { id: number; coupons: { code: string }[] } };
    }

    it('should use a coupon once and refuse it the second time', async () => {
      const { redemption } = await redeemedCoupons(1);
      const code = redemption.coupons[0].code;
      const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
      const used = await useCoupon(typed);
      expect(used.status).toBe(201);
      expect(used.body).toEqual({ code, status: 'used', usedAt: '2026-06-15T03:00:00.000Z' });
      const again = await useCoupon(code);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'COUPON_ALREADY_USED',
        details: { code, usedAt: '2026-06-15T03:00:00.000Z' },
      });
      const unknown = await useCoupon('ABCDEFGHJKMN');
      expect(unknown.status).toBe(404);
      const byVolunteer = await useCoupon(code, await memberAuth((await redeemedCoupons(1)).m));
      expect(byVolunteer.status).toBe(403);
    });

    it('should let exactly one of 10 concurrent uses of one coupon succeed', async () => {
      const { redemption } = await redeemedCoupons(1);
      const code = redemption.coupons[0].code;
      const results = await Promise.all(Array.from({ length: 10 }, () => useCoupon(code)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.body.code === 'COUPON_ALREADY_USED')).toHaveLength(9);
    });

    it("should list a passbook's coupons for the clerk and the volunteer's own", async () => {
      const { m, item, redemption } = await redeemedCoupons(3);
      await useCoupon(redemption.coupons[0].code);
      const list = await t.http
        .get(`/api/passbooks/${m.passbookNo}/coupons?limit=2`)
        .set('Authorization', clerkAuth);
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.items[0]).toEqual({
        code: redemption.coupons[2].code,
        catalogItemId: item.id,
        itemName: item.name,
        status: 'issued',
        redemptionId: redemption.id,
        passbookNo: m.passbookNo,
        issuedAt: '2026-06-15T03:00:00.000Z',
        usedAt: null,
        voidedAt: null,
      });
      const rest = await t.http
        .get(`/api/passbooks/${m.passbookNo}/coupons?limit=2&cursor=${list.body.nextCursor}`)
        .set('Authorization', clerkAuth);
      expect(
        rest.body.items.map((c: { code: string; status: string }) => [c.code, c.status]),
      ).toEqual([[redemption.coupons[0].code, 'used']]);
      expect(rest.body.nextCursor).toBeNull();

      const mine = await t.http
        .get('/api/me/coupons?status=issued')
        .set('Authorization', await memberAuth(m));
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((c: { code: string }) => c.code)).toEqual([
        redemption.coupons[2].code,
        redemption.coupons[1].code,
      ]);
      const other = await t.http
        .get(`/api/passbooks/${m.passbookNo}/coupons`)
        .set('Authorization', await memberAuth(m));
      expect(other.status).toBe(403);
      const unknown = await t.http
        .get('/api/passbooks/V2345678/coupons')
        .set('Authorization', clerkAuth);
      expect(unknown.status).toBe(404);
      const badCursor = await t.http
        .get(`/api/passbooks/${m.passbookNo}/coupons?cursor=nonsense`)
        .set('Authorization', clerkAuth);
      expect(badCursor.status).toBe(400);
    });

    it('should cancel within the window and restore points and stock exactly, voiding coupons', async () => {
      const m = await memberWith(3000);
      const rice = await f.newCatalogItem({ priceCents: 350, stock: 7 });
      const repair = await f.newCatalogItem({ kind: 'service_coupon', priceCents: 800, stock: 4 });
      const before = await snapshot();
      const res = await redeem({
        passbookNo: m.passbookNo,
        lines: [
          { catalogItemId: rice.id, quantity: 3 },
          { catalogItemId: repair.id, quantity: 2 },
        ],
      });
      expect(res.body).toMatchObject({ total: '26.50', balanceAfter: '3.50' });

      const cancelled = await cancel(res.body.id, '选错了商品', clerkAuth, 'cancel-exact');
      expect(cancelled.status).toBe(201);
      expect(cancelled.body).toMatchObject({
        id: res.body.id,
        status: 'cancelled',
        coupons: [
          { code: res.body.coupons[0].code, status: 'void' },
          { code: res.body.coupons[1].code, status: 'void' },
        ],
        cancellation: {
          transactionId: expect.any(String),
          reason: '选错了商品',
          cancelledAt: '2026-06-15T03:00:00.000Z',
          balanceAfter: '30.00',
        },
      });
      expect(await f.balanceOf(m.accountId)).toBe(3000);
      expect(await stockOf(rice.id)).toBe(7);
      expect(await stockOf(repair.id)).toBe(4);
      const after = await snapshot();
      expect(after.transactions - before.transactions).toBe(2);
      expect(after.movements - before.movements).toBe(4);
      const statement = await ledger.statement(m.accountId, { limit: 1 });
      expect(statement.entries[0]).toMatchObject({ kind: 'reversal', amount: '+26.50' });
      const voided = await useCoupon(res.body.coupons[0].code);
      expect(voided.status).toBe(409);
      expect(voided.body).toMatchObject({ code: 'CONFLICT', details: { status: 'void' } });

      const replay = await cancel(res.body.id, '选错了商品', clerkAuth, 'cancel-exact');
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(cancelled.body);
      const second = await cancel(res.body.id, '再取消一次');
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('ALREADY_REVERSED');
      expect(await f.balanceOf(m.accountId)).toBe(3000);
      await expect(ledger.verify(1)).resolves.toMatchObject({ ok: true });
    });

    it('should refuse to cancel a redemption whose coupon was used, changing nothing', async () => {
      const { m, item, redemption } = await redeemedCoupons(2);
      await useCoupon(redemption.coupons[1].code);
      const before = await snapshot();
      const res = await cancel(redemption.id, '不想要了', t.adminAuth);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({
        code: 'COUPON_ALREADY_USED',
        details: { redemptionId: redemption.id, coupons: [{ code: redemption.coupons[1].code }] },
      });
      expect(await snapshot()).toEqual(before);
      expect(await f.balanceOf(m.accountId)).toBe(4000);
      expect(await stockOf(item.id)).toBe(8);
      const still = await t.http
        .get(`/api/redemptions/${redemption.id}`)
        .set('Authorization', clerkAuth);
      expect(still.body).toMatchObject({
        status: 'completed',
        coupons: [{ status: 'issued' }, { status: 'used' }],
      });
    });

    it('should leave cancellation after the window to an administrator', async () => {
      const { m, redemption } = await redeemedCoupons(1);
      t.clock.set('2026-06-21T00:00:00Z');
      try {
        // A day later the clerk logs in again (tokens last 12 hours).
        const clerk = await f.newUser('clerk');
        const laterClerkAuth = await t.login(clerk.username, 'password-123');
        const adminAuth = await t.login('admin');
        const byClerk = await cancel(redemption.id, '窗口后取消', laterClerkAuth);
        expect(byClerk.status).toBe(409);
        expect(byClerk.body.code).toBe('REDEMPTION_WINDOW_CLOSED');
        expect(await f.balanceOf(m.accountId)).toBe(4500);
        const byAdmin = await cancel(redemption.id, '窗口后取消', adminAuth);
        expect(byAdmin.status).toBe(201);
        expect(byAdmin.body.status).toBe('cancelled');
        expect(await f.balanceOf(m.accountId)).toBe(5000);
        const closed = await redeem(
          {
            passbookNo: m.passbookNo,
            lines: [{ catalogItemId: (await f.newCatalogItem()).id, quantity: 1 }],
          },
          { auth: laterClerkAuth },
        );
        expect(closed.body.code).toBe('REDEMPTION_WINDOW_CLOSED');
      } finally {
        t.clock.set('2026-06-15T03:00:00Z');
      }
    });

    it('should stop redemptions at once when an administrator closes the window early', async () => {
      const m = await memberWith(1000);
      const item = await f.newCatalogItem();
      const current = await t.http
        .get('/api/redemption-windows/current')
        .set('Authorization', clerkAuth);
      const id = current.body.window.id as number;
      const closed = await t.http
        .post(`/api/redemption-windows/${id}/close`)
        .set('Authorization', t.adminAuth)
        .send({ note: '货品已兑完' });
      expect(closed.status).toBe(201);
      expect(closed.body).toMatchObject({ id, closesAt: '2026-06-15T03:00:00.000Z' });
      const res = await redeem({
        passbookNo: m.passbookNo,
        lines: [{ catalogItemId: item.id, quantity: 1 }],
      });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('REDEMPTION_WINDOW_CLOSED');
      const log = await t.http.get(`/api/redemption-windows/${id}`).set('Authorization', clerkAuth);
      expect(log.body.events.map((e: { kind: string }) => e.kind)).toEqual([
        'created',
        'opened',
        'closed',
      ]);
      const list = await t.http.get('/api/redemption-windows').set('Authorization', t.adminAuth);
      expect(list.body.items[0]).toMatchObject({
        id,
        closedEarly: { at: '2026-06-15T03:00:00.000Z' },
      });
      const again = await t.http
        .post(`/api/redemption-windows/${id}/close`)
        .set('Authorization', t.adminAuth)
        .send({});
      expect(again.status).toBe(409);
    });

    it('should describe the shop endpoints in the OpenAPI document', async () => {
      const res = await t.http.get('/api/docs-json');
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/catalog-items',
          '/api/catalog-items/{id}/restock',
          '/api/redemption-windows/current',
          '/api/redemption-windows/{id}/close',
          '/api/redemptions',
          '/api/redemptions/{id}/cancel',
          '/api/coupons/{code}/use',
          '/api/passbooks/{passbookNo}/coupons',
          '/api/me/coupons',
        ]),
      );
    });
  });

  async function memberAuth(m: Member): Promise<string> {
    const { token } = await t.app.get(AuthService).issueToken({ memberId: m.id });
    return `Bearer ${token}`;
  }
});

describe('quarterly redemption window over HTTP (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('should redeem once the clock reaches 25 March 09:00 local time', async () => {
    const f = fixtures(t.app);
    const clerk = await f.newUser('clerk');
    const auth = await t.login(clerk.username, 'password-123');
    const m = await f.newMember();
    await f.earn(m.accountId, 500);
    const item = await f.newCatalogItem({ priceCents: 200, stock: 3 });
    const send = (key: string) =>
      t.http
        .post('/api/redemptions')
        .set('Authorization', auth)
        .set('Idempotency-Key', key)
        .send({ passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] });

    t.clock.set('2026-03-25T00:59:00Z');
    await t.app.get(RedemptionWindowsJob).run();
    const before = await send('q1-a');
    expect(before.status).toBe(409);
    expect(before.body).toMatchObject({
      code: 'REDEMPTION_WINDOW_CLOSED',
      details: { opensAt: '2026-03-25T01:00:00.000Z' },
    });

    // The refusal is the answer to key q1-a for good; trying again is a new attempt with a new key.
    expect((await send('q1-a')).headers['idempotent-replayed']).toBe('true');
    t.clock.set('2026-03-25T01:00:00Z');
    const replayed = await send('q1-a');
    expect(replayed.status).toBe(409);
    const open = await send('q1-b');
    expect(open.status).toBe(201);
    expect(open.body).toMatchObject({ total: '2.00', balanceAfter: '3.00' });
  });
});

describe('shop in two communities (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let config: ConfigDir;
  let b: Community;
  const auth: Record<'clerkA' | 'clerkB' | 'adminB' | 'office', string> = {
    clerkA: '',
    clerkB: '',
    adminB: '',
    office: '',
  };
  let keyN = 0;

  const exec = (text: string, params: unknown[]) =>
    t.db.write((em) => em.query(sql(t.db, text), params));
  /** A staff user of community B, or a street-office user of street office 1. */
  async function staff(role: 'admin' | 'clerk' | 'office'): Promise<string> {
    const user = await f.newUser(role, undefined, { communityId: b.id, streetOfficeId: 1 });
    return t.login(user.username, 'password-123');
  }
  /** A volunteer of community B with `cents` earned there. */
  async function memberOfB(cents: number): Promise<Member> {
    const m = await f.newMember({ communityId: b.id });
    const ledger = t.app.get(LedgerService);
    const issuance = await ledger.systemAccountId(b.id, 'issuance');
    await t.db.write(() =>
      ledger.post({
        communityId: b.id,
        kind: 'earn',
        actor: 'system:test',
        description: 'test earn in B',
        postings: [
          { accountId: issuance, amount: -cents },
          { accountId: m.accountId, amount: cents },
        ],
      }),
    );
    return m;
  }
  async function memberOfA(cents: number): Promise<Member> {
    const m = await f.newMember();
    await f.earn(m.accountId, cents);
    return m;
  }
  const redeem = (who: string, passbookNo: string, catalogItemId: number, quantity = 1) =>
    t.http
      .post('/api/redemptions')
      .set('Authorization', who)
      .set('Idempotency-Key', `two-${++keyN}`)
      .send({ passbookNo, lines: [{ catalogItemId, quantity }] });
  const newItem = (who: string, body: object) =>
    t.http.post('/api/catalog-items').set('Authorization', who).send(body);

  beforeAll(async () => {
    config = configDir();
    // B redeems every month from the 10th to the 20th; A keeps the shared quarterly rule.
    mkdirSync(join(config.dir, 'communities', 'b'), { recursive: true });
    config.write('communities/b/redemption.json', {
      every: 'month',
      opens: { day: 10, time: '09:00' },
      closes: { day: 20, time: '18:00' },
    });
    t = await createTestApp({ env: { CONFIG_DIR: config.dir } });
    f = fixtures(t.app);
    b = await t.app.get(CommunitiesService).create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
    const clerkA = await f.newUser('clerk');
    auth.clerkA = await t.login(clerkA.username, 'password-123');
    auth.clerkB = await staff('clerk');
    auth.adminB = await staff('admin');
    auth.office = await staff('office');
  });
  afterAll(async () => {
    await t.close();
    config.remove();
  });

  it("should schedule each community's windows from its own redemption rule", async () => {
    const windows = t.app.get(RedemptionWindowsService);
    // 2026-06-15 10:00 in Shanghai: B's June window is open, A's Q2 window opens on the 25th.
    const a = await windows.syncCommunity(1);
    const fromB = await windows.syncCommunity(b.id);
    expect(a.created).toEqual(['2026-Q2', '2026-Q3']);
    expect(fromB.created).toEqual(['2026-06', '2026-07']);
    // Run again for all: nothing new, period keys are per community.
    await expect(windows.sync()).resolves.toEqual({
      created: [],
      rescheduled: [],
      opened: [],
      closed: [],
    });
    const currentA = await t.http
      .get('/api/redemption-windows/current')
      .set('Authorization', auth.clerkA);
    expect(currentA.body).toMatchObject({
      open: false,
      window: null,
      next: { periodKey: '2026-Q2', opensAt: '2026-06-25T01:00:00.000Z' },
    });
    const currentB = await t.http
      .get('/api/redemption-windows/current')
      .set('Authorization', auth.clerkB);
    expect(currentB.body).toMatchObject({
      open: true,
      window: {
        periodKey: '2026-06',
        opensAt: '2026-06-10T01:00:00.000Z',
        closesAt: '2026-06-20T10:00:00.000Z',
      },
      next: { periodKey: '2026-07' },
    });
    // A's window list and a window of B seen from A.
    const listA = await t.http.get('/api/redemption-windows').set('Authorization', auth.clerkA);
    expect(listA.body.items.map((w: { periodKey: string }) => w.periodKey)).toEqual([
      '2026-Q3',
      '2026-Q2',
    ]);
    const bWindow = currentB.body.window.id as number;
    const seenFromA = await t.http
      .get(`/api/redemption-windows/${bWindow}`)
      .set('Authorization', auth.clerkA);
    expect(seenFromA.status).toBe(404);
    const closeFromA = await t.http
      .post(`/api/redemption-windows/${bWindow}/close`)
      .set('Authorization', t.adminAuth)
      .send({});
    expect(closeFromA.status).toBe(404);
    await expect(windows.current(b.id)).resolves.toMatchObject({ open: true });
  });

  it("should keep each community's catalog, passbooks, coupons and redemptions to itself", async () => {
    await f.openRedemptionWindow(24, 1);
    // The same name in both catalogs, at different prices.
    const itemA = await newItem(t.adminAuth, {
      name: '理发券',
      kind: 'service_coupon',
      price: '2',
      stock: 10,
    });
    const itemB = await newItem(auth.adminB, {
      name: '理发券',
      kind: 'service_coupon',
      price: '3',
      stock: 10,
    });
    expect([itemA.status, itemB.status]).toEqual([201, 201]);
    const again = await newItem(auth.adminB, { name: '理发券', kind: 'goods', price: 1, stock: 1 });
    expect(again.status).toBe(409);

    const listA = await t.http.get('/api/catalog-items').set('Authorization', auth.clerkA);
    expect(listA.body.items.map((i: { id: number }) => i.id)).toEqual([itemA.body.id]);
    const listB = await t.http.get('/api/catalog-items').set('Authorization', auth.clerkB);
    expect(listB.body.items.map((i: { id: number }) => i.id)).toEqual([itemB.body.id]);
    for (const path of [
      `/api/catalog-items/${itemB.body.id}`,
      `/api/catalog-items/${itemB.body.id}/stock-movements`,
    ]) {
      expect((await t.http.get(path).set('Authorization', t.adminAuth)).status).toBe(404);
    }
    const restock = await t.http
      .post(`/api/catalog-items/${itemB.body.id}/restock`)
      .set('Authorization', t.adminAuth)
      .send({ quantity: 1 });
    expect(restock.status).toBe(404);
    const rename = await t.http
      .patch(`/api/catalog-items/${itemB.body.id}`)
      .set('Authorization', t.adminAuth)
      .send({ price: '0.01' });
    expect(rename.status).toBe(404);

    const alice = await memberOfA(1000);
    const bob = await memberOfB(1000);
    // A clerk of A: B's passbook is unknown, B's item is not in A's catalog.
    const bobAtA = await redeem(auth.clerkA, bob.passbookNo, itemA.body.id);
    expect(bobAtA.status).toBe(404);
    expect(bobAtA.body).toMatchObject({ code: 'NOT_FOUND', message: 'passbook not found' });
    const itemOfB = await redeem(auth.clerkA, alice.passbookNo, itemB.body.id);
    expect(itemOfB.status).toBe(422);
    expect(itemOfB.body).toMatchObject({
      code: 'UNKNOWN_ITEM',
      details: { catalogItemIds: [itemB.body.id] },
    });

    const inA = await redeem(auth.clerkA, alice.passbookNo, itemA.body.id);
    const inB = await redeem(auth.clerkB, bob.passbookNo, itemB.body.id);
    expect([inA.status, inB.status]).toEqual([201, 201]);
    expect(inA.body).toMatchObject({ total: '2.00', balanceAfter: '8.00' });
    expect(inB.body).toMatchObject({ total: '3.00', balanceAfter: '7.00' });
    const ledgerRows: { community_id: unknown }[] = await t.db.read((em) =>
      em.query(sql(t.db, 'SELECT community_id FROM ledger_transactions WHERE id = ?'), [
        inB.body.transactionId,
      ]),
    );
    expect(Number(ledgerRows[0].community_id)).toBe(b.id);

    const couponB = inB.body.coupons[0].code as string;
    const useFromA = await t.http
      .post(`/api/coupons/${couponB}/use`)
      .set('Authorization', auth.clerkA)
      .send({});
    expect(useFromA.status).toBe(404);
    expect(
      (await t.http.get(`/api/coupons/${couponB}`).set('Authorization', auth.clerkA)).status,
    ).toBe(404);
    const passbookCoupons = await t.http
      .get(`/api/passbooks/${bob.passbookNo}/coupons`)
      .set('Authorization', auth.clerkA);
    expect(passbookCoupons.status).toBe(404);

    const id = inB.body.id as number;
    expect(
      (await t.http.get(`/api/redemptions/${id}`).set('Authorization', auth.clerkA)).status,
    ).toBe(404);
    const listedA = await t.http.get('/api/redemptions').set('Authorization', auth.clerkA);
    expect(listedA.body.items.map((r: { id: number }) => r.id)).toEqual([inA.body.id]);
    const cancelFromA = await t.http
      .post(`/api/redemptions/${id}/cancel`)
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `two-${++keyN}`)
      .send({ reason: 'not ours' });
    expect(cancelFromA.status).toBe(404);
    const returnFromA = await t.http
      .post(`/api/redemptions/${id}/returns`)
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `two-${++keyN}`)
      .send({ lines: [{ catalogItemId: itemB.body.id, quantity: 1 }], reason: 'not ours' });
    expect(returnFromA.status).toBe(404);

    const summaryA = await t.http.get('/api/counter/day-summary').set('Authorization', auth.clerkA);
    expect(summaryA.body).toMatchObject({ redemptions: { count: 1, points: '2.00' } });
    const summaryB = await t.http.get('/api/counter/day-summary').set('Authorization', auth.clerkB);
    expect(summaryB.body).toMatchObject({ redemptions: { count: 1, points: '3.00' } });

    // B's own clerk uses the coupon; B's admin cancels nothing used.
    const used = await t.http
      .post(`/api/coupons/${couponB}/use`)
      .set('Authorization', auth.clerkB)
      .send({});
    expect(used.status).toBe(201);
    expect(
      (await t.http.get(`/api/catalog-items/${itemB.body.id}`).set('Authorization', auth.adminB))
        .body.stock,
    ).toBe(9);
  });

  it('should let redemptions in A and B run at the same time, both succeeding', async () => {
    const itemA = await f.newCatalogItem({ priceCents: 100, stock: 10 });
    const itemB = await f.newCatalogItem({ priceCents: 100, stock: 10, communityId: b.id });
    const inA = await Promise.all([memberOfA(500), memberOfA(500)]);
    const inB = await Promise.all([memberOfB(500), memberOfB(500)]);
    const results = await Promise.all([
      ...inA.map((m) => redeem(auth.clerkA, m.passbookNo, itemA.id, 2)),
      ...inB.map((m) => redeem(auth.clerkB, m.passbookNo, itemB.id, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.balanceAfter)).toEqual(['3.00', '3.00', '2.00', '2.00']);
    // Both books stay whole: each community's chain gapless from its own genesis.
    await expect(t.app.get(LedgerService).verifyAll()).resolves.toMatchObject({ ok: true });
  });

  it('should refuse every shop write to a street-office user', async () => {
    const item = await f.newCatalogItem({ stock: 5 });
    const m = await memberOfA(500);
    const writes = [
      t.http.post('/api/catalog-items').send({ name: 'x', kind: 'goods', price: 1, stock: 1 }),
      t.http.patch(`/api/catalog-items/${item.id}`).send({ price: 1 }),
      t.http.post(`/api/catalog-items/${item.id}/restock`).send({ quantity: 1 }),
      t.http
        .post('/api/redemption-windows')
        .send({ opensAt: '2026-07-01T09:00', closesAt: '2026-07-02T09:00' }),
      t.http
        .post('/api/redemptions')
        .set('Idempotency-Key', `two-${++keyN}`)
        .send({ passbookNo: m.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] }),
      t.http.post('/api/coupons/ABCDEFGHJKMN/use').send({}),
      t.http
        .post('/api/donations')
        .set('Idempotency-Key', `two-${++keyN}`)
        .send({ householdId: 1, points: 1, passbookNo: m.passbookNo }),
    ];
    for (const req of writes) {
      const res = await req.set('Authorization', auth.office);
      expect(res.status).toBe(403);
    }
  });

  it('should let volunteers and admins give only to households of their own community', async () => {
    const householdB = await f.newHousehold({ communityId: b.id });
    await exec('UPDATE households SET verified = ? WHERE id = ?', [true, householdB.id]);
    const householdA = await f.newHousehold();
    await exec('UPDATE households SET verified = ? WHERE id = ?', [true, householdA.id]);
    const alice = await memberOfA(1000);
    const bob = await memberOfB(1000);
    const give = (who: string, body: object) =>
      t.http
        .post('/api/donations')
        .set('Authorization', who)
        .set('Idempotency-Key', `two-${++keyN}`)
        .send(body);
    const aliceAuth = await f.memberAuth(alice.id);
    // The households a volunteer may give to are their community's.
    const choices = await t.http.get('/api/households?limit=200').set('Authorization', aliceAuth);
    const choiceIds = choices.body.items.map((h: { id: number }) => h.id);
    expect(choiceIds).toContain(householdA.id);
    expect(choiceIds).not.toContain(householdB.id);
    const toB = await give(aliceAuth, { householdId: householdB.id, points: 1 });
    expect(toB.status).toBe(404);
    const onBehalfOfB = await give(t.adminAuth, {
      householdId: householdA.id,
      points: 1,
      passbookNo: bob.passbookNo,
    });
    expect(onBehalfOfB.status).toBe(404);
    const fromBToB = await give(auth.adminB, {
      householdId: householdB.id,
      points: '2.50',
      passbookNo: bob.passbookNo,
    });
    expect(fromBToB.status).toBe(201);
    expect(fromBToB.body).toMatchObject({ passbookNo: bob.passbookNo, balanceAfter: '7.50' });
    const fromAToA = await give(aliceAuth, { householdId: householdA.id, points: 1 });
    expect(fromAToA.status).toBe(201);

    const listA = await t.http.get('/api/donations').set('Authorization', t.adminAuth);
    expect(listA.body.items.map((d: { id: number }) => d.id)).toEqual([fromAToA.body.id]);
    const listB = await t.http.get('/api/donations').set('Authorization', auth.adminB);
    expect(listB.body.items.map((d: { id: number }) => d.id)).toEqual([fromBToB.body.id]);
    const giftsOfB = await t.http
      .get(`/api/households/${householdB.id}/gifts`)
      .set('Authorization', t.adminAuth);
    expect(giftsOfB.status).toBe(404);
    const own = await t.http
      .get(`/api/households/${householdB.id}/gifts`)
      .set('Authorization', auth.adminB);
    expect(own.body).toMatchObject({ balance: '2.50', totals: { received: '2.50' } });
  });
});
