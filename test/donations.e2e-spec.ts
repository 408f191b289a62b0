import { maskName } from '../src/common/mask';
import { Household } from '../src/people/entities/household.entity';
import { Member } from '../src/people/entities/member.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('donations over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let clerkAuth: string;
  let leaderAuth: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    await f.newUser('clerk', 'clerk1');
    await f.newUser('leader', 'leader1');
    clerkAuth = await t.login('clerk1', 'password-123');
    leaderAuth = await t.login('leader1', 'password-123');
  });
  afterAll(() => t.close());

  let keys = 0;
  const donate = (auth: string, body: unknown, key = `gift-${++keys}`) =>
    t.http
      .post('/api/donations')
      .set('Authorization', auth)
      .set('Idempotency-Key', key)
      .send(body as object);

  async function volunteer(cents: number): Promise<{ member: Member; auth: string }> {
    const member = await f.newMember({ name: '刘志强', phone: '13812345678' });
    if (cents > 0) {
      await f.earn(member.accountId, cents);
    }
    return { member, auth: await f.memberAuth(member.id) };
  }

  const counts = async () =>
    t.db.read(async (em) => {
      const [{ c: tx }] = await em.query('SELECT COUNT(*) AS c FROM ledger_transactions');
      const [{ c: gifts }] = await em.query('SELECT COUNT(*) AS c FROM donations');
      return { transactions: Number(tx), gifts: Number(gifts) };
    });

  it('should let a volunteer give from their own passbook, once per Idempotency-Key', async () => {
    const { member, auth } = await volunteer(1000);
    const household = await f.newHousehold();
    const before = await counts();

    const first = await donate(auth, { householdId: household.id, points: '2.50' }, 'gift-a');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(Number),
      transactionId: expect.any(String),
      passbookNo: member.passbookNo,
      householdId: household.id,
      points: '2.50',
      balanceAfter: '7.50',
      createdAt: '2026-06-15T02:00:00.000Z',
    });

    const again = await donate(auth, { householdId: household.id, points: '2.50' }, 'gift-a');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const reused = await donate(auth, { householdId: household.id, points: '3.00' }, 'gift-a');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    expect(await counts()).toEqual({
      transactions: before.transactions + 1,
      gifts: before.gifts + 1,
    });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(750);
    await expect(f.balanceOf(household.accountId)).resolves.toBe(250);
  });

  it('should require an Idempotency-Key', async () => {
    const { auth } = await volunteer(1000);
    const household = await f.newHousehold();
    const res = await t.http
      .post('/api/donations')
      .set('Authorization', auth)
      .send({ householdId: household.id, points: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('should refuse a gift over the balance with 409 INSUFFICIENT_POINTS and change nothing', async () => {
    const { member, auth } = await volunteer(300);
    const household = await f.newHousehold();
    const before = await counts();
    const res = await donate(auth, { householdId: household.id, points: 5 });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      code: 'INSUFFICIENT_POINTS',
      message: `passbook ${member.passbookNo} has 3.00 points, 5.00 needed`,
      details: {
        passbookNo: member.passbookNo,
        balance: '3.00',
        required: '5.00',
        shortBy: '2.00',
      },
    });
    expect(await counts()).toEqual(before);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(300);
  });

  it('should refuse an unverified household with 422 HOUSEHOLD_NOT_ELIGIBLE and change nothing', async () => {
    const { member, auth } = await volunteer(1000);
    const household = await f.newHousehold();
    await t.db.write((em) => em.update(Household, { id: household.id }, { verified: false }));
    const before = await counts();
    const res = await donate(auth, { householdId: household.id, points: 1 });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      statusCode: 422,
      code: 'HOUSEHOLD_NOT_ELIGIBLE',
      message: expect.stringContaining('not verified'),
      details: { householdId: household.id, verified: false, active: true },
    });
    expect(await counts()).toEqual(before);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(1000);
  });

  it.each([
    ['an unknown household', { householdId: 987654, points: 1 }, 404, 'NOT_FOUND'],
    ['three decimal places', { householdId: 1, points: '1.001' }, 400, 'VALIDATION_FAILED'],
    ['zero points', { householdId: 1, points: 0 }, 400, 'VALIDATION_FAILED'],
    ['a household id as text', { householdId: '1', points: 1 }, 400, 'VALIDATION_FAILED'],
    ['no points', { householdId: 1 }, 400, 'VALIDATION_FAILED'],
    ['an unknown field', { householdId: 1, points: 1, note: 'x' }, 400, 'VALIDATION_FAILED'],
  ])('should refuse %s with a coded error', async (_name, body, status, code) => {
    const { auth } = await volunteer(1000);
    const before = await counts();
    const res = await donate(auth, body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await counts()).toEqual(before);
  });

  it("should let only an admin give on a named passbook's behalf", async () => {
    const { member } = await volunteer(1000);
    const { auth: otherAuth } = await volunteer(1000);
    const household = await f.newHousehold();
    const body = { householdId: household.id, points: '4.00', passbookNo: member.passbookNo };

    const byOther = await donate(otherAuth, body);
    expect(byOther.status).toBe(403);
    expect(byOther.body.code).toBe('FORBIDDEN');
    for (const auth of [clerkAuth, leaderAuth]) {
      expect((await donate(auth, body)).status).toBe(403);
    }
    expect((await t.http.post('/api/donations').send(body)).status).toBe(401);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(1000);

    const byAdmin = await donate(t.adminAuth, body);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ passbookNo: member.passbookNo, balanceAfter: '6.00' });
    const missing = await donate(t.adminAuth, { householdId: household.id, points: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual({ field: 'passbookNo' });
  });

  it('should show a household its gifts, the giver to admins only', async () => {
    const { member, auth } = await volunteer(1000);
    const household = await f.newHousehold();
    const gift = await donate(auth, { householdId: household.id, points: 6 });
    await f.redeem(household.accountId, 250);

    const forAdmin = await t.http
      .get(`/api/households/${household.id}/gifts`)
      .set('Authorization', t.adminAuth);
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.body).toMatchObject({
      balance: '3.50',
      totals: { received: '6.00', redeemed: '2.50' },
      nextCursor: null,
    });
    expect(forAdmin.body.entries).toEqual([
      expect.objectContaining({ kind: 'redeem', amount: '-2.50', reversed: false }),
      {
        seq: expect.any(Number),
        transactionId: gift.body.transactionId,
        kind: 'receive',
        amount: '+6.00',
        balanceAfter: '6.00',
        effectiveDate: '2026-06-15',
        createdAt: '2026-06-15T02:00:00.000Z',
        postedDate: '2026-06-15',
        description: `爱心捐赠 · ${maskName(household.name)}`,
        reason: null,
        reversesEntry: null,
        reversedBy: null,
        donationId: gift.body.id,
        from: { memberId: member.id, passbookNo: member.passbookNo, name: '刘志强' },
        reversed: false,
      },
    ]);

    const forClerk = await t.http
      .get(`/api/households/${household.id}/gifts`)
      .set('Authorization', clerkAuth);
    expect(forClerk.status).toBe(200);
    expect(forClerk.body.entries[1]).not.toHaveProperty('from');
    expect(JSON.stringify(forClerk.body)).not.toMatch(/刘志强|13812345678/);
    expect(JSON.stringify(forClerk.body)).not.toContain(member.passbookNo);

    const forVolunteer = await t.http
      .get(`/api/households/${household.id}/gifts`)
      .set('Authorization', auth);
    expect(forVolunteer.status).toBe(403);
    const unknown = await t.http
      .get('/api/households/999999/gifts')
      .set('Authorization', t.adminAuth);
    expect(unknown.status).toBe(404);
  });

  it("should list a volunteer's own gifts", async () => {
    const { member, auth } = await volunteer(1000);
    const household = await f.newHousehold({ name: '孙秀英' });
    await donate(auth, { householdId: household.id, points: 1 });
    const res = await t.http.get('/api/donations').set('Authorization', auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        expect.objectContaining({
          passbookNo: member.passbookNo,
          householdName: '孙*英',
          points: '1.00',
          reversed: false,
        }),
      ],
      nextCursor: null,
    });
    const bad = await t.http.get('/api/donations?limit=500').set('Authorization', auth);
    expect(bad.status).toBe(400);
  });

  it('should describe the donation endpoints in the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/donations', '/api/households/{id}/gifts']),
    );
  });
});
