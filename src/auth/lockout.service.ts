import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { escapeForLog, maskTypedForLog } from '../common/log-safe';
import { LoginAttempt } from './entities/login-attempt.entity';

/** Failed logins within this window count towards a lock. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
/** Rows of subjects that have been quiet this long are dropped. */
const FORGET_AFTER_MS = 24 * 3600_000;

/**
 * Locks a username or a passbook for a while after repeated failed logins, even against the right
 * password or PIN. Kept in the database, so it holds across restarts and instances.
 */
@Injectable()
export class LockoutService {
  private readonly logger = new Logger('Lockout');

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Refuses with ACCOUNT_LOCKED while the subject is locked. */
  async assertNotLocked(subject: string): Promise<void> {
    const row = await this.db.read((em) => em.findOneBy(LoginAttempt, { subject }));
    this.refuseIfLocked(row);
  }

  /**
   * After a correct password: refuses if a lock was set meanwhile (by a concurrent failure),
   * otherwise forgets the failures. Runs inside the write that issues the token.
   */
  async succeed(subject: string): Promise<void> {
    await this.db.write(async (em) => {
      await this.db.lockName(`login:${subject}`);
      this.refuseIfLocked(await em.findOneBy(LoginAttempt, { subject }));
      await em.delete(LoginAttempt, { subject });
    });
  }

  /** Counts one failed login; the LOCK_AFTER_FAILURES-th within the window locks the subject. */
  async recordFailure(subject: string): Promise<void> {
    await this.db.write(async (em) => {
      await this.db.lockName(`login:${subject}`);
      const now = this.clock.now();
      const nowIso = now.toISOString();
      const row = await em.findOneBy(LoginAttempt, { subject });
      const startsOver =
        !row ||
        (row.lockedUntil !== null && row.lockedUntil <= nowIso) ||
        Date.parse(row.firstFailedAt) + FAILURE_WINDOW_MS <= now.getTime();
      if (row && !startsOver && row.lockedUntil !== null) {
        return;
      }
      const failures = startsOver ? 1 : row.failures + 1;
      const lockedUntil =
        failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
      const next: LoginAttempt = {
        subject,
        failures,
        firstFailedAt: startsOver ? nowIso : row.firstFailedAt,
        lastFailedAt: nowIso,
        lockedUntil,
      };
      if (row) {
        await em.update(LoginAttempt, { subject }, next);
      } else {
        await em.insert(LoginAttempt, next);
      }
      if (lockedUntil) {
        // A staff username may be a password typed into the wrong field: logged masked.
        this.logger.warn(
          `${subjectForLog(subject)} locked until ${lockedUntil} after ${failures} failed logins`,
        );
      }
      const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
      await em.query(
        sql(
          this.db,
          'DELETE FROM login_attempts WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)',
        ),
        [forgetBefore, nowIso],
      );
    });
  }

  /** Lifts a lock (an admin reset the PIN or password). */
  async clear(subject: string): Promise<void> {
    await this.db.write((em) => em.delete(LoginAttempt, { subject }));
  }

  private refuseIfLocked(row: LoginAttempt | null): void {
    if (!row?.lockedUntil) {
      return;
    }
    const now = this.clock.now().getTime();
    const until = Date.parse(row.lockedUntil);
    if (until <= now) {
      return;
    }
    const retryAfterSeconds = Math.ceil((until - now) / 1000);
    throw new DomainError(
      ErrorCode.ACCOUNT_LOCKED,
      `too many failed logins: locked for ${Math.ceil(retryAfterSeconds / 60)} more minutes; try again later or ask an administrator to reset it`,
      { lockedUntil: row.lockedUntil, retryAfterSeconds },
    );
  }
}

export const userSubject = (username: string): string => `user:${username}`;
export const passbookSubject = (passbookNo: string): string => `passbook:${passbookNo}`;

/** A subject as logged: a username masked (it may be a mistyped password), a passbook number escaped. */
export function subjectForLog(subject: string): string {
  const username = /^user:(.*)$/s.exec(subject);
  return username ? `user:${maskTypedForLog(username[1])}` : escapeForLog(subject);
}
