import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { SETTLE_MS } from '../../src/common/db/storage-failure';
import { fixtures } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A PostgreSQL outage without stopping the shared server: the test's own database stops taking
 * connections, its backends are terminated and it is renamed away (connections then fail), and
 * afterwards it comes back under its name.
 */
describe('PostgreSQL outage', () => {
  let t: TestApp;
  let admin: Client;
  let name: string;

  beforeAll(async () => {
    t = await createTestApp();
    if (t.store.database.type !== 'postgres') {
      throw new Error('test/pg runs on PostgreSQL only');
    }
    name = new URL(t.store.database.url).pathname.slice(1);
    admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it('should answer coded 503s without internals while the database is gone, log it once and recover by itself', async () => {
    const member = await fixtures(t.app).newMember();
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const logs = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await admin.query(`ALTER DATABASE ${name} RENAME TO ${name}_away`);

      const answers = [];
      for (let i = 0; i < 10; i++) {
        answers.push(await t.http.get('/api/health'));
        answers.push(
          await t.http.get(`/api/members/${member.id}`).set('authorization', t.adminAuth),
        );
        answers.push(
          await t.http
            .post('/api/service-records')
            .set('authorization', t.adminAuth)
            .set('idempotency-key', `outage-${i}`)
            .send({
              memberId: member.id,
              itemCode: 'cleanup',
              quantity: '1',
              serviceDate: '2026-06-14',
            }),
        );
      }
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(JSON.stringify(res.body)).not.toMatch(/SELECT|INSERT|pg_|lp_test|\bat /);
      }
      expect(answers[0].body.details).toEqual({ status: 'degraded', db: 'down' });
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringContaining('storage unavailable'),
      ]);

      await admin.query(`ALTER DATABASE ${name}_away RENAME TO ${name}`);
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      // The clock stands still from here until moved past the window.
      const frozen = Date.now();
      const clock = jest.spyOn(Date, 'now').mockImplementation(() => frozen);
      const retried = await t.http
        .post('/api/service-records')
        .set('authorization', t.adminAuth)
        .set('idempotency-key', 'outage-0')
        .send({
          memberId: member.id,
          itemCode: 'cleanup',
          quantity: '1',
          serviceDate: '2026-06-14',
        });
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBeUndefined();
      // The incident is over, and health answers 200, once the store has answered for SETTLE_MS
      // with no refusal.
      expect((await t.http.get('/api/health')).body.details).toEqual({
        status: 'degraded',
        db: 'down',
      });
      expect(logs).not.toHaveBeenCalled();
      clock.mockImplementation(() => frozen + SETTLE_MS);
      const health = await t.http.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', db: 'up' });
      expect(errors).toHaveBeenCalledTimes(1);
      expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringMatching(/^storage available again after \d+\.\d s \(\d+ requests refused;/),
      ]);
    } finally {
      jest.restoreAllMocks();
      await admin.query(`ALTER DATABASE IF EXISTS ${name}_away RENAME TO ${name}`).catch(() => {});
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
    }
  });
});
