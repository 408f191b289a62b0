import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** One member's service on one item on one day, scored by the standard in force that day. */
export class ServiceRecords1763700002000 implements MigrationInterface {
  name = 'ServiceRecords1763700002000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'service_records',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'member_id', type: 'integer' },
          { name: 'team_id', type: 'integer', isNullable: true },
          { name: 'activity_id', type: 'integer', isNullable: true },
          { name: 'item_code', type: 'varchar', length: '40' },
          { name: 'category_code', type: 'varchar', length: '40' },
          { name: 'standard_version', type: 'integer' },
          { name: 'unit', type: 'varchar', length: '8' },
          { name: 'quantity', type: 'bigint' },
          { name: 'hours', type: 'bigint', default: 0 },
          { name: 'points', type: 'bigint' },
          { name: 'service_date', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '16' },
          {
            name: 'transaction_id',
            type: 'varchar',
            length: '36',
            isNullable: true,
            isUnique: true,
          },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'reject_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'decided_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'decided_at', type: 'varchar', length: '32', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          { columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'] },
          {
            columnNames: ['transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_service_records_member_date', columnNames: ['member_id', 'service_date'] },
          { name: 'idx_service_records_date', columnNames: ['service_date'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('service_records');
  }
}
