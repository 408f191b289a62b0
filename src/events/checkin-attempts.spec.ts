import { DomainError, ErrorCode } from '../common/errors';
import { CHECKIN_ATTEMPTS_PER_MINUTE, CheckinAttempts } from './checkin-attempts';

describe(CheckinAttempts.name, () => {
  it('should allow 10 attempts per member and event a minute, then refuse until the next', () => {
    const attempts = new CheckinAttempts();
    const now = new Date('2026-12-13T01:00:20Z');
    for (let i = 0; i < CHECKIN_ATTEMPTS_PER_MINUTE; i++) {
      attempts.take(1, 7, now);
    }
    let refusal: unknown;
    try {
      attempts.take(1, 7, now);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe(ErrorCode.RATE_LIMITED);
    expect((refusal as DomainError).details).toEqual({ retryAfterSeconds: 40 });
    // Another member, another event: their own counts.
    expect(() => attempts.take(1, 8, now)).not.toThrow();
    expect(() => attempts.take(2, 7, now)).not.toThrow();
    expect(() => attempts.take(1, 7, new Date('2026-12-13T01:01:00Z'))).not.toThrow();
  });
});
