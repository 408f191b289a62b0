import { fixtures, staffPrincipal } from '../../test/support/fixtures';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { Principal } from '../auth/principal';
import { ErrorCode } from '../common/errors';
import { Household } from '../people/entities/household.entity';
import { Member } from '../people/entities/member.entity';
import { DonationsService } from './donations.service';

describe(DonationsService.name, () => {
  let t: TestContext;
  let f: ReturnType<typeof fixtures>;
  let donations: DonationsService;
  const admin = staffPrincipal({ id: 1, username: 'admin' }, 'admin');
  const clerk = staffPrincipal({ id: 2, username: 'clerk' }, 'clerk');
  const asMember = (m: Member): Principal => ({
    kind: 'member',
    memberId: m.id,
    passbookNo: m.passbookNo,
    communityId: 1,
  });

  beforeAll(async () => {
    t = await createTestContext();
    f = fixtures(t.ctx);
    donations = t.ctx.get(DonationsService);
  });
  afterAll(() => t.close());

  /** Every account's balance and the number of ledger transactions and donations. */
  async function snapshot() {
    return t.db.read(async (em) => {
      const balances: { account_id: unknown; balance: unknown }[] = await em.query(
        'SELECT account_id, balance FROM balances ORDER BY account_id',
      );
      const [{ c: transactions }] = await em.query('SELECT COUNT(*) AS c FROM ledger_transactions');
      const [{ c: gifts }] = await em.query('SELECT COUNT(*) AS c FROM donations');
      return {
        balances: new Map(balances.map((b) => [Number(b.account_id), Number(b.balance)])),
        transactions: Number(transactions),
        gifts: Number(gifts),
      };
    });
  }

  async function givingVolunteer(cents = 1000): Promise<Member> {
    const member = await f.newMember({ name: '王小明' });
    await f.earn(member.accountId, cents);
    return member;
  }

  it('should move exactly the points from the giver to the household and nothing else', async () => {
    const member = await givingVolunteer(1000);
    const household = await f.newHousehold({ name: '李桂兰' });
    const before = await snapshot();

    const result = await t.db.write(() =>
      donations.donate(asMember(member), { householdId: household.id, points: '3.50' }),
    );

    expect(result).toEqual({
      id: expect.any(Number),
      transactionId: expect.any(String),
      passbookNo: member.passbookNo,
      householdId: household.id,
      points: '3.50',
      balanceAfter: '6.50',
      createdAt: '2026-06-15T02:00:00.000Z',
    });
    const after = await snapshot();
    expect(after.transactions).toBe(before.transactions + 1);
    expect(after.gifts).toBe(before.gifts + 1);
    const changed = [...after.balances].filter(([id, b]) => before.balances.get(id) !== b);
    expect(changed).toEqual([
      [member.accountId, 650],
      [household.accountId, 350],
    ]);
    const giverStatement = await t.ledger.statement(member.accountId, { limit: 1 });
    expect(giverStatement.entries[0]).toMatchObject({
      kind: 'donate',
      amount: '-3.50',
      balanceAfter: '6.50',
      description: '爱心捐赠 · 李*兰',
    });
    const householdStatement = await t.ledger.statement(household.accountId, { limit: 1 });
    expect(householdStatement.entries[0]).toMatchObject({ kind: 'receive', amount: '+3.50' });
    await expect(t.ledger.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
  });

  it('should refuse a gift larger than the balance with INSUFFICIENT_POINTS and change nothing', async () => {
    const member = await givingVolunteer(200);
    const household = await f.newHousehold();
    const before = await snapshot();
    await expect(
      t.db.write(() =>
        donations.donate(asMember(member), { householdId: household.id, points: 2.01 }),
      ),
    ).rejects.toMatchObject({
      code: ErrorCode.INSUFFICIENT_POINTS,
      details: {
        passbookNo: member.passbookNo,
        balance: '2.00',
        required: '2.01',
        shortBy: '0.01',
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['not verified', { verified: false }],
    ['no longer active', { active: false }],
  ])(
    'should refuse a household that is %s with HOUSEHOLD_NOT_ELIGIBLE and change nothing',
    async (_why, change) => {
      const member = await givingVolunteer(500);
      const household = await f.newHousehold();
      await t.db.write((em) => em.update(Household, { id: household.id }, change));
      const before = await snapshot();
      await expect(
        t.db.write(() =>
          donations.donate(asMember(member), { householdId: household.id, points: '1.00' }),
        ),
      ).rejects.toMatchObject({
        code: ErrorCode.HOUSEHOLD_NOT_ELIGIBLE,
        details: { householdId: household.id, verified: true, active: true, ...change },
      });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('should refuse an unknown household with NOT_FOUND', async () => {
    const member = await givingVolunteer(500);
    await expect(
      donations.donate(asMember(member), { householdId: 999_999, points: '1.00' }),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });

  it.each([
    ['zero', 0],
    ['negative', '-1.00'],
    ['three places', '1.005'],
    ['not a number', 'lots'],
    ['an exponent', '1e3'],
  ])('should refuse %s points with VALIDATION_FAILED', async (_name, points) => {
    const member = await givingVolunteer(500);
    const household = await f.newHousehold();
    await expect(
      donations.donate(asMember(member), { householdId: household.id, points }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: { field: 'points' } });
  });

  it("should refuse a volunteer giving from someone else's passbook", async () => {
    const member = await givingVolunteer(500);
    const other = await givingVolunteer(500);
    const household = await f.newHousehold();
    await expect(
      donations.donate(asMember(member), {
        householdId: household.id,
        points: '1.00',
        passbookNo: other.passbookNo,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(f.balanceOf(other.accountId)).resolves.toBe(500);
  });

  it("should let an admin record a gift on a named passbook's behalf, typed loosely", async () => {
    const member = await givingVolunteer(800);
    const household = await f.newHousehold();
    const typed = `${member.passbookNo.slice(0, 4).toLowerCase()}-${member.passbookNo.slice(4)}`;
    const result = await t.db.write(() =>
      donations.donate(admin, { householdId: household.id, points: 8, passbookNo: typed }),
    );
    expect(result).toMatchObject({ passbookNo: member.passbookNo, balanceAfter: '0.00' });
    await expect(f.balanceOf(household.accountId)).resolves.toBe(800);
  });

  it('should require an admin to name a volunteer passbook that exists and is open', async () => {
    const household = await f.newHousehold();
    await expect(
      donations.donate(admin, { householdId: household.id, points: '1.00' }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: { field: 'passbookNo' },
    });
    await expect(
      donations.donate(admin, {
        householdId: household.id,
        points: '1.00',
        passbookNo: household.passbookNo,
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: { field: 'passbookNo' },
    });
    await expect(
      donations.donate(admin, {
        householdId: household.id,
        points: '1.00',
        passbookNo: 'V2345678',
      }),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    const closed = await givingVolunteer(500);
    await t.db.write((em) => em.update(Member, { id: closed.id }, { active: false }));
    await expect(
      donations.donate(admin, {
        householdId: household.id,
        points: '1.00',
        passbookNo: closed.passbookNo,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
  });

  it('should show a household its gifts and redemptions, with the giver to admins only', async () => {
    const giver = await givingVolunteer(2000);
    const household = await f.newHousehold();
    const first = await t.db.write(() =>
      donations.donate(asMember(giver), { householdId: household.id, points: '5.00' }),
    );
    const second = await t.db.write(() =>
      donations.donate(asMember(giver), { householdId: household.id, points: '7.00' }),
    );
    const spent = await f.redeem(household.accountId, 400);
    await t.db.write(() =>
      t.ledger.reverse(second.transactionId, {
        communityId: 1,
        actor: 'user:1',
        reason: 'wrong household',
      }),
    );

    const forAdmin = await donations.householdGifts(admin, household.id, {});
    expect(forAdmin.household).toEqual({
      id: household.id,
      passbookNo: household.passbookNo,
      name: household.name,
      hardship: 'elderly_alone',
      verified: true,
      active: true,
    });
    expect(forAdmin.balance).toBe('1.00');
    expect(forAdmin.totals).toEqual({ received: '5.00', redeemed: '4.00' });
    expect(forAdmin.entries.map((e) => [e.kind, e.amount, e.balanceAfter, e.reversed])).toEqual([
      ['reversal', '-7.00', '1.00', false],
      ['redeem', '-4.00', '8.00', false],
      ['receive', '+7.00', '12.00', true],
      ['receive', '+5.00', '5.00', false],
    ]);
    expect(forAdmin.entries[0].reverses).toBe(second.transactionId);
    expect(forAdmin.entries[1].transactionId).toBe(spent.id);
    expect(forAdmin.entries[3]).toMatchObject({
      donationId: first.id,
      from: { memberId: giver.id, passbookNo: giver.passbookNo, name: '王小明' },
    });

    const forClerk = await donations.householdGifts(clerk, household.id, { limit: 2 });
    expect(forClerk.entries).toHaveLength(2);
    expect(forClerk.nextCursor).not.toBeNull();
    const rest = await donations.householdGifts(clerk, household.id, {
      limit: 2,
      cursor: forClerk.nextCursor!,
    });
    expect(rest.entries.map((e) => e.donationId)).toEqual([second.id, first.id]);
    expect(JSON.stringify([forClerk, rest])).not.toContain(giver.passbookNo);
    expect(JSON.stringify([forClerk, rest])).not.toContain('王小明');
    expect(rest.entries.every((e) => !('from' in e))).toBe(true);
  });

  it("should list a volunteer's own gifts with household names masked", async () => {
    const giver = await givingVolunteer(1000);
    const other = await givingVolunteer(1000);
    const household = await f.newHousehold({ name: '赵德山' });
    await t.db.write(() =>
      donations.donate(asMember(giver), { householdId: household.id, points: 1 }),
    );
    await t.db.write(() =>
      donations.donate(asMember(other), { householdId: household.id, points: 2 }),
    );
    const own = await donations.list(asMember(giver), {});
    expect(own.items).toEqual([
      {
        id: expect.any(Number),
        transactionId: expect.any(String),
        passbookNo: giver.passbookNo,
        memberName: '王小明',
        householdId: household.id,
        householdName: '赵*山',
        points: '1.00',
        createdAt: '2026-06-15T02:00:00.000Z',
        reversed: false,
      },
    ]);
    const forHousehold = await donations.list(admin, { householdId: household.id, limit: 1 });
    expect(forHousehold.items.map((i) => [i.points, i.householdName])).toEqual([
      ['2.00', '赵德山'],
    ]);
    const next = await donations.list(admin, {
      householdId: household.id,
      limit: 1,
      cursor: forHousehold.nextCursor!,
    });
    expect(next.items.map((i) => i.points)).toEqual(['1.00']);
    expect(next.nextCursor).toBeNull();
  });
});
