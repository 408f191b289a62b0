import { MigrationInterface, QueryRunner, Table } from 'typeorm';

const table = (subjectLength: string): Table =>
  new Table({
    name: 'login_attempts',
    columns: [
      { name: 'subject', type: 'varchar', length: subjectLength, isPrimary: true },
      { name: 'failures', type: 'integer' },
      { name: 'first_failed_at', type: 'varchar', length: '32' },
      { name: 'last_failed_at', type: 'varchar', length: '32' },
      { name: 'locked_until', type: 'varchar', length: '32', isNullable: true },
    ],
    indices: [{ name: 'idx_login_attempts_last_failed', columnNames: ['last_failed_at'] }],
  });

/**
 * Attempts are counted per subject and per subject and client address (`user:admin@192.0.2.1`,
 * up to 64 + 45 + 6 characters), so the key grows to 200. The rows only hold the last 15 minutes'
 * failures: the table is made again rather than altered (a changed primary-key column would be
 * dropped and re-added on PostgreSQL and the table copied on SQLite anyway).
 */
export class LoginAttemptsByAddress1764000400000 implements MigrationInterface {
  name = 'LoginAttemptsByAddress1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.dropTable('login_attempts');
    await q.createTable(table('200'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_attempts');
    await q.createTable(table('100'));
  }
}
