import { EntityManager } from 'typeorm';
import { Database, sql } from '../common/db/database';
import { Cents, formatCents, toSafeInteger } from '../common/points';
import { transactionHash } from './ledger-hash';
import { yearTotalsFromLedgerSql } from './ledger-sql';

/** The community a verify result is about: each community's ledger is a chain of its own. */
export interface CommunityRef {
  id: number;
  code: string;
}

export type VerifyResult =
  | { ok: true; transactions: number; lastHash: string; community: CommunityRef }
  | { ok: false; firstBadSeq: number | null; reason: string; community: CommunityRef };

/** Every community's chain: ok only when each is; `communities` lists each one's own result. */
export type VerifyAllResult =
  | { ok: true; transactions: number; communities: VerifyResult[] }
  | {
      ok: false;
      firstBadSeq: number | null;
      reason: string;
      community: CommunityRef;
      communities: VerifyResult[];
    };

/** Balances sum to zero and each stored balance equals the sum of its postings. */
export interface TrialBalance {
  ok: boolean;
  sum: string;
  accounts: number;
  /** Accounts whose stored balance differs from the sum of their postings. */
  mismatched: number[];
}

/** One community's trial balance: its own accounts, issuance and shop included. */
export interface CommunityTrialBalance extends TrialBalance {
  community: CommunityRef;
}

/** Every account of every community together, and each community's books on their own. */
export interface TrialBalanceAll extends TrialBalance {
  communities: CommunityTrialBalance[];
}

export interface VerifyOptions {
  /** Transactions read per query (default 2000). */
  batch?: number;
  /** Let the event loop turn between batches (a service verifying a backup beside its own work). */
  yieldBetweenBatches?: boolean;
}

const VERIFY_BATCH = 2000;

/**
 * The ledger's one verification rule: recomputes the hash chain, the running balance of every
 * posting and the stored balances. It only reads, through any Database: the service's own, or a
 * read-only one opened by `npm run ledger:verify` or a backup check. Reads in batches so a long
 * verify does not hold up the write queue.
 */
export async function verifyLedger(
  db: Database,
  options: VerifyOptions = {},
): Promise<VerifyAllResult> {
  const communities: { id: unknown; code: string }[] = await db.read((em) =>
    em.query('SELECT id, code FROM communities ORDER BY id'),
  );
  const results: VerifyResult[] = [];
  let transactions = 0;
  for (const c of communities) {
    const result = await verifyCommunityLedger(db, toSafeInteger(c.id), options);
    results.push(result);
    if (result.ok) {
      transactions += result.transactions;
    }
  }
  const bad = results.find((r) => !r.ok);
  if (bad && !bad.ok) {
    return { ...bad, communities: results };
  }
  return { ok: true, transactions, communities: results };
}

/**
 * One community's chain: its transactions in seq order from its genesis hash, the running balances
 * of its accounts, their stored balances and passbook year totals. A result names the community.
 */
export async function verifyCommunityLedger(
  db: Database,
  communityId: number,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const rows: { id: unknown; code: string; genesis_hash: string }[] = await db.read((em) =>
    em.query(sql(db, 'SELECT id, code, genesis_hash FROM communities WHERE id = ?'), [communityId]),
  );
  if (!rows.length) {
    throw new Error(`no community ${communityId}`);
  }
  const community: CommunityRef = { id: communityId, code: rows[0].code };
  const result = await verifyChain(db, communityId, rows[0].genesis_hash, options);
  return { ...result, community };
}

async function verifyChain(
  db: Database,
  communityId: number,
  genesisHash: string,
  options: VerifyOptions,
): Promise<
  | { ok: true; transactions: number; lastHash: string }
  | { ok: false; firstBadSeq: number | null; reason: string }
