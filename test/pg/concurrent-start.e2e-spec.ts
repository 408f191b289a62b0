import { createConnection, createServer, Server, Socket } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { FixedClock } from '../../src/common/clock';
import { Database } from '../../src/common/db/database';
import { APPEND_ONLY_TABLES } from '../../src/common/db/append-only';
import { migrations } from '../../migrations';
import { listenOnLoopback } from '../support/listen';
import { ADMIN_PASSWORD, testConfig } from '../support/test-app';
import { createTestStore } from '../support/test-db';

const INSTANCES = 3;
const ROUNDS = 3;

/**
 * Instances of a district started together on an empty database: one runs the migrations and the
 * trigger check under the schema lock while the others wait, and the boot writes (first admin,
 * scoring standard, redemption windows) happen once. The instances reach the server through a gate
 * that holds every connection until each instance has asked for one, so they meet the empty
 * database at the same moment, as processes started together by a supervisor do.
 */
describe('instances starting together on an empty PostgreSQL database', () => {
  it.each(Array.from({ length: ROUNDS }, (_v, i) => i + 1))(
    'should bring all three up, round %i',
    async () => {
      const store = await createTestStore();
      if (store.database.type !== 'postgres') {
        throw new Error('test/pg/ runs on PostgreSQL only');
      }
      const gate = await openGate(new URL(store.database.url), INSTANCES);
      const clock = new FixedClock(new Date('2026-06-15T02:00:00Z'));
      const config = testConfig(
        { ...store.database, url: gate.url },
        { SCHEDULER_ENABLED: 'true' },
      );
      const started = await Promise.allSettled(
        Array.from({ length: INSTANCES }, () => createApp({ config, clock, logger: false })),
      );
      const apps = started
        .filter(
          (s): s is PromiseFulfilledResult<NestFastifyApplication> => s.status === 'fulfilled',
        )
        .map((s) => s.value);
      try {
        expect(started.filter((s) => s.status === 'rejected').map((s) => String(s.reason))).toEqual(
          [],
        );
        for (const app of apps) {
          const res = await request(app.getHttpServer())
            .post('/api/auth/login')
            .send({ username: 'admin', password: ADMIN_PASSWORD });
          expect(res.status).toBe(200);
        }
        const db = apps[0].get(Database);
        const count = async (table: string): Promise<number> =>
          Number((await db.read((em) => em.query(`SELECT count(*) AS n FROM ${table}`)))[0].n);
        await expect(count('users')).resolves.toBe(1);
        await expect(count('standard_versions')).resolves.toBe(1);
        await expect(count('migrations')).resolves.toBe(migrations.length);
        const triggers = await db.read((em) =>
          em.query(`SELECT count(*) AS n FROM pg_trigger WHERE tgname LIKE '%\\_no\\_%'`),
        );
        // An UPDATE and a DELETE trigger on each append-only table.
        expect(Number(triggers[0].n)).toBe(APPEND_ONLY_TABLES.length * 2);
      } finally {
        for (const app of apps) {
          await app.close();
        }
        await gate.close();
        await store.drop();
      }
    },
  );
});

/**
 * A TCP relay to the PostgreSQL server that holds the first connections until `waitFor` of them are
 * waiting (or a few seconds have passed), then lets them all through at once.
 */
async function openGate(
  target: URL,
  waitFor: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const held: Socket[] = [];
  const sockets = new Set<Socket>();
  let open = false;
  const relay = (client: Socket): void => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  };
  const release = (): void => {
    open = true;
    held.splice(0).forEach(relay);
  };
  const timer = setTimeout(release, 5000);
  const server: Server = createServer((client) => {
    client.pause();
    if (open) {
      relay(client);
      return;
    }
    held.push(client);
    if (held.length >= waitFor) {
      clearTimeout(timer);
      release();
    }
  });
  const port = await listenOnLoopback(server, { from: 4300, to: 4399 });
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    close: async () => {
      clearTimeout(timer);
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
