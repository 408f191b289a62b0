import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { createAppendOnlyTriggers } from '../src/common/db/append-only';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/**
 * The public-benefit shop: catalog items with an append-only log of stock movements, redemption
 * windows with an append-only log of their openings and closings, redemptions and their coupons.
 */
export class Shop1763700300000 implements MigrationInterface {
  name = 'Shop1763700300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'catalog_items',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '100', isUnique: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'price', type: 'bigint' },
          { name: 'stock', type: 'integer' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
        // The last line of defence behind the conditional decrement: stock never goes negative.
        checks: [
          { name: 'chk_catalog_items_stock', expression: 'stock >= 0' },
          { name: 'chk_catalog_items_price', expression: 'price > 0' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stock_movements',
        columns: [
          id,
          { name: 'catalog_item_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'quantity', type: 'integer' },
          { name: 'stock_after', type: 'integer' },
          { name: 'redemption_id', type: 'integer', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['catalog_item_id'],
            referencedTableName: 'catalog_items',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_stock_movements_item', columnNames: ['catalog_item_id', 'id'] },
          { name: 'idx_stock_movements_redemption', columnNames: ['redemption_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'redemption_windows',
        columns: [
          id,
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'period_key', type: 'varchar', length: '16', isNullable: true, isUnique: true },
          { name: 'opens_at', type: 'varchar', length: '32' },
          { name: 'closes_at', type: 'varchar', length: '32' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'closed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'closed_at', type: 'varchar', length: '32', isNullable: true },
        ],
        indices: [{ name: 'idx_redemption_windows_opens', columnNames: ['opens_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'redemption_window_events',
        columns: [
          id,
          { name: 'window_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'at', type: 'varchar', length: '32' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'note', type: 'varchar', length: '300', isNullable: true },
          { name: 'recorded_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['window_id'],
            referencedTableName: 'redemption_windows',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'idx_redemption_window_events_window', columnNames: ['window_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'redemptions',
        columns: [
          id,
          { name: 'passbook_no', type: 'varchar', length: '16' },
          { name: 'account_id', type: 'integer' },
          { name: 'owner_type', type: 'varchar', length: '16' },
          { name: 'window_id', type: 'integer' },
          { name: 'total', type: 'bigint' },
          { name: 'balance_after', type: 'bigint' },
          {
            name: 'transaction_id',
            type: 'varchar',
            length: '36',
            isNullable: true,
            isUnique: true,
          },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
          {
            name: 'cancel_transaction_id',
            type: 'varchar',
            length: '36',
            isNullable: true,
            isUnique: true,
          },
          { name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'cancelled_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'cancelled_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'balance_after_cancel', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['window_id'],
            referencedTableName: 'redemption_windows',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['cancel_transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_redemptions_passbook', columnNames: ['passbook_no', 'id'] },
          { name: 'idx_redemptions_window', columnNames: ['window_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'redemption_lines',
        columns: [
          { name: 'redemption_id', type: 'integer', isPrimary: true },
          { name: 'catalog_item_id', type: 'integer', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'unit_price', type: 'bigint' },
          { name: 'quantity', type: 'integer' },
          { name: 'amount', type: 'bigint' },
        ],
        foreignKeys: [
          {
            columnNames: ['redemption_id'],
            referencedTableName: 'redemptions',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['catalog_item_id'],
            referencedTableName: 'catalog_items',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'coupons',
        columns: [
          id,
          { name: 'code', type: 'varchar', length: '16', isUnique: true },
          { name: 'redemption_id', type: 'integer' },
          { name: 'catalog_item_id', type: 'integer' },
          { name: 'passbook_no', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '8' },
          { name: 'issued_at', type: 'varchar', length: '32' },
          { name: 'used_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'used_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'use_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'voided_at', type: 'varchar', length: '32', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['redemption_id'],
            referencedTableName: 'redemptions',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['catalog_item_id'],
            referencedTableName: 'catalog_items',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_coupons_passbook', columnNames: ['passbook_no', 'id'] },
          { name: 'idx_coupons_redemption', columnNames: ['redemption_id'] },
        ],
      }),
    );
    // Stock on hand and a window's history are explained by these logs, so they only grow.
    await createAppendOnlyTriggers(q, ['stock_movements', 'redemption_window_events']);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'coupons',
      'redemption_lines',
      'redemptions',
      'redemption_window_events',
      'redemption_windows',
      'stock_movements',
      'catalog_items',
    ]) {
      await q.dropTable(t);
    }
  }
}
