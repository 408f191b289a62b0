import { TransactionKind } from './entities/ledger-transaction.entity';

/*
 * The ledger's rules written as SQL fragments, so every feature's query says them the same way.
 * A reversal undoes one transaction (ledger_transactions.reverses, unique); it counts with what it
 * undoes and in the period of what it undoes, whenever it was posted.
 */

/** True when the transaction whose id is in `txColumn` has not been reversed. */
export function notReversed(txColumn: string): string {
  return `NOT EXISTS (SELECT 1 FROM ledger_transactions rv WHERE rv.reverses = ${txColumn})`;
}

/** Joins the reversal (if any) of the transaction whose id is in `txColumn` as `alias`. */
export function joinReversal(alias: string, txColumn: string): string {
  return `LEFT JOIN ledger_transactions ${alias} ON ${alias}.reverses = ${txColumn}`;
}

/** Joins, for the reversal `txAlias`, the transaction it undoes as `alias` (no row otherwise). */
export function joinReversed(alias: string, txAlias: string): string {
  return `LEFT JOIN ledger_transactions ${alias} ON ${alias}.id = ${txAlias}.reverses`;
}

/**
 * Postings (`account_id`, `amount`) of the `kind` transactions whose effective date falls in
 * [from, to], and of their reversals whenever those were posted: summed, what the period earned (or
 * redeemed, or donated) net of corrections. `postingFilter` (on `p`) narrows both halves, e.g. to one
 * account. Parameters: periodParams().
 *
 * The tables are CROSS JOINed, which SQLite reads in the order written (PostgreSQL plans as it
 * likes): the period's transactions first for a whole-book figure, the few filtered postings first
 * for one account, so a passbook's figure never reads the whole year's entries.
 */
export function periodPostingsSql(kind: TransactionKind, postingFilter = ''): string {
  const also = postingFilter ? ` AND ${postingFilter}` : '';
  const [own, reversal] = postingFilter
    ? [
        'postings p CROSS JOIN ledger_transactions t',
        'postings p CROSS JOIN ledger_transactions r CROSS JOIN ledger_transactions t',
      ]
    : [
        'ledger_transactions t CROSS JOIN postings p',
        'ledger_transactions t CROSS JOIN ledger_transactions r CROSS JOIN postings p',
      ];
  return `SELECT p.account_id, p.amount FROM ${own}
      WHERE p.transaction_id = t.id
        AND t.kind = '${kind}' AND t.effective_date >= ? AND t.effective_date <= ?${also}
    UNION ALL
    SELECT p.account_id, p.amount FROM ${reversal}
      WHERE p.transaction_id = r.id AND r.reverses = t.id
        AND t.kind = '${kind}' AND t.effective_date >= ? AND t.effective_date <= ?${also}`;
}

/** The parameters of periodPostingsSql: the period, then those of the filter, for each half. */
export function periodParams(from: string, to: string, ...filterParams: unknown[]): unknown[] {
  return [from, to, ...filterParams, from, to, ...filterParams];
}

/**
 * "Earned in a period": points each member earned in [from, to], earns dated in the period less
 * their reversals. The one definition behind star ratings and the passbook's earnedThisYear.
 */
export function earnedByMemberSql(): string {
  return `SELECT m.id AS member_id, SUM(x.amount) AS earned
    FROM (${periodPostingsSql('earn')}) x
    JOIN members m ON m.account_id = x.account_id
    GROUP BY m.id`;
}

/** What one account earned in [from, to], by the same rule. Parameters: periodParams(from, to, accountId). */
export function earnedByAccountSql(): string {
  return `SELECT COALESCE(SUM(x.amount), 0) AS earned
    FROM (${periodPostingsSql('earn', 'p.account_id = ?')}) x`;
}

/** First and last local date of a year: the period of "earned in a year". */
export function yearRange(year: number | string): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

/**
 * What account_year_totals must hold, summed from the ledger and the service records: per passbook
 * (member and household accounts) and year, points earned (earned-in-a-period above) and verified
 * service hours (posted service records whose earn was not reversed, on the passbook the earn paid
 * even after its volunteer moved community, by service date, as
 * ServiceHoursService counts them). The verifier compares the table with it.
 *
 * `oneCommunity`: only that community's passbooks, the filter inside each part (three `?`, each
 * the community's id), so a community's check reads its own books, not the whole store's.
 */
export function yearTotalsFromLedgerSql(opts: { oneCommunity?: boolean } = {}): string {
  const inCommunity = opts.oneCommunity ? ' AND a.community_id = ?' : '';
  return `SELECT account_id, year, SUM(earned) AS earned, SUM(hours) AS hours FROM (
      SELECT p.account_id, CAST(SUBSTR(t.effective_date, 1, 4) AS INTEGER) AS year,
             p.amount AS earned, 0 AS hours
      FROM postings p JOIN ledger_transactions t ON t.id = p.transaction_id
      JOIN accounts a ON a.id = p.account_id
      WHERE t.kind = 'earn' AND a.kind IN ('member', 'household')${inCommunity}
      UNION ALL
      SELECT p.account_id, CAST(SUBSTR(t.effective_date, 1, 4) AS INTEGER), p.amount, 0
      FROM ledger_transactions t JOIN ledger_transactions r ON r.reverses = t.id
      JOIN postings p ON p.transaction_id = r.id
      JOIN accounts a ON a.id = p.account_id
      WHERE t.kind = 'earn' AND a.kind IN ('member', 'household')${inCommunity}
      UNION ALL
      SELECT p.account_id, CAST(SUBSTR(sr.service_date, 1, 4) AS INTEGER), 0, sr.hours
      FROM service_records sr JOIN postings p ON p.transaction_id = sr.transaction_id
      JOIN accounts a ON a.id = p.account_id
      WHERE sr.status = 'posted' AND a.kind = 'member' AND p.amount > 0${inCommunity}
        AND ${notReversed('sr.transaction_id')}
    ) x GROUP BY account_id, year`;
}
