import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { BackupReport, backupSqlite } from './backup';

const BACKUP_NAME = /^passbook-(\d{8}T\d{6}Z)\.sqlite$/;
/** A temporary copy left by a run that died (power cut) is removed after this long. */
const PARTIAL_STALE_MS = 24 * 3600_000;

/** `passbook-20261201T160500Z.sqlite`: sortable by name, in UTC. */
export function backupFileName(at: Date): string {
  return `passbook-${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z.sqlite`;
}

/**
 * Scheduled backups of the SQLite file into BACKUP_DIR, for an office without an operator. Checks
 * every minute whether the newest backup there is older than BACKUP_INTERVAL_MINUTES by the
 * injected clock, so restarts and missed ticks only delay the next copy; keeps the newest
 * BACKUP_KEEP. The copy runs on its own connection and thread (see backupSqlite), so the write
 * queue is not held while it runs.
 */
@Injectable()
export class BackupJob {
  private readonly logger = new Logger('BackupJob');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'sqlite-backup', waitForCompletion: true })
  async tick(): Promise<void> {
    if (!this.config.schedulerEnabled) {
      return;
    }
    try {
      await this.runIfDue();
    } catch (err) {
      // The next tick tries again: no backup of that time exists, so it is still due.
      this.logger.error(`scheduled backup failed: ${(err as Error).message}`);
    }
  }

  /** One pass: a backup when one is due (null otherwise), then the oldest beyond BACKUP_KEEP go. */
  async runIfDue(): Promise<BackupReport | null> {
    const backup = this.config.backup;
    if (!backup || this.config.database.type !== 'sqlite') {
      return null;
    }
    const now = this.clock.now();
    const existing = this.backups(backup.dir);
    const newest = existing.at(-1);
    if (newest && now.getTime() - newest.at.getTime() < backup.intervalMinutes * 60_000) {
      return null;
    }
    const report = await backupSqlite(
      this.config.database.path,
      join(backup.dir, backupFileName(now)),
      { background: true },
    );
    this.logger.log(
      `backed up ${report.transactions} transactions of ${report.communities.length} communities to ${report.path} (${(report.bytes / 1e6).toFixed(1)} MB, ${report.seconds.toFixed(1)} s, verified)`,
    );
    this.prune(backup.dir, backup.keep, now);
    return report;
  }

  /** The backups in a folder, oldest first (by the time in their name). */
  backups(dir: string): { name: string; at: Date }[] {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    return names
      .map((name) => ({ name, m: BACKUP_NAME.exec(name) }))
      .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
      .map(({ name, m }) => ({
        name,
        at: new Date(
          `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}T${m[1].slice(9, 11)}:${m[1].slice(11, 13)}:${m[1].slice(13, 15)}Z`,
        ),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private prune(dir: string, keep: number, now: Date): void {
    const all = this.backups(dir);
    for (const old of all.slice(0, Math.max(0, all.length - keep))) {
      rmSync(join(dir, old.name), { force: true });
      this.logger.log(`removed old backup ${old.name} (keeping ${keep})`);
    }
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.partial')) {
        const path = join(dir, name);
        if (now.getTime() - statSync(path).mtimeMs > PARTIAL_STALE_MS) {
          rmSync(path, { force: true });
        }
      }
    }
  }
}
