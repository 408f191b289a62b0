import { Client } from 'pg';
import { Community } from '../../src/communities/entities/community.entity';
import { LedgerService, PostedTransaction } from '../../src/ledger/ledger.service';
import { fixtures } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor, withinMs } from '../support/wait';

/** The advisory-lock space of ledger appends (ledger.service.ts): one key per community. */
const LEDGER_LOCK_SPACE = 7_031_947;

/**
 * Two service instances on one PostgreSQL database and two communities: each community's appends
 * take that community's lock only, so appends of different communities run side by side, across
 * instances and within one, while each chain stays gapless.
 */
describe('appends of two communities across two instances (PostgreSQL)', () => {
  let one: TestApp;
  let two: TestApp;
  let b: Community;
  let memberA: number;
  let memberB: number;

  const seqsOf = async (communityId: number) =>
    (
      await one.db.read<{ seq: unknown }[]>((em) =>
        em.query('SELECT seq FROM ledger_transactions WHERE community_id = $1 ORDER BY seq', [
          communityId,
        ]),
      )
    ).map((r) => Number(r.seq));
  const gapless = (n: number) => Array.from({ length: n }, (_v, i) => i + 1);

  beforeAll(async () => {
    one = await createTestApp();
    if (one.db.dialect !== 'postgres') {
      throw new Error('test/pg/ runs on PostgreSQL only');
    }
    two = await createTestApp({ share: one });
    const f = fixtures(one.app);
    b = await f.newCommunity('b');
    memberA = (await f.newMember()).accountId;
    memberB = (await f.newMember({ communityId: b.id })).accountId;
  });
  afterAll(async () => {
    await two.close();
    await one.close();
  });

  it("should append in b while a's lock is held, and append in a once it is released", async () => {
    const database = one.store.database;
    if (database.type !== 'postgres') {
      throw new Error('test/pg/ runs on PostgreSQL only');
    }
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    let inA: Promise<PostedTransaction> | undefined;
    try {
      // Community 1's ledger lock, held by someone else in an open transaction.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, $2)', [LEDGER_LOCK_SPACE, 1]);

      let aDone = false;
      inA = fixtures(one.app)
        .earn(memberA, 100)
        .finally(() => (aDone = true));
      // The posting in community 1 is waiting for that lock (and only for it).
      await waitFor(async () => (await waitingOnLedgerLock(holder, 1)) === 1, 10_000);

      // Meanwhile b's appends go through, on the other instance and on the same one.
      const inB: PostedTransaction[] = [];
      for (const app of [two, one, two]) {
        inB.push(
          await withinMs(
            fixtures(app.app).earn(memberB, 100, undefined, b.id),
            10_000,
            "b's posting while a's lock is held",
          ),
        );
      }
      expect(inB.map((p) => p.seq)).toEqual([1, 2, 3]);
      expect(aDone).toBe(false);
      expect(await waitingOnLedgerLock(holder, 1)).toBe(1);
      expect(await seqsOf(1)).toEqual([]);

      await holder.query('COMMIT');
      const posted = await withinMs(inA, 10_000, "a's posting after the release");
      expect(posted.seq).toBe(1);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await inA?.catch(() => undefined);
    }
    expect(await seqsOf(1)).toEqual([1]);
    expect(await seqsOf(b.id)).toEqual([1, 2, 3]);
    await expect(two.app.get(LedgerService).verify(1)).resolves.toMatchObject({
      ok: true,
      transactions: 1,
    });
    await expect(one.app.get(LedgerService).verify(b.id)).resolves.toMatchObject({
      ok: true,
      transactions: 3,
    });
  });

  it('should keep both chains gapless through a burst of parallel postings in both communities on both instances', async () => {
    const beforeA = (await seqsOf(1)).length;
    const beforeB = (await seqsOf(b.id)).length;
    const balanceA = await one.app.get(LedgerService).balanceOf(memberA);
    const balanceB = await one.app.get(LedgerService).balanceOf(memberB);
    const N = 60;
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_v, i) => {
        const app = i % 2 ? one : two;
        // Alternating pairs: each instance posts in both communities.
        return Math.floor(i / 2) % 2
          ? fixtures(app.app).earn(memberB, 10, undefined, b.id)
          : fixtures(app.app).earn(memberA, 10);
      }),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed.map((r) => String(r.reason))).toEqual([]);

    expect(await seqsOf(1)).toEqual(gapless(beforeA + N / 2));
    expect(await seqsOf(b.id)).toEqual(gapless(beforeB + N / 2));
    await expect(two.app.get(LedgerService).balanceOf(memberA)).resolves.toBe(
      balanceA + (N / 2) * 10,
    );
    await expect(two.app.get(LedgerService).balanceOf(memberB)).resolves.toBe(
      balanceB + (N / 2) * 10,
    );
    for (const app of [one, two]) {
      const verify = await app.app.get(LedgerService).verifyAll();
      expect(verify).toMatchObject({
        ok: true,
        transactions: beforeA + beforeB + N,
        communities: [
          { ok: true, transactions: beforeA + N / 2, community: { id: 1, code: 'default' } },
          { ok: true, transactions: beforeB + N / 2, community: { id: b.id, code: 'b' } },
        ],
      });
    }
    await expect(one.app.get(LedgerService).trialBalance()).resolves.toMatchObject({
      ok: true,
      sum: '0.00',
    });
  });
});

/** Backends waiting (not granted) for a community's ledger lock. */
async function waitingOnLedgerLock(client: Client, communityId: number): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT COUNT(*) AS n FROM pg_locks
      WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND objsubid = 2 AND NOT granted`,
    [LEDGER_LOCK_SPACE, communityId],
  );
  return Number(rows[0].n);
}