> {
  const batchSize = options.batch ?? VERIFY_BATCH;
  const running = new Map<number, Cents>();
  let prevHash = genesisHash;
  let expectedSeq = 1;
  for (;;) {
    const batch = await db.read((em) => loadBatch(db, em, communityId, expectedSeq - 1, batchSize));
    if (batch.length === 0) {
      break;
    }
    for (const t of batch) {
      if (t.seq !== expectedSeq) {
        return { ok: false, firstBadSeq: expectedSeq, reason: `seq ${expectedSeq} is missing` };
      }
      if (t.prevHash !== prevHash) {
        return { ok: false, firstBadSeq: t.seq, reason: 'previous-hash link broken' };
      }
      let sum = 0;
      for (const p of t.postings) {
        sum += p.amount;
        const after = (running.get(p.accountId) ?? 0) + p.amount;
        running.set(p.accountId, after);
        if (after !== p.balanceAfter) {
          return {
            ok: false,
            firstBadSeq: t.seq,
            reason: `balance after posting to account ${p.accountId} does not add up`,
          };
        }
      }
      if (sum !== 0 || t.postings.length < 2) {
        return { ok: false, firstBadSeq: t.seq, reason: 'postings do not balance' };
      }
      if (transactionHash(prevHash, t) !== t.hash) {
        return { ok: false, firstBadSeq: t.seq, reason: 'hash does not match content' };
      }
      prevHash = t.hash;
      expectedSeq++;
    }
    if (options.yieldBetweenBatches) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const transactions = expectedSeq - 1;
  const stored = await db.read(async (em) => {
    const balances: { account_id: unknown; balance: unknown }[] = await em.query(
      sql(
        db,
        `SELECT b.account_id, b.balance FROM balances b JOIN accounts a ON a.id = b.account_id
          WHERE a.community_id = ?`,
      ),
      [communityId],
    );
    const maxRow: { m: unknown }[] = await em.query(
      sql(db, 'SELECT MAX(seq) AS m FROM ledger_transactions WHERE community_id = ?'),
      [communityId],
    );
    return {
      rows: balances.map((b) => ({
        accountId: toSafeInteger(b.account_id),
        balance: toSafeInteger(b.balance),
      })),
      maxSeq: maxRow[0].m === null ? 0 : toSafeInteger(maxRow[0].m),
      totals: await yearTotalsDiffering(db, em, communityId),
    };
  });
  // Appends that landed after the walk are not the verifier's concern; compare only if none did.
  if (stored.maxSeq === transactions) {
    for (const b of stored.rows) {
      if ((running.get(b.accountId) ?? 0) !== b.balance) {
        return {
          ok: false,
          firstBadSeq: null,
          reason: `stored balance of account ${b.accountId} differs from its postings`,
        };
      }
    }
    const bad = stored.totals;
    if (bad) {
      return {
        ok: false,
        firstBadSeq: null,
        reason: `passbook totals of account ${bad.accountId} for ${bad.year} differ from the ledger: stored earned ${formatCents(bad.stored.earned)} and hours ${formatCents(bad.stored.hours)}, the ledger sums to ${formatCents(bad.ledger.earned)} and ${formatCents(bad.ledger.hours)}`,
      };
    }
  }
  return { ok: true, transactions, lastHash: prevHash };
}

interface YearTotal {
  earned: Cents;
  hours: Cents;
}

/**
 * The first passbook year whose stored totals (account_year_totals) differ from the ledger's sums,
 * a missing row counting as zeros; null when all agree.
 */
async function yearTotalsDiffering(
  db: Database,
  em: EntityManager,
  communityId: number,
): Promise<{ accountId: number; year: number; stored: YearTotal; ledger: YearTotal } | null> {
  // One statement, so both sides are read at one moment: on PostgreSQL two statements would each see
  // their own snapshot, and a posting committed between them would look like a tampered total.
  const rows: {
    account_id: unknown;
    year: unknown;
    ledger_earned: unknown;
    ledger_hours: unknown;
    stored_earned: unknown;
    stored_hours: unknown;
  }[] = await em.query(
    sql(
      db,
      `SELECT x.account_id, x.year,
            SUM(ledger_earned) AS ledger_earned, SUM(ledger_hours) AS ledger_hours,
            SUM(stored_earned) AS stored_earned, SUM(stored_hours) AS stored_hours
       FROM (SELECT account_id, year, earned AS ledger_earned, hours AS ledger_hours,
                    0 AS stored_earned, 0 AS stored_hours
               FROM (${yearTotalsFromLedgerSql({ oneCommunity: true })}) l
             UNION ALL
             SELECT y.account_id, y.year, 0, 0, y.earned, y.hours
               FROM account_year_totals y JOIN accounts a ON a.id = y.account_id
              WHERE a.community_id = ?) x
      GROUP BY x.account_id, x.year
     HAVING SUM(ledger_earned) <> SUM(stored_earned) OR SUM(ledger_hours) <> SUM(stored_hours)
      ORDER BY x.account_id, x.year
      LIMIT 1`,
    ),
    // The community's id for each of the ledger side's three parts and for the stored side.
    [communityId, communityId, communityId, communityId],
  );
  if (!rows.length) {
    return null;
  }
  const r = rows[0];
  return {
    accountId: toSafeInteger(r.account_id),
    year: toSafeInteger(r.year),
    stored: { earned: toSafeInteger(r.stored_earned), hours: toSafeInteger(r.stored_hours) },
    ledger: { earned: toSafeInteger(r.ledger_earned), hours: toSafeInteger(r.ledger_hours) },
  };
}

/**
 * Sum of the balances (must be zero) and whether each balance equals the sum of its postings: of
 * one community's accounts, or (`communityId` omitted) of every community's together and of each
 * on its own. Each community's books balance on their own, so their sum does too.
 */
export function trialBalance(db: Database, communityId: number): Promise<CommunityTrialBalance>;
export function trialBalance(db: Database): Promise<TrialBalanceAll>;
export function trialBalance(
  db: Database,
  communityId?: number,
): Promise<CommunityTrialBalance | TrialBalanceAll> {
  return db.read(async (em) => {
    const one = communityId !== undefined;
    const communities: { id: unknown; code: string }[] = await em.query(
      sql(db, `SELECT id, code FROM communities${one ? ' WHERE id = ?' : ''} ORDER BY id`),
      one ? [communityId] : [],
    );
    if (one && !communities.length) {
      throw new Error(`no community ${communityId}`);
    }
    const rows: {
      community_id: unknown;
      account_id: unknown;
      balance: unknown;
      posted: unknown;
    }[] = await em.query(
      sql(
        db,
        `SELECT a.community_id, b.account_id, b.balance, COALESCE(s.total, 0) AS posted
             FROM balances b
             JOIN accounts a ON a.id = b.account_id
             LEFT JOIN (SELECT p.account_id, SUM(p.amount) AS total FROM postings p
                          ${one ? 'JOIN accounts pa ON pa.id = p.account_id WHERE pa.community_id = ?' : ''}
                         GROUP BY p.account_id) s
               ON s.account_id = b.account_id
            ${one ? 'WHERE a.community_id = ?' : ''}`,
      ),
      one ? [communityId, communityId] : [],
    );
    const byCommunity = new Map<number, { sum: number; accounts: number; mismatched: number[] }>(
      communities.map((c) => [toSafeInteger(c.id), { sum: 0, accounts: 0, mismatched: [] }]),
    );
    const all = { sum: 0, accounts: 0, mismatched: [] as number[] };
    for (const r of rows) {
      const balance = toSafeInteger(r.balance);
      const accountId = toSafeInteger(r.account_id);
      const c = byCommunity.get(toSafeInteger(r.community_id));
      for (const t of c ? [all, c] : [all]) {
        t.sum += balance;
        t.accounts++;
        if (balance !== toSafeInteger(r.posted)) {
          t.mismatched.push(accountId);
        }
      }
    }
    const result = (t: { sum: number; accounts: number; mismatched: number[] }): TrialBalance => ({
      ok: t.sum === 0 && t.mismatched.length === 0,
      sum: formatCents(t.sum),
      accounts: t.accounts,
      mismatched: t.mismatched.sort((a, b) => a - b),
    });
    const each = communities.map((c): CommunityTrialBalance => ({
      ...result(byCommunity.get(toSafeInteger(c.id))!),
      community: { id: toSafeInteger(c.id), code: c.code },
    }));
    if (one) {
      return each[0];
    }
    const total = result(all);
    return { ...total, ok: total.ok && each.every((c) => c.ok), communities: each };
  });
}

async function loadBatch(
  db: Database,
  em: EntityManager,
  communityId: number,
  afterSeq: number,
  limit: number,
) {
  const txs: Record<string, unknown>[] = await em.query(
    sql(
      db,
      `SELECT id, seq, kind, effective_date, created_at, actor, reverses, description, meta, prev_hash, hash
       FROM ledger_transactions WHERE community_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    [communityId, afterSeq, limit],
  );
  if (txs.length === 0) {
    return [];
  }
  const lastSeq = toSafeInteger(txs[txs.length - 1].seq);
  const postings: {
    transaction_id: string;
    account_id: unknown;
    amount: unknown;
    balance_after: unknown;
  }[] = await em.query(
    sql(
      db,
      `SELECT p.transaction_id, p.account_id, p.amount, p.balance_after
         FROM ledger_transactions t JOIN postings p ON p.transaction_id = t.id
        WHERE t.community_id = ? AND t.seq > ? AND t.seq <= ? ORDER BY t.seq, p.account_id`,
    ),
    [communityId, afterSeq, lastSeq],
  );
  const byTx = new Map<string, { accountId: number; amount: number; balanceAfter: number }[]>();
  for (const p of postings) {
    const list = byTx.get(p.transaction_id) ?? [];
    list.push({
      accountId: toSafeInteger(p.account_id),
      amount: toSafeInteger(p.amount),
      balanceAfter: toSafeInteger(p.balance_after),
    });
    byTx.set(p.transaction_id, list);
  }
  return txs.map((t) => ({
    id: t.id as string,
    seq: toSafeInteger(t.seq),
    kind: t.kind as string,
    effectiveDate: t.effective_date as string,
    createdAt: t.created_at as string,
    actor: t.actor as string,
    reverses: (t.reverses as string | null) ?? null,
    description: t.description as string,
    meta: (t.meta as string | null) ?? null,
    prevHash: t.prev_hash as string,
    hash: t.hash as string,
    postings: byTx.get(t.id as string) ?? [],
  }));
}
