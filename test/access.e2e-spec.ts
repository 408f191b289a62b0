import { User } from '../src/auth/entities/user.entity';
import { Household } from '../src/people/entities/household.entity';
import { Member } from '../src/people/entities/member.entity';
import { Team } from '../src/people/entities/team.entity';
import { PeopleService } from '../src/people/people.service';
import { StarRatingsService } from '../src/ratings/star-ratings.service';
import { CatalogItemView } from '../src/shop/catalog.service';
import { RedemptionWindowsService } from '../src/shop/redemption-windows.service';
import { RedemptionsService } from '../src/shop/redemptions.service';
import { configDir } from './support/config-dir';
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
  /** A second team the leader leads. */
  secondTeam: Team;
  /** A member in no team of the leader. */
  outsider: Member;
  household: Household;
  /** Users acting as each staff role (the admin is not the bootstrap admin, so it may change its password). */
  clerk: User;
  admin: User;
  /** Shop items with plenty of stock, and the redemption window open all through the test. */
  goods: CatalogItemView;
  couponItem: CatalogItemView;
  windowId: number;
  /** A name no earlier request used. */
  unique(prefix: string): string;
  leaderToken: string;
}

const SERVICE_DATE = '2026-06-14';
/** A year over (the clock stands in 2026) whose rating can be published. */
const CLOSED_YEAR = 2025;

/** A new member in the leader's team (a fresh one per request keeps clear of daily caps). */
async function teamMember(w: World): Promise<Member> {
  const member = await w.f.newMember();
  await w.t.app.get(PeopleService).addTeamMember(w.team.id, member.id);
  return member;
}

/** A new member of another leader's team. */
async function otherTeamMember(w: World): Promise<Member> {
  const member = await w.f.newMember();
  await w.t.app.get(PeopleService).addTeamMember(w.otherTeam.id, member.id);
  return member;
}

/** A new member, deactivated (optionally after joining a team). */
async function deactivated(w: World, teamId?: number): Promise<Member> {
  const member = await w.f.newMember();
  if (teamId !== undefined) {
    await w.t.app.get(PeopleService).addTeamMember(teamId, member.id);
  }
  await w.t.db.write((em) => em.update(Member, { id: member.id }, { active: false }));
  return member;
}

