import { createTestContext, TestContext } from './support/test-app';

/** A change made behind the service's back (triggers dropped, row edited) is found by verify. */
describe('ledger verify against tampering', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('should name the seq of a posting changed directly in the database', async () => {
    const issuance = await t.ledger.systemAccountId('issuance');
    const a = await t.db.write(
      async () => (await t.ledger.openAccount('member', '张三', 'TAMPER1')).id,
    );
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const posted = await t.db.write(() =>
        t.ledger.post({
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
    await expect(t.ledger.verify()).resolves.toMatchObject({ ok: true, transactions: seqs[4] });

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
    const result = await t.ledger.verify();
    expect(result).toEqual({ ok: false, firstBadSeq: target, reason: expect.any(String) });
  });
});
