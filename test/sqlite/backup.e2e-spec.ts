import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackupError, backupSqlite } from '../../src/maintenance/backup';
import { BackupJob } from '../../src/maintenance/backup.job';
import { LedgerService } from '../../src/ledger/ledger.service';
import { fixtures } from '../support/fixtures';
import { createTestApp, startContext, TestApp } from '../support/test-app';

async function openCopy(path: string) {
  return startContext({ type: 'sqlite', path, synchronous: 'FULL' });
}

describe('online backup and restore', () => {
  let t: TestApp;
  let dir: string;
  let sourcePath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passbook-backup-'));
    t = await createTestApp({
      env: { BACKUP_DIR: join(dir, 'scheduled'), BACKUP_INTERVAL_MINUTES: '60', BACKUP_KEEP: '2' },
    });
    if (t.store.database.type !== 'sqlite') {
      throw new Error('test/sqlite runs on SQLite only');
    }
    sourcePath = t.store.database.path;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should finish on a consistent snapshot while writes never stop, and restore to a ledger that verifies', async () => {
    const f = fixtures(t.app);
    const ledger = t.app.get(LedgerService);
    const member = await f.newMember();
    const issuance = await ledger.systemAccountId(1, 'issuance');
    // Enough pages that a page-by-page copy takes several steps.
    await t.db.write(async () => {
      for (let i = 0; i < 3000; i++) {
        await ledger.post({
          communityId: 1,
          kind: 'earn',
          actor: 'system:test',
          description: `历史记录 ${i} `.repeat(12),
          postings: [
            { accountId: issuance, amount: -150 },
            { accountId: member.accountId, amount: 150 },
          ],
        });
      }
    });
    const before = 3000 * 150;
    // A second community's books, copied and verified on their own.
    const other = await f.newCommunity('backup-b');
    const otherMember = await f.newMember({ communityId: other.id });
    for (let i = 0; i < 3; i++) {
      await f.earn(otherMember.accountId, 200, undefined, other.id);
    }

    // The online backup API restarted on every one of these and never finished.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await f.earn(member.accountId, 100);
        written++;
      }
    })();
    const target = join(dir, 'copy.sqlite');
    let timer: NodeJS.Timeout | undefined;
    let report;
    try {
      report = await Promise.race([
        backupSqlite(sourcePath, target),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('backup did not finish in 60 s')), 60_000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      writing = false;
      await writer;
    }
    expect(written).toBeGreaterThan(0);
    expect(report.transactions).toBeGreaterThanOrEqual(3003);
    expect(report.communities).toEqual([
      {
        id: 1,
        code: 'default',
        transactions: report.transactions - 3,
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      {
        id: other.id,
        code: 'backup-b',
        transactions: 3,
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const [own, theirs] = report.communities;
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);

    const restored = await openCopy(target);
    try {
      const copied = restored.get(LedgerService);
      await expect(copied.verify(1)).resolves.toEqual({
        ok: true,
        transactions: own.transactions,
        lastHash: own.lastHash,
        community: { id: 1, code: 'default' },
      });
      await expect(copied.verify(other.id)).resolves.toEqual({
        ok: true,
        transactions: 3,
        lastHash: theirs.lastHash,
        community: { id: other.id, code: 'backup-b' },
      });
      await expect(copied.balanceOf(otherMember.accountId)).resolves.toBe(600);
      const balance = await copied.balanceOf(member.accountId);
      // A snapshot: every earlier entry and a whole prefix of the concurrent ones.
      expect(balance >= before && balance <= before + written * 100).toBe(true);
      expect((balance - before) % 100).toBe(0);
      await expect(copied.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
    } finally {
      await restored.close();
    }
    // The live ledger continues the backup's chain: the copy is a prefix of it.
    const [live] = await t.db.read<{ hash: string }[]>((em) =>
      em.query('SELECT hash FROM ledger_transactions WHERE community_id = 1 AND seq = ?', [
        own.transactions,
      ]),
    );
    expect(live.hash).toBe(own.lastHash);
  }, 240_000); // a busy shared machine: setup and the copy take their time; the bound above is the check

  it('should refuse to report a backup of a ledger that does not verify, and leave no file', async () => {
    const f = fixtures(t.app);
    const member = await f.newMember();
    const { seq } = await f.earn(member.accountId, 100);
    const tamperedDir = mkdtempSync(join(dir, 'tampered-'));
    const tampered = join(tamperedDir, 'tampered.sqlite');
    await backupSqlite(sourcePath, tampered);
    const SqliteDriver = (await import('better-sqlite3')).default;
    const raw = new SqliteDriver(tampered);
    raw.exec('DROP TRIGGER postings_no_update');
    raw
      .prepare(
        'UPDATE postings SET amount = amount + 1, balance_after = balance_after + 1 WHERE seq = ? AND account_id = ?',
      )
      .run(seq, member.accountId);
    raw.close();

    const target = join(tamperedDir, 'copy-of-tampered.sqlite');
    const refused = backupSqlite(tampered, target);
    await expect(refused).rejects.toThrow(BackupError);
    await expect(refused).rejects.toThrow(
      `the copy does not verify: community default: postings do not balance (seq ${seq})`,
    );
    expect(readdirSync(tamperedDir)).toEqual(['tampered.sqlite']);
  });

  it('should back up on schedule by the injected clock and keep the newest BACKUP_KEEP', async () => {
    const job = t.app.get(BackupJob);
    const scheduled = join(dir, 'scheduled');
    t.clock.set('2026-06-15T02:00:00Z');
    await expect(job.runIfDue()).resolves.toMatchObject({ transactions: expect.any(Number) });
    t.clock.advance(30 * 60_000);
    await expect(job.runIfDue()).resolves.toBeNull();
    t.clock.advance(31 * 60_000);
    await expect(job.runIfDue()).resolves.not.toBeNull();
    t.clock.advance(61 * 60_000);
    await expect(job.runIfDue()).resolves.not.toBeNull();

    expect(readdirSync(scheduled).sort()).toEqual([
      'passbook-20260615T030100Z.sqlite',
      'passbook-20260615T040200Z.sqlite',
    ]);
    expect(existsSync(join(scheduled, 'passbook-20260615T020000Z.sqlite'))).toBe(false);
  });
});
