import { LoginAttempt } from './entities/login-attempt.entity';
import { LOCK_AFTER_FAILURES, LockoutService } from './lockout.service';
import { createTestContext, TestContext } from '../../test/support/test-app';

describe(LockoutService.name, () => {
  let t: TestContext;
  let lockout: LockoutService;

  beforeAll(async () => {
    t = await createTestContext();
    lockout = t.ctx.get(LockoutService);
  });
  afterAll(() => t.close());

  const fail = async (subject: string, times: number) => {
    for (let i = 0; i < times; i++) {
      await lockout.recordFailure(subject);
    }
  };

  it('should lock a subject at the fifth failure within 15 minutes, for 15 minutes', async () => {
    t.clock.set('2026-06-15T02:00:00Z');
    await fail('user:a', LOCK_AFTER_FAILURES - 1);
    await expect(lockout.assertNotLocked('user:a')).resolves.toBeUndefined();
    await fail('user:a', 1);
    await expect(lockout.assertNotLocked('user:a')).rejects.toMatchObject({
      code: 'ACCOUNT_LOCKED',
      details: { lockedUntil: '2026-06-15T02:15:00.000Z', retryAfterSeconds: 900 },
    });
    t.clock.advance(14 * 60_000);
    await expect(lockout.succeed('user:a')).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    t.clock.advance(60_000);
    await expect(lockout.assertNotLocked('user:a')).resolves.toBeUndefined();
  });

  it('should start counting again after the lock ends', async () => {
    t.clock.set('2026-06-16T02:00:00Z');
    await fail('user:b', LOCK_AFTER_FAILURES);
    t.clock.advance(15 * 60_000);
    await fail('user:b', 1);
    const row = await t.db.read((em) => em.findOneByOrFail(LoginAttempt, { subject: 'user:b' }));
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
  });

  it('should forget failures older than the window', async () => {
    t.clock.set('2026-06-17T02:00:00Z');
    await fail('user:c', LOCK_AFTER_FAILURES - 1);
    t.clock.advance(15 * 60_000);
    await fail('user:c', LOCK_AFTER_FAILURES - 1);
    await expect(lockout.assertNotLocked('user:c')).resolves.toBeUndefined();
  });

  it('should forget failures after a success and when cleared by an admin', async () => {
    t.clock.set('2026-06-18T02:00:00Z');
    await fail('user:d', LOCK_AFTER_FAILURES - 1);
    await lockout.succeed('user:d');
    await fail('user:d', LOCK_AFTER_FAILURES - 1);
    await expect(lockout.assertNotLocked('user:d')).resolves.toBeUndefined();
    await fail('passbook:E', LOCK_AFTER_FAILURES);
    await lockout.clear('passbook:E');
    await expect(lockout.assertNotLocked('passbook:E')).resolves.toBeUndefined();
  });

  it('should count concurrent failures without losing any', async () => {
    t.clock.set('2026-06-19T02:00:00Z');
    await Promise.all(Array.from({ length: 4 }, () => lockout.recordFailure('user:e')));
    const row = await t.db.read((em) => em.findOneByOrFail(LoginAttempt, { subject: 'user:e' }));
    expect(row.failures).toBe(4);
  });

  it('should drop rows of subjects quiet for a day', async () => {
    t.clock.set('2026-06-20T02:00:00Z');
    await fail('user:old', 1);
    t.clock.advance(25 * 3600_000);
    await fail('user:new', 1);
    const subjects = await t.db.read(async (em) =>
      (await em.find(LoginAttempt)).map((r) => r.subject),
    );
    expect(subjects).toEqual(['user:new']);
  });
});
