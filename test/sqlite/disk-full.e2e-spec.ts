import { spawn } from 'node:child_process';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import BetterSqlite3 from 'better-sqlite3';
import { SETTLE_MS } from '../../src/common/db/storage-failure';
import { fixtures } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * A full disk made on demand: `PRAGMA max_page_count` just above the file's size makes SQLite answer
 * SQLITE_FULL as soon as a write needs a new page, rounds after rounds, alone and inside groups of
 * concurrent writes, with a few pages coming free now and then. Every 201 must survive a reopen;
 * nothing refused may be on disk, and the log tells one incident.
 */
const NOTE = '满'.repeat(190);

describe('SQLite storage failures', () => {
  let t: TestApp;
  let second: TestApp | undefined;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await second?.app.close();
    await t.close();
  });

  const pragma = (sql: string): Promise<number> =>
    t.db.read(async (em) => {
      const rows = await em.query<Record<string, number>[]>(sql);
      return rows.length ? Object.values(rows[0])[0] : 0;
    });

  /** Another process holds the write lock for `ms`; resolves once it has it. */
  const holdWriteLock = async (path: string, ms: number): Promise<{ released: Promise<void> }> => {
    const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(path)});
      db.exec('BEGIN IMMEDIATE'); db.pragma('user_version = 7'); console.log('locked');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
      db.exec('COMMIT'); db.close();`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    // Wrapped: an async function returning a bare promise would be awaited to its end.
    return { released: new Promise<void>((resolve) => child.once('exit', () => resolve())) };
  };

  it('should wait for another process holding the write lock, and answer 503 when it never lets go', async () => {
    if (t.store.database.type !== 'sqlite') {
      throw new Error('test/sqlite runs on SQLite only');
    }
    const member = await fixtures(t.app).newMember();
    const earn = (key: string) =>
      t.http
        .post('/api/service-records')
        .set('authorization', t.adminAuth)
        .set('idempotency-key', key)
        .send({
          memberId: member.id,
          itemCode: 'cleanup',
          quantity: '1',
          serviceDate: '2026-06-14',
          // The second cleanup of the day is another one, on purpose.
          confirmDuplicate: true,
        });
    let { released } = await holdWriteLock(t.store.database.path, 700);
    const waited = await earn('busy-1');
    expect(waited.status).toBe(201);
    await released;
    // busy_timeout is 5 s: a lock held longer is a coded 503, and nothing was recorded.
    ({ released } = await holdWriteLock(t.store.database.path, 7000));

    const refused = await earn('busy-2');
    await released;
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      details: { reason: 'busy' },
    });
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    const again = await earn('busy-2');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('should answer 503 STORAGE_UNAVAILABLE while full, lose no acknowledged write and recover by itself', async () => {
    if (t.store.database.type !== 'sqlite') {
      throw new Error('test/sqlite runs on SQLite only');
    }
    const f = fixtures(t.app);
    const members = [await f.newMember(), await f.newMember(), await f.newMember()];
    const acked = new Map<string, string>();
    const refused: string[] = [];
    const others: string[] = [];
    let n = 0;
    let fittedWhileFull = 0;
    let freed = false;
    const post = async (): Promise<void> => {
      const key = `full-${n++}`;
      const res = await t.http
        .post('/api/service-records')
        .set('authorization', t.adminAuth)
        .set('idempotency-key', key)
        .send({
          memberId: members[n % 3].id,
          itemCode: 'daily_patrol',
          quantity: '1.5',
          // Spread over members and days so no daily cap is reached; a member patrols a day
          // more than once on purpose (confirmed as not duplicates).
          serviceDate: new Date(Date.UTC(2026, 5, 14) - (n % 60) * 86_400_000)
            .toISOString()
            .slice(0, 10),
          note: NOTE,
          confirmDuplicate: true,
        });
      if (res.status === 201) {
        acked.set(key, res.body.transactionId as string);
        fittedWhileFull += refused.length > 0 && !freed ? 1 : 0;
      } else if (res.status === 503) {
        expect(res.body).toEqual({
          statusCode: 503,
          code: 'STORAGE_UNAVAILABLE',
          message: expect.stringContaining('nothing was recorded'),
          details: { reason: 'full' },
        });
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        refused.push(key);
      } else {
        others.push(`${res.status} ${JSON.stringify(res.body)}`);
      }
    };

    const pages = await pragma('PRAGMA page_count');
    // An earlier test's incident ends first (its writes have gone through since).
    const realNow = Date.now.bind(Date);
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + SETTLE_MS);
    expect((await t.http.get('/api/health')).status).toBe(200);
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const logs = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await pragma(`PRAGMA max_page_count = ${pages + 3}`);
    // Rounds of one write and of 12 concurrent writes (one group commit), well past the first failure.
    let refusedRounds = 0;
    for (let round = 0; round < 40; round++) {
      if (round % 8 === 5) {
        // A few pages come free now and then (a log rotated on the same disk) and fill again.
        await pragma(`PRAGMA max_page_count = ${(await pragma('PRAGMA page_count')) + 3}`);
      }
      const before = refused.length;
      if (round % 2 === 0) {
        await post();
      } else {
        await Promise.all(Array.from({ length: 12 }, () => post()));
      }
      if (refused.length > before) {
        refusedRounds++;
      }
    }
    expect(others.slice(0, 3)).toEqual([]);
    expect(refusedRounds).toBeGreaterThanOrEqual(10);
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      details: { status: 'degraded', db: 'full' },
    });

    // Space is freed: the next writes succeed without a restart.
    await pragma('PRAGMA max_page_count = 1073741823');
    freed = true;
    // The clock stands still from here until moved past the window.
    const frozen = realNow() + SETTLE_MS;
    clock.mockImplementation(() => frozen);
    const ackedBefore = acked.size;
    await Promise.all(Array.from({ length: 12 }, () => post()));
    await post();
    expect(acked.size).toBe(ackedBefore + 13);
    // One incident however many writes still fitted in between; it ends, and health answers 200,
    // SETTLE_MS after a write went through with no refusal since.
    expect(fittedWhileFull).toBeGreaterThan(0);
    expect((await t.http.get('/api/health')).status).toBe(503);
    expect(logs).not.toHaveBeenCalled();
    clock.mockImplementation(() => frozen + SETTLE_MS);
    expect((await t.http.get('/api/health')).body).toEqual({ status: 'ok', db: 'up' });
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('the database disk is full (SQLITE_FULL)'),
    ]);
    expect(logs.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^storage available again after .* s \(\d+ requests refused;/),
    ]);
    jest.restoreAllMocks();

    // Reopen the file: every acknowledged write is there, no refused one is, verify passes.
    await t.app.close();
    const path = t.store.database.path;
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      const tx = raw.prepare('SELECT COUNT(*) AS c FROM ledger_transactions WHERE id = ?');
      const key = raw.prepare('SELECT status_code AS s FROM idempotency_keys WHERE key = ?');
      const missing = [...acked].filter(([, id]) => (tx.get(id) as { c: number }).c !== 1);
      expect(missing).toEqual([]);
      expect(refused.filter((k) => key.get(k) !== undefined)).toEqual([]);
      const records = raw
        .prepare('SELECT COUNT(*) AS c FROM service_records WHERE note = ?')
        .get(NOTE) as { c: number };
      expect(records.c).toBe(acked.size);
    } finally {
      raw.close();
    }
    second = await createTestApp({ share: t });
    const verify = await second.http
      .get('/api/ledger/verify')
      .set('authorization', second.adminAuth);
    expect(verify.body).toMatchObject({ ok: true });
  });
});
