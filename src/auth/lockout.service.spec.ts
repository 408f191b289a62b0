import { LoginAttempt } from './entities/login-attempt.entity';
import { LOCK_AFTER_FAILURES, LockoutService, SUBJECT_CAP } from './lockout.service';
import { createTestContext, TestContext } from '../../test/support/test-app';

describe(LockoutService.name, () => {
  let t: TestContext;
  let lockout: LockoutService;
  const here = '192.0.2.1';

  beforeAll(async () => {
    t = await createTestContext();
    lockout = t.ctx.get(LockoutService);
  });
  afterAll(() => t.close());

  /** `times` attempts that all turn out wrong. */
  const fail = async (subject: string, times: number, address = here) => {
    for (let i = 0; i < times; i++) {
      await lockout.reserve(subject, address);
      await lockout.fail();
    }
  };
  const locked = { code: 'ACCOUNT_LOCKED' };

  it('should lock a subject at the fifth attempt from one address within 15 minutes, for 15 minutes', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    await fail('user:a', LOCK_AFTER_FAILURES);
    await expect(lockout.reserve('user:a', here)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: {
        lockedUntil: '2026-06-15T02:15:00.000Z',
        retryAfterSeconds: 900,
        reason: 'address',
      },
    });
    t.clock.advance(14 * 60_000);
    await expect(lockout.reserve('user:a', here)).rejects.toMatchObject(locked);
    t.clock.advance(60_000);
    await expect(lockout.reserve('user:a', here)).resolves.toBeUndefined();
  });

  it('should let the fifth attempt through and lift the lock when it is right', async () => {
    t.clock.set('2026-06-15T04:00:00Z');
    await fail('user:a5', LOCK_AFTER_FAILURES - 1);
    await lockout.reserve('user:a5', here);
    await lockout.succeed('user:a5', here);
    await expect(lockout.reserve('user:a5', here)).resolves.toBeUndefined();
  });

  it('should reserve at most five attempts out of many at once', async () => {
    t.clock.set('2026-06-15T06:00:00Z');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, () => lockout.reserve('passbook:BURST', here)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(LOCK_AFTER_FAILURES);
  });

  it('should not lock the subject for other addresses until the subject cap', async () => {
    t.clock.set('2026-06-15T08:00:00Z');
    await fail('user:admin1', LOCK_AFTER_FAILURES, '198.51.100.7');
    await expect(lockout.reserve('user:admin1', '198.51.100.7')).rejects.toMatchObject(locked);
    await expect(lockout.reserve('user:admin1', here)).resolves.toBeUndefined();
    await lockout.succeed('user:admin1', here);
    // Many addresses together reach the cap: then the subject is locked for everyone.
    for (let i = 0; i < SUBJECT_CAP.user - LOCK_AFTER_FAILURES; i++) {
      await fail('user:admin1', 1, `203.0.113.${i}`);
    }
    await expect(lockout.reserve('user:admin1', here)).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { reason: 'account' },
    });
  });

  it('should start counting again after the lock ends', async () => {
    t.clock.set('2026-06-16T02:00:00Z');
    await fail('user:b', LOCK_AFTER_FAILURES);
    t.clock.advance(15 * 60_000);
    await fail('user:b', 1);
    const row = await t.db.read((em) =>
      em.findOneByOrFail(LoginAttempt, { subject: `user:b@${here}` }),
    );
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('should forget failures older than the window', async () => {
    t.clock.set('2026-06-17T02:00:00Z');
    await fail('user:c', LOCK_AFTER_FAILURES - 1);
    t.clock.advance(15 * 60_000);
    await fail('user:c', LOCK_AFTER_FAILURES - 1);
    await expect(lockout.reserve('user:c', here)).resolves.toBeUndefined();
  });

  it('should forget failures after a success and when cleared by an admin', async () => {
    t.clock.set('2026-06-18T02:00:00Z');
    await fail('user:d', LOCK_AFTER_FAILURES - 1);
    await lockout.reserve('user:d', here);
    await lockout.succeed('user:d', here);
    await fail('user:d', LOCK_AFTER_FAILURES - 1);
    await expect(lockout.reserve('user:d', here)).resolves.toBeUndefined();
    await fail('passbook:E', LOCK_AFTER_FAILURES);
    await fail('passbook:E', LOCK_AFTER_FAILURES, '198.51.100.9');
    await lockout.clear('passbook:E');
    await expect(lockout.reserve('passbook:E', here)).resolves.toBeUndefined();
    await expect(lockout.reserve('passbook:E', '198.51.100.9')).resolves.toBeUndefined();
  });

  it('should drop rows of subjects quiet for a day', async () => {
    t.clock.set('2026-06-20T02:00:00Z');
    await t.db.write((em) => em.clear(LoginAttempt));
    await fail('user:old', 1);
    t.clock.advance(25 * 3600_000);
    await fail('user:new', 1);
    const subjects = await t.db.read(async (em) =>
      (await em.find(LoginAttempt, { order: { subject: 'ASC' } })).map((r) => r.subject),
    );
    expect(subjects).toEqual(['user:new', `user:new@${here}`]);
  });
});
