import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, localDate } from '../common/clock';
import { Database, sql, WriteStatement } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { decodeCursor, encodeCursor } from '../common/pagination';
import {
  assertCents,
  Cents,
  formatCents,
  formatSignedCents,
  parseCents,
  toSafeInteger,
} from '../common/points';
import { toWellFormedText } from '../common/validation';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Account, AccountKind, Balance, OWNED_ACCOUNT_KINDS } from './entities/account.entity';
import { LedgerTransaction, Posting, TransactionKind } from './entities/ledger-transaction.entity';
import { transactionHash } from './ledger-hash';
import {
  CommunityTrialBalance,
  trialBalance,
  TrialBalanceAll,
  verifyCommunityLedger,
  VerifyAllResult,
  verifyLedger,
  VerifyResult,
} from './ledger-verifier';

export type {
  CommunityTrialBalance,
  TrialBalanceAll,
  VerifyAllResult,
  VerifyResult,
} from './ledger-verifier';

export interface PostingLine {
  accountId: number;
  /** Signed hundredths; the lines of one transaction sum to zero. */
  amount: Cents;
}

export interface PostRequest {
  /** The community whose books the transaction is written in; every account must be of it. */
  communityId: number;
  kind: TransactionKind;
  /** Local date the points belong to (service date for earns, today for most others). */
  effectiveDate?: string;
  /** Who did it: "user:3", "member:12", "system". */
  actor: string;
  description: string;
  postings: PostingLine[];
  reverses?: string;
  meta?: Record<string, unknown>;
  /**
   * The caller's own rows that name the new transaction (a service record's or a redemption's
   * transaction id), written in the same statement as the ledger's rows (`Database.writeAll`), so
   * they cost no round trip of their own while the community's lock is held. They must not touch
   * the ledger's own tables (transactions, postings, balances, year totals) nor one row twice: on
   * PostgreSQL the statements are clauses of one `WITH`, all against the same snapshot.
   */
  alsoWrite?: (posted: PostedTransaction) => WriteStatement[];
}

/**
 * What a correction dated in a closed year names (the body of the correcting request): an open
 * objection during the notice period, or a restatement of a final year.
 */
export interface ClosedYearCorrection {
  objectionId?: number;
  restatement?: { reason: string };
}

/**
 * The check of a reversal of an earn by the year it is dated in (registered by the star ratings):
 * throws to refuse, or answers what to finish after the reversal posted (null: nothing).
 */
export type EarnReversalGuard = (check: {
  communityId: number;
  effectiveDate: string;
  actor: string;
  correction?: ClosedYearCorrection;
}) => Promise<
  | {
      finish(posted: { transactionId: string; memberId: number }): Promise<void>;
    }
  | undefined
>;

export interface PostedTransaction {
  id: string;
  seq: number;
  createdAt: string;
  effectiveDate: string;
  /** Balance of each touched account after this transaction. */
  balanceAfter: Map<number, Cents>;
}

