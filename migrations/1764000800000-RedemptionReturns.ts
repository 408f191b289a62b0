import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createAppendOnlyTriggers } from '../src/common/db/append-only';

/**
 * Returns of part of a redemption: one row per return (its `redeem_return` ledger transaction, who,
 * why), the units of each line given back, and the coupons voided with them. Like the stock
 * movements they explain, the rows only grow.
 */
export class RedemptionReturns1764000800000 implements MigrationInterface {
  name = 'RedemptionReturns1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'redemption_returns',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'redemption_id', type: 'integer' },
          { name: 'transaction_id', type: 'varchar', length: '36', isUnique: true },
          { name: 'points', type: 'bigint' },
          { name: 'balance_after', type: 'bigint' },
          { name: 'reason', type: 'varchar', length: '200' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        checks: [{ name: 'chk_redemption_returns_points', expression: 'points > 0' }],
        foreignKeys: [
          {
            columnNames: ['redemption_id'],
            referencedTableName: 'redemptions',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_redemption_returns_redemption', columnNames: ['redemption_id', 'id'] },
          { name: 'idx_redemption_returns_created', columnNames: ['created_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'redemption_return_lines',
        columns: [
          { name: 'return_id', type: 'integer', isPrimary: true },
          { name: 'catalog_item_id', type: 'integer', isPrimary: true },
          { name: 'redemption_id', type: 'integer' },
          { name: 'quantity', type: 'integer' },
          { name: 'unit_price', type: 'bigint' },
          { name: 'amount', type: 'bigint' },
        ],
        checks: [{ name: 'chk_redemption_return_lines_quantity', expression: 'quantity > 0' }],
        foreignKeys: [
          {
            columnNames: ['return_id'],
            referencedTableName: 'redemption_returns',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['redemption_id', 'catalog_item_id'],
            referencedTableName: 'redemption_lines',
            referencedColumnNames: ['redemption_id', 'catalog_item_id'],
          },
        ],
        indices: [
          {
            name: 'idx_redemption_return_lines_line',
            columnNames: ['redemption_id', 'catalog_item_id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'redemption_return_coupons',
        columns: [
          { name: 'return_id', type: 'integer', isPrimary: true },
          { name: 'coupon_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [
          {
            columnNames: ['return_id'],
            referencedTableName: 'redemption_returns',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['coupon_id'],
            referencedTableName: 'coupons',
            referencedColumnNames: ['id'],
          },
        ],
        // A coupon is voided by one return at most.
        indices: [
          {
            name: 'idx_redemption_return_coupons_coupon',
            columnNames: ['coupon_id'],
            isUnique: true,
          },
        ],
      }),
    );
    await createAppendOnlyTriggers(q, [
      'redemption_returns',
      'redemption_return_lines',
      'redemption_return_coupons',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'redemption_return_coupons',
      'redemption_return_lines',
      'redemption_returns',
    ]) {
      await q.dropTable(t);
    }
  }
}
