import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The retention job finds what to prune by age without scanning the tables it keeps small. */
export class RetentionIndexes1764000200000 implements MigrationInterface {
  name = 'RetentionIndexes1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'idempotency_keys',
      new TableIndex({ name: 'idx_idempotency_keys_created', columnNames: ['created_at'] }),
    );
    await q.createIndex(
      'sessions',
      new TableIndex({ name: 'idx_sessions_expires', columnNames: ['expires_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('sessions', 'idx_sessions_expires');
    await q.dropIndex('idempotency_keys', 'idx_idempotency_keys_created');
  }
}