/** A statement entry's kind: the ledger's, with a donation shown as given or as received. */
export const ENTRY_KINDS = [
  'earn',
  'redeem',
  'redeem_return',
  'donate',
  'receive',
  'reversal',
  'adjust',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface StatementEntry {
  seq: number;
  transactionId: string;
  kind: EntryKind;
  amount: string;
  balanceAfter: string;
  effectiveDate: string;
  createdAt: string;
  /** Local date (community zone) the entry was posted: the statement's order and its date column. */
  postedDate: string;
  description: string;
  /** The reason given with a reversal or an adjustment; null for other entries. */
  reason: string | null;
  /** On a reversal: the entry it reverses, as it stands on this passbook. */
  reversesEntry: ReversedEntry | null;
  /** On an entry that was reversed: the reversal that corrected it. */
  reversedBy: ReversalOf | null;
}

export interface ReversedEntry {
  transactionId: string;
  kind: EntryKind;
  /** The original's signed amount on this passbook (the reversal's negation). */
  amount: string;
  effectiveDate: string;
  postedDate: string;
  description: string;
}

export interface ReversalOf {
  transactionId: string;
  effectiveDate: string;
  postedDate: string;
  createdAt: string;
  reason: string | null;
}

/**
 * The advisory-lock space of ledger appends: one lock per community (its id in this space), so
 * appends of different communities run in parallel across PostgreSQL instances.
 */
const LEDGER_LOCK_SPACE = 7_031_947;

/**
 * The points ledger: append-only, double-entry, hash-chained. Every feature moves points only
 * through `post` (or `reverse`), which checks the rules inside the transaction that writes.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Ids that never change once written: system accounts and genesis hashes, per community. */
  private readonly systemAccounts = new Map<string, number>();
  private readonly genesis = new Map<number, string>();
  private earnReversalGuard: EarnReversalGuard | null = null;

  /** The year-end rule registers its check of every reversal of an earn here (the one path). */
  guardEarnReversals(guard: EarnReversalGuard): void {
    this.earnReversalGuard = guard;
  }

  today(): string {
    return this.clock.today(this.config.timeZone);
  }

  /** Creates an account of a community with a zero balance row; call inside Database.write. */
  async openAccount(
    communityId: number,
    kind: AccountKind,
    name: string,
    passbookNo: string | null,
  ): Promise<Account> {
    const em = this.db.writeManager();
    const account = em.create(Account, {
      communityId,
      kind,
      name,
      passbookNo,
      createdAt: this.clock.now().toISOString(),
    });
    await em.save(account);
    await em.insert(Balance, { accountId: account.id, balance: 0 });
    return account;
  }

  /** A community's issuance or shop account (opened with the community). */
  async systemAccountId(communityId: number, kind: 'issuance' | 'shop'): Promise<number> {
    const key = `${communityId}:${kind}`;
    const known = this.systemAccounts.get(key);
    if (known !== undefined) {
      return known;
    }
    const id = await this.db.read(async (em) => {
      const account = await em.findOneByOrFail(Account, { communityId, kind });
      return account.id;
    });
    this.systemAccounts.set(key, id);
    return id;
  }

  /** Opens a new community's issuance and shop accounts; call inside Database.write. */
  async openSystemAccounts(communityId: number): Promise<void> {
    await this.openAccount(communityId, 'issuance', '积分发行 Issuance', null);
    await this.openAccount(communityId, 'shop', '公益坊 Shop', null);
  }

  /** The prev_hash of a community's first transaction (recorded with the community; immutable). */
  private async genesisOf(communityId: number): Promise<string> {
    const known = this.genesis.get(communityId);
    if (known !== undefined) {
      return known;
    }
    const rows: { genesis_hash: string }[] = await this.db
      .writeManager()
      .query(sql(this.db, 'SELECT genesis_hash FROM communities WHERE id = ?'), [communityId]);
    if (!rows.length) {
      throw DomainError.notFound('community');
    }
    this.genesis.set(communityId, rows[0].genesis_hash);
    return rows[0].genesis_hash;
  }

  /**
   * Appends one balanced transaction, refusing anything that would break the ledger. On
   * PostgreSQL the community's lock is held from the read of the balances and the chain head to
   * the commit, so a posting holds it for the lock, that one read, and one statement writing the
   * transaction, its postings, the balances and the year totals (a reversal also checks under it
   * that the original is not reversed yet; a community's first posting reads its genesis hash).
   */
  async post(req: PostRequest): Promise<PostedTransaction> {
    const em = this.db.writeManager();
    validateLines(req.postings);
    // Read before the lock: what it reads never changes (a reversed transaction is history).
    const earn = await this.earnTouched(em, req);
    // One appender at a time per community, across all instances, keeps each community's seq
    // gapless and its hash chain linear; other communities' appends go on in parallel.
    await this.db.lockEach(LEDGER_LOCK_SPACE, [req.communityId]);
    if (req.reverses) {
      const already = await em.findOneBy(LedgerTransaction, { reverses: req.reverses });
      if (already) {
        throw new DomainError(
          ErrorCode.ALREADY_REVERSED,
          'this transaction has already been reversed',
          {
            reason: 'TRANSACTION_REVERSED',
            transactionId: req.reverses,
            reversalId: already.id,
          },
        );
      }
    }
    const accountIds = req.postings.map((p) => p.accountId).sort((a, b) => a - b);
    // The balances and the community's chain head in one read, under the lock.
    const rows: {
      account_id: unknown;
      balance: unknown;
      kind: AccountKind;
      passbook_no: string | null;
      community_id: unknown;
      head_seq: unknown;
      head_hash: string | null;
    }[] = await em.query(
      sql(
        this.db,
        `SELECT b.account_id, b.balance, a.kind, a.passbook_no, a.community_id,
                h.seq AS head_seq, h.hash AS head_hash
           FROM balances b
           JOIN accounts a ON a.id = b.account_id
           LEFT JOIN (SELECT seq, hash FROM ledger_transactions WHERE community_id = ?
                      ORDER BY seq DESC LIMIT 1) h ON 1 = 1
           WHERE b.account_id IN (${accountIds.map(() => '?').join(', ')})
           ORDER BY b.account_id${this.db.forUpdate('b')}`,
      ),
      [req.communityId, ...accountIds],
    );
    if (
      rows.length !== accountIds.length ||
      rows.some((r) => toSafeInteger(r.community_id) !== req.communityId)
    ) {
      // An account of another community is no account in this community's books.
      throw DomainError.notFound('account');
    }
    const byId = new Map(rows.map((r) => [toSafeInteger(r.account_id), r]));
    const balanceAfter = new Map<number, Cents>();
    for (const line of req.postings) {
      const row = byId.get(line.accountId)!;
      const before = toSafeInteger(row.balance);
      const after = before + line.amount;
      if (after < 0 && OWNED_ACCOUNT_KINDS.includes(row.kind)) {
        throw new DomainError(
          ErrorCode.INSUFFICIENT_POINTS,
          `passbook ${row.passbook_no ?? line.accountId} has ${formatCents(before)} points, ${formatCents(-line.amount)} needed`,
          {
            passbookNo: row.passbook_no,
            balance: formatCents(before),
            required: formatCents(-line.amount),
            shortBy: formatCents(-after),
          },
        );
      }
      balanceAfter.set(line.accountId, after);
    }

    const head = rows[0];
    const seq = head.head_hash !== null ? toSafeInteger(head.head_seq) + 1 : 1;
    const prevHash = head.head_hash ?? (await this.genesisOf(req.communityId));
    const tx: LedgerTransaction = {
      id: randomUUID(),
      communityId: req.communityId,
      seq,
      kind: req.kind,
      effectiveDate: req.effectiveDate ?? this.today(),
      createdAt: this.clock.now().toISOString(),
      actor: req.actor,
      reverses: req.reverses ?? null,
      // Cut first, then mend: a cut can split a surrogate pair, and the store would alter it.
      description: toWellFormedText(req.description.slice(0, 500)),
      meta: req.meta ? JSON.stringify(req.meta) : null,
      prevHash,
      hash: '',
    };
    tx.hash = transactionHash(prevHash, { ...tx, postings: req.postings });
    const posted: PostedTransaction = {
      id: tx.id,
      seq,
      createdAt: tx.createdAt,
      effectiveDate: tx.effectiveDate,
      balanceAfter,
    };
    // The ledger's own rows in plain SQL (the statements are prepared once and reused): the query
    // builder cost more CPU per posting than the database did. Each row is written once, so they
    // go together (one round trip on PostgreSQL).
    await this.db.writeAll([
      {
        text: `INSERT INTO ledger_transactions
           (id, community_id, seq, kind, effective_date, created_at, actor, reverses, description, meta, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [
          tx.id,
          tx.communityId,
          seq,
          tx.kind,
          tx.effectiveDate,
          tx.createdAt,
          tx.actor,
          tx.reverses,
          tx.description,
          tx.meta,
          tx.prevHash,
          tx.hash,
        ],
      },
      {
        text: `INSERT INTO postings (transaction_id, account_id, seq, amount, balance_after) VALUES ${req.postings
          .map(() => '(?, ?, ?, ?, ?)')
          .join(', ')}`,
        params: req.postings.flatMap((p) => [
          tx.id,
          p.accountId,
          seq,
          p.amount,
          balanceAfter.get(p.accountId)!,
        ]),
      },
      ...[...balanceAfter].map(([accountId, balance]) => ({
        text: 'UPDATE balances SET balance = ? WHERE account_id = ?',
        params: [balance, accountId],
      })),
      ...yearTotalChanges(req, earn, tx.effectiveDate, byId).map((total) => ({
        text: `INSERT INTO account_year_totals (account_id, year, earned, hours) VALUES (?, ?, ?, ?)
           ON CONFLICT (account_id, year) DO UPDATE SET
             earned = account_year_totals.earned + excluded.earned,
             hours = account_year_totals.hours + excluded.hours`,
        params: [total.accountId, total.year, total.earned, total.hours],
      })),
      ...(req.alsoWrite?.(posted) ?? []),
    ]);
    return posted;
  }

  /**
   * The earn a posting adds to or takes from the year totals: the posting itself if an earn, the
   * transaction it reverses if that was an earn (its date and meta), else none.
   */
  private async earnTouched(em: EntityManager, req: PostRequest): Promise<EarnTouched | null> {
    if (req.kind === 'earn') {
      return { effectiveDate: req.effectiveDate, meta: req.meta, sign: 1 };
    }
    if (req.kind !== 'reversal' || !req.reverses) {
      return null;
    }
    const rows: { kind: TransactionKind; effective_date: string; meta: string | null }[] =
      await em.query(
        sql(this.db, 'SELECT kind, effective_date, meta FROM ledger_transactions WHERE id = ?'),
        [req.reverses],
      );
    if (rows[0]?.kind !== 'earn') {
      return null;
    }
    return {
      effectiveDate: rows[0].effective_date,
      meta: rows[0].meta ? (JSON.parse(rows[0].meta) as Record<string, unknown>) : undefined,
      sign: -1,
    };
  }

  /** Posts the exact negation of a transaction, once; refused if the points were already spent. */
  async reverse(
    transactionId: string,
    opts: {
      communityId: number;
      actor: string;
      reason: string;
      meta?: Record<string, unknown>;
      correction?: ClosedYearCorrection;
    },
  ): Promise<PostedTransaction & { reverses: string }> {
    const em = this.db.writeManager();
    const original = await em.findOneBy(LedgerTransaction, { id: transactionId });
    // Another community's transaction is not found in this one's books.
    if (!original || original.communityId !== opts.communityId) {
      throw DomainError.notFound('transaction');
    }
    if (original.kind === 'reversal') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'a reversal cannot itself be reversed; post a new entry instead',
        { reason: 'REVERSAL_NOT_REVERSIBLE' },
      );
    }
    // Every reversal passes here: one dated in a closed year is refused unless it is an allowed correction.
    const allowed =
      original.kind === 'earn' && this.earnReversalGuard
        ? await this.earnReversalGuard({
            communityId: original.communityId,
            effectiveDate: original.effectiveDate,
            actor: opts.actor,
            correction: opts.correction,
          })
        : undefined;
    const lines = await em.findBy(Posting, { transactionId });
    const posted = await this.post({
      communityId: original.communityId,
      kind: 'reversal',
      actor: opts.actor,
      description: `冲正 #${original.seq}: ${opts.reason}`,
      reverses: transactionId,
      postings: lines.map((p) => ({ accountId: p.accountId, amount: -p.amount })),
      meta: {
        reason: opts.reason,
        reversesSeq: original.seq,
        reversesKind: original.kind,
        ...opts.meta,
      },
    });
    if (allowed) {
      const members: { id: unknown }[] = await em.query(
        sql(
          this.db,
          `SELECT id FROM members WHERE account_id IN (${lines.map(() => '?').join(', ')})`,
        ),
        lines.map((p) => p.accountId),
      );
      await allowed.finish({ transactionId: posted.id, memberId: toSafeInteger(members[0].id) });
    }
    return { ...posted, reverses: transactionId };
  }

  /**
   * An administrator's correction (`POST /api/ledger/transactions/:id/reversal`). A shop redemption
   * is refused here: only its cancellation also returns the stock and voids the coupons.
   */
  async reverseByAdmin(
    transactionId: string,
    opts: { communityId: number; actor: string; reason: string; correction?: ClosedYearCorrection },
  ): Promise<PostedTransaction & { reverses: string }> {
    const found = await this.db.writeManager().findOneBy(LedgerTransaction, { id: transactionId });
    const original = found?.communityId === opts.communityId ? found : null;
    if (!original) {
      throw DomainError.notFound('transaction');
    }
    if (original?.kind === 'redeem_return') {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `transaction #${original.seq} is a return at the shop; its units are back in stock and cannot be reversed here`,
        { reason: 'SHOP_RETURN', kind: original.kind },
      );
    }
    if (original?.kind === 'redeem') {
      const redemptionId = (
        original.meta ? (JSON.parse(original.meta) as { redemptionId?: unknown }) : {}
      ).redemptionId;
      const target =
        typeof redemptionId === 'number'
          ? `POST /api/redemptions/${redemptionId}/cancel`
          : 'POST /api/redemptions/:id/cancel';
      throw new DomainError(
        ErrorCode.CONFLICT,
        `transaction #${original.seq} is a shop redemption; cancel it with ${target} so the stock comes back and its coupons are voided`,
        {
          reason: 'REDEMPTION_NEEDS_CANCEL',
          kind: original.kind,
          ...(typeof redemptionId === 'number' ? { redemptionId } : {}),
        },
      );
    }
    return this.reverse(transactionId, opts);
  }

  async balanceOf(accountId: number): Promise<Cents> {
    // Plain SQL: TypeORM's SQLite driver writes numbers into the text of find() queries, so each
    // account would be a statement of its own, prepared again and crowding out the hot ones.
    const rows: { balance: unknown }[] = await this.db.read((em) =>
      em.query(sql(this.db, 'SELECT balance FROM balances WHERE account_id = ?'), [accountId]),
    );
    if (!rows.length) {
      throw DomainError.notFound('account');
    }
    return toSafeInteger(rows[0].balance);
  }

  /**
   * Newest-first statement page by keyset on seq, so page cost does not grow with history. Each
   * reversal names the entry it reverses and each reversed entry its reversal, wherever the other
   * stands in the history (one lookup each through the unique index on `reverses`).
   */
  async statement(
    accountId: number,
    page: { limit: number; beforeSeq?: number },
  ): Promise<{ entries: StatementEntry[]; nextCursor: string | null }> {
    return this.db.read(async (em) => {
      const params: unknown[] = [accountId];
      let where = 'p.account_id = ?';
      if (page.beforeSeq !== undefined) {
        where += ' AND p.seq < ?';
        params.push(page.beforeSeq);
      }
      params.push(page.limit + 1);
      const rows: (TransactionRow & {
        seq: unknown;
        amount: unknown;
        balance_after: unknown;
        reverses: string | null;
      })[] = await em.query(
        sql(
          this.db,
          `SELECT p.seq, p.amount, p.balance_after, t.id, t.kind, t.effective_date, t.created_at,
                  t.description, t.reverses, t.meta
           FROM postings p JOIN ledger_transactions t ON t.id = p.transaction_id
           WHERE ${where} ORDER BY p.seq DESC LIMIT ?`,
        ),
        params,
      );
      const shown = rows.slice(0, page.limit);
      const originals = await this.transactionsWhere(
        em,
        't.id',
        shown.flatMap((r) => (r.reverses ? [r.reverses] : [])),
      );
      const reversals = await this.transactionsWhere(
        em,
        't.reverses',
        shown.filter((r) => r.kind !== 'reversal').map((r) => r.id),
      );
      const reversalOf = new Map(reversals.map((r) => [r.reverses!, r]));
      const originalById = new Map(originals.map((o) => [o.id, o]));
      const entries = shown.map((r): StatementEntry => {
        const amount = toSafeInteger(r.amount);
        const original = r.reverses ? originalById.get(r.reverses) : undefined;
        const reversal = reversalOf.get(r.id);
        return {
          seq: toSafeInteger(r.seq),
          transactionId: r.id,
          kind: entryKind(r.kind, amount),
          amount: formatSignedCents(amount),
          balanceAfter: formatCents(toSafeInteger(r.balance_after)),
          effectiveDate: r.effective_date,
          createdAt: r.created_at,
          postedDate: this.postedDate(r.created_at),
          description: r.description,
          reason: r.kind === 'reversal' || r.kind === 'adjust' ? reasonOf(r.meta) : null,
          reversesEntry: original
            ? {
                transactionId: original.id,
                kind: entryKind(original.kind, -amount),
                amount: formatSignedCents(-amount),
                effectiveDate: original.effective_date,
                postedDate: this.postedDate(original.created_at),
                description: original.description,
              }
            : null,
          reversedBy: reversal
            ? {
                transactionId: reversal.id,
                effectiveDate: reversal.effective_date,
                postedDate: this.postedDate(reversal.created_at),
                createdAt: reversal.created_at,
                reason: reasonOf(reversal.meta),
              }
            : null,
        };
      });
      return {
        entries,
        nextCursor:
          rows.length > page.limit ? encodeSeqCursor(entries[entries.length - 1].seq) : null,
      };
    });
  }

  private postedDate(createdAt: string): string {
    return localDate(new Date(createdAt), this.config.timeZone);
  }

  private async transactionsWhere(
    em: EntityManager,
    column: 't.id' | 't.reverses',
    ids: string[],
  ): Promise<TransactionRow[]> {
    if (ids.length === 0) {
      return [];
    }
    return em.query(
      sql(
        this.db,
        `SELECT t.id, t.kind, t.effective_date, t.created_at, t.description, t.reverses, t.meta
         FROM ledger_transactions t WHERE ${column} IN (${ids.map(() => '?').join(', ')})`,
      ),
      ids,
    );
  }

  /** A community's trial balance (or, without one, every community's together and each alone). */
  trialBalance(communityId: number): Promise<CommunityTrialBalance>;
  trialBalance(): Promise<TrialBalanceAll>;
  trialBalance(communityId?: number): Promise<CommunityTrialBalance | TrialBalanceAll> {
    return communityId === undefined ? trialBalance(this.db) : trialBalance(this.db, communityId);
  }

  /** Recomputes a community's hash chain, the running balance of its postings, its stored balances. */
  verify(communityId: number): Promise<VerifyResult> {
    return verifyCommunityLedger(this.db, communityId);
  }

  /** Every community's chain, each on its own. */
  verifyAll(): Promise<VerifyAllResult> {
    return verifyLedger(this.db);
  }
}

