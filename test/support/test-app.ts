import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { AppModule } from '../../src/app.module';
import { Clock, FixedClock } from '../../src/common/clock';
import { Database } from '../../src/common/db/database';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { LedgerService } from '../../src/ledger/ledger.service';
import { createTestStore, TestStore } from './test-db';

export const ADMIN_PASSWORD = 'admin-pass-123';

export function testConfig(
  database: AppConfig['database'],
  env: Record<string, string> = {},
): AppConfig {
  return {
    ...loadConfig({
      ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '0',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'error',
      // One key folder for every test app (generated once, race-safe), not the repo's data/keys.
      CERTIFICATE_KEY_DIR: join(tmpdir(), 'passbook-test-keys'),
      ...env,
    }),
    database,
  };
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  clock: FixedClock;
  db: Database;
  store: TestStore;
  /** Logs in and returns "Bearer <token>". */
  login(username: string, password?: string): Promise<string>;
  adminAuth: string;
  close(): Promise<void>;
}

/**
 * The whole HTTP app on a fresh store with a movable clock (default 2026-06-15 10:00 Shanghai).
 * `share` starts a second instance on the same store (multi-instance tests).
 */
export async function createTestApp(
  options: { clock?: FixedClock; env?: Record<string, string>; share?: TestApp } = {},
): Promise<TestApp> {
  const store = options.share?.store ?? (await createTestStore());
  const clock = options.clock ?? new FixedClock(new Date('2026-06-15T02:00:00Z'));
  const config = testConfig(store.database, options.env);
  const app = await createApp({ config, clock, logger: false });
  const http = request(app.getHttpServer());
  const login = async (username: string, password = ADMIN_PASSWORD): Promise<string> => {
    const res = await http.post('/api/auth/login').send({ username, password });
    if (res.status !== 200) {
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return `Bearer ${res.body.token}`;
  };
  const adminAuth = await login('admin');
  return {
    app,
    http,
    clock,
    db: app.get(Database),
    store,
    login,
    adminAuth,
    close: async () => {
      await app.close();
      if (!options.share) {
        await store.drop();
      }
    },
  };
}

export interface TestContext {
  ctx: INestApplicationContext;
  clock: FixedClock;
  db: Database;
  ledger: LedgerService;
  close(): Promise<void>;
}

/**
 * The app's services, without HTTP, on a store that already exists (a copy, a store a test set up
 * by hand); the one way tests start them. Without a clock it runs on the system clock.
 */
export async function startContext(
  database: AppConfig['database'],
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(
    AppModule.forRoot({ config: testConfig(database, options.env), clock: options.clock }),
    { logger: false },
  );
  await ctx.init();
  return ctx;
}

/** The real services on a real store, without HTTP: for medium tests. */
export async function createTestContext(
  options: { clock?: FixedClock; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const store = await createTestStore();
  const clock = options.clock ?? new FixedClock(new Date('2026-06-15T02:00:00Z'));
  const ctx = await startContext(store.database, { clock, env: options.env });
  return {
    ctx,
    clock,
    db: ctx.get(Database),
    ledger: ctx.get(LedgerService),
    close: async () => {
      await ctx.close();
      await store.drop();
    },
  };
}
