import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SqliteDriver from 'better-sqlite3';
import { Client } from 'pg';
import { VERIFY_EXIT, verifyCommand } from '../src/cli/verify-command';
import { FixedClock } from '../src/common/clock';
import { fixtures } from './support/fixtures';
import { startContext } from './support/test-app';
import { createTestStore, TestStore } from './support/test-db';

/** Runs one statement on the store behind the service's back. */
async function raw(store: TestStore, text: string): Promise<Record<string, unknown>[]> {
  if (store.database.type === 'sqlite') {
    const db = new SqliteDriver(store.database.path);
    try {
      const stmt = db.prepare(text);
      return stmt.reader ? (stmt.all() as Record<string, unknown>[]) : (stmt.run(), []);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: store.database.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** What would show any write: the file's bytes on SQLite, the rows that a boot would add on PostgreSQL. */
async function fingerprint(store: TestStore): Promise<string> {
  if (store.database.type === 'sqlite') {
    const wal = `${store.database.path}-wal`;
    return createHash('sha256')
      .update(readFileSync(store.database.path))
      .update(existsSync(wal) ? readFileSync(wal) : '')
      .digest('hex');
  }
  const rows = await raw(
    store,
    `SELECT (SELECT COUNT(*) FROM migrations) AS m, (SELECT COUNT(*) FROM standard_versions) AS s,
            (SELECT COUNT(*) FROM ledger_transactions) AS t, (SELECT COUNT(*) FROM sessions) AS se`,
  );
  return JSON.stringify(rows);
}

function envFor(store: TestStore): Record<string, string> {
  const env: Record<string, string> = { CONFIG_DIR: '/nonexistent/love-passbook-config' };
  if (store.database.type === 'sqlite') {
    env.DATABASE_PATH = store.database.path;
  } else {
    env.DATABASE_URL = store.database.url;
  }
  return env;
}

describe('npm run ledger:verify (read-only)', () => {
  let store: TestStore;
  let lastSeq = 0;
  let memberAccount = 0;
  let otherId = 0;

  beforeAll(async () => {
    store = await createTestStore();
    const ctx = await startContext(store.database, {
      clock: new FixedClock(new Date('2026-06-15T02:00:00Z')),
    });
    const f = fixtures(ctx);
    const member = await f.newMember();
    memberAccount = member.accountId;
    for (let i = 0; i < 5; i++) {
      lastSeq = (await f.earn(member.accountId, 100 + i)).seq;
    }
    // A second community, with books of its own: two transactions.
    const other = await f.newCommunity('north');
    otherId = other.id;
    const theirs = await f.newMember({ communityId: other.id });
    await f.earn(theirs.accountId, 300, undefined, other.id);
    await f.redeem(theirs.accountId, 100, undefined, other.id);
    await ctx.close();
  });
  afterAll(() => store.drop());

  it('should verify without CONFIG_DIR, run no pending migration and change nothing', async () => {
    // A pending migration: the old command booted the app, which ran it (and stored a standard).
    await raw(store, 'DELETE FROM migrations WHERE id = (SELECT MAX(id) FROM migrations)');
    const before = await fingerprint(store);

    const result = await verifyCommand(envFor(store), []);

    expect(result.exitCode).toBe(VERIFY_EXIT.OK);
    const lines = result.output.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^default: ok, ${lastSeq} transactions, last hash [0-9a-f]{64}; trial balance ok \\(sum 0\\.00, 3 accounts\\)$`,
        ),
      ),
      expect.stringMatching(
        /^north: ok, 2 transactions, last hash [0-9a-f]{64}; trial balance ok \(sum 0\.00, 3 accounts\)$/,
      ),
      expect.stringMatching(
        new RegExp(`^2 communities, all ok; ${lastSeq + 2} transactions verified in [0-9.]+ s$`),
      ),
    ]);
    await expect(fingerprint(store)).resolves.toBe(before);

    const json = await verifyCommand(envFor(store), ['--json']);
    expect(json.exitCode).toBe(VERIFY_EXIT.OK);
    const parsed = JSON.parse(json.output);
    expect(parsed).toMatchObject({
      ok: true,
      transactions: lastSeq + 2,
      communities: [
        { ok: true, transactions: lastSeq, community: { id: 1, code: 'default' } },
        { ok: true, transactions: 2, community: { id: otherId, code: 'north' } },
      ],
      trialBalance: { ok: true, sum: '0.00', accounts: 6 },
    });
    // The last hash printed is the one the JSON reports.
    expect(lines[1]).toContain(parsed.communities[1].lastHash);
    await expect(fingerprint(store)).resolves.toBe(before);
  });

  it('should answer 1 and name the seq when a posting was changed behind its back', async () => {
    const isPg = store.database.type === 'postgres';
    await raw(store, 'DROP TRIGGER postings_no_update' + (isPg ? ' ON postings' : ''));
    await raw(
      store,
      `UPDATE postings SET amount = amount + 500, balance_after = balance_after + 500
       WHERE seq = ${lastSeq - 2} AND account_id = ${memberAccount}`,
    );

    const result = await verifyCommand(envFor(store), []);

    // The tampered community is named with its seq and reason; the other still verifies.
    expect(result.exitCode).toBe(VERIFY_EXIT.LEDGER_BROKEN);
    const lines = result.output.split('\n');
    expect(lines[0]).toBe(
      `default: NOT OK at seq ${lastSeq - 2}: postings do not balance; ` +
        `trial balance NOT OK (sum 0.00, 3 accounts; differing from their postings: accounts ${memberAccount})`,
    );
    expect(lines[1]).toMatch(
      /^north: ok, 2 transactions, last hash [0-9a-f]{64}; trial balance ok/,
    );
    expect(lines[2]).toMatch(
      /^2 communities, 1 not ok \(default\); all accounts together: trial balance NOT OK \(sum 0\.00, 6 accounts; differing from their postings: accounts \d+\); 2 transactions verified in [0-9.]+ s$/,
    );
    const json = await verifyCommand(envFor(store), ['--json']);
    expect(json.exitCode).toBe(VERIFY_EXIT.LEDGER_BROKEN);
    expect(JSON.parse(json.output)).toMatchObject({
      ok: false,
      firstBadSeq: lastSeq - 2,
      community: { id: 1, code: 'default' },
    });
  });

  it('should answer 2 for a SQLite file that is not there, without creating it', async () => {
    const dir = store.database.type === 'sqlite' ? dirname(store.database.path) : '/tmp';
    const missing = join(dir, 'no-such-dir', 'missing.sqlite');

    const result = await verifyCommand({ CONFIG_DIR: '/nonexistent' }, [missing]);

    expect(result.exitCode).toBe(VERIFY_EXIT.CANNOT_CHECK);
    expect(result.output).toContain('missing.sqlite');
    expect(existsSync(dirname(missing))).toBe(false);
  });
});
