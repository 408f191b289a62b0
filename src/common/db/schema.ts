import { Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import { restoreAppendOnlyTriggers } from './append-only';

/** Session-level advisory lock key (two-int form, class 3) held while one instance prepares the schema. */
const SCHEMA_LOCK: [number, number] = [3, 1];
const LOCK_POLL_MS = 100;
const LOCK_WAIT_LOG_MS = 5_000;

/**
 * Everything a start does to the schema, run by one instance at a time: pending migrations (one
 * transaction each), then the append-only check, which restores any missing or altered trigger and
 * logs one line naming them. On PostgreSQL a session-level advisory lock on one dedicated connection
 * (the one that also runs the migrations, so a pool of one is enough) is held throughout, so
 * instances starting together take turns instead of racing on CREATE TABLE.
 */
export async function prepareSchema(
  dataSource: DataSource,
  logger = new Logger('Database'),
): Promise<{ migrations: string[]; restored: string[] }> {
  const q = dataSource.createQueryRunner();
  const isPg = dataSource.options.type === 'postgres';
  let locked = false;
  try {
    if (isPg) {
      await acquireSchemaLock(q, logger);
      locked = true;
    }
    const executor = new MigrationExecutor(dataSource, q);
    executor.transaction = 'each';
    const migrations = (await executor.executePendingMigrations()).map((m) => m.name);
    await q.startTransaction();
    let restored: string[];
    try {
      restored = await restoreAppendOnlyTriggers(q);
      await q.commitTransaction();
    } catch (err) {
      await q.rollbackTransaction();
      throw err;
    }
    if (restored.length > 0) {
      logger.warn(
        `append-only protection restored: ${restored.join(', ')} were missing, disabled or altered (a migration that rebuilt the table, or a change by hand); run npm run ledger:verify to check that no entry was changed meanwhile`,
      );
    }
    return { migrations, restored };
  } finally {
    if (locked) {
      // Released explicitly: the pool keeps the connection, and with it a session lock, alive.
      await q
        .query('SELECT pg_advisory_unlock($1, $2)', SCHEMA_LOCK)
        .catch((err: unknown) => logger.error(`releasing the schema lock failed: ${String(err)}`));
    }
    await q.release();
  }
}

/**
 * Polls pg_try_advisory_lock rather than waiting in pg_advisory_lock, so that waiting for another
 * instance's long migration is not cut short by DATABASE_STATEMENT_TIMEOUT_MS.
 */
async function acquireSchemaLock(q: QueryRunner, logger: Logger): Promise<void> {
  const started = Date.now();
  let logged = false;
  for (;;) {
    const [row]: { locked: boolean }[] = await q.query(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      SCHEMA_LOCK,
    );
    if (row.locked) {
      return;
    }
    if (!logged && Date.now() - started >= LOCK_WAIT_LOG_MS) {
      logger.log('waiting for another instance to finish its migrations');
      logged = true;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}
