import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { secretVerifications } from '../src/auth/password';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/app-config';
import { fixtures } from './support/fixtures';
import { listenOnLoopback } from './support/listen';
import { createTestApp, TestApp } from './support/test-app';

describe('auth (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
  });
  afterAll(() => t.close());

  const passbookLogin = (passbookNo: string, pin: string, app = t) =>
    app.http.post('/api/auth/passbook-login').send({ passbookNo, pin });
  const login = (username: string, password: string) =>
    t.http.post('/api/auth/login').send({ username, password });

  describe('passbook login', () => {
    it('should log a volunteer in with passbook number and PIN as typed', async () => {
      const member = await f.newMember({ name: '王秀英' });
      const typed = ` ${member.passbookNo.slice(0, 4).toLowerCase()} ${member.passbookNo.slice(4)} `;
      const res = await passbookLogin(typed, '123456');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        token: expect.any(String),
        expiresAt: '2026-06-15T14:00:00.000Z',
        member: { id: member.id, passbookNo: member.passbookNo, name: '王秀英' },
      });
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${res.body.token}`);
      expect(me.body).toEqual({
        kind: 'member',
        id: member.id,
        passbookNo: member.passbookNo,
        name: '王秀英',
      });
    });

    it('should refuse a wrong PIN, an unknown or household passbook alike with 401', async () => {
      const member = await f.newMember();
      const household = await f.newHousehold();
      for (const [no, pin] of [
        [member.passbookNo, '654321'],
        ['V2345678', '123456'],
        ['nonsense', '123456'],
        [household.passbookNo, '123456'],
      ]) {
        const res = await passbookLogin(no, pin);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          statusCode: 401,
          code: 'UNAUTHENTICATED',
          message: 'passbook number or PIN is wrong',
        });
      }
    });

    it('should lock a passbook after five wrong PINs, even for the right PIN, until the lock ends', async () => {
      t.clock.set('2026-06-15T02:00:00Z');
      const member = await f.newMember();
      for (let i = 0; i < 5; i++) {
        expect((await passbookLogin(member.passbookNo, '000000')).status).toBe(401);
      }
      const locked = await passbookLogin(member.passbookNo, '123456');
      expect(locked.status).toBe(423);
      expect(locked.body).toMatchObject({
        code: 'ACCOUNT_LOCKED',
        details: { lockedUntil: '2026-06-15T02:15:00.000Z', retryAfterSeconds: 900 },
      });
      t.clock.advance(15 * 60_000);
      expect((await passbookLogin(member.passbookNo, '123456')).status).toBe(200);
      t.clock.set('2026-06-15T02:00:00Z');
    });

    it('should keep a lock across a restart and across instances sharing the database', async () => {
      const member = await f.newMember();
      for (let i = 0; i < 5; i++) {
        await passbookLogin(member.passbookNo, '000000');
      }
      const second = await createTestApp({ share: t, clock: t.clock });
      try {
        expect((await passbookLogin(member.passbookNo, '123456', second)).status).toBe(423);
      } finally {
        await second.close();
      }
    });

    it('should lift a passbook lock when an admin resets the PIN', async () => {
      const member = await f.newMember();
      for (let i = 0; i < 5; i++) {
        await passbookLogin(member.passbookNo, '000000');
      }
      await t.http
        .post(`/api/members/${member.id}/pin`)
        .set('Authorization', t.adminAuth)
        .send({ pin: '246810' })
        .expect(200);
      expect((await passbookLogin(member.passbookNo, '246810')).status).toBe(200);
    });

    it('should let a volunteer change their own PIN, counting wrong current PINs', async () => {
      const member = await f.newMember();
      const auth = await f.bearer({ memberId: member.id });
      const wrong = await t.http
        .post('/api/me/pin')
        .set('Authorization', auth)
        .send({ currentPin: '000000', newPin: '135790' });
      expect(wrong.status).toBe(400);
      const weak = await t.http
        .post('/api/me/pin')
        .set('Authorization', auth)
        .send({ currentPin: '123456', newPin: '1357' });
      expect(weak.status).toBe(400);
      const same = await t.http
        .post('/api/me/pin')
        .set('Authorization', auth)
        .send({ currentPin: '123456', newPin: '123456' });
      expect(same.status).toBe(400);
      expect(same.body.details).toEqual({ field: 'newPin', reason: 'SAME_AS_CURRENT' });
      const ok = await t.http
        .post('/api/me/pin')
        .set('Authorization', auth)
        .send({ currentPin: '123456', newPin: '135790' });
      expect(ok.status).toBe(204);
      expect((await passbookLogin(member.passbookNo, '135790')).status).toBe(200);
    });

    it('should end every session of a volunteer who changes their PIN, like a staff password change', async () => {
      const member = await f.newMember();
      const here = await f.bearer({ memberId: member.id });
      const elsewhere = await f.bearer({ memberId: member.id });
      await t.http
        .post('/api/me/pin')
        .set('Authorization', here)
        .send({ currentPin: '123456', newPin: '135790' })
        .expect(204);
      expect((await t.http.get('/api/me').set('Authorization', elsewhere)).status).toBe(401);
      expect((await t.http.get('/api/me').set('Authorization', here)).status).toBe(401);
    });
  });

  describe('staff login', () => {
    it('should lock a username after five wrong passwords, the same for unknown usernames', async () => {
      const clerk = await f.newUser('clerk');
      for (let i = 0; i < 5; i++) {
        expect((await login(clerk.username, 'wrong-password')).status).toBe(401);
        expect((await login('nobody-here', 'wrong-password')).status).toBe(401);
      }
      const locked = await login(clerk.username, 'password-123');
      expect(locked.status).toBe(423);
      expect(locked.body.code).toBe('ACCOUNT_LOCKED');
      expect((await login('nobody-here', 'password-123')).status).toBe(423);
      const reset = await t.http
        .patch(`/api/users/${clerk.id}`)
        .set('Authorization', t.adminAuth)
        .send({ password: 'fresh-password-1' });
      expect(reset.status).toBe(200);
      expect((await login(clerk.username, 'fresh-password-1')).status).toBe(200);
    });

    it('should log out: the token stops working', async () => {
      const auth = await t.login('admin');
      expect((await t.http.post('/api/auth/logout').set('Authorization', auth)).status).toBe(204);
      expect((await t.http.get('/api/me').set('Authorization', auth)).status).toBe(401);
    });

    it('should let staff change their own password, ending their sessions', async () => {
      const leader = await f.newUser('leader');
      const auth = await t.login(leader.username, 'password-123');
      const wrong = await t.http
        .post('/api/auth/password')
        .set('Authorization', auth)
        .send({ currentPassword: 'nope-nope', newPassword: 'another-pass-9' });
      expect(wrong.status).toBe(400);
      const ok = await t.http
        .post('/api/auth/password')
        .set('Authorization', auth)
        .send({ currentPassword: 'password-123', newPassword: 'another-pass-9' });
      expect(ok.status).toBe(204);
      expect((await t.http.get('/api/me').set('Authorization', auth)).status).toBe(401);
      expect((await login(leader.username, 'another-pass-9')).status).toBe(200);
    });

    it('should tell staff who they are and which teams they lead', async () => {
      const { leader, team } = await f.newLeaderWithTeam([]);
      const auth = await t.login(leader.username, 'password-123');
      const me = await t.http.get('/api/me').set('Authorization', auth);
      expect(me.body).toEqual({
        kind: 'user',
        id: leader.id,
        username: leader.username,
        role: 'leader',
        teamIds: [team.id],
        mustChangePassword: false,
      });
    });
  });

  describe('a password chosen by someone else (mustChangePassword)', () => {
    const me = (auth: string) => t.http.get('/api/me').set('Authorization', auth);
    const flagOf = async (userId: number) =>
      (await t.http.get(`/api/users/${userId}`).set('Authorization', t.adminAuth)).body
        .mustChangePassword as unknown;

    it('should not ask a user who chose their own password, nor the admin of ADMIN_PASSWORD', async () => {
      const res = await login('admin', 'admin-pass-123');
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({
        id: expect.any(Number),
        username: 'admin',
        role: 'admin',
        mustChangePassword: false,
      });
      expect((await me(`Bearer ${res.body.token}`)).body.mustChangePassword).toBe(false);
    });

    it('should ask a user whose password an admin reset, until they change it themselves', async () => {
      const clerk = await f.newUser('clerk');
      expect(await flagOf(clerk.id)).toBe(false);
      const reset = await t.http
        .patch(`/api/users/${clerk.id}`)
        .set('Authorization', t.adminAuth)
        .send({ password: 'given-by-admin-1' });
      expect(reset.status).toBe(200);
      expect(reset.body.mustChangePassword).toBe(true);

      const first = await login(clerk.username, 'given-by-admin-1');
      expect(first.status).toBe(200);
      expect(first.body.user.mustChangePassword).toBe(true);
      const auth = `Bearer ${first.body.token}`;
      expect((await me(auth)).body).toMatchObject({ kind: 'user', mustChangePassword: true });
      // The pages send such a user to the account page; the service itself still answers.
      expect((await t.http.get('/api/catalog-items').set('Authorization', auth)).status).toBe(200);

      // Keeping the given password is not choosing one's own: refused, the flag stays.
      const same = await t.http
        .post('/api/auth/password')
        .set('Authorization', auth)
        .send({ currentPassword: 'given-by-admin-1', newPassword: 'given-by-admin-1' });
      expect(same.status).toBe(400);
      expect(same.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'newPassword', reason: 'SAME_AS_CURRENT' },
      });
      expect(await flagOf(clerk.id)).toBe(true);
      expect((await me(auth)).status).toBe(200);

      const changed = await t.http
        .post('/api/auth/password')
        .set('Authorization', auth)
        .send({ currentPassword: 'given-by-admin-1', newPassword: 'my-own-pass-2' });
      expect(changed.status).toBe(204);
      expect((await me(auth)).status).toBe(401);
      const again = await login(clerk.username, 'my-own-pass-2');
      expect(again.body.user.mustChangePassword).toBe(false);
      expect(await flagOf(clerk.id)).toBe(false);
    });

    it('should not ask an admin who resets their own password', async () => {
      const admin = await f.newUser('admin');
      const auth = await t.login(admin.username, 'password-123');
      const own = await t.http
        .patch(`/api/users/${admin.id}`)
        .set('Authorization', auth)
        .send({ password: 'chosen-by-me-3' });
      expect(own.status).toBe(200);
      expect(own.body.mustChangePassword).toBe(false);
      expect((await login(admin.username, 'chosen-by-me-3')).body.user.mustChangePassword).toBe(
        false,
      );
      const same = await t.http
        .patch(`/api/users/${admin.id}`)
        .set(
          'Authorization',
          `Bearer ${(await login(admin.username, 'chosen-by-me-3')).body.token}`,
        )
        .send({ password: 'chosen-by-me-3' });
      expect(same.status).toBe(400);
      expect(same.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'password', reason: 'SAME_AS_CURRENT' },
      });
    });

    it('should leave the flag unchanged when only the role changes', async () => {
      const user = await f.newUser('clerk');
      await t.http
        .patch(`/api/users/${user.id}`)
        .set('Authorization', t.adminAuth)
        .send({ password: 'given-by-admin-4' });
      const promoted = await t.http
        .patch(`/api/users/${user.id}`)
        .set('Authorization', t.adminAuth)
        .send({ role: 'leader' });
      expect(promoted.body).toMatchObject({ role: 'leader', mustChangePassword: true });
    });
  });

  describe('lockout under concurrency', () => {
    /** A burst of requests at once; the right secret somewhere in the middle. */
    const burst = async (
      send: (secret: string, i: number) => Promise<{ status: number; body: unknown }>,
      right: string,
    ) => {
      const before = secretVerifications();
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          send(i === 25 ? right : `9${String(i).padStart(5, '0')}`, i),
        ),
      );
      return { answers, verified: secretVerifications() - before };
    };

    it('should check at most five PINs of a burst of fifty and answer the rest alike, right PIN or not', async () => {
      t.clock.set('2026-06-15T03:00:00Z');
      const member = await f.newMember();
      const { answers, verified } = await burst(
        (pin) => passbookLogin(member.passbookNo, pin),
        '123456',
      );
      expect(verified).toBeLessThanOrEqual(5);
      const refused = answers.filter((a) => a.status === 423);
      expect(refused.length).toBeGreaterThanOrEqual(45);
      expect(new Set(refused.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(refused[0].body).toMatchObject({
        code: 'ACCOUNT_LOCKED',
        details: { reason: 'address', retryAfterSeconds: 900 },
      });
      // The right PIN was either one of the five checked (and let in) or answered like the rest.
      expect([200, 423]).toContain(answers[25].status);
      expect(
        answers.filter((a, i) => i !== 25 && a.status !== 423).every((a) => a.status === 401),
      ).toBe(true);
      t.clock.advance(15 * 60_000);
      expect((await passbookLogin(member.passbookNo, '123456')).status).toBe(200);
      t.clock.set('2026-06-15T02:00:00Z');
    });

    it('should check at most five passwords of a burst of fifty', async () => {
      t.clock.set('2026-06-15T03:30:00Z');
      const clerk = await f.newUser('clerk');
      const { answers, verified } = await burst((pw) => login(clerk.username, pw), 'password-123');
      expect(verified).toBeLessThanOrEqual(5);
      expect(answers.filter((a) => a.status === 423).length).toBeGreaterThanOrEqual(45);
      t.clock.advance(15 * 60_000);
      expect((await login(clerk.username, 'password-123')).status).toBe(200);
      t.clock.set('2026-06-15T02:00:00Z');
    });

    it('should check at most five current PINs and passwords of a burst of changes', async () => {
      t.clock.set('2026-06-15T04:00:00Z');
      const member = await f.newMember();
      const auth = await f.bearer({ memberId: member.id });
      const pins = await burst(
        (pin) =>
          t.http
            .post('/api/me/pin')
            .set('Authorization', auth)
            .send({ currentPin: pin, newPin: '135790' }),
        '123456',
      );
      expect(pins.verified).toBeLessThanOrEqual(5);
      expect(pins.answers.filter((a) => a.status === 423).length).toBeGreaterThanOrEqual(45);
      const leader = await f.newUser('leader');
      const staffAuth = await f.bearer({ userId: leader.id });
      const passwords = await burst(
        (pw) =>
          t.http
            .post('/api/auth/password')
            .set('Authorization', staffAuth)
            .send({ currentPassword: pw, newPassword: 'another-pass-9' }),
        'password-123',
      );
      expect(passwords.verified).toBeLessThanOrEqual(5);
      expect(passwords.answers.filter((a) => a.status === 423).length).toBeGreaterThanOrEqual(45);
      t.clock.set('2026-06-15T02:00:00Z');
    });
  });

  describe('lockout per client address', () => {
    /** A login sent from a chosen loopback address (Linux answers on all of 127.0.0.0/8). */
    const from = async (localAddress: string, username: string, password: string) => {
      const server = t.app.getHttpServer();
      const port = server.listening
        ? (server.address() as AddressInfo).port
        : await listenOnLoopback(server);
      const body = JSON.stringify({ username, password });
      return new Promise<{ statusCode: number; json: () => unknown }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            localAddress,
            method: 'POST',
            path: '/api/auth/login',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
              resolve({ statusCode: res.statusCode ?? 0, json: () => JSON.parse(text) as unknown }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    };

    it('should not let wrong passwords from one address lock the admin out at their own', async () => {
      t.clock.set('2026-06-15T05:00:00Z');
      const admin2 = await f.newUser('admin');
      for (let i = 0; i < 5; i++) {
        expect((await from('127.0.0.5', admin2.username, 'guess-guess')).statusCode).toBe(401);
      }
      const attacker = await from('127.0.0.5', admin2.username, 'password-123');
      expect(attacker.statusCode).toBe(423);
      expect(attacker.json()).toMatchObject({
        code: 'ACCOUNT_LOCKED',
        details: { reason: 'address' },
      });
      expect((await from('127.0.0.10', admin2.username, 'password-123')).statusCode).toBe(200);
      t.clock.set('2026-06-15T02:00:00Z');
    });

    it('should count by the forwarded address behind a trusted proxy (TRUST_PROXY)', async () => {
      const proxied = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
      try {
        const via = (forwardedFor: string, password: string) =>
          proxied.http
            .post('/api/auth/login')
            .set('X-Forwarded-For', forwardedFor)
            .send({ username: 'admin', password });
        for (let i = 0; i < 5; i++) {
          expect((await via('203.0.113.9', 'guess-guess')).status).toBe(401);
        }
        expect((await via('203.0.113.9', 'admin-pass-123')).status).toBe(423);
        expect((await via('198.51.100.20', 'admin-pass-123')).status).toBe(200);
      } finally {
        await proxied.close();
      }
      expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
      expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8, 999.1.1.1' })).toThrow(/TRUST_PROXY/);
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual([
        '10.0.0.0/8',
        '::1',
      ]);
    });

    it('should lock a subject for every address once many addresses together fail 50 times', async () => {
      t.clock.set('2026-06-15T06:00:00Z');
      const clerk = await f.newUser('clerk');
      for (let i = 0; i < 50; i++) {
        expect((await from(`127.0.1.${i + 1}`, clerk.username, 'guess-guess')).statusCode).toBe(
          401,
        );
      }
      const locked = await from('127.0.0.10', clerk.username, 'password-123');
      expect(locked.statusCode).toBe(423);
      expect(locked.json()).toMatchObject({ details: { reason: 'account' } });
      t.clock.set('2026-06-15T02:00:00Z');
    });
  });

  describe('session cache (SESSION_CACHE_SECONDS)', () => {
    const me = (auth: string, app = t) => app.http.get('/api/me').set('Authorization', auth);

    it('should refuse a logged-out token at once on the instance that logged it out', async () => {
      const auth = await t.login('admin');
      expect((await me(auth)).status).toBe(200);
      expect((await me(auth)).status).toBe(200);
      expect((await t.http.post('/api/auth/logout').set('Authorization', auth)).status).toBe(204);
      expect((await me(auth)).status).toBe(401);
    });

    it('should refuse a deactivated user and a deactivated volunteer at once', async () => {
      const clerk = await f.newUser('clerk');
      const clerkAuth = await f.bearer({ userId: clerk.id });
      const member = await f.newMember();
      const memberAuth = await f.bearer({ memberId: member.id });
      expect((await me(clerkAuth)).status).toBe(200);
      expect((await me(memberAuth)).status).toBe(200);
      await t.http
        .post(`/api/users/${clerk.id}/deactivate`)
        .set('Authorization', t.adminAuth)
        .expect(200);
      await t.http
        .patch(`/api/members/${member.id}`)
        .set('Authorization', t.adminAuth)
        .send({ active: false })
        .expect(200);
      expect((await me(clerkAuth)).status).toBe(401);
      expect((await me(memberAuth)).status).toBe(401);
    });

    it('should refuse a volunteer at once after an admin resets the PIN', async () => {
      const member = await f.newMember();
      const auth = await f.bearer({ memberId: member.id });
      expect((await me(auth)).status).toBe(200);
      await t.http
        .post(`/api/members/${member.id}/pin`)
        .set('Authorization', t.adminAuth)
        .send({ pin: '246810' })
        .expect(200);
      expect((await me(auth)).status).toBe(401);
    });

    it('should apply a changed role at once, without ending the session', async () => {
      const user = await f.newUser('admin');
      const auth = await f.bearer({ userId: user.id });
      expect((await t.http.get('/api/users').set('Authorization', auth)).status).toBe(200);
      await t.http
        .patch(`/api/users/${user.id}`)
        .set('Authorization', t.adminAuth)
        .send({ role: 'clerk' })
        .expect(200);
      expect((await t.http.get('/api/users').set('Authorization', auth)).status).toBe(403);
      expect((await me(auth)).body).toMatchObject({ role: 'clerk' });
    });

    it('should not keep a token past its own expiry', async () => {
      const short = await createTestApp({
        env: { TOKEN_TTL_SECONDS: '60', SESSION_CACHE_SECONDS: '10' },
      });
      try {
        const auth = await short.login('admin');
        short.clock.advance(55_000);
        expect((await me(auth, short)).status).toBe(200);
        short.clock.advance(5_000);
        expect((await me(auth, short)).status).toBe(401);
      } finally {
        await short.close();
      }
    });

    it('should see what another instance revoked within one lifetime, and at once with 0', async () => {
      const clock = new FixedClock(t.clock.now());
      const first = await createTestApp({ clock, env: { SESSION_CACHE_SECONDS: '5' } });
      const second = await createTestApp({
        share: first,
        clock,
        env: { SESSION_CACHE_SECONDS: '5' },
      });
      const uncached = await createTestApp({
        share: first,
        clock,
        env: { SESSION_CACHE_SECONDS: '0' },
      });
      try {
        const auth = await first.login('admin');
        expect((await me(auth, second)).status).toBe(200);
        expect((await me(auth, uncached)).status).toBe(200);
        await first.http.post('/api/auth/logout').set('Authorization', auth).expect(204);
        expect((await me(auth, first)).status).toBe(401);
        expect((await me(auth, uncached)).status).toBe(401);
        // The second instance checked the token just before: it trusts it for the lifetime.
        clock.advance(4_999);
        expect((await me(auth, second)).status).toBe(200);
        clock.advance(1);
        expect((await me(auth, second)).status).toBe(401);
      } finally {
        await uncached.close();
        await second.close();
        await first.close();
      }
    });
  });

  describe('rate limit', () => {
    it('should answer 429 RATE_LIMITED past RATE_LIMIT_PER_MINUTE requests of one client', async () => {
      const limited = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '4' } });
      try {
        // The admin login of createTestApp was the first request.
        for (let i = 0; i < 2; i++) {
          expect((await limited.http.get('/api/health')).status).toBe(200);
        }
        expect(
          (await limited.http.get('/api/me').set('Authorization', 'Bearer not-a-valid-token-x'))
            .status,
        ).toBe(401);
        const over = await limited.http
          .get('/api/me')
          .set('Authorization', 'Bearer not-a-valid-token-x');
        expect(over.status).toBe(429);
        expect(over.body).toEqual({
          statusCode: 429,
          code: 'RATE_LIMITED',
          message: 'too many requests; wait a moment and try again',
        });
        expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
        const login = await limited.http
          .post('/api/auth/login')
          .send({ username: 'admin', password: 'admin-pass-123' });
        expect(login.status).toBe(429);
      } finally {
        await limited.close();
      }
    });
  });
});
