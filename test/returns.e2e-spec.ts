import { LedgerService } from '../src/ledger/ledger.service';
import { Member } from '../src/people/entities/member.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

interface RedemptionBody {
  id: number;
  transactionId: string;
  status: string;
  total: string;
  coupons: { code: string; catalogItemId: number; status: string }[];
}

/** Returning part of a redemption at the counter: stock, points and coupons back, exactly once. */
describe('redemption returns over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let ledger: LedgerService;
  let clerkAuth: string;
  let clerkName: string;
  let keyN = 0;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    ledger = t.app.get(LedgerService);
    const clerk = await f.newUser('clerk');
    clerkName = clerk.username;
    clerkAuth = await t.login(clerk.username, 'password-123');
    // 2026-06-15 10:00 Shanghai; open for two days.
    await f.openRedemptionWindow(48);
  });
  afterAll(() => t.close());

  const redeem = async (
    passbookNo: string,
    lines: { catalogItemId: number; quantity: number }[],
  ): Promise<RedemptionBody> => {
    const res = await t.http
      .post('/api/redemptions')
      .set('Authorization', clerkAuth)
      .set('Idempotency-Key', `redeem-${++keyN}`)
      .send({ passbookNo, lines });
    expect(res.status).toBe(201);
    return res.body as RedemptionBody;
  };
  const giveBack = (
    id: number,
    body: unknown,
    opts: { auth?: string; key?: string | null } = {},
  ) => {
    const req = t.http
      .post(`/api/redemptions/${id}/returns`)
      .set('Authorization', opts.auth ?? clerkAuth);
    if (opts.key !== null) {
      req.set('Idempotency-Key', opts.key ?? `return-${++keyN}`);
    }
    return req.send(body as object);
  };
  const stockOf = async (id: number): Promise<number> =>
    (await t.http.get(`/api/catalog-items/${id}`).set('Authorization', t.adminAuth)).body.stock;
  const count = (table: string): Promise<number> =>
    t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));
  /** Everything a refused return must leave as it was. */
  const snapshot = async () => ({
    returns: await count('redemption_returns'),
    returnLines: await count('redemption_return_lines'),
    returnCoupons: await count('redemption_return_coupons'),
    movements: await count('stock_movements'),
    transactions: await count('ledger_transactions'),
    voidCoupons: await count("coupons WHERE status = 'void'"),
  });
  async function memberWith(cents: number): Promise<Member> {
    const m = await f.newMember({ name: '李桂英' });
    await f.earn(m.accountId, cents);
    return m;
  }

  it('should return some units of a line and of a coupon line, crediting exactly their points', async () => {
    const m = await memberWith(100_00);
    const rice = await f.newCatalogItem({ name: '大米5斤', priceCents: 350, stock: 10 });
    const clean = await f.newCatalogItem({
      name: '家政服务券',
      kind: 'service_coupon',
      priceCents: 800,
      stock: 5,
    });
    const r = await redeem(m.passbookNo, [
      { catalogItemId: rice.id, quantity: 3 },
      { catalogItemId: clean.id, quantity: 2 },
    ]);
    expect(r.total).toBe('26.50');
    expect(await f.balanceOf(m.accountId)).toBe(73_50);

    const first = await giveBack(r.id, {
      lines: [{ catalogItemId: rice.id, quantity: 1 }],
      reason: '大米受潮',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.any(Number),
      redemptionId: r.id,
      transactionId: expect.any(String),
      points: '3.50',
      balanceAfter: '77.00',
      reason: '大米受潮',
      createdAt: '2026-06-15T02:00:00.000Z',
      createdByName: clerkName,
      lines: [
        { catalogItemId: rice.id, name: '大米5斤', quantity: 1, unitPrice: '3.50', amount: '3.50' },
      ],
      voidedCoupons: [],
      redemption: {
        id: r.id,
        status: 'completed',
        total: '26.50',
        returnedPoints: '3.50',
        lines: [
          expect.objectContaining({ catalogItemId: rice.id, quantity: 3, returnedQuantity: 1 }),
          expect.objectContaining({ catalogItemId: clean.id, quantity: 2, returnedQuantity: 0 }),
        ],
      },
    });
    expect(await f.balanceOf(m.accountId)).toBe(77_00);
    expect(await stockOf(rice.id)).toBe(8);

    const second = await giveBack(r.id, {
      lines: [
        { catalogItemId: clean.id, quantity: 1 },
        { catalogItemId: rice.id, quantity: '2' },
      ],
      reason: '用不上',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      points: '15.00',
      balanceAfter: '92.00',
      lines: [
        { catalogItemId: rice.id, quantity: 2, amount: '7.00' },
        { catalogItemId: clean.id, quantity: 1, amount: '8.00' },
      ],
      voidedCoupons: [r.coupons[0].code],
    });
    expect(await f.balanceOf(m.accountId)).toBe(92_00);
    expect(await stockOf(rice.id)).toBe(10);
    expect(await stockOf(clean.id)).toBe(4);

    const shown = await t.http.get(`/api/redemptions/${r.id}`).set('Authorization', clerkAuth);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      status: 'completed',
      returnedPoints: '18.50',
      lines: [
        expect.objectContaining({ catalogItemId: rice.id, returnedQuantity: 3 }),
        expect.objectContaining({ catalogItemId: clean.id, returnedQuantity: 1 }),
      ],
      coupons: [
        { code: r.coupons[0].code, catalogItemId: clean.id, status: 'void' },
        { code: r.coupons[1].code, catalogItemId: clean.id, status: 'issued' },
      ],
    });
    expect(shown.body.returns.map((x: { id: number }) => x.id)).toEqual([
      first.body.id,
      second.body.id,
    ]);
    expect(shown.body.returns[1]).toEqual({ ...second.body, redemption: undefined });
    const listed = await t.http
      .get('/api/redemptions')
      .query({ passbookNo: m.passbookNo })
      .set('Authorization', clerkAuth);
    expect(listed.body.items[0]).toEqual(shown.body);

    // The voided coupon is void; the other is still good.
    const voided = await t.http
      .post(`/api/coupons/${r.coupons[0].code}/use`)
      .set('Authorization', clerkAuth)
      .send({});
    expect(voided.status).toBe(409);

    // The movement log and the statement show the returns.
    const movements = await t.http
      .get(`/api/catalog-items/${rice.id}/stock-movements`)
      .set('Authorization', t.adminAuth);
    expect(movements.body.items.slice(0, 2)).toEqual([
      expect.objectContaining({
        kind: 'return',
        quantity: 2,
        stockAfter: 10,
        redemptionId: r.id,
        note: '用不上',
      }),
      expect.objectContaining({
        kind: 'return',
        quantity: 1,
        stockAfter: 8,
        redemptionId: r.id,
        note: '大米受潮',
      }),
    ]);
    const passbook = await t.http
      .get(`/api/passbooks/${m.passbookNo}`)
      .set('Authorization', clerkAuth);
    expect(passbook.body.balance).toBe('92.00');
    expect(passbook.body.entries.slice(0, 2)).toEqual([
      expect.objectContaining({
        transactionId: second.body.transactionId,
        kind: 'redeem_return',
        amount: '+15.00',
        balanceAfter: '92.00',
        description: `退货 兑换 No. ${r.id}: 大米5斤×2、家政服务券×1（用不上）`,
      }),
      expect.objectContaining({ kind: 'redeem_return', amount: '+3.50', balanceAfter: '77.00' }),
    ]);
    // The OpenAPI document names every kind the statement answers with, the return's included.
    const doc = (await t.http.get('/api/docs-json')).body;
    const documented: string[] = doc.components.schemas.StatementEntryDto.properties.kind.enum;
    for (const e of passbook.body.entries as { kind: string }[]) {
      expect(documented).toContain(e.kind);
    }

    // Nothing left of the rice: one more is refused and changes nothing.
    const before = await snapshot();
    const over = await giveBack(r.id, {
      lines: [{ catalogItemId: rice.id, quantity: 1 }],
      reason: '再退一袋',
    });
    expect(over.status).toBe(409);
    expect(over.body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: 'more than was taken: "大米5斤": 1 to return, 0 not yet returned',
      details: {
        reason: 'RETURN_EXCEEDS_REMAINING',
        redemptionId: r.id,
        catalogItemId: rice.id,
        name: '大米5斤',
        requested: 1,
        remaining: 0,
        items: [{ catalogItemId: rice.id, name: '大米5斤', requested: 1, remaining: 0 }],
      },
    });
    const overCoupon = await giveBack(r.id, {
      lines: [{ catalogItemId: clean.id, quantity: 2 }],
      reason: '全退',
    });
    expect(overCoupon.status).toBe(409);
    expect(overCoupon.body.details).toMatchObject({ requested: 2, remaining: 1 });
    expect(await snapshot()).toEqual(before);
    expect(await f.balanceOf(m.accountId)).toBe(92_00);

    // Once returned in part, the cancellation would give back the returned units again.
    const cancel = await t.http
      .post(`/api/redemptions/${r.id}/cancel`)
      .set('Authorization', clerkAuth)
      .set('Idempotency-Key', `cancel-${++keyN}`)
      .send({ reason: '全部取消' });
    expect(cancel.status).toBe(409);
    expect(cancel.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'PARTLY_RETURNED', redemptionId: r.id, returns: 2 },
    });
    expect(await snapshot()).toEqual(before);

    // Nor does the ledger's reversal undo a return behind the shop's back.
    const reversal = await t.http
      .post(`/api/ledger/transactions/${second.body.transactionId}/reversal`)
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `reversal-${++keyN}`)
      .send({ reason: '试试' });
    expect(reversal.status).toBe(409);
    expect(reversal.body).toMatchObject({ code: 'CONFLICT', details: { kind: 'redeem_return' } });
    expect(await snapshot()).toEqual(before);
    await expect(ledger.verify(1)).resolves.toMatchObject({ ok: true });
    await expect(ledger.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
  });

  it('should refuse a unit whose coupon was used and return the unused ones', async () => {
    const m = await memberWith(50_00);
    const repair = await f.newCatalogItem({
      name: '家电维修券',
      kind: 'service_coupon',
      priceCents: 500,
      stock: 6,
    });
    const r = await redeem(m.passbookNo, [{ catalogItemId: repair.id, quantity: 3 }]);
    const used = await t.http
      .post(`/api/coupons/${r.coupons[1].code}/use`)
      .set('Authorization', clerkAuth)
      .send({});
    expect(used.status).toBe(201);

    const before = await snapshot();
    const all = await giveBack(r.id, {
      lines: [{ catalogItemId: repair.id, quantity: 3 }],
      reason: '不修了',
    });
    expect(all.status).toBe(409);
    expect(all.body).toMatchObject({
      statusCode: 409,
      code: 'COUPON_ALREADY_USED',
      details: {
        redemptionId: r.id,
        catalogItemId: repair.id,
        name: '家电维修券',
        requested: 3,
        returnable: 2,
        coupons: [{ code: r.coupons[1].code, usedAt: '2026-06-15T02:00:00.000Z' }],
      },
    });
    expect(await snapshot()).toEqual(before);
    expect(await stockOf(repair.id)).toBe(3);

    const two = await giveBack(r.id, {
      lines: [{ catalogItemId: repair.id, quantity: 2 }],
      reason: '只修一次',
    });
    expect(two.status).toBe(201);
    expect(two.body).toMatchObject({
      points: '10.00',
      balanceAfter: '45.00',
      voidedCoupons: [r.coupons[0].code, r.coupons[2].code],
    });
    expect(two.body.redemption.coupons.map((c: { status: string }) => c.status)).toEqual([
      'void',
      'used',
      'void',
    ]);
    const last = await giveBack(r.id, {
      lines: [{ catalogItemId: repair.id, quantity: 1 }],
      reason: '最后一张',
    });
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ code: 'COUPON_ALREADY_USED', details: { returnable: 0 } });
    expect(await f.balanceOf(m.accountId)).toBe(45_00);
    expect(await stockOf(repair.id)).toBe(5);
  });

  it('should void exactly the coupons handed back when their codes are given', async () => {
    const m = await memberWith(50_00);
    const haircut = await f.newCatalogItem({
      name: '理发券',
      kind: 'service_coupon',
      priceCents: 300,
      stock: 6,
    });
    const rice = await f.newCatalogItem({ name: '大米', priceCents: 500, stock: 6 });
    const r = await redeem(m.passbookNo, [
      { catalogItemId: haircut.id, quantity: 3 },
      { catalogItemId: rice.id, quantity: 1 },
    ]);
    const [a, b, c] = r.coupons.map((x) => x.code);
    const use = (code: string) =>
      t.http.post(`/api/coupons/${code}/use`).set('Authorization', clerkAuth).send({});
    expect((await use(c)).status).toBe(201);

    // Refused, changing nothing: a used coupon, a code of no line, too few codes, codes on goods.
    const before = await snapshot();
    const refusals = [
      [{ catalogItemId: haircut.id, quantity: 1, couponCodes: [c] }],
      [{ catalogItemId: haircut.id, quantity: 1, couponCodes: ['ABCDEFGHJKMN'] }],
      [{ catalogItemId: haircut.id, quantity: 2, couponCodes: [b] }],
      [{ catalogItemId: haircut.id, quantity: 2, couponCodes: [b, b] }],
      [{ catalogItemId: rice.id, quantity: 1, couponCodes: [b] }],
      [{ catalogItemId: haircut.id, quantity: 1, couponCodes: ['不是券码'] }],
    ];
    const answers = [];
    for (const lines of refusals) {
      const res = await giveBack(r.id, { lines, reason: '退回' });
      answers.push([res.status, res.body.code]);
    }
    expect(answers).toEqual([
      [409, 'COUPON_ALREADY_USED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(await snapshot()).toEqual(before);

    // The second coupon is handed back (typed in lower case): it is voided, the first stays good.
    const back = await giveBack(r.id, {
      lines: [{ catalogItemId: haircut.id, quantity: 1, couponCodes: [b.toLowerCase()] }],
      reason: '不理了',
    });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ points: '3.00', voidedCoupons: [b] });
    const again = await giveBack(r.id, {
      lines: [{ catalogItemId: haircut.id, quantity: 1, couponCodes: [b] }],
      reason: '又退',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'COUPON_RETURNED', code: b },
    });
    const returnedUse = await use(b);
    expect(returnedUse.status).toBe(409);
    expect(returnedUse.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'COUPON_RETURNED', code: b },
    });
    expect(returnedUse.body.message).not.toMatch(/cancel/);
    expect((await use(a)).status).toBe(201);
    expect(await f.balanceOf(m.accountId)).toBe(50_00 - 14_00 + 3_00);
  });

  it('should refuse a blank or multi-line reason for a return, a cancellation, a write-off and a reversal', async () => {
    const m = await memberWith(20_00);
    const oil = await f.newCatalogItem({ name: '香油', priceCents: 400, stock: 10 });
    const r = await redeem(m.passbookNo, [{ catalogItemId: oil.id, quantity: 2 }]);
    const before = await snapshot();
    const answers: [number, string, unknown][] = [];
    for (const reason of ['   ', '\u3000 ', '第一行\n第二行']) {
      const sent = [
        await giveBack(r.id, { lines: [{ catalogItemId: oil.id, quantity: 1 }], reason }),
        await t.http
          .post(`/api/redemptions/${r.id}/cancel`)
          .set('Authorization', clerkAuth)
          .set('Idempotency-Key', `cancel-${++keyN}`)
          .send({ reason }),
        await t.http
          .post(`/api/catalog-items/${oil.id}/stock-adjustments`)
          .set('Authorization', t.adminAuth)
          .set('Idempotency-Key', `adjust-${++keyN}`)
          .send({ quantity: -1, reason }),
        await t.http
          .post(`/api/ledger/transactions/${r.transactionId}/reversal`)
          .set('Authorization', t.adminAuth)
          .set('Idempotency-Key', `reverse-${++keyN}`)
          .send({ reason }),
      ];
      for (const res of sent) {
        answers.push([res.status, res.body.code, res.body.details?.fields?.[0]?.field]);
      }
    }
    expect(answers).toEqual(Array(12).fill([400, 'VALIDATION_FAILED', 'reason']));
    expect(await snapshot()).toEqual(before);
    // Spaces around a reason are dropped: the ledger keeps what was meant.
    const ok = await giveBack(r.id, {
      lines: [{ catalogItemId: oil.id, quantity: 1 }],
      reason: '  多拿了一瓶 ',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.reason).toBe('多拿了一瓶');
  });

  it('should refuse malformed returns with a coded error, changing nothing', async () => {
    const m = await memberWith(20_00);
    const oil = await f.newCatalogItem({ name: '食用油', priceCents: 400, stock: 10 });
    const other = await f.newCatalogItem({ name: '洗衣粉', priceCents: 200, stock: 10 });
    const r = await redeem(m.passbookNo, [{ catalogItemId: oil.id, quantity: 2 }]);
    const before = await snapshot();
    const line = (quantity: unknown) => ({
      lines: [{ catalogItemId: oil.id, quantity }],
      reason: '退',
    });
    for (const body of [
      { lines: [], reason: '退' },
      line(0),
      line(1.5),
      line('1.5'),
      line(-1),
      line('一'),
      line(null),
      { lines: [{ catalogItemId: oil.id, quantity: 1 }] },
      { lines: [{ catalogItemId: oil.id, quantity: 1 }], reason: '' },
      { lines: [{ catalogItemId: 'x', quantity: 1 }], reason: '退' },
      { lines: 'all', reason: '退' },
    ]) {
      const res = await giveBack(r.id, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const notInIt = await giveBack(r.id, {
      lines: [{ catalogItemId: other.id, quantity: 1 }],
      reason: '退',
    });
    expect(notInIt.status).toBe(400);
    expect(notInIt.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `redemption #${r.id} has no line of item ${other.id}`,
      details: { field: 'lines', catalogItemIds: [other.id] },
    });
    const noKey = await giveBack(r.id, line(1), { key: null });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const unknown = await giveBack(99999999, line(1));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);

    const cancelled = await t.http
      .post(`/api/redemptions/${r.id}/cancel`)
      .set('Authorization', clerkAuth)
      .set('Idempotency-Key', `cancel-${++keyN}`)
      .send({ reason: '拿错了' });
    expect(cancelled.status).toBe(201);
    const afterCancel = await snapshot();
    const res = await giveBack(r.id, line(1));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ALREADY_REVERSED', details: { redemptionId: r.id } });
    expect(await snapshot()).toEqual(afterCancel);
    expect(await f.balanceOf(m.accountId)).toBe(20_00);
    expect(await stockOf(oil.id)).toBe(10);
  });

  it('should answer a repeated return from its key and refuse the key for another body', async () => {
    const m = await memberWith(20_00);
    const soap = await f.newCatalogItem({ name: '香皂', priceCents: 150, stock: 10 });
    const r = await redeem(m.passbookNo, [{ catalogItemId: soap.id, quantity: 4 }]);
    const body = { lines: [{ catalogItemId: soap.id, quantity: 1 }], reason: '多拿了' };
    const first = await giveBack(r.id, body, { key: 'return-replay' });
    expect(first.status).toBe(201);
    const before = await snapshot();
    const replay = await giveBack(r.id, body, { key: 'return-replay' });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const reused = await giveBack(
      r.id,
      { ...body, lines: [{ catalogItemId: soap.id, quantity: 2 }] },
      { key: 'return-replay' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await snapshot()).toEqual(before);
    expect(await f.balanceOf(m.accountId)).toBe(20_00 - 6_00 + 1_50);
    expect(await stockOf(soap.id)).toBe(7);
  });

  it('should let exactly the remaining units through concurrent returns, and one of a return and a cancellation', async () => {
    const m = await memberWith(60_00);
    const towel = await f.newCatalogItem({ name: '毛巾', priceCents: 250, stock: 20 });
    const r = await redeem(m.passbookNo, [{ catalogItemId: towel.id, quantity: 3 }]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        giveBack(r.id, { lines: [{ catalogItemId: towel.id, quantity: 1 }], reason: `退 ${i}` }),
      ),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409, 409, 409]);
    for (const res of results.filter((x) => x.status === 409)) {
      expect(res.body.details).toMatchObject({ reason: 'RETURN_EXCEEDS_REMAINING', remaining: 0 });
    }
    expect(await f.balanceOf(m.accountId)).toBe(60_00);
    expect(await stockOf(towel.id)).toBe(20);
    expect(await count(`redemption_returns WHERE redemption_id = ${r.id}`)).toBe(3);

    const r2 = await redeem(m.passbookNo, [{ catalogItemId: towel.id, quantity: 2 }]);
    const [returned, cancelled] = await Promise.all([
      giveBack(r2.id, { lines: [{ catalogItemId: towel.id, quantity: 1 }], reason: '退一条' }),
      t.http
        .post(`/api/redemptions/${r2.id}/cancel`)
        .set('Authorization', clerkAuth)
        .set('Idempotency-Key', `cancel-${++keyN}`)
        .send({ reason: '不要了' }),
    ]);
    // Whichever came first, the points and stock came back once.
    expect([returned.status, cancelled.status].sort()).toEqual([201, 409]);
    if (returned.status === 201) {
      expect(cancelled.body.details.reason).toBe('PARTLY_RETURNED');
      expect(await f.balanceOf(m.accountId)).toBe(60_00 - 5_00 + 2_50);
      expect(await stockOf(towel.id)).toBe(19);
    } else {
      expect(returned.body.code).toBe('ALREADY_REVERSED');
      expect(await f.balanceOf(m.accountId)).toBe(60_00);
      expect(await stockOf(towel.id)).toBe(20);
    }
    await expect(ledger.verify(1)).resolves.toMatchObject({ ok: true });
    await expect(ledger.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
  });

  it('should return to a household passbook and net it out of what the household redeemed', async () => {
    const h = await f.newHousehold({ name: '孙桂英家' });
    await f.earn(h.accountId, 30_00);
    const milk = await f.newCatalogItem({ name: '牛奶', priceCents: 600, stock: 10 });
    const r = await redeem(h.passbookNo, [{ catalogItemId: milk.id, quantity: 3 }]);
    const back = await giveBack(r.id, {
      lines: [{ catalogItemId: milk.id, quantity: 1 }],
      reason: '临期',
    });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ points: '6.00', balanceAfter: '18.00' });
    const gifts = await t.http.get(`/api/households/${h.id}/gifts`).set('Authorization', clerkAuth);
    expect(gifts.status).toBe(200);
    expect(gifts.body.balance).toBe('18.00');
    expect(gifts.body.totals).toMatchObject({ redeemed: '12.00' });
    expect(gifts.body.entries[0]).toMatchObject({ kind: 'redeem_return', amount: '+6.00' });
  });

  it('should leave returns after the window to an administrator', async () => {
    const m = await memberWith(20_00);
    const tea = await f.newCatalogItem({ name: '茶叶', priceCents: 300, stock: 5 });
    const r = await redeem(m.passbookNo, [{ catalogItemId: tea.id, quantity: 2 }]);
    t.clock.set('2026-06-21T00:00:00Z');
    try {
      const clerk = await f.bearer({
        userId: (await f.newUser('clerk')).id,
      });
      const body = { lines: [{ catalogItemId: tea.id, quantity: 1 }], reason: '过期' };
      const before = await snapshot();
      const refused = await giveBack(r.id, body, { auth: clerk });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'REDEMPTION_WINDOW_CLOSED',
        message:
          'the window of this redemption has closed; only an administrator can take a return now',
        details: { redemptionId: r.id },
      });
      expect(await snapshot()).toEqual(before);
      const admin = await giveBack(r.id, body, { auth: await t.login('admin') });
      expect(admin.status).toBe(201);
      expect(admin.body).toMatchObject({ points: '3.00', balanceAfter: '17.00' });
    } finally {
      t.clock.set('2026-06-15T02:00:00Z');
    }
  });

  it('should describe the return in the OpenAPI document with its body and key', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    const op = doc.paths['/api/redemptions/{id}/returns'].post;
    expect(op.summary).toBe('Return part of a redemption: some units of some lines');
    expect(op.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
      ]),
    );
    const ref: string = op.requestBody.content['application/json'].schema.$ref;
    const schema = doc.components.schemas[ref.split('/').pop()!];
    expect(schema.required).toEqual(expect.arrayContaining(['lines', 'reason']));
  });

  it('should count the day’s returns and net them out of the items given out and the quarter', async () => {
    // A store of its own, so the day and the quarter hold only this test's redemptions.
    const own = await createTestApp();
    try {
      const g = fixtures(own.app);
      const clerk = await g.newUser('clerk');
      const auth = await own.login(clerk.username, 'password-123');
      await g.openRedemptionWindow(48);
      const m = await g.newMember();
      await g.earn(m.accountId, 100_00);
      const rice = await g.newCatalogItem({ name: '大米5斤', priceCents: 1000, stock: 20 });
      const clean = await g.newCatalogItem({
        name: '家政服务券',
        kind: 'service_coupon',
        priceCents: 800,
        stock: 20,
      });
      const made = await own.http
        .post('/api/redemptions')
        .set('Authorization', auth)
        .set('Idempotency-Key', 'day-1')
        .send({
          passbookNo: m.passbookNo,
          lines: [
            { catalogItemId: rice.id, quantity: 3 },
            { catalogItemId: clean.id, quantity: 2 },
          ],
        });
      expect(made.status).toBe(201);
      const back = await own.http
        .post(`/api/redemptions/${made.body.id}/returns`)
        .set('Authorization', auth)
        .set('Idempotency-Key', 'day-2')
        .send({
          lines: [
            { catalogItemId: rice.id, quantity: 1 },
            { catalogItemId: clean.id, quantity: 1 },
          ],
          reason: '退一部分',
        });
      expect(back.status).toBe(201);
      const day = await own.http.get('/api/counter/day-summary').set('Authorization', auth);
      expect(day.status).toBe(200);
      expect(day.body).toMatchObject({
        date: '2026-06-15',
        redemptions: { count: 1, points: '46.00' },
        cancellations: { count: 0, points: '0.00' },
        returns: { count: 1, points: '18.00', units: 2 },
        netPoints: '28.00',
        items: [
          { catalogItemId: rice.id, quantity: 2, points: '20.00' },
          { catalogItemId: clean.id, quantity: 1, points: '8.00' },
        ],
      });
      const report = await own.http
        .get('/api/reports/quarter/2026/2')
        .set('Authorization', own.adminAuth);
      expect(report.status).toBe(200);
      expect(report.body.redeemed).toEqual({
        points: '28.00',
        byMembers: '28.00',
        byHouseholds: '0.00',
        redemptions: 1,
      });
      expect(report.body.stockGivenOut).toEqual([
        { catalogItemId: rice.id, name: '大米5斤', kind: 'goods', quantity: 2, points: '20.00' },
        {
          catalogItemId: clean.id,
          name: '家政服务券',
          kind: 'service_coupon',
          quantity: 1,
          points: '8.00',
        },
      ]);
      expect(report.body.byMonth[2]).toMatchObject({ month: '2026-06', redeemed: '28.00' });
    } finally {
      await own.close();
    }
  });
});
