import { In } from 'typeorm';
import { AuthService } from '../src/auth/auth.service';
import { User } from '../src/auth/entities/user.entity';
import { CommunitiesService } from '../src/communities/communities.service';
import { Community } from '../src/communities/entities/community.entity';
import { Account } from '../src/ledger/entities/account.entity';
import { Member } from '../src/people/entities/member.entity';
import { Team, TeamMember } from '../src/people/entities/team.entity';
import { PeopleService } from '../src/people/people.service';
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
        idDocument: null,
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
        joinedOn: '2026-06-15',
        deactivatedOn: null,
        idDocument: null,
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

/**
 * Two communities on one service: every people route of community A's staff sees and changes only
 * A's members, households, teams and users; B's ids are unknown to them (404); a street-office user
 * changes no one (403).
 */
describe('people and users in two communities (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let b: Community;
  let w: {
    aMember: Member;
    aTeamId: number;
    bMember: Member;
    bHousehold: Household;
    bTeamId: number;
    bLeaderId: number;
    bClerkId: number;
    bAdminId: number;
    adminB: string;
    leaderA: string;
    leaderAId: number;
    clerkA: string;
    office: string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    b = await t.app.get(CommunitiesService).create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
    const inB = { communityId: b.id };
    const bAdmin = await f.newUser('admin', 'admin-b', inB);
    const bLeader = await f.newUser('leader', 'leader-b', inB);
    const bClerk = await f.newUser('clerk', 'clerk-b', inB);
    const bMember = await f.newMember({ name: '乙社区志愿者', phone: '13900001111', ...inB });
    const bTeam = await f.newTeam({
      name: '同名服务队',
      leaderUserIds: [bLeader.id],
      memberIds: [bMember.id],
      ...inB,
    });
    const aMember = await f.newMember({ name: '甲社区志愿者' });
    const { leader, team, auth } = await f.newLeaderWithTeam([aMember.id]);
    const clerk = await f.newUser('clerk');
    const office = await f.newUser('office', 'office-1', { streetOfficeId: 1 });
    w = {
      aMember,
      aTeamId: team.id,
      bMember,
      bHousehold: await f.newHousehold({ name: '乙社区困难户', ...inB }),
      bTeamId: bTeam.id,
      bLeaderId: bLeader.id,
      bClerkId: bClerk.id,
      bAdminId: bAdmin.id,
      adminB: await f.bearer({ userId: bAdmin.id }),
      leaderA: auth,
      leaderAId: leader.id,
      clerkA: await f.bearer({ userId: clerk.id }),
      office: await f.bearer({ userId: office.id }),
    };
  });
  afterAll(() => t.close());

  const as = (auth: string) => ({
    get: (url: string) => t.http.get(url).set('Authorization', auth),
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', auth).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', auth).send(body),
    delete: (url: string) => t.http.delete(url).set('Authorization', auth),
  });

  it("should answer 404 to A's admin for B's members, households, teams and users", async () => {
    const admin = as(t.adminAuth);
    const { bMember, bHousehold, bTeamId, bLeaderId } = w;
    const attempts = [
      admin.get(`/api/members/${bMember.id}`),
      admin.patch(`/api/members/${bMember.id}`, { name: '改名' }),
      admin.post(`/api/members/${bMember.id}/pin`, { pin: '654321' }),
      admin.get(`/api/households/${bHousehold.id}`),
      admin.patch(`/api/households/${bHousehold.id}`, { name: '改名' }),
      admin.get(`/api/teams/${bTeamId}`),
      admin.patch(`/api/teams/${bTeamId}`, { name: '改名' }),
      admin.post(`/api/teams/${bTeamId}/members`, { memberId: w.aMember.id }),
      admin.delete(`/api/teams/${bTeamId}/members/${bMember.id}`),
      admin.get(`/api/users/${bLeaderId}`),
      admin.patch(`/api/users/${bLeaderId}`, { role: 'clerk' }),
      admin.post(`/api/users/${bLeaderId}/deactivate`),
      admin.post(`/api/users/${bLeaderId}/activate`),
    ];
    for (const res of await Promise.all(attempts)) {
      const url = (res as unknown as { req: { path: string } }).req.path;
      expect({ url, status: res.status, code: res.body.code }).toEqual({
        url,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    // Nothing of B changed.
    const member = await t.db.read((em) => em.findOneByOrFail(Member, { id: bMember.id }));
    expect(member.name).toBe('乙社区志愿者');
    expect((await as(w.adminB).get(`/api/users/${bLeaderId}`)).body).toMatchObject({
      role: 'leader',
      active: true,
      teamIds: [bTeamId],
    });
    expect((await as(w.adminB).get(`/api/teams/${bTeamId}`)).body).toMatchObject({
      name: '同名服务队',
      memberCount: 1,
    });
  });

  it("should answer 404 to A's leader and clerk for B's members, teams and households", async () => {
    const leader = as(w.leaderA);
    const clerk = as(w.clerkA);
    const statuses = await Promise.all([
      leader.get(`/api/members/${w.bMember.id}`),
      leader.get(`/api/teams/${w.bTeamId}`),
      leader.post(`/api/teams/${w.bTeamId}/members`, { memberId: w.aMember.id }),
      leader.post(`/api/teams/${w.aTeamId}/members`, { memberId: w.bMember.id }),
      leader.delete(`/api/teams/${w.bTeamId}/members/${w.bMember.id}`),
      clerk.get(`/api/households/${w.bHousehold.id}`),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    const search = await clerk.get(`/api/passbooks?q=${encodeURIComponent('乙社区')}`);
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);
    const byNumber = await clerk.get(`/api/passbooks?q=${w.bMember.passbookNo}`);
    expect(byNumber.body.items).toEqual([]);
    const byPhone = await clerk.get('/api/passbooks?q=1111');
    expect(byPhone.body.items).toEqual([]);
  });

  it("should not let A's admin put B's member into A's team, nor a member of A into B's", async () => {
    const res = await as(t.adminAuth).post(`/api/teams/${w.aTeamId}/members`, {
      memberId: w.bMember.id,
    });
    expect(res.status).toBe(404);
    const back = await as(w.adminB).post(`/api/teams/${w.bTeamId}/members`, {
      memberId: w.aMember.id,
    });
    expect(back.status).toBe(404);
    await expect(
      t.app.get(PeopleService).addTeamMember(w.aTeamId, w.bMember.id),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.db.read((em) => em.countBy(TeamMember, { memberId: w.bMember.id }))).toBe(1);
  });

  it("should keep leaders to their community's teams", async () => {
    const admin = as(t.adminAuth);
    const team = await admin.post('/api/teams', { name: 'A新队', leaderUserIds: [w.bLeaderId] });
    expect(team.status).toBe(400);
    expect(team.body.details).toMatchObject({ field: 'leaderUserIds', unknown: [w.bLeaderId] });
    const leader = await admin.post('/api/users', {
      username: 'leader-a-new',
      password: 'password-123',
      role: 'leader',
      teamIds: [w.bTeamId],
    });
    expect(leader.status).toBe(400);
    expect(leader.body.details).toMatchObject({ field: 'teamIds', unknown: [w.bTeamId] });
    const patched = await admin.patch(`/api/users/${w.leaderAId}`, { teamIds: [w.bTeamId] });
    expect(patched.status).toBe(400);
    const moved = await admin.patch(`/api/teams/${w.aTeamId}`, { leaderUserIds: [w.bLeaderId] });
    expect(moved.status).toBe(400);
    expect((await admin.get(`/api/teams/${w.aTeamId}`)).body.leaderUserIds).toEqual([w.leaderAId]);
  });

  it("should create members, households, teams and staff in the creator's community", async () => {
    const admin = as(w.adminB);
    const member = await admin.post('/api/members', { name: '乙新人', kind: 'resident' });
    const household = await admin.post('/api/households', {
      name: '乙新户',
      hardship: 'disabled',
    });
    // A's team has this name too: names are unique per community.
    const team = await admin.post('/api/teams', { name: '同名服务队2' });
    const sameName = await as(t.adminAuth).post('/api/teams', { name: '同名服务队' });
    const user = await admin.post('/api/users', {
      username: 'clerk-b-2',
      password: 'password-123',
      role: 'clerk',
    });
    expect([member, household, team, sameName, user].map((r) => r.status)).toEqual([
      201, 201, 201, 201, 201,
    ]);
    const [m, h, tm, u] = await t.db.read(async (em) => [
      await em.findOneByOrFail(Member, { id: member.body.id }),
      await em.findOneByOrFail(Household, { id: household.body.id }),
      await em.findOneByOrFail(Team, { id: team.body.id }),
      await em.findOneByOrFail(User, { id: user.body.id }),
    ]);
    expect([m.communityId, h.communityId, tm.communityId, u.communityId]).toEqual([
      b.id,
      b.id,
      b.id,
      b.id,
    ]);
    const accounts = await t.db.read((em) =>
      em.findBy(Account, { id: In([m.accountId, h.accountId]) }),
    );
    expect(accounts.map((a) => a.communityId)).toEqual([b.id, b.id]);
    const again = await admin.post('/api/teams', { name: '同名服务队' });
    expect(again.status).toBe(409);
    const aTeam = await t.db.read((em) => em.findOneByOrFail(Team, { id: sameName.body.id }));
    expect(aTeam.communityId).toBe(1);
  });

  it('should list only the own community', async () => {
    const a = as(t.adminAuth);
    const bAdmin = as(w.adminB);
    const ids = (res: { body: { items: { id: number }[] } }) => res.body.items.map((i) => i.id);
    const [aMembers, bMembers] = await Promise.all([
      a.get('/api/members?limit=200'),
      bAdmin.get('/api/members?limit=200'),
    ]);
    expect(ids(aMembers)).toContain(w.aMember.id);
    expect(ids(aMembers)).not.toContain(w.bMember.id);
    expect(ids(bMembers)).toContain(w.bMember.id);
    expect(ids(bMembers)).not.toContain(w.aMember.id);
    const bMemberRows = await t.db.read((em) => em.findBy(Member, { communityId: b.id }));
    expect(ids(bMembers).sort()).toEqual(bMemberRows.map((r) => r.id).sort());

    const [aTeams, bTeams] = await Promise.all([a.get('/api/teams'), bAdmin.get('/api/teams')]);
    expect(ids(aTeams)).not.toContain(w.bTeamId);
    expect(ids(bTeams)).toContain(w.bTeamId);
    expect(ids(bTeams)).not.toContain(w.aTeamId);

    const [aUsers, bUsers] = await Promise.all([
      a.get('/api/users?limit=200'),
      bAdmin.get('/api/users?limit=200'),
    ]);
    expect(ids(aUsers)).not.toContain(w.bLeaderId);
    expect(aUsers.body.items.map((u: { username: string }) => u.username)).not.toContain(
      'office-1',
    );
    expect(ids(bUsers)).toEqual(expect.arrayContaining([w.bAdminId, w.bLeaderId, w.bClerkId]));
    expect(ids(bUsers)).not.toContain(w.leaderAId);

    const [aHouseholds, clerkHouseholds] = await Promise.all([
      a.get('/api/households?limit=200'),
      as(w.clerkA).get('/api/households?limit=200'),
    ]);
    expect(ids(aHouseholds)).not.toContain(w.bHousehold.id);
    expect(ids(clerkHouseholds)).not.toContain(w.bHousehold.id);
    const volunteer = await f.memberAuth(w.bMember.id);
    const choices = await as(volunteer).get('/api/households?limit=200');
    expect(ids(choices)).toContain(w.bHousehold.id);
    const aHouseholdIds = (await t.db.read((em) => em.findBy(Household, { communityId: 1 }))).map(
      (h) => h.id,
    );
    expect(ids(choices).filter((id: number) => aHouseholdIds.includes(id))).toEqual([]);

    const duplicates = await a.get(
      `/api/members/duplicates?name=${encodeURIComponent('乙社区志愿者')}`,
    );
    expect(duplicates.body.items).toEqual([]);
    const csv = await a.get('/api/members/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('甲社区志愿者');
    expect(csv.text).not.toContain('乙社区志愿者');
  });

  it("should import a roster into the importing admin's community", async () => {
    // The same person as B's member, and a team name A already uses: new in A.
    const res = await as(t.adminAuth).post('/api/members/import', {
      rows: [{ name: '乙社区志愿者', phone: '13900001111', teams: '同名服务队' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, newTeams: [] });
    expect(res.body.rows[0].problems).toEqual([]);
    const member = await t.db.read((em) =>
      em.findOneByOrFail(Member, { id: res.body.rows[0].memberId }),
    );
    expect(member.communityId).toBe(1);
    const teams = await t.db.read((em) => em.findBy(Team, { name: '同名服务队' }));
    expect(teams.map((x) => x.communityId).sort()).toEqual([1, b.id].sort());
    const inBTeam = await t.db.read((em) =>
      em.countBy(TeamMember, { teamId: w.bTeamId, memberId: member.id }),
    );
    expect(inBTeam).toBe(0);
  });

  it('should keep the last active admin per community', async () => {
    const res = await as(w.adminB).patch(`/api/users/${w.bAdminId}`, { role: 'clerk' });
    expect(res.status).toBe(409);
    expect(res.body.details).toMatchObject({ reason: 'LAST_ADMIN' });
  });

  it('should refuse an office user from an admin, and every people write to an office user', async () => {
    const made = await as(t.adminAuth).post('/api/users', {
      username: 'office-by-admin',
      password: 'password-123',
      role: 'office',
    });
    expect(made.status).toBe(403);
    expect(made.body.details).toMatchObject({ reason: 'ROLE_NOT_ALLOWED', field: 'role' });
    const demote = await as(t.adminAuth).patch(`/api/users/${w.leaderAId}`, { role: 'office' });
    expect(demote.status).toBe(403);

    const office = as(w.office);
    const writes = await Promise.all([
      office.post('/api/members', { name: '街道', kind: 'resident' }),
      office.patch(`/api/members/${w.aMember.id}`, { name: '改名' }),
      office.post(`/api/members/${w.aMember.id}/pin`, {}),
      office.post('/api/members/import', { rows: [{ name: '街道' }] }),
      office.post('/api/teams', { name: '街道队' }),
      office.patch(`/api/teams/${w.aTeamId}`, { name: '改名' }),
      office.post(`/api/teams/${w.aTeamId}/members`, { memberId: w.aMember.id }),
      office.delete(`/api/teams/${w.aTeamId}/members/${w.aMember.id}`),
      office.post('/api/households', { name: '街道户', hardship: 'other' }),
      office.patch(`/api/households/${w.bHousehold.id}`, { name: '改名' }),
      office.post('/api/users', {
        username: 'x-by-office',
        password: 'password-123',
        role: 'clerk',
      }),
      office.patch(`/api/users/${w.leaderAId}`, { role: 'clerk' }),
      office.post(`/api/users/${w.leaderAId}/deactivate`),
      office.post(`/api/users/${w.leaderAId}/activate`),
    ]);
    for (const res of writes) {
      const url = (res as unknown as { req: { path: string } }).req.path;
      expect({ url, status: res.status, code: res.body.code }).toEqual({
        url,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const member = await t.db.read((em) => em.findOneByOrFail(Member, { id: w.aMember.id }));
    expect(member.name).toBe('甲社区志愿者');
    expect(await t.db.read((em) => em.countBy(Member, { name: '街道' }))).toBe(0);
  });

  it('should log volunteers and staff of B in with their community', async () => {
    const login = await t.http.post('/api/auth/login').send({
      username: 'admin-b',
      password: 'password-123',
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ username: 'admin-b', role: 'admin' });
    const principal = await t.app.get(AuthService).authenticate(login.body.token);
    expect(principal).toMatchObject({ kind: 'user', communityId: b.id, streetOfficeId: null });
    const office = await t.http.post('/api/auth/login').send({
      username: 'office-1',
      password: 'password-123',
    });
    expect(await t.app.get(AuthService).authenticate(office.body.token)).toMatchObject({
      role: 'office',
      communityId: null,
      streetOfficeId: 1,
    });
  });

  it('should give every staff user a place that fits the role', async () => {
    const auth = t.app.get(AuthService);
    await expect(
      auth.createUser('admin-nowhere', 'password-123', 'admin', [], { streetOfficeId: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      auth.createUser('office-in-b', 'password-123', 'office', [], { communityId: b.id }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      auth.createUser('clerk-nowhere', 'password-123', 'clerk', [], { communityId: 9999 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      auth.createUser('office-nowhere', 'password-123', 'office', [], { streetOfficeId: 9999 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const users = await t.db.read((em) =>
      em.countBy(User, {
        username: In(['admin-nowhere', 'office-in-b', 'clerk-nowhere', 'office-nowhere']),
      }),
    );
    expect(users).toBe(0);
  });
});
