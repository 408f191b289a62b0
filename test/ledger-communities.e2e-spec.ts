import { Community } from '../src/communities/entities/community.entity';
import { ErrorCode } from '../src/common/errors';
import { LedgerService } from '../src/ledger/ledger.service';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Each community keeps books of its own: accounts, a gapless seq from 1, a hash chain from its own
 * genesis, its own verify and trial balance. Runs on SQLite and (DATABASE_URL) PostgreSQL.
 */
describe('the books of two communities (e2e)', () => {
  let t: TestApp;
  let ledger: LedgerService;
  let f: ReturnType<typeof fixtures>;
  let b: Community;
  /** Member passbook accounts: two in community 1, two in community b. */
  let a1: number;
  let a2: number;
  let b1: number;
  let b2: number;
  let adminB: string;

  const chain = async (communityId: number) =>
    (
      await t.db.read<{ seq: unknown; prev_hash: string; hash: string }[]>((em) =>
        em.query(
          t.db.dialect === 'postgres'
            ? 'SELECT seq, prev_hash, hash FROM ledger_transactions WHERE community_id = $1 ORDER BY seq'
            : 'SELECT seq, prev_hash, hash FROM ledger_transactions WHERE community_id = ? ORDER BY seq',
          [communityId],
        ),
      )
    ).map((r) => ({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash }));

  const counts = async () =>
    t.db.read(async (em) => {
      const [tx] = await em.query('SELECT COUNT(*) AS n FROM ledger_transactions');
      const [p] = await em.query('SELECT COUNT(*) AS n FROM postings');
      const balances: { account_id: unknown; balance: unknown }[] = await em.query(
        'SELECT account_id, balance FROM balances ORDER BY account_id',
      );
      return {
        transactions: Number(tx.n),
        postings: Number(p.n),
        balances: balances.map((r) => [Number(r.account_id), Number(r.balance)]),
      };
    });

  beforeAll(async () => {
    t = await createTestApp();
    ledger = t.app.get(LedgerService);
    f = fixtures(t.app);
    b = await f.newCommunity('b');
    a1 = (await f.newMember()).accountId;
    a2 = (await f.newMember()).accountId;
    b1 = (await f.newMember({ communityId: b.id })).accountId;
    b2 = (await f.newMember({ communityId: b.id })).accountId;
    const admin = await f.newUser('admin', 'admin-b', { communityId: b.id });
    adminB = await f.bearer({ userId: admin.id });
  });
  afterAll(() => t.close());

  it('should give each community a gapless seq from 1 and a chain from its own genesis', async () => {
    // Interleaved, so a seq shared across communities would show as gaps in each.
    for (let i = 0; i < 4; i++) {
      await f.earn(i % 2 ? a2 : a1, 500 + i);
      await f.earn(i % 2 ? b2 : b1, 300 + i, undefined, b.id);
      await f.earn(b1, 100, undefined, b.id);
    }
    await f.redeem(a1, 200);
    await f.redeem(b2, 50, undefined, b.id);

    const own = await chain(1);
    const theirs = await chain(b.id);
    expect(own.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(theirs.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Community 1 continues the chain every installation started from; b starts from its own.
    expect(own[0].prevHash).toBe('0'.repeat(64));
    expect(b.genesisHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.genesisHash).not.toBe('0'.repeat(64));
    expect(theirs[0].prevHash).toBe(b.genesisHash);
    for (const c of [own, theirs]) {
      for (let i = 1; i < c.length; i++) {
        expect(c[i].prevHash).toBe(c[i - 1].hash);
      }
    }

    await expect(ledger.verify(1)).resolves.toEqual({
      ok: true,
      transactions: 5,
      lastHash: own[4].hash,
      community: { id: 1, code: 'default' },
    });
    await expect(ledger.verify(b.id)).resolves.toEqual({
      ok: true,
      transactions: 9,
      lastHash: theirs[8].hash,
      community: { id: b.id, code: 'b' },
    });
    await expect(ledger.verifyAll()).resolves.toEqual({
      ok: true,
      transactions: 14,
      communities: [
        { ok: true, transactions: 5, lastHash: own[4].hash, community: { id: 1, code: 'default' } },
        { ok: true, transactions: 9, lastHash: theirs[8].hash, community: { id: b.id, code: 'b' } },
      ],
    });
  });

  it("should refuse with 404 a posting naming another community's account, and write nothing", async () => {
    const before = await counts();
    const issuanceA = await ledger.systemAccountId(1, 'issuance');
    const issuanceB = await ledger.systemAccountId(b.id, 'issuance');
    const shopB = await ledger.systemAccountId(b.id, 'shop');
    const attempts = [
      // Community 1's issuance crediting a passbook of b.
      { communityId: 1, lines: [issuanceA, b1] },
      // b's own issuance, but posted in community 1's books.
      { communityId: 1, lines: [issuanceB, b1] },
      // b's books, one line on a passbook of community 1.
      { communityId: b.id, lines: [a1, shopB] },
    ];
    for (const { communityId, lines } of attempts) {
      await expect(
        t.db.write(() =>
          ledger.post({
            communityId,
            kind: 'earn',
            actor: 'system:test',
            description: 'across communities',
            postings: [
              { accountId: lines[0], amount: -100 },
              { accountId: lines[1], amount: 100 },
            ],
          }),
        ),
      ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND, message: 'account not found' });
    }
    expect(await counts()).toEqual(before);
    await expect(ledger.verify(1)).resolves.toMatchObject({ ok: true, transactions: 5 });
    await expect(ledger.verify(b.id)).resolves.toMatchObject({ ok: true, transactions: 9 });
  });

  it("should answer an admin's reversal of another community's transaction 404 and reverse in the admin's own books", async () => {
    const [ofA] = (await chain(1)).slice(-1);
    const idOfA: { id: string }[] = await t.db.read((em) =>
      em.query(
        t.db.dialect === 'postgres'
          ? 'SELECT id FROM ledger_transactions WHERE community_id = 1 AND hash = $1'
          : 'SELECT id FROM ledger_transactions WHERE community_id = 1 AND hash = ?',
        [ofA.hash],
      ),
    );
    const before = await counts();
    const refused = await t.http
      .post(`/api/ledger/transactions/${idOfA[0].id}/reversal`)
      .set('Authorization', adminB)
      .set('Idempotency-Key', 'across-1')
      .send({ reason: 'not ours' });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe(ErrorCode.NOT_FOUND);
    expect(await counts()).toEqual(before);

    const earned = await f.earn(b2, 40, undefined, b.id);
    expect(earned.seq).toBe(10);
    const reversed = await t.http
      .post(`/api/ledger/transactions/${earned.id}/reversal`)
      .set('Authorization', adminB)
      .set('Idempotency-Key', 'own-1')
      .send({ reason: 'entered twice' });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toEqual({
      transactionId: expect.any(String),
      reverses: earned.id,
      seq: 11,
    });
    expect((await chain(1)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await chain(b.id)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('should keep a trial balance per community and for all', async () => {
    // Each community: issuance, shop and two passbooks.
    const accountsOf = async (communityId: number) =>
      (
        await t.db.read<{ n: unknown }[]>((em) =>
          em.query(
            t.db.dialect === 'postgres'
              ? 'SELECT COUNT(*) AS n FROM accounts WHERE community_id = $1'
              : 'SELECT COUNT(*) AS n FROM accounts WHERE community_id = ?',
            [communityId],
          ),
        )
      ).map((r) => Number(r.n))[0];
    const nA = await accountsOf(1);
    const nB = await accountsOf(b.id);
    expect([nA, nB]).toEqual([4, 4]);
    const own = {
      ok: true,
      sum: '0.00',
      accounts: nA,
      mismatched: [],
      community: { id: 1, code: 'default' },
    };
    const theirs = {
      ok: true,
      sum: '0.00',
      accounts: nB,
      mismatched: [],
      community: { id: b.id, code: 'b' },
    };
    await expect(ledger.trialBalance(1)).resolves.toEqual(own);
    await expect(ledger.trialBalance(b.id)).resolves.toEqual(theirs);
    await expect(ledger.trialBalance()).resolves.toEqual({
      ok: true,
      sum: '0.00',
      accounts: nA + nB,
      mismatched: [],
      communities: [own, theirs],
    });
    // Balances as posted: b1 earned 300 + 302 + 4 × 100, b2 301 + 303 − 50 (+40 − 40).
    await expect(ledger.balanceOf(b1)).resolves.toBe(1002);
    await expect(ledger.balanceOf(b2)).resolves.toBe(554);
    await expect(ledger.balanceOf(a1)).resolves.toBe(500 + 502 - 200);
  });

  it("should answer GET /api/ledger/verify and /trial-balance for the admin's own community", async () => {
    const own = await chain(1);
    const theirs = await chain(b.id);
    const verifyA = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(verifyA.status).toBe(200);
    expect(verifyA.body).toEqual({
      ok: true,
      transactions: 5,
      lastHash: own[4].hash,
      community: { id: 1, code: 'default' },
    });
    const verifyB = await t.http.get('/api/ledger/verify').set('Authorization', adminB);
    expect(verifyB.body).toEqual({
      ok: true,
      transactions: 11,
      lastHash: theirs[10].hash,
      community: { id: b.id, code: 'b' },
    });
    const tbA = await t.http.get('/api/ledger/trial-balance').set('Authorization', t.adminAuth);
    expect(tbA.body).toEqual({
      ok: true,
      sum: '0.00',
      accounts: 4,
      community: { id: 1, code: 'default' },
    });
    const tbB = await t.http.get('/api/ledger/trial-balance').set('Authorization', adminB);
    expect(tbB.body).toEqual({
      ok: true,
      sum: '0.00',
      accounts: 4,
      community: { id: b.id, code: 'b' },
    });

    // A street-office user reads verify results through the office's views, not the admin's route;
    // a clerk of b is no admin.
    const office = await f.bearer({ userId: (await f.newUser('office')).id });
    const clerkB = await f.bearer({
      userId: (await f.newUser('clerk', undefined, { communityId: b.id })).id,
    });
    for (const auth of [office, clerkB]) {
      for (const path of ['/api/ledger/verify', '/api/ledger/trial-balance']) {
        const res = await t.http.get(path).set('Authorization', auth);
        expect([path, res.status]).toEqual([path, 403]);
      }
    }
  });

  it('should verify one community while the other is tampered, naming the tampered community and seq', async () => {
    const isPg = t.db.dialect === 'postgres';
    const target = 3;
    await t.db.write(async (em) => {
      await em.query('DROP TRIGGER postings_no_update' + (isPg ? ' ON postings' : ''));
      await em.query(
        isPg
          ? `UPDATE postings SET amount = amount + 1, balance_after = balance_after + 1
               WHERE account_id = $1 AND transaction_id =
                 (SELECT id FROM ledger_transactions WHERE community_id = $2 AND seq = $3)`
          : `UPDATE postings SET amount = amount + 1, balance_after = balance_after + 1
               WHERE account_id = ? AND transaction_id =
                 (SELECT id FROM ledger_transactions WHERE community_id = ? AND seq = ?)`,
        [b2, b.id, target],
      );
    });
    const own = await chain(1);
    await expect(ledger.verify(1)).resolves.toEqual({
      ok: true,
      transactions: 5,
      lastHash: own[4].hash,
      community: { id: 1, code: 'default' },
    });
    const broken = {
      ok: false,
      firstBadSeq: target,
      reason: 'postings do not balance',
      community: { id: b.id, code: 'b' },
    };
    await expect(ledger.verify(b.id)).resolves.toEqual(broken);
    await expect(ledger.verifyAll()).resolves.toEqual({
      ...broken,
      communities: [
        { ok: true, transactions: 5, lastHash: own[4].hash, community: { id: 1, code: 'default' } },
        broken,
      ],
    });
    const verifyA = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(verifyA.body).toMatchObject({ ok: true, community: { id: 1, code: 'default' } });
    const verifyB = await t.http.get('/api/ledger/verify').set('Authorization', adminB);
    expect(verifyB.body).toEqual(broken);
    // The stored balance of b2 no longer equals its postings: b's trial balance names it.
    await expect(ledger.trialBalance(b.id)).resolves.toMatchObject({ ok: false, mismatched: [b2] });
    await expect(ledger.trialBalance(1)).resolves.toMatchObject({ ok: true });
  });
});
