import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Per passbook and year: points earned (earns dated in the year, less their reversals whenever
 * posted) and verified service hours (posted service records of the year whose earn was not
 * reversed), kept by the ledger in the transaction of each posting so a passbook page reads one row
 * instead of summing the year. Backfilled here from the ledger; the ledger itself is not touched.
 * `npm run ledger:verify` checks the rows against the ledger's sums.
 */
export class AccountYearTotals1764016100000 implements MigrationInterface {
  name = 'AccountYearTotals1764016100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'account_year_totals',
        columns: [
          { name: 'account_id', type: 'integer', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'earned', type: 'bigint', default: 0 },
          { name: 'hours', type: 'bigint', default: 0 },
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    // Frozen copy of the rule at the time of this migration (src/ledger/ledger-sql.ts has the live one).
    await q.query(`
      INSERT INTO account_year_totals (account_id, year, earned, hours)
      SELECT account_id, year, SUM(earned), SUM(hours) FROM (
        SELECT p.account_id, CAST(SUBSTR(t.effective_date, 1, 4) AS INTEGER) AS year,
               p.amount AS earned, 0 AS hours
        FROM postings p JOIN ledger_transactions t ON t.id = p.transaction_id
        JOIN accounts a ON a.id = p.account_id
        WHERE t.kind = 'earn' AND a.kind IN ('member', 'household')
        UNION ALL
        SELECT p.account_id, CAST(SUBSTR(t.effective_date, 1, 4) AS INTEGER), p.amount, 0
        FROM ledger_transactions t JOIN ledger_transactions r ON r.reverses = t.id
        JOIN postings p ON p.transaction_id = r.id
        JOIN accounts a ON a.id = p.account_id
        WHERE t.kind = 'earn' AND a.kind IN ('member', 'household')
        UNION ALL
        SELECT m.account_id, CAST(SUBSTR(sr.service_date, 1, 4) AS INTEGER), 0, sr.hours
        FROM service_records sr JOIN members m ON m.id = sr.member_id
        WHERE sr.status = 'posted'
          AND NOT EXISTS (SELECT 1 FROM ledger_transactions rv WHERE rv.reverses = sr.transaction_id)
      ) x GROUP BY account_id, year`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('account_year_totals');
  }
}
