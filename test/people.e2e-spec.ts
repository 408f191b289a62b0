import { Member } from '../src/people/entities/member.entity';
import { Household } from '../src/people/entities/household.entity';
import { newPassbookNumber } from '../src/people/passbook-number';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('people and users (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
  });
  afterAll(() => t.close());

  const count = (entity: typeof Member | typeof Household): Promise<number> =>
    t.db.read((em) => em.count(entity));
  const passbookLogin = (passbookNo: string, pin: string) =>
    t.http.post('/api/auth/passbook-login').send({ passbookNo, pin });

  describe('members', () => {
    const create = (body: Record<string, unknown>) =>
      t.http.post('/api/members').set('Authorization', t.adminAuth).send(body);

    it('should create a member with a passbook and a generated PIN shown once', async () => {
      const res = await create({ name: ' 张三明 ', kind: 'party_member', phone: '13812345678' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        passbookNo: expect.stringMatching(/^V[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$/),
        name: '张三明',
        kind: 'party_member',
        balance: '0.00',
        pin: expect.stringMatching(/^\d{6}$/),
      });
      const stored = await t.db.read((em) => em.findOneByOrFail(Member, { id: res.body.id }));
      expect(stored.pinHash).toMatch(/^scrypt\$/);
      expect(stored.pinHash).not.toContain(res.body.pin);
      const login = await passbookLogin(res.body.passbookNo, res.body.pin);
      expect(login.status).toBe(200);
    });

    it('should not return a PIN the admin set', async () => {
      const res = await create({ name: '李四', kind: 'resident', pin: '204816' });
      expect(res.status).toBe(201);
      expect(res.body).not.toHaveProperty('pin');
      expect((await passbookLogin(res.body.passbookNo, '204816')).status).toBe(200);
    });

    it('should take a pre-printed passbook number once and refuse it again', async () => {
      const printed = newPassbookNumber('V');
      const first = await create({
        name: '王五',
        kind: 'resident',
        passbookNo: printed.toLowerCase(),
      });
      expect(first.status).toBe(201);
      expect(first.body.passbookNo).toBe(printed);
      const before = await count(Member);
      const again = await create({ name: '赵六', kind: 'resident', passbookNo: printed });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'CONFLICT', details: { field: 'passbookNo' } });
      expect(await count(Member)).toBe(before);
    });

    it.each([
      ['an over-long name', { name: '名'.repeat(51), kind: 'resident' }],
      ['an empty name', { name: '   ', kind: 'resident' }],
      ['a name on two lines', { name: '张\n三', kind: 'resident' }],
      ['no name', { kind: 'resident' }],
      ['an invalid kind', { name: '张三', kind: 'cadre' }],
      ['a phone with letters', { name: '张三', kind: 'resident', phone: '138abc45678' }],
      ['a five-digit PIN', { name: '张三', kind: 'resident', pin: '12345' }],
      ['a PIN as a number', { name: '张三', kind: 'resident', pin: 123456 }],
      ['an unknown field', { name: '张三', kind: 'resident', admin: true }],
      [
        'a household passbook number',
        { name: '张三', kind: 'resident', passbookNo: newPassbookNumber('H') },
      ],
      ['a mistyped passbook number', { name: '张三', kind: 'resident', passbookNo: 'V2345678' }],
    ])('should refuse %s with 400 and create nothing', async (_name, body) => {
      const before = await count(Member);
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(await count(Member)).toBe(before);
    });

    it('should show the phone in full to admins and masked to the member’s leader', async () => {
      const member = await f.newMember({ name: '陈小红', phone: '13812345678' });
      const { auth } = await f.newLeaderWithTeam([member.id]);
      const admin = await t.http.get(`/api/members/${member.id}`).set('Authorization', t.adminAuth);
      expect(admin.status).toBe(200);
      expect(admin.body).toEqual({
        id: member.id,
        passbookNo: member.passbookNo,
        name: '陈小红',
        kind: 'resident',
        phone: '13812345678',
        active: true,
        balance: '0.00',
        teamIds: [expect.any(Number)],
        createdAt: expect.any(String),
      });
      const leader = await t.http.get(`/api/members/${member.id}`).set('Authorization', auth);
      expect(leader.status).toBe(200);
      expect(leader.body.phone).toBe('138****5678');
    });

    it('should answer 404 for members a leader does not lead and for unknown ids', async () => {
      const outside = await f.newMember();
      const { auth } = await f.newLeaderWithTeam([]);
      const res = await t.http.get(`/api/members/${outside.id}`).set('Authorization', auth);
      expect(res.status).toBe(404);
      for (const id of ['999999', 'abc', '99999999999', '-1', '1.5']) {
        const unknown = await t.http.get(`/api/members/${id}`).set('Authorization', t.adminAuth);
        expect(unknown.status).toBe(404);
        expect(unknown.body.code).toBe('NOT_FOUND');
      }
    });

    it('should search by name, passbook number and (admins only) phone', async () => {
      const member = await f.newMember({ name: '欧阳明月', phone: '139-8765-4321' });
      const { auth } = await f.newLeaderWithTeam([member.id]);
      const search = async (q: string, as = t.adminAuth) => {
        const res = await t.http.get('/api/members').query({ q }).set('Authorization', as);
        expect(res.status).toBe(200);
        return (res.body.items as { id: number }[]).map((m) => m.id);
      };
      expect(await search('阳明')).toEqual([member.id]);
      expect(await search(member.passbookNo.toLowerCase())).toEqual([member.id]);
      expect(await search('87654321')).toEqual([member.id]);
      expect(await search('阳明', auth)).toEqual([member.id]);
      expect(await search('87654321', auth)).toEqual([]);
      expect(await search('100%')).toEqual([]);
    });

    it('should list a leader only their teams’ members, with masked phones', async () => {
      const mine = await f.newMember({ phone: '13700001111' });
      const alsoMine = await f.newMember();
      await f.newMember();
      const { auth, team } = await f.newLeaderWithTeam([mine.id, alsoMine.id]);
      const res = await t.http.get('/api/members').set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { id: number }) => m.id)).toEqual([mine.id, alsoMine.id]);
      expect(res.body.items[0].phone).toBe('137****1111');
      expect(res.body.nextCursor).toBeNull();
      const byTeam = await t.http
        .get(`/api/members?teamId=${team.id}`)
        .set('Authorization', t.adminAuth);
      expect(byTeam.body.items.map((m: { id: number }) => m.id)).toEqual([mine.id, alsoMine.id]);
    });

    it('should page the member list with limit and cursor', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) {
        ids.push((await f.newMember()).id);
      }
      const { auth } = await f.newLeaderWithTeam(ids);
      const first = await t.http.get('/api/members?limit=2').set('Authorization', auth);
      expect(first.body.items.map((m: { id: number }) => m.id)).toEqual(ids.slice(0, 2));
      const second = await t.http
        .get(`/api/members?limit=2&cursor=${first.body.nextCursor}`)
        .set('Authorization', auth);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ id: ids[2] })],
        nextCursor: null,
      });
    });

    it('should deactivate a member, ending their sessions and logins', async () => {
      const member = await f.newMember();
      const auth = await f.bearer({ memberId: member.id });
      const res = await t.http
        .patch(`/api/members/${member.id}`)
        .set('Authorization', t.adminAuth)
        .send({ active: false, phone: null, name: '已退出' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ active: false, phone: null, name: '已退出' });
      expect((await t.http.get('/api/me/passbook').set('Authorization', auth)).status).toBe(401);
      expect((await passbookLogin(member.passbookNo, '123456')).status).toBe(401);
    });

    it('should reset a PIN: a generated one is shown once, old PIN and sessions stop working', async () => {
      const member = await f.newMember();
      const auth = await f.bearer({ memberId: member.id });
      const res = await t.http
        .post(`/api/members/${member.id}/pin`)
        .set('Authorization', t.adminAuth)
        .send({});
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: member.id,
        passbookNo: member.passbookNo,
        pin: expect.stringMatching(/^\d{6}$/),
      });
      expect((await t.http.get('/api/me/passbook').set('Authorization', auth)).status).toBe(401);
      if (res.body.pin !== '123456') {
        expect((await passbookLogin(member.passbookNo, '123456')).status).toBe(401);
      }
      expect((await passbookLogin(member.passbookNo, res.body.pin)).status).toBe(200);
      const set = await t.http
        .post(`/api/members/${member.id}/pin`)
        .set('Authorization', t.adminAuth)
        .send({ pin: '908172' });
      expect(set.body).toEqual({ id: member.id, passbookNo: member.passbookNo });
      expect((await passbookLogin(member.passbookNo, '908172')).status).toBe(200);
    });
  });

  describe('teams', () => {
    it('should create a team with leaders and refuse a duplicate name', async () => {
      const leader = await f.newUser('leader');
      const res = await t.http
        .post('/api/teams')
        .set('Authorization', t.adminAuth)
        .send({ name: '家电维修服务队', serviceType: '家电维修', leaderUserIds: [leader.id] });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        name: '家电维修服务队',
        serviceType: '家电维修',
        leaderUserIds: [leader.id],
      });
      const again = await t.http
        .post('/api/teams')
        .set('Authorization', t.adminAuth)
        .send({ name: '家电维修服务队' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONFLICT');
    });

    it.each([
      [
        'a clerk as leader',
        async () => ({ name: 'T-clerk', leaderUserIds: [(await f.newUser('clerk')).id] }),
      ],
      ['an unknown leader', async () => ({ name: 'T-unknown', leaderUserIds: [999999] })],
      ['an over-long name', async () => ({ name: '队'.repeat(51) })],
      ['leader ids as strings', async () => ({ name: 'T-strings', leaderUserIds: ['1'] })],
    ])('should refuse a team with %s', async (_name, body) => {
      const res = await t.http
        .post('/api/teams')
        .set('Authorization', t.adminAuth)
        .send(await body());
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('should let a leader add and remove members of their own team only', async () => {
      const member = await f.newMember();
      const { auth, team } = await f.newLeaderWithTeam([]);
      const other = await f.newTeam();
      const add = (teamId: number, memberId: number) =>
        t.http.post(`/api/teams/${teamId}/members`).set('Authorization', auth).send({ memberId });
      const ok = await add(team.id, member.id);
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({ teamId: team.id, memberId: member.id });
      expect((await add(team.id, member.id)).status).toBe(201);
      const forbidden = await add(other.id, member.id);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.code).toBe('FORBIDDEN');
      expect((await add(team.id, 999999)).status).toBe(404);
      expect((await add(999999, member.id)).status).toBe(404);
      const view = await t.http.get(`/api/teams/${team.id}`).set('Authorization', auth);
      expect(view.body).toMatchObject({ id: team.id, memberCount: 1 });
      const removed = await t.http
        .delete(`/api/teams/${team.id}/members/${member.id}`)
        .set('Authorization', auth);
      expect(removed.status).toBe(204);
      const again = await t.http
        .delete(`/api/teams/${team.id}/members/${member.id}`)
        .set('Authorization', auth);
      expect(again.status).toBe(404);
    });

    it('should list a leader only the teams they lead', async () => {
      const { auth, team, leader } = await f.newLeaderWithTeam([]);
      await f.newTeam();
      const res = await t.http.get('/api/teams').set('Authorization', auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [
          {
            id: team.id,
            name: team.name,
            serviceType: null,
            leaderUserIds: [leader.id],
            memberCount: 0,
            createdAt: expect.any(String),
          },
        ],
        nextCursor: null,
      });
      const all = await t.http.get('/api/teams?limit=200').set('Authorization', t.adminAuth);
      expect(all.body.items.length).toBeGreaterThan(1);
    });

    it('should replace a team’s leaders', async () => {
      const { team, auth } = await f.newLeaderWithTeam([]);
      const next = await f.newUser('leader');
      const res = await t.http
        .patch(`/api/teams/${team.id}`)
        .set('Authorization', t.adminAuth)
        .send({ leaderUserIds: [next.id], serviceType: '治安巡逻' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ leaderUserIds: [next.id], serviceType: '治安巡逻' });
      expect((await t.http.get(`/api/teams/${team.id}`).set('Authorization', auth)).status).toBe(
        403,
      );
    });
  });

  describe('households', () => {
    it('should register a verified household and refuse an invalid hardship', async () => {
      const res = await t.http.post('/api/households').set('Authorization', t.adminAuth).send({
        name: '李奶奶',
        hardship: 'elderly_alone',
        address: '大连市甘井子区泡崖街道岭南社区12号楼3单元501',
        contact: '13912345678',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(Number),
        passbookNo: expect.stringMatching(/^H/),
        name: '李奶奶',
        hardship: 'elderly_alone',
        verified: true,
      });
      const before = await count(Household);
      for (const body of [
        { name: '王爷爷', hardship: 'poor' },
        { name: '王爷爷', hardship: 'disabled', address: 'x'.repeat(201) },
        { name: '', hardship: 'disabled' },
      ]) {
        const bad = await t.http
          .post('/api/households')
          .set('Authorization', t.adminAuth)
          .send(body);
        expect(bad.status).toBe(400);
      }
      expect(await count(Household)).toBe(before);
    });

    it('should show addresses in full to admins, masked to clerks, and only masked names to volunteers', async () => {
      const household = await f.newHousehold({
        name: '孙大爷',
        hardship: 'disabled',
        address: '大连市甘井子区泡崖街道岭南社区12号楼3单元501',
      });
      const clerk = await f.bearer({ userId: (await f.newUser('clerk')).id });
      const volunteer = await f.bearer({ memberId: (await f.newMember()).id });
      const admin = await t.http
        .get(`/api/households/${household.id}`)
        .set('Authorization', t.adminAuth);
      expect(admin.body.address).toBe('大连市甘井子区泡崖街道岭南社区12号楼3单元501');
      const atCounter = await t.http
        .get(`/api/households/${household.id}`)
        .set('Authorization', clerk);
      expect(atCounter.status).toBe(200);
      expect(atCounter.body).toMatchObject({ name: '孙大爷', address: '大连市甘井子区****' });
      const list = await t.http.get('/api/households?limit=200').set('Authorization', volunteer);
      expect(list.status).toBe(200);
      const seen = list.body.items.find((h: { id: number }) => h.id === household.id);
      expect(seen).toEqual({ id: household.id, name: '孙*爷', hardship: 'disabled' });
      expect(JSON.stringify(list.body)).not.toMatch(/passbookNo|address|contact|balance/);
    });

    it('should hide a household no longer verified from volunteers', async () => {
      const household = await f.newHousehold();
      const volunteer = await f.bearer({ memberId: (await f.newMember()).id });
      const res = await t.http
        .patch(`/api/households/${household.id}`)
        .set('Authorization', t.adminAuth)
        .send({ verified: false });
      expect(res.status).toBe(200);
      expect(res.body.verified).toBe(false);
      const list = await t.http.get('/api/households?limit=200').set('Authorization', volunteer);
      expect(list.body.items.map((h: { id: number }) => h.id)).not.toContain(household.id);
    });
  });

  describe('users', () => {
    it('should create a leader with the teams they lead', async () => {
      const team = await f.newTeam();
      const res = await t.http
        .post('/api/users')
        .set('Authorization', t.adminAuth)
        .send({
          username: 'leader.wang',
          password: 'password-123',
          role: 'leader',
          teamIds: [team.id],
        });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(Number),
        username: 'leader.wang',
        role: 'leader',
        teamIds: [team.id],
      });
      const auth = await t.login('leader.wang', 'password-123');
      expect((await t.http.get(`/api/teams/${team.id}`).set('Authorization', auth)).status).toBe(
        200,
      );
    });

    it.each([
      [
        'teams for a clerk',
        { username: 'clerk.x', password: 'password-123', role: 'clerk', teamIds: [1] },
        400,
      ],
      [
        'an unknown team',
        { username: 'leader.x', password: 'password-123', role: 'leader', teamIds: [999999] },
        400,
      ],
      ['a short password', { username: 'clerk.y', password: 'short', role: 'clerk' }, 400],
      [
        'a username with spaces',
        { username: 'clerk y', password: 'password-123', role: 'clerk' },
        400,
      ],
      ['an unknown role', { username: 'clerk.z', password: 'password-123', role: 'root' }, 400],
      ['a taken username', { username: 'admin', password: 'password-123', role: 'clerk' }, 409],
    ])('should refuse a user with %s', async (_name, body, status) => {
      const res = await t.http.post('/api/users').set('Authorization', t.adminAuth).send(body);
      expect(res.status).toBe(status);
    });

    it('should deactivate a user and revoke their tokens at once', async () => {
      const clerk = await f.newUser('clerk');
      const auth = await t.login(clerk.username, 'password-123');
      expect((await t.http.get('/api/households').set('Authorization', auth)).status).toBe(200);
      const res = await t.http
        .post(`/api/users/${clerk.id}/deactivate`)
        .set('Authorization', t.adminAuth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: clerk.id, active: false });
      expect((await t.http.get('/api/households').set('Authorization', auth)).status).toBe(401);
      const login = await t.http
        .post('/api/auth/login')
        .send({ username: clerk.username, password: 'password-123' });
      expect(login.status).toBe(401);
      const back = await t.http
        .post(`/api/users/${clerk.id}/activate`)
        .set('Authorization', t.adminAuth);
      expect(back.body.active).toBe(true);
      expect((await t.login(clerk.username, 'password-123')).startsWith('Bearer ')).toBe(true);
    });

    it('should refuse to deactivate yourself or demote the last admin', async () => {
      const me = await t.http.get('/api/me').set('Authorization', t.adminAuth);
      const self = await t.http
        .post(`/api/users/${me.body.id}/deactivate`)
        .set('Authorization', t.adminAuth);
      expect(self.status).toBe(409);
      const demote = await t.http
        .patch(`/api/users/${me.body.id}`)
        .set('Authorization', t.adminAuth)
        .send({ role: 'clerk' });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('CONFLICT');
    });

    it('should drop the teams of a leader made clerk, and reset a password ending sessions', async () => {
      const { leader, auth } = await f.newLeaderWithTeam([]);
      const res = await t.http
        .patch(`/api/users/${leader.id}`)
        .set('Authorization', t.adminAuth)
        .send({ role: 'clerk', password: 'new-password-456' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'clerk', teamIds: [] });
      expect((await t.http.get('/api/me').set('Authorization', auth)).status).toBe(401);
      expect((await t.login(leader.username, 'new-password-456')).startsWith('Bearer ')).toBe(true);
    });

    it('should list users by role', async () => {
      await f.newUser('clerk');
      const res = await t.http
        .get('/api/users?role=clerk&limit=200')
        .set('Authorization', t.adminAuth);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((u: { role: string }) => u.role === 'clerk')).toBe(true);
      // No password or hash, only the flag that one must be chosen (mustChangePassword).
      expect(JSON.stringify(res.body)).not.toMatch(/(?<!mustChange)password/i);
      expect(res.body.items[0]).toHaveProperty('mustChangePassword');
    });
  });
});
