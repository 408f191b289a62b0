import { existsSync } from 'node:fs';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Database } from './database';
import { entities } from '../../entities';

/**
 * A store opened only to read, for checks that must change nothing (`npm run ledger:verify`, the
 * check of a backup copy): SQLite read-only on an existing file, PostgreSQL with every transaction
 * READ ONLY. No migrations run and `write` refuses.
 */
export class ReadOnlyDatabase extends Database {
  constructor(
    dataSource: DataSource,
    readonly dialect: 'sqlite' | 'postgres',
  ) {
    super(dataSource);
  }

  write<T>(): Promise<T> {
    return Promise.reject(new Error('this database was opened read-only'));
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.joinable('read');
    if (joined) {
      return work(joined);
    }
    return this.withAmbient(this.dataSource.manager, 'read', work);
  }

  /** Runs every read of `work` on one snapshot: one read-only transaction, rolled back at the end. */
  async snapshot<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      if (this.dialect === 'postgres') {
        await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      } else {
        await runner.query('BEGIN');
      }
      try {
        return await this.withAmbient(runner.manager, 'read', () => work());
      } finally {
        await runner.query('ROLLBACK');
      }
    } finally {
      await runner.release();
    }
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}

/** Opens the store named by the config read-only; a missing SQLite file is refused, not created. */
export async function openReadOnly(config: AppConfig['database']): Promise<ReadOnlyDatabase> {
  if (config.type === 'sqlite') {
    if (config.path === ':memory:' || !existsSync(config.path)) {
      throw new Error(`no SQLite database at ${config.path}`);
    }
    const dataSource = new DataSource({
      type: 'better-sqlite3',
      database: config.path,
      entities,
      readonly: true,
      fileMustExist: true,
      timeout: 5000,
    });
    await dataSource.initialize();
    return new ReadOnlyDatabase(dataSource, 'sqlite');
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.url,
    entities,
    poolSize: 1,
    ssl: config.ssl ? { rejectUnauthorized: true } : false,
    extra: {
      // Every transaction of this session is read-only, whatever a caller sends.
      options: '-c default_transaction_read_only=on',
      application_name: 'love-passbook-readonly',
    },
  });
  await dataSource.initialize();
  return new ReadOnlyDatabase(dataSource, 'postgres');
}
