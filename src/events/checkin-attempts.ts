import { DomainError, ErrorCode } from '../common/errors';

/** Self check-in attempts one member may make at one event per minute: plenty for a shaky scan. */
export const CHECKIN_ATTEMPTS_PER_MINUTE = 10;
/** Keys remembered at most; the oldest are forgotten first, so memory stays bounded under a flood. */
const KEYS_MAX = 10_000;

/**
 * Limits self check-in attempts per member and event, so the 8-character code cannot be guessed
 * (10 a minute against 31^8 codes). In memory: the login lockout (auth/lockout.service.ts) locks an
 * account for a quarter of an hour and is kept in the database, too heavy and too harsh for a
 * volunteer whose phone misread the screen; a restart forgetting the counts costs nothing.
 */
export class CheckinAttempts {
  private readonly windows = new Map<string, { minute: number; count: number }>();

  /** Counts one attempt, or refuses with 429 RATE_LIMITED when this minute's are used up. */
  take(eventId: number, memberId: number, now: Date): void {
    const key = `${eventId}:${memberId}`;
    const minute = Math.floor(now.getTime() / 60_000);
    const seen = this.windows.get(key);
    if (seen && seen.minute === minute) {
      if (seen.count >= CHECKIN_ATTEMPTS_PER_MINUTE) {
        const retryAfterSeconds = Math.ceil(((minute + 1) * 60_000 - now.getTime()) / 1000);
        throw new DomainError(
          ErrorCode.RATE_LIMITED,
          `too many check-in attempts; try again in ${retryAfterSeconds} seconds`,
          { retryAfterSeconds },
        );
      }
      seen.count++;
      return;
    }
    this.windows.delete(key);
    this.windows.set(key, { minute, count: 1 });
    if (this.windows.size > KEYS_MAX) {
      this.windows.delete(this.windows.keys().next().value!);
    }
  }
}
