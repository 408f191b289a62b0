import { TransactionKind } from '../ledger/entities/ledger-transaction.entity';

/**
 * Ids of the `kind` transactions whose effective date falls in [from, to], and of their reversals
 * whenever those were posted. Joined to postings, they sum what the period earned (or redeemed,
 * or donated) net of corrections. Parameters: from, to, from, to.
 */
export function periodTransactionIdsSql(kind: TransactionKind): string {
  return `SELECT t.id AS transaction_id FROM ledger_transactions t
      WHERE t.kind = '${kind}' AND t.effective_date >= ? AND t.effective_date <= ?
    UNION ALL
    SELECT r.id AS transaction_id FROM ledger_transactions t
      JOIN ledger_transactions r ON r.reverses = t.id
      WHERE t.kind = '${kind}' AND t.effective_date >= ? AND t.effective_date <= ?`;
}

export function periodParams(from: string, to: string): string[] {
  return [from, to, from, to];
}

/** Points each member earned in [from, to]: earns dated in the period less their reversals. */
export function earnedByMemberSql(): string {
  return `SELECT m.id AS member_id, SUM(p.amount) AS earned
    FROM (${periodTransactionIdsSql('earn')}) x
    JOIN postings p ON p.transaction_id = x.transaction_id
    JOIN members m ON m.account_id = p.account_id
    GROUP BY m.id`;
}
