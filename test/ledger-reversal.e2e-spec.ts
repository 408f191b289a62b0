import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const tableCount = (t: TestApp, table: string) =>
  t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));

describe('POST /api/ledger/transactions/:id/reversal on shop and donation entries (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let keys = 0;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
  });
  afterAll(() => t.close());

  const reverse = (transactionId: string, reason = '录入错误') =>
    t.http
      .post(`/api/ledger/transactions/${transactionId}/reversal`)
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `rev-${++keys}`)
      .send({ reason });
  const latestEntry = async (passbookNo: string) => {
    const res = await t.http
      .get(`/api/passbooks/${passbookNo}?limit=1`)
      .set('Authorization', t.adminAuth);
    return res.body.entries[0] as { transactionId: string; kind: string };
  };

  it('should refuse to reverse a redemption and point to its cancellation, changing nothing', async () => {
    const member = await f.newMember();
    await f.earn(member.accountId, 5000);
    const coupon = await f.newCatalogItem({
      name: '上门维修券',
      kind: 'service_coupon',
      priceCents: 1000,
      stock: 3,
    });
    await f.openRedemptionWindow();
    const redemption = await t.http
      .post('/api/redemptions')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `rev-${++keys}`)
      .send({ passbookNo: member.passbookNo, lines: [{ catalogItemId: coupon.id, quantity: 2 }] });
    expect(redemption.status).toBe(201);
    const redeem = await latestEntry(member.passbookNo);
    expect(redeem.kind).toBe('redeem');
    const before = {
      transactions: await tableCount(t, 'ledger_transactions'),
      movements: await tableCount(t, 'stock_movements'),
    };

    const refused = await reverse(redeem.transactionId);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      statusCode: 409,
      code: 'CONFLICT',
      message: expect.stringContaining(`POST /api/redemptions/${redemption.body.id}/cancel`),
      details: {
        reason: 'REDEMPTION_NEEDS_CANCEL',
        kind: 'redeem',
        redemptionId: redemption.body.id,
      },
    });
    expect({
      transactions: await tableCount(t, 'ledger_transactions'),
      movements: await tableCount(t, 'stock_movements'),
    }).toEqual(before);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(3000);
    const catalog = await t.http.get('/api/catalog-items').set('Authorization', t.adminAuth);
    expect(catalog.body.items.find((i: { id: number }) => i.id === coupon.id)).toMatchObject({
      stock: 1,
    });
    const used = await t.http
      .post(`/api/coupons/${redemption.body.coupons[0].code}/use`)
      .set('Authorization', t.adminAuth);
    expect(used.status).toBe(201);
    expect(used.body.status).toBe('used');

    // The way that keeps shop and ledger together is still open (and still guards used coupons).
    const cancel = await t.http
      .post(`/api/redemptions/${redemption.body.id}/cancel`)
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `rev-${++keys}`)
      .send({ reason: '录入错误' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('COUPON_ALREADY_USED');
  });

  it('should let an admin reverse a donation and show it as reversed to the giver and the household', async () => {
    const member = await f.newMember();
    await f.earn(member.accountId, 1000);
    const volunteerAuth = await f.memberAuth(member.id);
    const household = await f.newHousehold({ name: '王秀兰' });
    const gift = await t.http
      .post('/api/donations')
      .set('Authorization', volunteerAuth)
      .set('Idempotency-Key', `rev-${++keys}`)
      .send({ householdId: household.id, points: '4.00' });
    expect(gift.status).toBe(201);

    const reversal = await reverse(gift.body.transactionId, '捐错了家庭');
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({
      transactionId: expect.any(String),
      reverses: gift.body.transactionId,
    });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(1000);
    await expect(f.balanceOf(household.accountId)).resolves.toBe(0);

    const mine = await t.http.get('/api/donations').set('Authorization', volunteerAuth);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: gift.body.id, points: '4.00', reversed: true }),
    ]);
    const gifts = await t.http
      .get(`/api/households/${household.id}/gifts`)
      .set('Authorization', t.adminAuth);
    expect(gifts.status).toBe(200);
    expect(gifts.body.balance).toBe('0.00');
    expect(
      gifts.body.entries.map((e: { kind: string; amount: string; reversed: boolean }) => [
        e.kind,
        e.amount,
        e.reversed,
      ]),
    ).toEqual([
      ['reversal', '-4.00', false],
      ['receive', '+4.00', true],
    ]);
    expect(gifts.body.entries[0].reverses).toBe(gift.body.transactionId);
  });

  it('should refuse to reverse a donation the household has already spent', async () => {
    const member = await f.newMember();
    await f.earn(member.accountId, 1000);
    const household = await f.newHousehold();
    const gift = await t.http
      .post('/api/donations')
      .set('Authorization', await f.memberAuth(member.id))
      .set('Idempotency-Key', `rev-${++keys}`)
      .send({ householdId: household.id, points: '5.00' });
    await f.redeem(household.accountId, 300);
    const before = await tableCount(t, 'ledger_transactions');
    const refused = await reverse(gift.body.transactionId);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INSUFFICIENT_POINTS');
    expect(await tableCount(t, 'ledger_transactions')).toBe(before);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(500);
  });
});
