import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../../../migrations';
import { AppConfig } from '../../config/app-config';
import { entities } from '../../entities';
import { Database, PostgresDatabase, SqliteDatabase } from './database';
import { prepareSchema } from './schema';

/**
 * Opens the store named by the config, applies pending migrations, checks the append-only triggers
 * (see schema.ts) and wraps it in a Database.
 */
export async function openDatabase(config: AppConfig['database']): Promise<Database> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();
  await prepareSchema(dataSource);
  return config.type === 'sqlite'
    ? new SqliteDatabase(dataSource)
    : new PostgresDatabase(dataSource);
}

export function createDataSource(config: AppConfig['database']): DataSource {
  if (config.type === 'sqlite') {
    if (config.path !== ':memory:') {
      mkdirSync(dirname(config.path), { recursive: true });
    }
    return bindNumbers(
      new DataSource({
        type: 'better-sqlite3',
        database: config.path,
        entities,
        migrations,
        migrationsRun: false,
        synchronize: false,
        enableWAL: config.path !== ':memory:',
        timeout: 5000,
        // Room for every statement the hot paths use (IN lists of each length count apart), so
        // they are prepared once, not again and again (it showed in the profile at the default 100).
        statementCacheSize: 500,
        prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
          // FULL: a 201 means the entry reached the disk, not just the OS cache.
          db.pragma(`synchronous = ${config.synchronous}`);
          db.pragma('busy_timeout = 5000');
        },
      }),
    );
  }
  return new DataSource({
    type: 'postgres',
    url: config.url,
    entities,
    migrations,
    synchronize: false,
    poolSize: config.poolSize,
    ssl: config.ssl ? { rejectUnauthorized: true } : false,
    extra: {
      statement_timeout: config.statementTimeoutMs || undefined,
      application_name: 'love-passbook',
    },
  });
}

/**
 * TypeORM 1.x's SQLite driver writes number parameters of find/insert/update calls into the SQL
 * text (AbstractSqliteDriver.escapeQueryWithParameters), so `findOneBy(Member, { id })` or an
 * insert with a new id is a statement of its own on every request: prepared again each time and
 * pushing the hot statements out of the statement cache. This binds them instead, with the same
 * meaning as the literal they replace: an integer as a SQLite INTEGER (a BigInt, which
 * better-sqlite3 binds as int64); other numbers are left as they were.
 */
function bindNumbers(dataSource: DataSource): DataSource {
  const driver = dataSource.driver as unknown as {
    escapeQueryWithParameters(
      sql: string,
      parameters: Record<string, unknown>,
      nativeParameters: Record<string, unknown>,
    ): [string, unknown[]];
  };
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql, parameters, nativeParameters) => {
    if (!parameters) {
      return escape(sql, parameters, nativeParameters);
    }
    const bound: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parameters)) {
      bound[key] = typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
    }
    return escape(sql, bound, nativeParameters);
  };
  return dataSource;
}