/** A posted service record logged by the bootstrap admin; returns its id. */
async function postedRecord(w: World, member: Member): Promise<number> {
  const res = await w.t.http
    .post('/api/service-records')
    .set('Authorization', w.t.adminAuth)
    .set('Idempotency-Key', w.unique('setup-'))
    .send({ memberId: member.id, itemCode: 'free_clinic', quantity: 1, serviceDate: SERVICE_DATE });
  if (res.status !== 201) {
    throw new Error(`setup record: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** A pending record, logged by the leader (approval is on in this world); returns its id. */
async function pendingRecord(w: World): Promise<number> {
  const member = await teamMember(w);
  const res = await w.t.http
    .post('/api/service-records')
    .set('Authorization', await w.f.bearer({ userId: w.leader.id }))
    .set('Idempotency-Key', w.unique('setup-'))
    .send({ memberId: member.id, itemCode: 'free_clinic', quantity: 1, serviceDate: SERVICE_DATE });
  if (res.status !== 201 || res.body.status !== 'pending') {
    throw new Error(`setup pending record: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** An activity of `teamId` logged by the bootstrap admin; returns its id. */
async function activityOf(w: World, teamId: number, memberId: number): Promise<number> {
  const res = await w.t.http
    .post('/api/activities')
    .set('Authorization', w.t.adminAuth)
    .set('Idempotency-Key', w.unique('setup-'))
    .send({
      teamId,
      itemCode: 'free_clinic',
      title: '雷锋号便民大集',
      serviceDate: SERVICE_DATE,
      participants: [{ memberId, quantity: 1 }],
    });
  if (res.status !== 201) {
    throw new Error(`setup activity: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** A redemption of one unit by the outsider, made at the counter. */
function redeemOne(w: World, item: CatalogItemView) {
  return w.t.app
    .get(RedemptionsService)
    .redeem(
      { passbookNo: w.outsider.passbookNo, lines: [{ catalogItemId: item.id, quantity: 1 }] },
      'system:test',
      1,
    );
}

/** Drafts and publishes CLOSED_YEAR's star rating once. */
async function publishedYear(w: World): Promise<number> {
  const ratings = w.t.app.get(StarRatingsService);
  const current = await ratings.get(CLOSED_YEAR).catch(() => null);
  if (current?.status !== 'published') {
    await ratings.run(CLOSED_YEAR, 'system:test');
    await ratings.publish(CLOSED_YEAR, 'system:test');
  }
  return CLOSED_YEAR;
}

/** A future ad-hoc redemption window; returns its id. */
async function futureWindow(w: World): Promise<number> {
  const window = await w.t.app
    .get(RedemptionWindowsService)
    .createAdHoc(
      { opensAt: '2026-09-01T09:00:00+08:00', closesAt: '2026-09-01T17:00:00+08:00' },
      'system:test',
      1,
    );
  return window.id;
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

/** The error code each refusal must carry. */
const CODE_OF_STATUS: Record<number, string | undefined> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
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
  {
    name: 'GET /api/public/community',
    method: 'get',
    path: () => '/api/public/community',
    expect: anyone(200),
  },
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
    body: () => ({ currentPassword: 'password-123', newPassword: 'password-456' }),
    expect: { anonymous: 401, volunteer: 403, leader: 204, clerk: 204, admin: 204 },
  },
  { name: 'GET /api/me', method: 'get', path: () => '/api/me', expect: loggedIn(200) },
  {
    name: 'POST /api/me/pin',
    method: 'post',
    path: () => '/api/me/pin',
    body: () => ({ currentPin: '123456', newPin: '246810' }),
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
  {
    name: 'POST /api/members/import?dryRun=true',
    method: 'post',
    path: () => '/api/members/import?dryRun=true',
    body: (w) => ({ rows: [{ name: w.unique('导入') }] }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/members/import',
    method: 'post',
    path: () => '/api/members/import',
    body: (w) => ({ rows: [{ name: w.unique('导入'), kind: '群众' }] }),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/members/export',
    method: 'get',
    path: () => '/api/members/export?format=csv',
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/members/duplicates',
    method: 'get',
    path: () => `/api/members/duplicates?name=${encodeURIComponent('张三')}`,
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
    name: 'POST /api/teams/:id/members (the leader’s team, a member of another leader’s team)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: async (w) => ({ memberId: (await otherTeamMember(w)).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, a member of their other team)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: async (w) => {
      const member = await w.f.newMember();
      await w.t.app.get(PeopleService).addTeamMember(w.secondTeam.id, member.id);
      return { memberId: member.id };
    },
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, a deactivated member in no team)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: async (w) => ({ memberId: (await deactivated(w)).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, an unknown member)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: () => ({ memberId: 99_999_999 }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 404 },
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
  {
    name: 'GET /api/passbooks (search by name or a phone’s last four, for the counter)',
    method: 'get',
    path: (w) => `/api/passbooks?q=${encodeURIComponent(w.outsider.name)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
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
  // scoring standard
  { name: 'GET /api/standard', method: 'get', path: () => '/api/standard', expect: loggedIn(200) },
  {
    name: 'GET /api/standard/versions',
    method: 'get',
    path: () => '/api/standard/versions',
    expect: adminOnly(200),
  },
  // service records and activities: admins, and leaders for their own teams
  {
    name: 'POST /api/service-records (a member of the leader’s team)',
    method: 'post',
    path: () => '/api/service-records',
    body: async (w) => ({
      memberId: (await teamMember(w)).id,
      itemCode: 'free_clinic',
      quantity: 1,
      serviceDate: SERVICE_DATE,
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/service-records (a member outside the leader’s teams)',
    method: 'post',
    path: () => '/api/service-records',
    body: async (w) => ({
      memberId: (await w.f.newMember()).id,
      itemCode: 'free_clinic',
      quantity: 1,
      serviceDate: SERVICE_DATE,
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/service-records (a deactivated member of another leader’s team)',
    method: 'post',
    path: () => '/api/service-records',
    body: async (w) => ({
      memberId: (await deactivated(w, w.otherTeam.id)).id,
      itemCode: 'free_clinic',
      quantity: 1,
      serviceDate: SERVICE_DATE,
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 409 },
  },
  {
    name: 'POST /api/service-records (a member of the leader’s team, under their other team)',
    method: 'post',
    path: () => '/api/service-records',
    body: async (w) => ({
      memberId: (await teamMember(w)).id,
      teamId: w.secondTeam.id,
      itemCode: 'free_clinic',
      quantity: 1,
      serviceDate: SERVICE_DATE,
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201 },
  },
  {
    name: 'GET /api/service-records',
    method: 'get',
    path: () => '/api/service-records',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/service-records/settings',
    method: 'get',
    path: () => '/api/service-records/settings',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/service-records/:id (the leader’s team)',
    method: 'get',
    path: async (w) => `/api/service-records/${await postedRecord(w, await teamMember(w))}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/service-records/:id (outside the leader’s teams)',
    method: 'get',
    path: async (w) => `/api/service-records/${await postedRecord(w, await w.f.newMember())}`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200 },
  },
  {
    name: 'POST /api/service-records/:id/approve',
    method: 'post',
    path: async (w) => `/api/service-records/${await pendingRecord(w)}/approve`,
    expect: adminOnly(201),
  },
  {
    name: 'POST /api/service-records/:id/reject',
    method: 'post',
    path: async (w) => `/api/service-records/${await pendingRecord(w)}/reject`,
    body: () => ({ reason: '当天未到岗' }),
    expect: adminOnly(201),
  },
  {
    name: 'POST /api/service-records/:id/reversal',
    method: 'post',
    path: async (w) =>
      `/api/service-records/${await postedRecord(w, await teamMember(w))}/reversal`,
    body: () => ({ reason: '录错了人' }),
    idempotent: true,
    expect: adminOnly(201),
  },
  {
    name: 'POST /api/activities (the leader’s team)',
    method: 'post',
    path: () => '/api/activities',
    body: async (w) => ({
      teamId: w.team.id,
      itemCode: 'free_clinic',
      title: '雷锋号便民大集',
      serviceDate: SERVICE_DATE,
      participants: [{ memberId: (await teamMember(w)).id, quantity: 1 }],
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201 },
  },
  {
    name: 'POST /api/activities (another team)',
    method: 'post',
    path: () => '/api/activities',
    body: async (w) => {
      const member = await w.f.newMember();
      await w.t.app.get(PeopleService).addTeamMember(w.otherTeam.id, member.id);
      return {
        teamId: w.otherTeam.id,
        itemCode: 'free_clinic',
        title: '环境整治',
        serviceDate: SERVICE_DATE,
        participants: [{ memberId: member.id, quantity: 1 }],
      };
    },
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201 },
  },
  {
    name: 'GET /api/activities/:id (the leader’s team)',
    method: 'get',
    path: async (w) =>
      `/api/activities/${await activityOf(w, w.team.id, (await teamMember(w)).id)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/activities/:id (another team)',
    method: 'get',
    path: async (w) => {
      const member = await w.f.newMember();
      await w.t.app.get(PeopleService).addTeamMember(w.otherTeam.id, member.id);
      return `/api/activities/${await activityOf(w, w.otherTeam.id, member.id)}`;
    },
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200 },
  },
  // shop: catalog
  {
    name: 'POST /api/catalog-items',
    method: 'post',
    path: () => '/api/catalog-items',
    body: (w) => ({ name: w.unique('挂面'), kind: 'goods', price: '2.00', stock: 5 }),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/catalog-items',
    method: 'get',
    path: () => '/api/catalog-items',
    expect: loggedIn(200),
  },
  {
    name: 'GET /api/catalog-items/:id',
    method: 'get',
    path: (w) => `/api/catalog-items/${w.goods.id}`,
    expect: loggedIn(200),
  },
  {
    name: 'PATCH /api/catalog-items/:id',
    method: 'patch',
    path: async (w) => `/api/catalog-items/${(await w.f.newCatalogItem()).id}`,
    body: () => ({ price: '1.50' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/catalog-items/:id/restock',
    method: 'post',
    path: (w) => `/api/catalog-items/${w.goods.id}/restock`,
    body: () => ({ quantity: 2, note: '街道配送' }),
    expect: adminOnly(201),
  },
  {
    name: 'POST /api/catalog-items/:id/stock-adjustments',
    method: 'post',
    path: (w) => `/api/catalog-items/${w.goods.id}/stock-adjustments`,
    body: () => ({ quantity: -1, reason: '盘点: 一袋破损' }),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/catalog-items/:id/stock-movements',
    method: 'get',
    path: (w) => `/api/catalog-items/${w.goods.id}/stock-movements`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  // shop: redemption windows
  {
    name: 'GET /api/redemption-windows/current',
    method: 'get',
    path: () => '/api/redemption-windows/current',
    expect: loggedIn(200),
  },
  {
    name: 'GET /api/redemption-windows',
    method: 'get',
    path: () => '/api/redemption-windows',
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'GET /api/redemption-windows/:id',
    method: 'get',
    path: (w) => `/api/redemption-windows/${w.windowId}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'POST /api/redemption-windows',
    method: 'post',
    path: () => '/api/redemption-windows',
    body: () => ({ opensAt: '2026-10-01T09:00:00+08:00', closesAt: '2026-10-01T17:00:00+08:00' }),
    expect: adminOnly(201),
  },
  {
    name: 'POST /api/redemption-windows/:id/close',
    method: 'post',
    path: async (w) => `/api/redemption-windows/${await futureWindow(w)}/close`,
    body: () => ({ note: '临时取消' }),
    expect: adminOnly(201),
  },
  // shop: redemptions and coupons (clerks and admins; leaders never redeem)
  {
    name: 'POST /api/redemptions',
    method: 'post',
    path: () => '/api/redemptions',
    body: (w) => ({
      passbookNo: w.outsider.passbookNo,
      lines: [{ catalogItemId: w.goods.id, quantity: 1 }],
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201 },
  },
  {
    name: 'GET /api/redemptions',
    method: 'get',
    path: () => '/api/redemptions',
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'GET /api/redemptions/:id',
    method: 'get',
    path: async (w) => `/api/redemptions/${(await redeemOne(w, w.goods)).id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'POST /api/redemptions/:id/cancel (window still open)',
    method: 'post',
    path: async (w) => `/api/redemptions/${(await redeemOne(w, w.goods)).id}/cancel`,
    body: () => ({ reason: '居民改换商品' }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201 },
  },
  {
    name: 'POST /api/redemptions/:id/returns (window still open)',
    method: 'post',
    path: async (w) => `/api/redemptions/${(await redeemOne(w, w.goods)).id}/returns`,
    body: (w) => ({ lines: [{ catalogItemId: w.goods.id, quantity: 1 }], reason: '退回一件' }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201 },
  },
  {
    name: 'GET /api/counter/day-summary',
    method: 'get',
    path: () => '/api/counter/day-summary',
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'POST /api/coupons/:code/use',
    method: 'post',
    path: async (w) => `/api/coupons/${(await redeemOne(w, w.couponItem)).coupons[0].code}/use`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201 },
  },
  {
    name: 'GET /api/coupons/:code',
    method: 'get',
    path: async (w) => `/api/coupons/${(await redeemOne(w, w.couponItem)).coupons[0].code}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'GET /api/passbooks/:passbookNo/coupons',
    method: 'get',
    path: (w) => `/api/passbooks/${w.outsider.passbookNo}/coupons`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  {
    name: 'GET /api/me/coupons',
    method: 'get',
    path: () => '/api/me/coupons',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403 },
  },
  // donations: volunteers give from their own passbook, admins record a gift on one's behalf
  {
    name: 'POST /api/donations',
    method: 'post',
    path: () => '/api/donations',
    body: (w) => ({
      householdId: w.household.id,
      points: '0.50',
      passbookNo: w.volunteer.passbookNo,
    }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 201 },
  },
  {
    name: 'GET /api/donations',
    method: 'get',
    path: () => '/api/donations',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 200 },
  },
  {
    name: 'GET /api/households/:id/gifts',
    method: 'get',
    path: (w) => `/api/households/${w.household.id}/gifts`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200 },
  },
  // star ratings: run and publish by admins; the published notice is public
  {
    name: 'POST /api/star-ratings/:year/run',
    method: 'post',
    path: () => '/api/star-ratings/2026/run',
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/star-ratings/:year/publish',
    method: 'post',
    path: async (w) => {
      await w.t.app.get(StarRatingsService).run(CLOSED_YEAR - 1, 'system:test');
      return `/api/star-ratings/${CLOSED_YEAR - 1}/publish`;
    },
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/star-ratings/:year',
    method: 'get',
    path: async (w) => `/api/star-ratings/${await publishedYear(w)}`,
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/public/star-ratings/:year (published)',
    method: 'get',
    path: async (w) => `/api/public/star-ratings/${await publishedYear(w)}`,
    expect: anyone(200),
  },
  // reports
  {
    name: 'GET /api/reports/quarter/:year/:quarter',
    method: 'get',
    path: () => '/api/reports/quarter/2026/2',
    expect: adminOnly(200),
  },
];

describe('access table (e2e)', () => {
  let w: World;
  let n = 0;

  // Approval on, so the leader's records wait for an admin (the approve and reject rows need them).
  const approval = configDir({
    'service-records.json': { approvalRequired: true, backDatingDays: 90, maxHoursPerDay: '12' },
  });

  beforeAll(async () => {
    const t = await createTestApp({ env: { CONFIG_DIR: approval.dir } });
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
      secondTeam: await f.newTeam({ leaderUserIds: [leader.id] }),
      outsider: await f.newMember(),
      household: await f.newHousehold(),
      clerk: await f.newUser('clerk'),
      admin: await f.newUser('admin'),
      goods: await f.newCatalogItem({ name: '大米5kg', priceCents: 100, stock: 1000 }),
      couponItem: await f.newCatalogItem({
        name: '家政服务券',
        kind: 'service_coupon',
        priceCents: 100,
        stock: 1000,
      }),
      windowId: (await f.openRedemptionWindow(24)).id,
      unique: (prefix) => `${prefix}${++n}`,
      leaderToken: '',
    };
    w.leaderToken = (await f.bearer({ userId: leader.id })).replace(/^Bearer /, '');
    // Points to redeem (the outsider, at the counter) and to give (the volunteer).
    await f.earn(w.outsider.accountId, 100_000);
    await f.earn(w.volunteer.accountId, 10_000);
  });
  afterAll(async () => {
    await w.t.close();
    approval.remove();
  });

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

  it('should refuse a leader a member they may not see as if the id were unknown, naming nobody', async () => {
    const hidden = await deactivated(w, w.otherTeam.id);
    const send = (memberId: number) =>
      w.t.http
        .post('/api/service-records')
        .set('Authorization', `Bearer ${w.leaderToken}`)
        .set('Idempotency-Key', w.unique('probe-'))
        .send({ memberId, itemCode: 'free_clinic', quantity: 1, serviceDate: SERVICE_DATE });
    const res = await send(hidden.id);
    const unknown = await send(99_999_999);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: `no member with id ${hidden.id}`,
      details: { memberIds: [hidden.id] },
    });
    expect(unknown.body.message).toBe('no member with id 99999999');
    expect(JSON.stringify(res.body)).not.toContain(hidden.passbookNo);
    expect(JSON.stringify(res.body)).not.toContain(hidden.name);
  });

  it('should not let a leader take in a member of another leader’s team, nor read or credit them after', async () => {
    const member = await otherTeamMember(w);
    const auth = `Bearer ${w.leaderToken}`;
    const add = await w.t.http
      .post(`/api/teams/${w.team.id}/members`)
      .set('Authorization', auth)
      .send({ memberId: member.id });
    expect(add.status).toBe(404);
    const passbook = await w.t.http
      .get(`/api/passbooks/${member.passbookNo}`)
      .set('Authorization', auth);
    expect(passbook.status).toBe(404);
  });

  it('should have a row for every endpoint of the OpenAPI document', async () => {
    const doc = await w.t.http.get('/api/docs-json');
    const documented = Object.entries(doc.body.paths as Record<string, object>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented).toContain('POST /api/redemptions/:id/cancel');
    const covered = new Set(ACCESS.map((row) => row.name.split(' ').slice(0, 2).join(' ')));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

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
    // A success may carry a `code` of its own (a coupon's); only refusals carry an error code.
    const code = res.status >= 400 ? res.body?.code : undefined;
    expect({ status: res.status, code }).toEqual({
      status,
      code: CODE_OF_STATUS[status],
    });
  });
});
