import { LedgerService } from '../../src/ledger/ledger.service';
import { ErrorCode } from '../../src/common/errors';
import { fixtures } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Two service instances on one store. On PostgreSQL they are truly concurrent (separate pools, no
 * shared queue), which is what a district running several instances relies on.
 */
describe('two instances on one database', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ share: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('should let exactly 10 of 50 concurrent debits split across both through a 10-point balance', async () => {
    const member = await fixtures(a.app).newMember();
    await fixtures(a.app).earn(member.accountId, 1000);
    const shop = await a.app.get(LedgerService).systemAccountId(1, 'shop');
    const debit = (t: TestApp) =>
      t.db.write(() =>
        t.app.get(LedgerService).post({
          communityId: 1,
          kind: 'redeem',
          actor: 'system:test',
          description: 'concurrent debit',
          postings: [
            { accountId: member.accountId, amount: -100 },
            { accountId: shop, amount: 100 },
          ],
        }),
      );
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_v, i) => debit(i % 2 ? a : b)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) =>
        r.status === 'rejected' &&
        (r.reason as { code?: string }).code === ErrorCode.INSUFFICIENT_POINTS,
    );
    console.log(
      results
        .filter((r) => r.status === 'rejected' && !(r.reason as { code?: string }).code)
        .map((r) => String((r as PromiseRejectedResult).reason))
        .slice(0, 2),
    );
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    await expect(b.app.get(LedgerService).balanceOf(member.accountId)).resolves.toBe(0);

    const seqs: { seq: unknown }[] = await a.db.read((em) =>
      em.query('SELECT seq FROM ledger_transactions ORDER BY seq'),
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual(seqs.map((_r, i) => i + 1));
    const verify = await b.http.get('/api/ledger/verify').set('Authorization', b.adminAuth);
    expect(verify.body).toMatchObject({ ok: true, transactions: seqs.length });
  });

  it('should replay one idempotent request sent to both instances at once', async () => {
    const member = await fixtures(a.app).newMember();
    const earned = await fixtures(a.app).earn(member.accountId, 500);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_v, i) =>
        (i % 2 ? a : b).http
          .post(`/api/ledger/transactions/${earned.id}/reversal`)
          .set('Authorization', a.adminAuth)
          .set('Idempotency-Key', 'two-instances-1')
          .send({ reason: 'entered twice' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.body.transactionId)).size).toBe(1);
    await expect(a.app.get(LedgerService).balanceOf(member.accountId)).resolves.toBe(0);
  });
});
