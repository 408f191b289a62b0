import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { backupSqlite } from '../../src/common/db/backup';
import { LedgerService } from '../../src/ledger/ledger.service';
import { fixtures } from '../support/fixtures';
import { createTestApp, TestApp, testConfig } from '../support/test-app';

describe('online backup and restore', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'passbook-backup-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should copy a running service database into a file that verifies with the same balances', async () => {
    if (t.store.database.type !== 'sqlite') {
      throw new Error('test/sqlite runs on SQLite only');
    }
    const f = fixtures(t.app);
    const member = await f.newMember();
    for (let i = 0; i < 20; i++) {
      await f.earn(member.accountId, 150);
    }
    // Writes keep arriving while the backup runs.
    const writing = Promise.all(Array.from({ length: 20 }, () => f.earn(member.accountId, 100)));
    const target = join(dir, 'copy.sqlite');
    await backupSqlite(t.store.database.path, target);
    await writing;

    const restored = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        config: testConfig({ type: 'sqlite', path: target, synchronous: 'FULL' }),
      }),
      { logger: false },
    );
    try {
      const ledger = restored.get(LedgerService);
      const verify = await ledger.verify();
      expect(verify.ok).toBe(true);
      const balance = await ledger.balanceOf(member.accountId);
      // A consistent snapshot: the 20 earlier earns and some whole prefix of the concurrent ones.
      expect(balance >= 3000 && balance <= 5000 && (balance - 3000) % 100 === 0).toBe(true);
      await expect(ledger.trialBalance()).resolves.toMatchObject({ ok: true, sum: '0.00' });
    } finally {
      await restored.close();
    }
  });
});