/** An earn as the year totals see it (see yearTotalChanges); its date is the posting's own when unset. */
interface EarnTouched {
  effectiveDate: string | undefined;
  meta: Record<string, unknown> | undefined;
  sign: 1 | -1;
}

/**
 * What a posting adds to its passbooks' year totals (account_year_totals, read by the passbook
 * page): an earn adds its points, and its service hours (meta.hours of a service record's earn),
 * to the year of its effective date; a reversal of an earn takes them off that same year, whenever
 * it is posted. Only passbooks (member and household accounts) keep totals.
 */
function yearTotalChanges(
  req: PostRequest,
  earn: EarnTouched | null,
  effectiveDate: string,
  accounts: Map<number, { kind: AccountKind }>,
): { accountId: number; year: number; earned: Cents; hours: Cents }[] {
  if (!earn) {
    return [];
  }
  const hours =
    earn.meta?.serviceRecordId !== undefined && earn.meta.hours !== undefined
      ? parseCents(earn.meta.hours, { positive: false, field: 'hours' })
      : 0;
  const year = Number((earn.effectiveDate ?? effectiveDate).slice(0, 4));
  return req.postings
    .filter((p) => OWNED_ACCOUNT_KINDS.includes(accounts.get(p.accountId)!.kind))
    .map((p) => ({
      accountId: p.accountId,
      year,
      earned: p.amount,
      // The hours go with the points to the volunteer's passbook (the line that receives them).
      hours: p.amount * earn.sign > 0 ? earn.sign * hours : 0,
    }));
}

