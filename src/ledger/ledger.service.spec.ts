import { DomainError, ErrorCode } from '../common/errors';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { decodeSeqCursor, LedgerService } from './ledger.service';

describe(LedgerService.name, () => {
  let t: TestContext;
  let issuance: number;
  let shop: number;

  beforeAll(async () => {
    t = await createTestContext();
    issuance = await t.ledger.systemAccountId(1, 'issuance');
    shop = await t.ledger.systemAccountId(1, 'shop');
  });
  afterAll(() => t.close());

  let n = 0;
  async function newAccount(): Promise<number> {
    n++;
    return t.db.write(
      async () =>
        (await t.ledger.openAccount(1, 'member', `测试${n}`, `T${String(n).padStart(5, '0')}`)).id,
    );
  }
  const earn = (accountId: number, cents: number) =>
    t.db.write(() =>
      t.ledger.post({
        communityId: 1,
        kind: 'earn',
        actor: 'user:1',
        description: 'test earn',
        postings: [
          { accountId: issuance, amount: -cents },
          { accountId, amount: cents },
        ],
      }),
    );
  const redeem = (accountId: number, cents: number) =>
    t.db.write(() =>
      t.ledger.post({
        communityId: 1,
        kind: 'redeem',
        actor: 'user:1',
        description: 'test redeem',
        postings: [
          { accountId, amount: -cents },
          { accountId: shop, amount: cents },
        ],
      }),
    );

  it('should keep all balances summing to zero and each equal to its postings', async () => {
    const a = await newAccount();
    const b = await newAccount();
    await earn(a, 1250);
    await earn(b, 300);
    await redeem(a, 250);
    await expect(t.ledger.balanceOf(a)).resolves.toBe(1000);
    await expect(t.ledger.balanceOf(b)).resolves.toBe(300);
    const tb = await t.ledger.trialBalance();
    expect(tb).toMatchObject({ ok: true, sum: '0.00', mismatched: [] });
  });

  it('should let exactly 10 of 50 concurrent 1-point debits through a 10-point balance', async () => {
    const a = await newAccount();
    await earn(a, 1000);
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => redeem(a, 100)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) =>
        r.status === 'rejected' && (r.reason as DomainError).code === ErrorCode.INSUFFICIENT_POINTS,
    );
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    await expect(t.ledger.balanceOf(a)).resolves.toBe(0);
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
  });

  it('should refuse a debit below zero, naming how many points are short, and write nothing', async () => {
    const a = await newAccount();
    await earn(a, 500);
    const before = await t.ledger.verify(1);
    await expect(redeem(a, 800)).rejects.toMatchObject({
      code: ErrorCode.INSUFFICIENT_POINTS,
      details: { balance: '5.00', required: '8.00', shortBy: '3.00' },
    });
    const after = await t.ledger.verify(1);
    expect(after).toEqual(before);
  });

  it('should refuse an unbalanced transaction', async () => {
    const a = await newAccount();
    await expect(
      t.db.write(() =>
        t.ledger.post({
          communityId: 1,
          kind: 'earn',
          actor: 'user:1',
          description: 'broken',
          postings: [
            { accountId: issuance, amount: -100 },
            { accountId: a, amount: 99 },
          ],
        }),
      ),
    ).rejects.toThrow('unbalanced');
  });

  it('should reverse a transaction once, and refuse a second reversal', async () => {
    const a = await newAccount();
    const earned = await earn(a, 700);
    const reversal = await t.db.write(() =>
      t.ledger.reverse(earned.id, { communityId: 1, actor: 'user:1', reason: 'wrong member' }),
    );
    expect(reversal.reverses).toBe(earned.id);
    await expect(t.ledger.balanceOf(a)).resolves.toBe(0);
    await expect(
      t.db.write(() =>
        t.ledger.reverse(earned.id, { communityId: 1, actor: 'user:1', reason: 'again' }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.ALREADY_REVERSED });
    await expect(
      t.db.write(() =>
        t.ledger.reverse(reversal.id, { communityId: 1, actor: 'user:1', reason: 'undo' }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
  });

  it('should refuse to reverse points that were already spent', async () => {
    const a = await newAccount();
    const earned = await earn(a, 500);
    await redeem(a, 400);
    await expect(
      t.db.write(() =>
        t.ledger.reverse(earned.id, { communityId: 1, actor: 'user:1', reason: 'late correction' }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.INSUFFICIENT_POINTS, details: { shortBy: '4.00' } });
    await expect(t.ledger.balanceOf(a)).resolves.toBe(100);
  });

  it('should page a statement newest first with the balance after each entry', async () => {
    const a = await newAccount();
    for (const cents of [100, 200, 300, 400, 500]) {
      await earn(a, cents);
    }
    await redeem(a, 250);
    const first = await t.ledger.statement(a, { limit: 4 });
    expect(first.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['redeem', '-2.50', '12.50'],
      ['earn', '+5.00', '15.00'],
      ['earn', '+4.00', '10.00'],
      ['earn', '+3.00', '6.00'],
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.ledger.statement(a, {
      limit: 4,
      beforeSeq: decodeSeqCursor(first.nextCursor!),
    });
    expect(second.entries.map((e) => [e.amount, e.balanceAfter])).toEqual([
      ['+2.00', '3.00'],
      ['+1.00', '1.00'],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('should keep seq gapless and the hash chain intact', async () => {
    const rows: { seq: unknown }[] = await t.db.read((em) =>
      em.query('SELECT seq FROM ledger_transactions ORDER BY seq'),
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_r, i) => i + 1));
    const result = await t.ledger.verify(1);
    expect(result).toMatchObject({ ok: true, transactions: rows.length });
  });

  it('should have the database refuse UPDATE and DELETE of ledger rows', async () => {
    const a = await newAccount();
    await earn(a, 100);
    for (const stmt of [
      'UPDATE postings SET amount = amount + 1',
      'DELETE FROM postings',
      "UPDATE ledger_transactions SET description = 'x'",
      'DELETE FROM ledger_transactions',
    ]) {
      await expect(t.db.write((em) => em.query(stmt))).rejects.toThrow(/append-only/);
    }
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
  });

  it('should store and hash a description with a lone surrogate the same way, so verify stays ok', async () => {
    const a = await newAccount();
    await t.db.write(() =>
      t.ledger.post({
        communityId: 1,
        kind: 'earn',
        actor: 'user:1',
        description: 'bad \ud800 text',
        postings: [
          { accountId: issuance, amount: -100 },
          { accountId: a, amount: 100 },
        ],
      }),
    );
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
  });
});
