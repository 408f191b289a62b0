import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Gifts of points from volunteers to hardship households; the points move in the ledger. */
export class Donations1763700400000 implements MigrationInterface {
  name = 'Donations1763700400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'donations',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'transaction_id', type: 'varchar', length: '36', isUnique: true },
          { name: 'member_id', type: 'integer' },
          { name: 'household_id', type: 'integer' },
          { name: 'points', type: 'bigint' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['household_id'],
            referencedTableName: 'households',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_donations_member', columnNames: ['member_id', 'id'] },
          { name: 'idx_donations_household', columnNames: ['household_id', 'id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('donations');
  }
}
