import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../../src/config/app-config';

export interface TestStore {
  database: AppConfig['database'];
  drop(): Promise<void>;
}

/**
 * A fresh store for one test file: a temporary SQLite file, or, when DATABASE_URL is set
 * (npm run test:pg), a new PostgreSQL database on that server, dropped afterwards.
 */
export async function createTestStore(): Promise<TestStore> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'passbook-test-'));
    return {
      database: { type: 'sqlite', path: join(dir, 'passbook.sqlite'), synchronous: 'NORMAL' },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `lp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    database: {
      type: 'postgres',
      url: dbUrl.toString(),
      poolSize: 10,
      statementTimeoutMs: 30_000,
      ssl: false,
    },
    drop: async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
