import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../common/clock';
import { Database, sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { escapeForLog, maskTypedForLog } from '../common/log-safe';
import { LoginAttempt } from './entities/login-attempt.entity';

/** Attempts within this window count towards a lock; the window starts at the first attempt. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** Attempts from one client address at one subject before that address is locked out of it. */
export const LOCK_AFTER_FAILURES = 5;
/**
 * Attempts from all addresses together before the subject is locked for everyone: high enough
 * that one attacker cannot lock a user out from the user's own address, low enough that many
 * addresses together still guess little (see the README's Lockout section for the arithmetic).
 */
export const SUBJECT_CAP = { user: 50, passbook: 20 } as const;
export const LOCK_MS = 15 * 60_000;
/** Rows of subjects that have been quiet this long are dropped. */
const FORGET_AFTER_MS = 24 * 3600_000;

export type LockReason = 'address' | 'account';

/**
 * Locks a username or a passbook after repeated failed logins, even against the right password or
 * PIN. Every check of a secret first reserves an attempt here, in one write that is serialised per
 * subject (SQLite's queue; an advisory lock on PostgreSQL), so however many requests arrive at once,
 * at most LOCK_AFTER_FAILURES secrets per subject and address (and the subject's cap over all
 * addresses) are ever verified per window. A refused reservation never looks at the secret, so a
 * locked subject answers the same whatever was sent. Kept in the database: holds across restarts and
 * instances.
 *
 * Rows: `subject` (all addresses together) and `subject@address` (one client address); `failures`
 * counts the attempts reserved in the window that have not succeeded.
 */
@Injectable()
export class LockoutService {
  private readonly logger = new Logger('Lockout');

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Reserves one attempt at the subject from the address, or refuses with ACCOUNT_LOCKED
   * (`details.reason`: `address` when this address used its attempts, `account` when all
   * addresses together did). Call before verifying the secret.
   */
  async reserve(subject: string, address: string): Promise<void> {
    await this.db.write(async (em) => {
      await this.db.lockName(`login:${subject}`);
      const now = this.clock.now();
      const { pair, whole } = await this.rows(em, subject, address, now);
      const refusal = this.lockOf(pair, now, 'address') ?? this.lockOf(whole, now, 'account');
      if (refusal) {
        throw refusal;
      }
      const locks = [
        (await this.put(em, pairKey(subject, address), pair, LOCK_AFTER_FAILURES, now))
          ? `from ${address}`
          : null,
        (await this.put(em, subject, whole, capOf(subject), now)) ? 'from all addresses' : null,
      ];
      for (const from of locks.filter((l) => l !== null)) {
        // A username or passbook number and an address: no name, phone or secret.
        this.logger.warn(
          `${subjectForLog(subject)} locked for ${LOCK_MS / 60_000} minutes: too many logins ${from}`,
        );
      }
    });
  }

  /**
   * After a correct secret: forgets this address's failures and gives the reservation back to the
   * subject's count. Runs inside the write that issues the token.
   */
  async succeed(subject: string, address: string): Promise<void> {
    await this.db.write(async (em) => {
      await this.db.lockName(`login:${subject}`);
      const now = this.clock.now();
      const { whole } = await this.rows(em, subject, address, now);
      await em.delete(LoginAttempt, { subject: pairKey(subject, address) });
      if (!whole) {
        return;
      }
      const failures = whole.failures - 1;
      if (failures <= 0) {
        await em.delete(LoginAttempt, { subject });
        return;
      }
      await em.update(
        LoginAttempt,
        { subject },
        { failures, lockedUntil: failures < capOf(subject) ? null : whole.lockedUntil },
      );
    });
  }

  /** After a wrong secret: the reservation already counted it; drops long-quiet rows. */
  async fail(): Promise<void> {
    await this.db.write(async (em) => {
      const now = this.clock.now();
      const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
      await em.query(
        sql(
          this.db,
          'DELETE FROM login_attempts WHERE last_failed_at < ? AND (locked_until IS NULL OR locked_until < ?)',
        ),
        [forgetBefore, now.toISOString()],
      );
    });
  }

  /** Lifts every lock of a subject, from every address (an admin reset the PIN or password). */
  async clear(subject: string): Promise<void> {
    await this.db.write(async (em) => {
      await em.query(
        sql(this.db, "DELETE FROM login_attempts WHERE subject = ? OR subject LIKE ? ESCAPE '\\'"),
        [subject, `${likeEscaped(subject)}@%`],
      );
    });
  }

  /** The subject's rows as they count now: null when absent, lapsed or out of the window. */
  private async rows(
    em: EntityManager,
    subject: string,
    address: string,
    now: Date,
  ): Promise<{ pair: LoginAttempt | null; whole: LoginAttempt | null }> {
    const found = await em.findBy(LoginAttempt, {
      subject: In([subject, pairKey(subject, address)]),
    });
    const live = (key: string): LoginAttempt | null => {
      const row = found.find((r) => r.subject === key);
      if (!row) {
        return null;
      }
      if (row.lockedUntil !== null) {
        return Date.parse(row.lockedUntil) > now.getTime() ? row : null;
      }
      return Date.parse(row.firstFailedAt) + FAILURE_WINDOW_MS > now.getTime() ? row : null;
    };
    return { pair: live(pairKey(subject, address)), whole: live(subject) };
  }

  /** Counts one more attempt on a row; the limit-th locks it (returns true then). */
  private async put(
    em: EntityManager,
    key: string,
    current: LoginAttempt | null,
    limit: number,
    now: Date,
  ): Promise<boolean> {
    const failures = (current?.failures ?? 0) + 1;
    const next: LoginAttempt = {
      subject: key,
      failures,
      firstFailedAt: current?.firstFailedAt ?? now.toISOString(),
      lastFailedAt: now.toISOString(),
      lockedUntil: failures >= limit ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
    };
    // A lapsed row is still there: update it rather than insert a second.
    const exists = current ?? (await em.findOneBy(LoginAttempt, { subject: key }));
    if (exists) {
      await em.update(LoginAttempt, { subject: key }, next);
    } else {
      await em.insert(LoginAttempt, next);
    }
    return next.lockedUntil !== null;
  }

  private lockOf(row: LoginAttempt | null, now: Date, reason: LockReason): DomainError | null {
    if (!row?.lockedUntil) {
      return null;
    }
    const until = Date.parse(row.lockedUntil);
    if (until <= now.getTime()) {
      return null;
    }
    const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
    return new DomainError(
      ErrorCode.ACCOUNT_LOCKED,
      `too many failed logins: locked for ${Math.ceil(retryAfterSeconds / 60)} more minutes; try again later or ask an administrator to reset it`,
      { lockedUntil: row.lockedUntil, retryAfterSeconds, reason },
    );
  }
}

export const userSubject = (username: string): string => `user:${username}`;
export const passbookSubject = (passbookNo: string): string => `passbook:${passbookNo}`;
/** The row of one client address at one subject. */
export const pairKey = (subject: string, address: string): string => `${subject}@${address}`;

const capOf = (subject: string): number =>
  subject.startsWith('passbook:') ? SUBJECT_CAP.passbook : SUBJECT_CAP.user;

const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A subject as logged: a username masked (it may be a mistyped password), a passbook number escaped. */
export function subjectForLog(subject: string): string {
  const username = /^user:(.*)$/s.exec(subject);
  return username ? `user:${maskTypedForLog(username[1])}` : escapeForLog(subject);
}
