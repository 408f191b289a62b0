import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';

/** Rows deleted per write, so the SQLite queue is never held for long. */
export const PRUNE_BATCH = 500;
/**
 * Login attempts are the lockout's own business (it forgets quiet subjects after a day); this is
 * only a backstop for rows nobody touches again, far beyond any lock window.
 */
export const LOGIN_ATTEMPTS_KEPT_DAYS = 30;

const DAY_MS = 86_400_000;

export interface PruneResult {
  idempotencyKeys: number;
  sessions: number;
  loginAttempts: number;
}

/**
 * What is kept only for a while: idempotency records (IDEMPOTENCY_RETENTION_DAYS, so a retry
 * within that period still replays), expired sessions and long-quiet login attempts. Never a
 * ledger, shop or service-record table: those are the books.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async prune(): Promise<PruneResult> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const keysBefore = new Date(
      now.getTime() - this.config.idempotencyRetentionDays * DAY_MS,
    ).toISOString();
    const attemptsBefore = new Date(
      now.getTime() - LOGIN_ATTEMPTS_KEPT_DAYS * DAY_MS,
    ).toISOString();
    return {
      idempotencyKeys: await this.deleteInBatches(
        `DELETE FROM idempotency_keys WHERE (principal, key) IN
           (SELECT principal, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)`,
        [keysBefore],
      ),
      sessions: await this.deleteInBatches(
        `DELETE FROM sessions WHERE token_hash IN
           (SELECT token_hash FROM sessions WHERE expires_at < ? LIMIT ?)`,
        [nowIso],
      ),
      loginAttempts: await this.deleteInBatches(
        `DELETE FROM login_attempts WHERE subject IN
           (SELECT subject FROM login_attempts
             WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?) LIMIT ?)`,
        [attemptsBefore, attemptsBefore],
      ),
    };
  }

  /** One short write per batch, with a turn of the event loop between, until a batch comes up short. */
  private async deleteInBatches(text: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.db.write(async (em) => {
        const result = await em.queryRunner!.query(
          sql(this.db, text),
          [...params, PRUNE_BATCH],
          true,
        );
        return result.affected ?? 0;
      });
      total += deleted;
      if (deleted < PRUNE_BATCH) {
        return total;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
