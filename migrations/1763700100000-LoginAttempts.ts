import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Failed logins per username or passbook, in the database so a lockout holds across restarts and
 * across instances sharing a PostgreSQL database.
 */
export class LoginAttempts1763700100000 implements MigrationInterface {
  name = 'LoginAttempts1763700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'login_attempts',
        columns: [
          { name: 'subject', type: 'varchar', length: '100', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'first_failed_at', type: 'varchar', length: '32' },
          { name: 'last_failed_at', type: 'varchar', length: '32' },
          { name: 'locked_until', type: 'varchar', length: '32', isNullable: true },
        ],
        indices: [{ name: 'idx_login_attempts_last_failed', columnNames: ['last_failed_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('login_attempts');
  }
}
