import fc from 'fast-check';
import { ErrorCode } from '../common/errors';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { LedgerService } from './ledger.service';

/**
 * Model-based: random sequences of earns, redemptions, transfers and reversals run against the real
 * ledger on a real database and against a few lines of in-memory model; every accept/refuse decision
 * and every balance must agree.
 */
type Op =
  | { type: 'earn'; who: number; cents: number }
  | { type: 'redeem'; who: number; cents: number }
  | { type: 'transfer'; from: number; to: number; cents: number }
  | { type: 'reverse'; pick: number };

interface ModelTx {
  deltas: Map<number, number>;
  reversed: boolean;
  isReversal: boolean;
}

const PEOPLE = 4;

describe(`${LedgerService.name} against a model`, () => {
  let t: TestContext;
  let issuance: number;
  let shop: number;

  beforeAll(async () => {
    t = await createTestContext();
    issuance = await t.ledger.systemAccountId(1, 'issuance');
    shop = await t.ledger.systemAccountId(1, 'shop');
  });
  afterAll(() => t.close());

  const opArb: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      type: fc.constant('earn' as const),
      who: fc.nat(PEOPLE - 1),
      cents: fc.integer({ min: 1, max: 2000 }),
    }),
    fc.record({
      type: fc.constant('redeem' as const),
      who: fc.nat(PEOPLE - 1),
      cents: fc.integer({ min: 1, max: 1500 }),
    }),
    fc.record({
      type: fc.constant('transfer' as const),
      from: fc.nat(PEOPLE - 1),
      to: fc.nat(PEOPLE - 1),
      cents: fc.integer({ min: 1, max: 1000 }),
    }),
    fc.record({ type: fc.constant('reverse' as const), pick: fc.nat(1000) }),
  );

  let run = 0;
  it('should accept, refuse and balance exactly as the model does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        run++;
        const accounts: number[] = await t.db.write(async () => {
          const ids: number[] = [];
          for (let i = 0; i < PEOPLE; i++) {
            ids.push((await t.ledger.openAccount(1, 'member', `m${run}-${i}`, null)).id);
          }
          return ids;
        });
        const model = new Map<number, number>(accounts.map((a) => [a, 0]));
        const modelTxs: ModelTx[] = [];
        const realTxs: string[] = [];

        for (const op of ops) {
          let postings: { accountId: number; amount: number }[] | null = null;
          let kind: 'earn' | 'redeem' | 'donation' = 'earn';
          if (op.type === 'earn') {
            postings = [
              { accountId: issuance, amount: -op.cents },
              { accountId: accounts[op.who], amount: op.cents },
            ];
          } else if (op.type === 'redeem') {
            kind = 'redeem';
            postings = [
              { accountId: accounts[op.who], amount: -op.cents },
              { accountId: shop, amount: op.cents },
            ];
          } else if (op.type === 'transfer') {
            if (op.from === op.to) {
              continue;
            }
            kind = 'donation';
            postings = [
              { accountId: accounts[op.from], amount: -op.cents },
              { accountId: accounts[op.to], amount: op.cents },
            ];
          }

          if (postings) {
            const expectOk = postings.every(
              (p) => !model.has(p.accountId) || model.get(p.accountId)! + p.amount >= 0,
            );
            const outcome = await t.db
              .write(() =>
                t.ledger.post({
                  communityId: 1,
                  kind,
                  actor: 'model',
                  description: op.type,
                  postings: postings,
                }),
              )
              .then(
                (posted) => ({ ok: true as const, id: posted.id }),
                (err: { code?: string }) => ({ ok: false as const, code: err.code }),
              );
            expect(outcome.ok).toBe(expectOk);
            if (outcome.ok) {
              const deltas = new Map<number, number>();
              for (const p of postings) {
                if (model.has(p.accountId)) {
                  model.set(p.accountId, model.get(p.accountId)! + p.amount);
                  deltas.set(p.accountId, p.amount);
                }
              }
              modelTxs.push({ deltas, reversed: false, isReversal: false });
              realTxs.push(outcome.id);
            } else {
              expect(outcome.code).toBe(ErrorCode.INSUFFICIENT_POINTS);
            }
          } else if (op.type === 'reverse' && modelTxs.length > 0) {
            const k = op.pick % modelTxs.length;
            const target = modelTxs[k];
            const expectCode = target.isReversal
              ? ErrorCode.CONFLICT
              : target.reversed
                ? ErrorCode.ALREADY_REVERSED
                : [...target.deltas].some(([acc, d]) => model.get(acc)! - d < 0)
                  ? ErrorCode.INSUFFICIENT_POINTS
                  : null;
            const outcome = await t.db
              .write(() =>
                t.ledger.reverse(realTxs[k], { communityId: 1, actor: 'model', reason: 'model' }),
              )
              .then(
                (posted) => ({ ok: true as const, id: posted.id }),
                (err: { code?: string }) => ({ ok: false as const, code: err.code }),
              );
            if (expectCode === null) {
              expect(outcome).toEqual({ ok: true, id: expect.any(String) });
              const deltas = new Map<number, number>();
              for (const [acc, d] of target.deltas) {
                model.set(acc, model.get(acc)! - d);
                deltas.set(acc, -d);
              }
              target.reversed = true;
              modelTxs.push({ deltas, reversed: false, isReversal: true });
              realTxs.push((outcome as { id: string }).id);
            } else {
              expect(outcome).toEqual({ ok: false, code: expectCode });
            }
          }
        }
        for (const a of accounts) {
          expect(await t.ledger.balanceOf(a)).toBe(model.get(a));
        }
      }),
      { numRuns: 40, seed: 20261121 },
    );
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
    await expect(t.ledger.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
  });
});
