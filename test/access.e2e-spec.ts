import { User } from '../src/auth/entities/user.entity';
import { Household } from '../src/people/entities/household.entity';
import { Member } from '../src/people/entities/member.entity';
import { Team } from '../src/people/entities/team.entity';
import { PeopleService } from '../src/people/people.service';
import { fixtures } from './support/fixtures';
import { createTestApp, ADMIN_PASSWORD, TestApp } from './support/test-app';

/**
 * Who may do what: one request per endpoint and role, and the status it must get. The README's
 * access table says the same in words. To cover a new endpoint, add one row to ACCESS.
 */
const ROLES = ['anonymous', 'volunteer', 'leader', 'clerk', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface World {
  t: TestApp;
  f: ReturnType<typeof fixtures>;
  /** A volunteer, member of the leader's team. */
  volunteer: Member;
  leader: User;
  /** The team the leader leads. */
  team: Team;
  otherTeam: Team;
  /** A member in no team of the leader. */
  outsider: Member;
  household: Household;
  /** Users acting as each staff role (the admin is not the bootstrap admin, so it may change its password). */
  clerk: User;
  admin: User;
  /** A name no earlier request used. */
  unique(prefix: string): string;
}

interface AccessRow {
  /** "METHOD /api/path (which target)": shown in the test name. */
  name: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => object | Promise<object>;
  /** Sends an Idempotency-Key (POSTs that move points). */
  idempotent?: boolean;
  expect: Record<Role, number>;
}

/** The error code each refusal must carry; successes carry none. */
const CODE_OF_STATUS: Record<number, string | undefined> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

const anyone = (status: number): Record<Role, number> => ({
  anonymous: status,
  volunteer: status,
  leader: status,
  clerk: status,
  admin: status,
});
/** Everyone logged in gets `status`; anonymous 401. */
const loggedIn = (status: number): Record<Role, number> => ({ ...anyone(status), anonymous: 401 });
/** Only admins get `status`; other roles 403, anonymous 401. */
const adminOnly = (status: number): Record<Role, number> => ({
  anonymous: 401,
  volunteer: 403,
  leader: 403,
  clerk: 403,
  admin: status,
});

const ACCESS: AccessRow[] = [
  // health, docs, login: open to all
  { name: 'GET /api/health', method: 'get', path: () => '/api/health', expect: anyone(200) },
  { name: 'GET /api/docs', method: 'get', path: () => '/api/docs', expect: anyone(200) },
  { name: 'GET /api/docs-json', method: 'get', path: () => '/api/docs-json', expect: anyone(200) },
  {
    name: 'POST /api/auth/login',
    method: 'post',
    path: () => '/api/auth/login',
    body: () => ({ username: 'admin', password: ADMIN_PASSWORD }),
    expect: anyone(200),
  },
  {
    name: 'POST /api/auth/passbook-login',
    method: 'post',
    path: () => '/api/auth/passbook-login',
    body: (w) => ({ passbookNo: w.volunteer.passbookNo, pin: '123456' }),
    expect: anyone(200),
  },
  // the caller themself
  {
    name: 'POST /api/auth/logout',
    method: 'post',
    path: () => '/api/auth/logout',
    expect: loggedIn(204),
  },
  {
    name: 'POST /api/auth/password',
    method: 'post',
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: 'password-123', newPassword: 'password-123' }),
    expect: { anonymous: 401, volunteer: 403, leader: 204, clerk: 204, admin: 204 },
  },
  { name: 'GET /api/me', method: 'get', path: () => '/api/me', expect: loggedIn(200) },
  {
    name: 'POST /api/me/pin',
    method: 'post',
    path: () => '/api/me/pin',
    body: () => ({ currentPin: '123456', newPin: '123456' }),
    expect: { anonymous: 401, volunteer: 204, leader: 403, clerk: 403, admin: 403 },
  },
  {
    name: 'GET /api/me/passbook',
    method: 'get',
    path: () => '/api/me/passbook',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403 },
  },
  // users
  {
    name: 'POST /api/users',
    method: 'post',
    path: () => '/api/users',
    body: (w) => ({ username: w.unique('clerk'), password: 'password-123', role: 'clerk' }),
    expect: adminOnly(201),
  },
  { name: 'GET /api/users', method: 'get', path: () => '/api/users', expect: adminOnly(200) },
  {
    name: 'GET /api/users/:id',
    method: 'get',
    path: (w) => `/api/users/${w.clerk.id}`,
    expect: adminOnly(200),
  },
  {
    name: 'PATCH /api/users/:id',
    method: 'patch',
    path: async (w) => `/api/users/${(await w.f.newUser('clerk')).id}`,
    body: () => ({ role: 'leader' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/users/:id/deactivate',
    method: 'post',
    path: async (w) => `/api/users/${(await w.f.newUser('clerk')).id}/deactivate`,
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/users/:id/activate',
    method: 'post',
    path: async (w) => `/api/users/${(await w.f.newUser('clerk')).id}/activate`,
    expect: adminOnly(200),
  },
  // members
  {
    name: 'POST /api/members',
    method: 'post',
    path: () => '/api/members',
    body: () => ({ name: '新志愿者', kind: 'resident' }),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/members',
    method: 'get',
    path: () => '/api/members',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/members/:id (a member of the leader’s team)',
    method: 'get',
    path: (w) => `/api/members/${w.volunteer.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/members/:id (a member outside the leader’s teams)',
    method: 'get',
    path: (w) => `/api/members/${w.outsider.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200 },
  },
  {
    name: 'PATCH /api/members/:id',
    method: 'patch',
    path: async (w) => `/api/members/${(await w.f.newMember()).id}`,
    body: () => ({ name: '改名' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/members/:id/pin',
    method: 'post',
    path: async (w) => `/api/members/${(await w.f.newMember()).id}/pin`,
    body: () => ({}),
    expect: adminOnly(200),
  },
  // teams
  {
    name: 'POST /api/teams',
    method: 'post',
    path: () => '/api/teams',
    body: (w) => ({ name: w.unique('服务队') }),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/teams',
    method: 'get',
    path: () => '/api/teams',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/teams/:id (the leader’s team)',
    method: 'get',
    path: (w) => `/api/teams/${w.team.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/teams/:id (another team)',
    method: 'get',
    path: (w) => `/api/teams/${w.otherTeam.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 200 },
  },
  {
    name: 'PATCH /api/teams/:id',
    method: 'patch',
    path: (w) => `/api/teams/${w.otherTeam.id}`,
    body: () => ({ serviceType: '环境整治' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: async (w) => ({ memberId: (await w.f.newMember()).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/teams/:id/members (another team)',
    method: 'post',
    path: (w) => `/api/teams/${w.otherTeam.id}/members`,
    body: async (w) => ({ memberId: (await w.f.newMember()).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201 },
  },
  {
    name: 'DELETE /api/teams/:id/members/:memberId (the leader’s team)',
    method: 'delete',
    path: async (w) => {
      const member = await w.f.newMember();
      await w.t.app.get(PeopleService).addTeamMember(w.team.id, member.id);
      return `/api/teams/${w.team.id}/members/${member.id}`;
    },
    expect: { anonymous: 401, volunteer: 403, leader: 204, clerk: 403, admin: 204 },
  },
  // households
  {
    name: 'POST /api/households',
    method: 'post',
    path: () => '/api/households',
    body: () => ({ name: '困难家庭', hardship: 'low_income' }),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/households',
    method: 'get',
    path: () => '/api/households',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'GET /api/households/:id',
    method: 'get',
    path: (w) => `/api/households/${w.household.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'PATCH /api/households/:id',
    method: 'patch',
    path: (w) => `/api/households/${w.household.id}`,
    body: () => ({ contact: '社区网格员' }),
    expect: adminOnly(200),
  },
  // passbooks: whoever may not see one gets 404
  {
    name: 'GET /api/passbooks/:passbookNo (the volunteer’s own, in the leader’s team)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.volunteer.passbookNo}`,
    expect: loggedIn(200),
  },
  {
    name: 'GET /api/passbooks/:passbookNo (another member, outside the leader’s teams)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.outsider.passbookNo}`,
    expect: { anonymous: 401, volunteer: 404, leader: 404, clerk: 200, admin: 200 },
  },
  {
    name: 'GET /api/passbooks/:passbookNo (a household)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.household.passbookNo}`,
    expect: { anonymous: 401, volunteer: 404, leader: 404, clerk: 200, admin: 200 },
  },
  // ledger
  {
    name: 'GET /api/ledger/verify',
    method: 'get',
    path: () => '/api/ledger/verify',
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/ledger/trial-balance',
    method: 'get',
    path: () => '/api/ledger/trial-balance',
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/ledger/transactions/:id/reversal',
    method: 'post',
    path: async (w) => {
      const member = await w.f.newMember();
      return `/api/ledger/transactions/${(await w.f.earn(member.accountId, 100)).id}/reversal`;
    },
    body: () => ({ reason: 'entered for the wrong member' }),
    idempotent: true,
    expect: adminOnly(201),
  },
  {
    name: 'POST /api/ledger/adjustments',
    method: 'post',
    path: () => '/api/ledger/adjustments',
    body: (w) => ({ passbookNo: w.outsider.passbookNo, amount: '+1.00', reason: '纸质存折结转' }),
    idempotent: true,
    expect: adminOnly(201),
  },
];

describe('access table (e2e)', () => {
  let w: World;
  let n = 0;

  beforeAll(async () => {
    const t = await createTestApp();
    const f = fixtures(t.app);
    const volunteer = await f.newMember();
    const { leader, team } = await f.newLeaderWithTeam([volunteer.id]);
    w = {
      t,
      f,
      volunteer,
      leader,
      team,
      otherTeam: await f.newTeam(),
      outsider: await f.newMember(),
      household: await f.newHousehold(),
      clerk: await f.newUser('clerk'),
      admin: await f.newUser('admin'),
      unique: (prefix) => `${prefix}${++n}`,
    };
  });
  afterAll(() => w.t.close());

  /** A fresh token of the role for every request, so a logout or password change affects only it. */
  async function authOf(role: Role): Promise<string | undefined> {
    switch (role) {
      case 'anonymous':
        return undefined;
      case 'volunteer':
        return w.f.bearer({ memberId: w.volunteer.id });
      case 'leader':
        return w.f.bearer({ userId: w.leader.id });
      case 'clerk':
        return w.f.bearer({ userId: w.clerk.id });
      case 'admin':
        return w.f.bearer({ userId: w.admin.id });
    }
  }

  const cases = ACCESS.flatMap((row) =>
    ROLES.map((role) => [row.name, role, row.expect[role], row] as const),
  );

  it.each(cases)('should answer %s for %s with %i', async (_name, role, status, row) => {
    let req = w.t.http[row.method](await row.path(w));
    const auth = await authOf(role);
    if (auth) {
      req = req.set('Authorization', auth);
    }
    if (row.idempotent) {
      req = req.set('Idempotency-Key', w.unique('access-'));
    }
    const res = row.body ? await req.send(await row.body(w)) : await req;
    expect({ status: res.status, code: res.body?.code }).toEqual({
      status,
      code: CODE_OF_STATUS[status],
    });
  });
});
