import { AccountYearTotals1764016100000 } from '../migrations/1764016100000-AccountYearTotals';
import { createTestContext, TestContext } from './support/test-app';

/** A change made behind the service's back (triggers dropped, row edited) is found by verify. */
describe('ledger verify against tampering', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('should name the seq of a posting changed directly in the database', async () => {
    const issuance = await t.ledger.systemAccountId(1, 'issuance');
    const a = await t.db.write(
      async () => (await t.ledger.openAccount(1, 'member', '张三', 'TAMPER1')).id,
    );
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const posted = await t.db.write(() =>
        t.ledger.post({
          communityId: 1,
          kind: 'earn',
          actor: 'user:1',
          description: `earn ${i}`,
          postings: [
            { accountId: issuance, amount: -100 },
            { accountId: a, amount: 100 },
          ],
        }),
      );
      seqs.push(posted.seq);
    }
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true, transactions: seqs[4] });

    const target = seqs[2];
    const isPg = t.db.dialect === 'postgres';
    await t.db.write(async (em) => {
      await em.query('DROP TRIGGER postings_no_update' + (isPg ? ' ON postings' : ''));
      await em.query(
        isPg
          ? 'UPDATE postings SET amount = amount + 500, balance_after = balance_after + 500 WHERE seq = $1 AND account_id = $2'
          : 'UPDATE postings SET amount = amount + 500, balance_after = balance_after + 500 WHERE seq = ? AND account_id = ?',
        [target, a],
      );
    });
    const result = await t.ledger.verify(1);
    expect(result).toEqual({
      ok: false,
      firstBadSeq: target,
      reason: expect.any(String),
      community: { id: 1, code: 'default' },
    });
  });

  it('should find passbook year totals that differ from the ledger, and a backfill that agrees', async () => {
    // A ledger of its own: the test above left this one broken on purpose.
    const t = await createTestContext();
    try {
      const issuance = await t.ledger.systemAccountId(1, 'issuance');
      const a = await t.db.write(
        async () => (await t.ledger.openAccount(1, 'member', '李四', 'TAMPER2')).id,
      );
      const earn = (amount: number, effectiveDate: string) =>
        t.db.write(() =>
          t.ledger.post({
            communityId: 1,
            kind: 'earn',
            actor: 'user:1',
            description: 'earn',
            effectiveDate,
            postings: [
              { accountId: issuance, amount: -amount },
              { accountId: a, amount },
            ],
          }),
        );
      await earn(300, '2025-07-01');
      const undone = await earn(200, '2025-08-01');
      await earn(400, '2026-02-01');
      await t.db.write(() =>
        t.ledger.reverse(undone.id, { communityId: 1, actor: 'user:1', reason: 'test' }),
      );
      const totals = () =>
        t.db.read((em) =>
          em.query(
            `SELECT year, earned, hours FROM account_year_totals WHERE account_id = ${a} ORDER BY year`,
          ),
        );
      const kept = (await totals()).map((r: Record<string, unknown>) => [
        Number(r.year),
        Number(r.earned),
        Number(r.hours),
      ]);
      expect(kept).toEqual([
        [2025, 300, 0],
        [2026, 400, 0],
      ]);
      // The migration's backfill from the ledger gives the same rows.
      const runner = t.db.dataSource.createQueryRunner();
      try {
        await runner.query('DROP TABLE account_year_totals');
        await new AccountYearTotals1764016100000().up(runner);
      } finally {
        if (t.db.dialect === 'postgres') {
          await runner.release();
        }
      }
      expect(
        (await totals()).map((r: Record<string, unknown>) => [
          Number(r.year),
          Number(r.earned),
          Number(r.hours),
        ]),
      ).toEqual(kept);
      await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });

      await t.db.write((em) =>
        em.query(
          `UPDATE account_year_totals SET earned = earned + 100 WHERE account_id = ${a} AND year = 2026`,
        ),
      );
      await expect(t.ledger.verify(1)).resolves.toEqual({
        ok: false,
        firstBadSeq: null,
        reason: `passbook totals of account ${a} for 2026 differ from the ledger: stored earned 5.00 and hours 0.00, the ledger sums to 4.00 and 0.00`,
        community: { id: 1, code: 'default' },
      });
    } finally {
      await t.close();
    }
  });
});

describe('ledger verify while points are being credited', () => {
  it('should find nothing wrong with totals that change under it (one statement compares them)', async () => {
    const t = await createTestContext();
    try {
      const issuance = await t.ledger.systemAccountId(1, 'issuance');
      const accounts = await t.db.write(async () => [
        (await t.ledger.openAccount(1, 'member', '王五', 'VERIFY1')).id,
        (await t.ledger.openAccount(1, 'member', '赵六', 'VERIFY2')).id,
      ]);
      let posting = true;
      const credit = (async () => {
        let n = 0;
        while (posting) {
          const accountId = accounts[n++ % 2];
          await t.db.write(() =>
            t.ledger.post({
              communityId: 1,
              kind: 'earn',
              actor: 'user:1',
              description: 'earn',
              effectiveDate: '2026-06-15',
              postings: [
                { accountId: issuance, amount: -100 },
                { accountId, amount: 100 },
              ],
            }),
          );
        }
        return n;
      })();
      const results = [];
      for (let i = 0; i < 60; i++) {
        results.push(await t.ledger.verify(1));
      }
      posting = false;
      const posted = await credit;
      expect(posted).toBeGreaterThan(0);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });
});
