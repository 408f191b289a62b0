import { DataSource } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { User } from '../src/auth/entities/user.entity';
import { createStaffUser, openStore, resetPassword, unlock } from '../src/cli/user-admin';
import { CommunitiesService } from '../src/communities/communities.service';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** The operator commands, run on their own connection while the service runs and writes. */
describe('user:unlock and user:reset-password (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let store: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    store = await openStore(t.store.database);
  });
  afterAll(async () => {
    await store.destroy();
    await t.close();
  });

  const login = (username: string, password: string) =>
    t.http.post('/api/auth/login').send({ username, password });
  /** Writes the service keeps doing meanwhile (members with hashed PINs, logins). */
  const busy = () =>
    Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 ? f.newMember() : login('admin', 'admin-pass-123'),
      ),
    );

  it('should lift a staff lockout and a passbook lockout while the service runs', async () => {
    const admin = await f.newUser('admin');
    const member = await f.newMember();
    for (let i = 0; i < 5; i++) {
      await login(admin.username, 'wrong-wrong');
      await t.http
        .post('/api/auth/passbook-login')
        .send({ passbookNo: member.passbookNo, pin: '000000' });
    }
    expect((await login(admin.username, 'password-123')).status).toBe(423);
    // One command at a time on the operator's connection (as from the shell), the service busy.
    const [[staff, passbook]] = await Promise.all([
      (async () => [
        await unlock(store, admin.username, t.clock.now()),
        await unlock(store, member.passbookNo.toLowerCase(), t.clock.now()),
      ])(),
      busy(),
    ]);
    expect(staff).toEqual({ subjects: [`user:${admin.username}`], locksLifted: 1 });
    expect(passbook).toEqual({ subjects: [`passbook:${member.passbookNo}`], locksLifted: 1 });
    expect((await login(admin.username, 'password-123')).status).toBe(200);
    const pin = await t.http
      .post('/api/auth/passbook-login')
      .send({ passbookNo: member.passbookNo, pin: '123456' });
    expect(pin.status).toBe(200);
  });

  it('should give a user a new password, end their sessions and lift their lock', async () => {
    const admin = await f.newUser('admin');
    const auth = await t.login(admin.username, 'password-123');
    for (let i = 0; i < 5; i++) {
      await login(admin.username, 'wrong-wrong');
    }
    const [reset] = await Promise.all([resetPassword(store, admin.username), busy()]);
    expect(reset).toEqual({ password: expect.any(String), active: true, sessionsEnded: 1 });
    expect(reset.password).toHaveLength(16);
    expect((await t.http.get('/api/me').set('Authorization', auth)).status).toBe(401);
    expect((await login(admin.username, 'password-123')).status).toBe(401);
    const fresh = await login(admin.username, reset.password);
    expect(fresh.status).toBe(200);
    // Someone else chose it: the pages ask the admin for their own first.
    expect(fresh.body.user.mustChangePassword).toBe(true);
  });

  it('should refuse an unknown name and change nothing', async () => {
    await expect(unlock(store, 'nobody-at-all')).rejects.toThrow(
      'no staff user or volunteer passbook "nobody-at-all"',
    );
    await expect(resetPassword(store, 'nobody-at-all')).rejects.toThrow(
      'no staff user "nobody-at-all"',
    );
  });

  it('should create a street-office user and a community admin, each with a generated password', async () => {
    const b = await t.app.get(CommunitiesService).create({
      streetOfficeId: 1,
      code: 'cli-b',
      name: 'B社区',
    });
    const [office, admin] = await Promise.all([
      (async () => [
        await createStaffUser(store, { username: 'office-cli', role: 'office', place: '1' }),
        await createStaffUser(store, { username: 'admin-cli-b', role: 'admin', place: 'cli-b' }),
      ])(),
      busy(),
    ]).then(([created]) => created);
    expect(office).toEqual({
      id: expect.any(Number),
      password: expect.any(String),
      communityId: null,
      streetOfficeId: 1,
    });
    expect(admin).toMatchObject({ communityId: b.id, streetOfficeId: null });
    expect(admin.password).toHaveLength(16);
    const auth = t.app.get(AuthService);
    for (const [username, created, place] of [
      ['office-cli', office, { role: 'office', communityId: null, streetOfficeId: 1 }],
      ['admin-cli-b', admin, { role: 'admin', communityId: b.id, streetOfficeId: null }],
    ] as const) {
      const res = await login(username, created.password);
      expect(res.status).toBe(200);
      expect(res.body.user.mustChangePassword).toBe(true);
      expect(await auth.authenticate(res.body.token)).toMatchObject({ kind: 'user', ...place });
    }
    // B's admin manages B's staff: the new admin sees only B's users.
    const users = await t.http
      .get('/api/users')
      .set('Authorization', `Bearer ${(await login('admin-cli-b', admin.password)).body.token}`);
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(['admin-cli-b']);
  });

  it('should refuse an unknown community or street office and a taken username, creating nothing', async () => {
    const before = await t.db.read((em) => em.count(User));
    await expect(
      createStaffUser(store, { username: 'admin-x', role: 'admin', place: 'no-such' }),
    ).rejects.toThrow('no community with code "no-such"');
    await expect(
      createStaffUser(store, { username: 'office-x', role: 'office', place: '999' }),
    ).rejects.toThrow('no street office with id "999"');
    await expect(
      createStaffUser(store, { username: 'admin', role: 'admin', place: 'default' }),
    ).rejects.toThrow('username "admin" is already taken');
    await expect(
      createStaffUser(store, { username: 'bad name', role: 'admin', place: 'default' }),
    ).rejects.toThrow('a username is 3-64 letters');
    expect(await t.db.read((em) => em.count(User))).toBe(before);
  });
});
