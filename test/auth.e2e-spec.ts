import { fixtures } from './support/fixtures';
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
      const ok = await t.http
        .post('/api/me/pin')
        .set('Authorization', auth)
        .send({ currentPin: '123456', newPin: '135790' });
      expect(ok.status).toBe(204);
      expect((await passbookLogin(member.passbookNo, '135790')).status).toBe(200);
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
      });
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