function validateLines(lines: PostingLine[]): void {
  if (lines.length < 2) {
    throw new Error('a transaction needs at least two postings');
  }
  const seen = new Set<number>();
  let sum = 0;
  for (const line of lines) {
    assertCents(line.amount);
    if (line.amount === 0) {
      throw new Error('a posting must move points');
    }
    if (seen.has(line.accountId)) {
      throw new Error(`account ${line.accountId} appears twice in one transaction`);
    }
    seen.add(line.accountId);
    sum += line.amount;
  }
  if (sum !== 0) {
    throw new Error(`unbalanced transaction: postings sum to ${sum}`);
  }
}

interface TransactionRow {
  id: string;
  kind: TransactionKind;
  effective_date: string;
  created_at: string;
  description: string;
  reverses: string | null;
  meta: string | null;
}

/** The `reason` a reversal or adjustment keeps in its meta (written by `reverse` and `adjust`). */
function reasonOf(meta: string | null): string | null {
  if (!meta) {
    return null;
  }
  const reason = (JSON.parse(meta) as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : null;
}

export function entryKind(kind: TransactionKind, amount: Cents): EntryKind {
  switch (kind) {
    case 'donation':
      return amount < 0 ? 'donate' : 'receive';
    case 'earn':
    case 'redeem':
    case 'redeem_return':
    case 'reversal':
    case 'adjust':
      return kind;
  }
}

/** Statement cursor over seq (descending), in the one list-cursor codec. */
export function encodeSeqCursor(seq: number): string {
  return encodeCursor('s', seq);
}

export function decodeSeqCursor(cursor: string | undefined): number | undefined {
  return decodeCursor('s', cursor, ['integer'])?.[0];
}
