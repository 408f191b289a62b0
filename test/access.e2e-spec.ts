import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { User } from '../src/auth/entities/user.entity';
import { EventAttendance } from '../src/events/entities';
import { CommunitiesService } from '../src/communities/communities.service';
import { Household } from '../src/people/entities/household.entity';
import { Member } from '../src/people/entities/member.entity';
import { Team } from '../src/people/entities/team.entity';
import { EventsService } from '../src/events/events.service';
import { PeopleService } from '../src/people/people.service';
import { ObjectionsService } from '../src/ratings/objections.service';
import { StarRatingsService } from '../src/ratings/star-ratings.service';
import { CatalogItemView } from '../src/shop/catalog.service';
import { RedemptionWindowsService } from '../src/shop/redemption-windows.service';
import { RedemptionsService } from '../src/shop/redemptions.service';
import { hashSecret } from '../src/auth/password';
import { sql } from '../src/common/db/database';
import { configDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, ADMIN_PASSWORD, TestApp } from './support/test-app';

/**
 * Who may do what: one request per endpoint and role, and the status it must get. The README's
 * access table says the same in words. To cover a new endpoint, add one row to ACCESS.
 */
const ROLES = ['anonymous', 'volunteer', 'leader', 'clerk', 'admin', 'office'] as const;
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
  /** The street-office user of street office 1 (communities default and b). */
  officeUser: { id: number };
  /** Community b of the same street office, with rows of every kind (built by its own staff). */
  b: OtherCommunity;
}

/**
 * Community b's rows, each of a kind the table names, made through HTTP by b's own admin, clerk and
 * leader, as the pages would. Every name carries MARK, so a list that shows one of them is caught.
 */
interface OtherCommunity {
  communityId: number;
  clerkUserId: number;
  member: { id: number; passbookNo: string };
  teamId: number;
  household: { id: number; passbookNo: string };
  goodsId: number;
  windowId: number;
  redemptionId: number;
  couponCode: string;
  recordId: number;
  pendingRecordId: number;
  /** The ledger transaction of b's member's earn. */
  transactionId: string;
  activityId: number;
  eventId: number;
  /** A wish of b's household, claimed by b's team. */
  wishId: number;
  /** A haircut menu item of b's team, and orders of it: placed, accepted (b's member), done. */
  menuItemId: number;
  placedOrderId: number;
  acceptedOrderId: number;
  doneOrderId: number;
}

/** In every name of community b's rows. */
const MARK = '乙社区';

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

const eventBody = (teamId: number, title = '雷锋号便民大集') => ({
  title,
  place: '社区文化广场',
  date: SERVICE_DATE,
  startsAt: '08:30',
  endsAt: '11:30',
  teamIds: [teamId],
  itemCodes: ['free_clinic'],
});

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

// --- service menu (点单): menu items and orders made for the rows ---

/** A haircut menu item of `teamId`, published by the bootstrap admin; returns its id. */
async function menuItemOf(w: World, teamId: number): Promise<number> {
  const res = await w.t.http
    .post('/api/menu-items')
    .set('Authorization', w.t.adminAuth)
    .send({ teamId, itemCode: 'haircut', title: w.unique('上门理发'), availability: '每周六上午' });
  if (res.status !== 201) {
    throw new Error(`setup menu item: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** A placed order of a new menu item of `teamId`: the household's (by the admin) or the volunteer's own. */
async function placedOrder(w: World, teamId: number, own = false): Promise<number> {
  const menuItemId = await menuItemOf(w, teamId);
  const res = own
    ? await w.t.http
        .post('/api/me/orders')
        .set('Authorization', await w.f.bearer({ memberId: w.volunteer.id }))
        .send({ menuItemId, preferredTime: '周六上午', place: '3号楼' })
    : await w.t.http.post('/api/orders').set('Authorization', w.t.adminAuth).send({
        menuItemId,
        householdId: w.household.id,
        preferredTime: '周六上午',
        place: '5号楼',
      });
  if (res.status !== 201) {
    throw new Error(`setup order: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** The member an accepted order of the rows sent (the done row's body names them). */
const assigneeOf = new WeakMap<World, number>();

/** An order accepted by the admin, sending a new member of `teamId`'s (remembered in assigneeOf). */
async function acceptedOrder(w: World, teamId: number, own = false): Promise<number> {
  const id = await placedOrder(w, teamId, own);
  const member = teamId === w.otherTeam.id ? await otherTeamMember(w) : await teamMember(w);
  const res = await w.t.http
    .post(`/api/orders/${id}/accept`)
    .set('Authorization', w.t.adminAuth)
    .send({ memberIds: [member.id] });
  if (res.status !== 200) {
    throw new Error(`setup accept: ${res.status} ${JSON.stringify(res.body)}`);
  }
  assigneeOf.set(w, member.id);
  return id;
}

/** An order of the leader's team confirmed done by the admin. */
async function doneOrder(w: World, own = false): Promise<number> {
  const id = await acceptedOrder(w, w.team.id, own);
  const res = await w.t.http
    .post(`/api/orders/${id}/done`)
    .set('Authorization', w.t.adminAuth)
    .set('Idempotency-Key', w.unique('setup-'))
    .send({ volunteers: [{ memberId: assigneeOf.get(w), quantity: 1 }] });
  if (res.status !== 201) {
    throw new Error(`setup done: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

const doneBody = (w: World) => ({ volunteers: [{ memberId: assigneeOf.get(w), quantity: 1 }] });

// --- end service menu ---

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
  const current = await ratings.get(1, CLOSED_YEAR).catch(() => null);
  if (current?.status !== 'published') {
    await ratings.run(1, CLOSED_YEAR, 'system:test');
    await ratings.publish(1, CLOSED_YEAR, 'system:test');
  }
  return CLOSED_YEAR;
}

/** A year whose notice period is already over (as a rating published before notices had one). */
const NOTICE_OVER_YEAR = CLOSED_YEAR - 2;

/** An open objection of a fresh member of the community to its published CLOSED_YEAR rating. */
async function openObjection(w: World, communityId = 1): Promise<number> {
  const ratings = w.t.app.get(StarRatingsService);
  const current = await ratings.get(communityId, CLOSED_YEAR).catch(() => null);
  if (current?.status !== 'published') {
    await ratings.run(communityId, CLOSED_YEAR, 'system:test');
    await ratings.publish(communityId, CLOSED_YEAR, 'system:test');
  }
  const member = await w.f.newMember({ communityId });
  const objection = await w.t.app
    .get(ObjectionsService)
    .file(
      { kind: 'member', memberId: member.id, passbookNo: member.passbookNo, communityId },
      { year: CLOSED_YEAR, about: 'self', reason: '请核对' },
    );
  return objection.id;
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

/** A user row of a community or a street office, as the user CLI writes it; returns its id. */
async function userRow(
  t: TestApp,
  username: string,
  role: string,
  place: { communityId: number } | { streetOfficeId: number },
): Promise<number> {
  const passwordHash = await hashSecret('password-123');
  return t.db.write(async (em) => {
    await em.query(
      sql(
        t.db,
        `INSERT INTO users (username, password_hash, role, active, created_at, must_change_password, community_id, street_office_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      [
        username,
        passwordHash,
        role,
        true,
        new Date().toISOString(),
        false,
        'communityId' in place ? place.communityId : null,
        'streetOfficeId' in place ? place.streetOfficeId : null,
      ],
    );
    const [row]: { id: unknown }[] = await em.query(
      sql(t.db, 'SELECT id FROM users WHERE username = ?'),
      [username],
    );
    return Number(row.id);
  });
}

/** Community b under street office 1, and one row of each kind in it, made by b's own staff. */
async function otherCommunity(t: TestApp): Promise<OtherCommunity> {
  const community = await t.app
    .get(CommunitiesService)
    .create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
  const place = { communityId: community.id };
  await userRow(t, 'b-admin', 'admin', place);
  const clerkUserId = await userRow(t, 'b-clerk', 'clerk', place);
  const leaderId = await userRow(t, 'b-leader', 'leader', place);
  const [admin, clerk, leader] = [
    await t.login('b-admin', 'password-123'),
    await t.login('b-clerk', 'password-123'),
    await t.login('b-leader', 'password-123'),
  ];
  let n = 0;
  const send = async (
    auth: string,
    path: string,
    body: object,
    status = 201,
  ): Promise<Record<string, unknown>> => {
    const res = await t.http
      .post(path)
      .set('Authorization', auth)
      .set('Idempotency-Key', `b-setup-${++n}`)
      .send(body);
    if (res.status !== status) {
      throw new Error(`community b setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as Record<string, unknown>;
  };
  const member = await send(admin, '/api/members', { name: `${MARK}志愿者`, kind: 'resident' });
  const team = await send(admin, '/api/teams', {
    name: `${MARK}服务队`,
    leaderUserIds: [leaderId],
  });
  await send(admin, `/api/teams/${String(team.id)}/members`, { memberId: member.id });
  const household = await send(admin, '/api/households', {
    name: `${MARK}困难家庭`,
    hardship: 'low_income',
  });
  // Same names as community default's items: names are unique per community only.
  const goods = await send(admin, '/api/catalog-items', {
    name: '大米5kg',
    kind: 'goods',
    price: '1.00',
    stock: 1000,
  });
  const couponItem = await send(admin, '/api/catalog-items', {
    name: '家政服务券',
    kind: 'service_coupon',
    price: '1.00',
    stock: 1000,
  });
  const now = t.clock.now();
  const window = await send(admin, '/api/redemption-windows', {
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
  });
  // One member served the same item three times that day on purpose (a posted record, a pending
  // one, an activity): the second and third confirm they are not duplicates.
  const service = { memberId: member.id, itemCode: 'free_clinic', serviceDate: SERVICE_DATE };
  const record = await send(admin, '/api/service-records', { ...service, quantity: 2 });
  const pending = await send(leader, '/api/service-records', {
    ...service,
    quantity: 1,
    confirmDuplicate: true,
  });
  const activity = await send(admin, '/api/activities', {
    teamId: team.id,
    itemCode: 'free_clinic',
    title: `${MARK}便民大集`,
    serviceDate: SERVICE_DATE,
    participants: [{ memberId: member.id, quantity: 1 }],
    confirmDuplicate: true,
  });
  const redemption = await send(clerk, '/api/redemptions', {
    passbookNo: member.passbookNo,
    lines: [
      { catalogItemId: goods.id, quantity: 1 },
      { catalogItemId: couponItem.id, quantity: 1 },
    ],
  });
  const event = await send(admin, '/api/events', eventBody(Number(team.id), `${MARK}便民大集`));
  // A draft rating of the year for b, for the street office to read.
  await send(admin, '/api/star-ratings/2026/run', {}, 200);
  const wish = await send(clerk, '/api/wishes', {
    householdId: household.id,
    title: `${MARK}心愿`,
    category: 'goods',
    neededBy: '2026-12-31',
  });
  await send(leader, `/api/wishes/${String(wish.id)}/claim`, { teamId: team.id }, 200);
  const menuItem = await send(leader, '/api/menu-items', {
    teamId: team.id,
    itemCode: 'haircut',
    title: `${MARK}上门理发`,
    availability: '每周六上午',
  });
  const order = () =>
    send(clerk, '/api/orders', {
      menuItemId: menuItem.id,
      householdId: household.id,
      preferredTime: '周六上午',
      place: `${MARK}5号楼`,
    });
  const [placed, accepted, done] = [await order(), await order(), await order()];
  for (const o of [accepted, done]) {
    await send(leader, `/api/orders/${String(o.id)}/accept`, { memberIds: [member.id] }, 200);
  }
  await send(admin, `/api/orders/${String(done.id)}/done`, {
    volunteers: [{ memberId: member.id, quantity: 1 }],
  });
  return {
    communityId: community.id,
    clerkUserId,
    member: { id: Number(member.id), passbookNo: String(member.passbookNo) },
    teamId: Number(team.id),
    household: { id: Number(household.id), passbookNo: String(household.passbookNo) },
    goodsId: Number(goods.id),
    windowId: Number(window.id),
    redemptionId: Number(redemption.id),
    couponCode: String((redemption.coupons as { code: string }[])[0].code),
    recordId: Number(record.id),
    pendingRecordId: Number(pending.id),
    transactionId: String(record.transactionId),
    activityId: Number((activity as { id: unknown }).id),
    eventId: Number(event.id),
    menuItemId: Number(menuItem.id),
    placedOrderId: Number(placed.id),
    acceptedOrderId: Number(accepted.id),
    doneOrderId: Number(done.id),
    wishId: Number(wish.id),
  };
}

// --- wishes: a fresh wish per request (posted by the bootstrap admin for the world's household) ---

/** A new open wish of the world's household; returns its id. */
async function wishOf(w: World): Promise<number> {
  const res = await w.t.http.post('/api/wishes').set('Authorization', w.t.adminAuth).send({
    householdId: w.household.id,
    title: '一袋大米',
    category: 'goods',
    neededBy: '2026-12-31',
  });
  if (res.status !== 201) {
    throw new Error(`setup wish: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** A new wish claimed by a fresh volunteer (`memberId` unless given) or by the leader's team. */
async function claimedWish(w: World, by: { memberId?: number; team?: true } = {}): Promise<number> {
  const id = await wishOf(w);
  const res = by.team
    ? await w.t.http
        .post(`/api/wishes/${id}/claim`)
        .set('Authorization', await w.f.bearer({ userId: w.leader.id }))
        .send({ teamId: w.team.id })
    : await w.t.http
        .post(`/api/me/wishes/${id}/claim`)
        .set('Authorization', await w.f.memberAuth(by.memberId ?? (await w.f.newMember()).id));
  if (res.status !== 200) {
    throw new Error(`setup claim: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

// --- events-api: events planned for the rows (a fresh one per request, so a cancel or a sign-up touches only its own) ---

/** An event of `teamId` (the leader's team unless given), planned by the bootstrap admin; returns its id. */
async function eventOf(
  w: World,
  opts: { teamId?: number; signup?: { audience: 'teams' | 'community' } } = {},
): Promise<number> {
  const res = await w.t.http
    .post('/api/events')
    .set('Authorization', w.t.adminAuth)
    .send({
      title: '雷锋号便民大集',
      place: '社区文化广场',
      date: '2026-06-20',
      startsAt: '08:30',
      endsAt: '11:30',
      teamIds: [opts.teamId ?? w.team.id],
      itemCodes: ['free_clinic'],
      ...(opts.signup ? { signup: opts.signup } : {}),
    });
  if (res.status !== 201) {
    throw new Error(`setup event: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id;
}

/** An event of the leader's team open for sign-up that the volunteer signed up for; returns its id. */
async function signedUpEvent(w: World): Promise<number> {
  const id = await eventOf(w, { signup: { audience: 'teams' } });
  const { volunteer } = w;
  await w.t.app
    .get(EventsService)
    .signUp(
      { kind: 'member', memberId: volunteer.id, passbookNo: volunteer.passbookNo, communityId: 1 },
      id,
    );
  return id;
}

let apiBEventId: number | undefined;

/** An event of community b's team, open to its whole community, planned by b's admin (once). */
async function apiBEvent(w: World): Promise<number> {
  if (apiBEventId === undefined) {
    const res = await w.t.http
      .post('/api/events')
      .set('Authorization', await w.t.login('b-admin', 'password-123'))
      .send({
        title: `${MARK}便民大集`,
        place: `${MARK}广场`,
        date: '2026-06-20',
        startsAt: '08:30',
        endsAt: '11:30',
        teamIds: [w.b.teamId],
        itemCodes: ['free_clinic'],
        signup: { audience: 'community' },
      });
    if (res.status !== 201) {
      throw new Error(`setup b event: ${res.status} ${JSON.stringify(res.body)}`);
    }
    apiBEventId = Number(res.body.id);
  }
  return apiBEventId;
}

// --- end events-api ---

// --- events: close, and deciding records many at once (the close block) ---

/**
 * A planned event of `teamId` (free_clinic, 08:00–12:00 of SERVICE_DATE) planned by `auth`, with one
 * new participant checked in and out as the attendance service writes it; returns its id.
 */
async function closableEvent(w: World, teamId: number, auth: string, memberId: number) {
  const res = await w.t.http
    .post('/api/events')
    .set('Authorization', auth)
    .send({
      title: '雷锋号便民大集',
      place: '社区文化广场',
      date: SERVICE_DATE,
      startsAt: '08:00',
      endsAt: '12:00',
      teamIds: [teamId],
      itemCodes: ['free_clinic'],
    });
  if (res.status !== 201) {
    throw new Error(`setup event: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const eventId = Number(res.body.id);
  await w.t.db.write((em) =>
    em.insert(EventAttendance, {
      eventId,
      memberId,
      itemCode: 'free_clinic',
      quantity: null,
      checkInAt: `${SERVICE_DATE}T00:00:00.000Z`,
      checkInMethod: 'scan',
      checkOutAt: `${SERVICE_DATE}T01:00:00.000Z`,
      checkOutMethod: 'scan',
      correctionReason: null,
      correctedBy: null,
      correctedAt: null,
      note: null,
      createdBy: 'system:test',
      updatedAt: `${SERVICE_DATE}T01:00:00.000Z`,
    }),
  );
  return eventId;
}

/** An event of the leader's team closed by the leader: its record waits for approval. */
async function closedEvent(w: World): Promise<number> {
  const leaderAuth = await w.f.bearer({ userId: w.leader.id });
  const id = await closableEvent(w, w.team.id, leaderAuth, (await teamMember(w)).id);
  const res = await w.t.http
    .post(`/api/events/${id}/close`)
    .set('Authorization', leaderAuth)
    .set('Idempotency-Key', w.unique('setup-'))
    .send({});
  if (res.status !== 201 || res.body.records[0].status !== 'pending') {
    throw new Error(`setup closed event: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

/** A planned event of community b with b's member attending, planned by b's admin. */
async function bClosableEvent(w: World): Promise<number> {
  return closableEvent(w, w.b.teamId, await w.t.login('b-admin', 'password-123'), w.b.member.id);
}

/** A closed event of community b with a pending record, closed by b's leader. */
async function bClosedEvent(w: World): Promise<number> {
  const leaderAuth = await w.t.login('b-leader', 'password-123');
  const id = await closableEvent(w, w.b.teamId, leaderAuth, (await bNewMember(w)).id);
  const res = await w.t.http
    .post(`/api/events/${id}/close`)
    .set('Authorization', leaderAuth)
    .set('Idempotency-Key', w.unique('setup-'))
    .send({});
  if (res.status !== 201) {
    throw new Error(`setup b closed event: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

/** A new member of b's team (a fresh one per request, so no day cap or duplicate is met). */
async function bNewMember(w: World): Promise<Member> {
  const member = await w.f.newMember({ communityId: w.b.communityId });
  await w.t.app.get(PeopleService).addTeamMember(w.b.teamId, member.id);
  return member;
}

interface AccessRow {
  /** "METHOD /api/path (which target)": shown in the test name. */
  name: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: (w: World) => string | Promise<string>;
  body?: (w: World) => object | Promise<object>;
  /** Sends an Idempotency-Key (POSTs that move points). */
  idempotent?: boolean;
  expect: Record<Role, number>;
}

/** The error code each refusal must carry. */
const CODE_OF_STATUS: Record<number, string | undefined> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  422: 'UNKNOWN_ITEM',
};

const anyone = (status: number): Record<Role, number> => ({
  anonymous: status,
  volunteer: status,
  leader: status,
  clerk: status,
  admin: status,
  office: status,
});
/**
 * Everyone of the community logged in gets `status`; anonymous 401. The street-office user 403: a
 * community's rows are its staff's and volunteers'; the street office reads reports and verify.
 */
const loggedIn = (status: number): Record<Role, number> => ({
  ...anyone(status),
  anonymous: 401,
  office: 403,
});
/** Everyone logged in, the street-office user too (their own session). */
const anyUser = (status: number): Record<Role, number> => ({ ...anyone(status), anonymous: 401 });
/** Only admins get `status`; other roles 403, anonymous 401. */
const adminOnly = (status: number): Record<Role, number> => ({
  anonymous: 401,
  volunteer: 403,
  leader: 403,
  clerk: 403,
  admin: status,
  office: 403,
});
/** Only the street-office user gets `status`. */
const officeOnly = (status: number): Record<Role, number> => ({
  ...adminOnly(403),
  office: status,
});

/** The day the world's clock stands on (10:00 in Shanghai): events of the access rows are held on it. */
const EVENT_DAY = '2026-06-15';
let lastEventId = 0;
let bEventId: Promise<number> | null = null;

/** A new event of the leader's team today, 08:00 to 18:00; `checkedIn`: with the volunteer checked in. */
async function newEvent(w: World, checkedIn = false): Promise<number> {
  const admin = await w.f.bearer({ userId: w.admin.id });
  const res = await w.t.http
    .post('/api/events')
    .set('Authorization', admin)
    .send({
      title: '便民大集',
      place: '社区文化广场',
      date: EVENT_DAY,
      startsAt: '08:00',
      endsAt: '18:00',
      teamIds: [w.team.id],
      itemCodes: ['event_security'],
    });
  if (res.status !== 201) {
    throw new Error(`setup event: ${res.status} ${JSON.stringify(res.body)}`);
  }
  lastEventId = res.body.id;
  if (checkedIn) {
    const checkIn = await w.t.http
      .post(`/api/events/${lastEventId}/check-in`)
      .set('Authorization', admin)
      .send({ memberId: w.volunteer.id });
    if (checkIn.status !== 200) {
      throw new Error(`setup check-in: ${checkIn.status} ${JSON.stringify(checkIn.body)}`);
    }
  }
  return lastEventId;
}

/** The self check-in code of the event newEvent made last, as the leader's screen shows it. */
async function codeOfLastEvent(w: World): Promise<{ code: string }> {
  const res = await w.t.http
    .get(`/api/events/${lastEventId}/check-in-code`)
    .set('Authorization', await w.f.bearer({ userId: w.admin.id }));
  return { code: res.body.code };
}

/** Community b's event, made once by b's admin. */
function bEvent(w: World): Promise<number> {
  bEventId ??= (async () => {
    const auth = await w.t.login('b-admin', 'password-123');
    const res = await w.t.http
      .post('/api/events')
      .set('Authorization', auth)
      .send({
        title: `${MARK}便民大集`,
        place: '广场',
        date: EVENT_DAY,
        startsAt: '08:00',
        endsAt: '18:00',
        teamIds: [w.b.teamId],
        itemCodes: ['event_security'],
      });
    if (res.status !== 201) {
      throw new Error(`setup b event: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return Number(res.body.id);
  })();
  return bEventId;
}

/* certificates (志愿服务记录证明) */

/** The body of a certificate for a new volunteer of the leader's team with one posted record. */
async function certificateBody(w: World): Promise<object> {
  const member = await teamMember(w);
  await postedRecord(w, member);
  return { memberId: member.id, from: '2026-06-01', to: SERVICE_DATE, handler: '李红' };
}

/** A certificate issued by the bootstrap admin; its number. */
async function newCertificate(w: World): Promise<string> {
  const res = await w.t.http
    .post('/api/certificates')
    .set('Authorization', w.t.adminAuth)
    .set('Idempotency-Key', w.unique('setup-'))
    .send(await certificateBody(w));
  if (res.status !== 201) {
    throw new Error(`setup certificate: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return String(res.body.number);
}

/** A certificate of community b's member, issued once by b's admin. */
let bCertificate: Promise<string> | undefined;
function bCertificateNumber(w: World): Promise<string> {
  bCertificate ??= (async () => {
    const res = await w.t.http
      .post('/api/certificates')
      .set('Authorization', await w.t.login('b-admin', 'password-123'))
      .set('Idempotency-Key', w.unique('b-setup-'))
      .send({ memberId: w.b.member.id, from: '2026-06-01', to: SERVICE_DATE, handler: '乙' });
    if (res.status !== 201) {
      throw new Error(`setup b certificate: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return String(res.body.number);
  })();
  return bCertificate;
}

const EXPORT_QUARTER = 'from=2026-04-01&to=2026-06-30';

/** Who runs an event: its community's admins and its teams' leaders get `status`. */
const runner = (status: number): Record<Role, number> => ({ ...adminOnly(status), leader: status });

/* event photos: one event of the leader's team with a photo, shared by the rows that only read */

const photoEvents = new WeakMap<World, Promise<{ eventId: number; photoId: number }>>();

/** A bit of JPEG (by its signature) no other request sent. */
const jpegBody = () => ({
  contentType: 'image/jpeg',
  data: Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(24)]).toString('base64'),
});

/** A new event of `teamId` planned today by `auth`, with one photo. */
async function newPhotoEvent(t: TestApp, auth: string, teamId: number) {
  const send = async (path: string, body: object) => {
    const res = await t.http.post(path).set('Authorization', auth).send(body);
    if (res.status !== 201) {
      throw new Error(`setup ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as { id: number };
  };
  const event = await send('/api/events', {
    title: '雷锋号便民大集',
    place: '社区广场',
    date: '2026-06-15',
    startsAt: '09:00',
    endsAt: '11:00',
    teamIds: [teamId],
    itemCodes: ['free_clinic'],
  });
  const photo = await send(`/api/events/${event.id}/photos`, jpegBody());
  return { eventId: event.id, photoId: photo.id };
}

/** The shared event of the leader's team with its photo (made once). */
function photoEvent(w: World) {
  let made = photoEvents.get(w);
  if (!made) {
    made = newPhotoEvent(w.t, w.t.adminAuth, w.team.id);
    photoEvents.set(w, made);
  }
  return made;
}

/** An event of community b with a photo, made by b's admin. */
const bPhotoEvents = new WeakMap<World, Promise<{ eventId: number; photoId: number }>>();
function bPhotoEvent(w: World) {
  let made = bPhotoEvents.get(w);
  if (!made) {
    made = w.t
      .login('b-admin', 'password-123')
      .then((auth) => newPhotoEvent(w.t, auth, w.b.teamId));
    bPhotoEvents.set(w, made);
  }
  return made;
}

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
    expect: anyUser(204),
  },
  {
    name: 'POST /api/auth/password',
    method: 'post',
    path: () => '/api/auth/password',
    body: () => ({ currentPassword: 'password-123', newPassword: 'password-456' }),
    expect: { anonymous: 401, volunteer: 403, leader: 204, clerk: 204, admin: 204, office: 204 },
  },
  { name: 'GET /api/me', method: 'get', path: () => '/api/me', expect: anyUser(200) },
  {
    name: 'GET /api/me/community',
    method: 'get',
    path: () => '/api/me/community',
    expect: anyUser(200),
  },
  {
    name: 'POST /api/me/pin',
    method: 'post',
    path: () => '/api/me/pin',
    body: () => ({ currentPin: '123456', newPin: '246810' }),
    expect: { anonymous: 401, volunteer: 204, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'GET /api/me/passbook',
    method: 'get',
    path: () => '/api/me/passbook',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/members/:id (a member of the leader’s team)',
    method: 'get',
    path: (w) => `/api/members/${w.volunteer.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/members/:id (a member outside the leader’s teams)',
    method: 'get',
    path: (w) => `/api/members/${w.outsider.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200, office: 403 },
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
    name: 'POST /api/members/:id/transfer',
    method: 'post',
    path: async (w) => {
      // Another community of the street office to move to (created once).
      const communities = w.t.app.get(CommunitiesService);
      if (!(await communities.findByCode('access-b'))) {
        await communities.create({ streetOfficeId: 1, code: 'access-b', name: 'B社区' });
      }
      return `/api/members/${(await w.f.newMember()).id}/transfer`;
    },
    body: () => ({ toCommunity: 'access-b', reason: '搬家' }),
    idempotent: true,
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/members/:id/transfers',
    method: 'get',
    path: async (w) => `/api/members/${(await w.f.newMember()).id}/transfers`,
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
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/teams/:id (the leader’s team)',
    method: 'get',
    path: (w) => `/api/teams/${w.team.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/teams/:id (another team)',
    method: 'get',
    path: (w) => `/api/teams/${w.otherTeam.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, a member of another leader’s team)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: async (w) => ({ memberId: (await otherTeamMember(w)).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, a deactivated member in no team)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: async (w) => ({ memberId: (await deactivated(w)).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, an unknown member)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: () => ({ memberId: 99_999_999 }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 404, office: 403 },
  },
  {
    name: 'POST /api/teams/:id/members (another team)',
    method: 'post',
    path: (w) => `/api/teams/${w.otherTeam.id}/members`,
    body: async (w) => ({ memberId: (await w.f.newMember()).id }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'DELETE /api/teams/:id/members/:memberId (the leader’s team)',
    method: 'delete',
    path: async (w) => {
      const member = await w.f.newMember();
      await w.t.app.get(PeopleService).addTeamMember(w.team.id, member.id);
      return `/api/teams/${w.team.id}/members/${member.id}`;
    },
    expect: { anonymous: 401, volunteer: 403, leader: 204, clerk: 403, admin: 204, office: 403 },
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
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/households/:id',
    method: 'get',
    path: (w) => `/api/households/${w.household.id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 404, leader: 404, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/passbooks/:passbookNo (a household)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.household.passbookNo}`,
    expect: { anonymous: 401, volunteer: 404, leader: 404, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/passbooks (search by name or a phone’s last four, for the counter)',
    method: 'get',
    path: (w) => `/api/passbooks?q=${encodeURIComponent(w.outsider.name)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 409, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/service-records',
    method: 'get',
    path: () => '/api/service-records',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/service-records/settings',
    method: 'get',
    path: () => '/api/service-records/settings',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/service-records/:id (the leader’s team)',
    method: 'get',
    path: async (w) => `/api/service-records/${await postedRecord(w, await teamMember(w))}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/service-records/:id (outside the leader’s teams)',
    method: 'get',
    path: async (w) => `/api/service-records/${await postedRecord(w, await w.f.newMember())}`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/activities/:id (the leader’s team)',
    method: 'get',
    path: async (w) =>
      `/api/activities/${await activityOf(w, w.team.id, (await teamMember(w)).id)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/activities/:id (another team)',
    method: 'get',
    path: async (w) => {
      const member = await w.f.newMember();
      await w.t.app.get(PeopleService).addTeamMember(w.otherTeam.id, member.id);
      return `/api/activities/${await activityOf(w, w.otherTeam.id, member.id)}`;
    },
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/redemption-windows/:id',
    method: 'get',
    path: (w) => `/api/redemption-windows/${w.windowId}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
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
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/redemptions',
    method: 'get',
    path: () => '/api/redemptions',
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/redemptions/:id',
    method: 'get',
    path: async (w) => `/api/redemptions/${(await redeemOne(w, w.goods)).id}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/redemptions/:id/cancel (window still open)',
    method: 'post',
    path: async (w) => `/api/redemptions/${(await redeemOne(w, w.goods)).id}/cancel`,
    body: () => ({ reason: '居民改换商品' }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/redemptions/:id/returns (window still open)',
    method: 'post',
    path: async (w) => `/api/redemptions/${(await redeemOne(w, w.goods)).id}/returns`,
    body: (w) => ({ lines: [{ catalogItemId: w.goods.id, quantity: 1 }], reason: '退回一件' }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/counter/day-summary',
    method: 'get',
    path: () => '/api/counter/day-summary',
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/coupons/:code/use',
    method: 'post',
    path: async (w) => `/api/coupons/${(await redeemOne(w, w.couponItem)).coupons[0].code}/use`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/coupons/:code',
    method: 'get',
    path: async (w) => `/api/coupons/${(await redeemOne(w, w.couponItem)).coupons[0].code}`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/passbooks/:passbookNo/coupons',
    method: 'get',
    path: (w) => `/api/passbooks/${w.outsider.passbookNo}/coupons`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/me/coupons',
    method: 'get',
    path: () => '/api/me/coupons',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
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
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/donations',
    method: 'get',
    path: () => '/api/donations',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/households/:id/gifts',
    method: 'get',
    path: (w) => `/api/households/${w.household.id}/gifts`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  // wishes (微心愿): staff post for households, volunteers their own; claims, releases, fulfilment
  {
    name: 'POST /api/wishes',
    method: 'post',
    path: () => '/api/wishes',
    body: (w) => ({
      householdId: w.household.id,
      title: '一件棉衣',
      category: 'goods',
      neededBy: '2026-12-31',
    }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/me/wishes',
    method: 'post',
    path: () => '/api/me/wishes',
    body: () => ({ title: '想学用手机', category: 'company', neededBy: '2026-12-31' }),
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'GET /api/wishes',
    method: 'get',
    path: () => '/api/wishes?overdue=true',
    expect: { anonymous: 401, volunteer: 200, leader: 200, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/wishes/:id',
    method: 'get',
    path: (w) => wishOf(w).then((id) => `/api/wishes/${id}`),
    expect: { anonymous: 401, volunteer: 200, leader: 200, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/me/wishes/:id/claim',
    method: 'post',
    path: (w) => wishOf(w).then((id) => `/api/me/wishes/${id}/claim`),
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/wishes/:id/claim',
    method: 'post',
    path: (w) => wishOf(w).then((id) => `/api/wishes/${id}/claim`),
    body: (w) => ({ teamId: w.team.id }),
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/me/wishes/:id/release',
    method: 'post',
    path: (w) =>
      claimedWish(w, { memberId: w.volunteer.id }).then((id) => `/api/me/wishes/${id}/release`),
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/wishes/:id/release',
    method: 'post',
    path: (w) => claimedWish(w, { team: true }).then((id) => `/api/wishes/${id}/release`),
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/wishes/:id/fulfil',
    method: 'post',
    path: (w) => claimedWish(w).then((id) => `/api/wishes/${id}/fulfil`),
    body: () => ({ note: '送到了' }),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/public/wishes',
    method: 'get',
    path: () => '/api/public/wishes',
    expect: { anonymous: 200, volunteer: 200, leader: 200, clerk: 200, admin: 200, office: 200 },
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
      // Drafted until the admin's row publishes it; the office's row comes after and is refused by role.
      const ratings = w.t.app.get(StarRatingsService);
      const current = await ratings.get(1, CLOSED_YEAR - 1).catch(() => null);
      if (current?.status !== 'published') {
        await ratings.run(1, CLOSED_YEAR - 1, 'system:test');
      }
      return `/api/star-ratings/${CLOSED_YEAR - 1}/publish`;
    },
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/star-ratings/:year',
    method: 'get',
    path: async (w) => `/api/star-ratings/${await publishedYear(w)}`,
    // The street office reads every community's ratings, naming which (below); without: 400.
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/star-ratings/:year?community=default',
    method: 'get',
    path: async (w) => `/api/star-ratings/${await publishedYear(w)}?community=default`,
    expect: { ...adminOnly(200), office: 200 },
  },
  {
    name: 'GET /api/public/star-ratings/:year (published)',
    method: 'get',
    path: async (w) => `/api/public/star-ratings/${await publishedYear(w)}`,
    expect: anyone(200),
  },
  // year end: the notice period, objections, finalizing
  {
    name: 'POST /api/star-ratings/:year/finalize',
    method: 'post',
    path: async (w) => {
      // Published with a notice period already over; finalized by the admin's row.
      const ratings = w.t.app.get(StarRatingsService);
      const current = await ratings.get(1, NOTICE_OVER_YEAR).catch(() => null);
      if (!current) {
        await ratings.run(1, NOTICE_OVER_YEAR, 'system:test');
        await ratings.publish(1, NOTICE_OVER_YEAR, 'system:test');
        await w.t.db.write((em) =>
          em.query(
            sql(
              w.t.db,
              'UPDATE star_ratings SET notice_ends_at = notice_starts_at WHERE community_id = 1 AND year = ?',
            ),
            [NOTICE_OVER_YEAR],
          ),
        );
      }
      return `/api/star-ratings/${NOTICE_OVER_YEAR}/finalize`;
    },
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/star-ratings/:year/objections',
    method: 'get',
    path: async (w) => `/api/star-ratings/${await publishedYear(w)}/objections`,
    // The street office names the community (below); without: 400.
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/star-ratings/:year/objections?community=default',
    method: 'get',
    path: async (w) => `/api/star-ratings/${await publishedYear(w)}/objections?community=default`,
    expect: { ...adminOnly(200), office: 200 },
  },
  {
    name: 'POST /api/star-ratings/:year/objections/:id/resolve',
    method: 'post',
    path: async (w) =>
      `/api/star-ratings/${CLOSED_YEAR}/objections/${await openObjection(w)}/resolve`,
    body: () => ({ decision: 'rejected', reply: '核对无误' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/me/objections',
    method: 'post',
    path: async (w) => {
      await publishedYear(w);
      return '/api/me/objections';
    },
    body: () => ({ year: CLOSED_YEAR, about: 'self', reason: '少算了' }),
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'GET /api/me/objections',
    method: 'get',
    path: () => '/api/me/objections',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  // reports
  {
    name: 'GET /api/reports/quarter/:year/:quarter',
    method: 'get',
    path: () => '/api/reports/quarter/2026/2',
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/reports/quarter/:year/:quarter?community=default',
    method: 'get',
    path: () => '/api/reports/quarter/2026/2?community=default',
    expect: { ...adminOnly(200), office: 200 },
  },
  {
    name: 'GET /api/reports/year/:year',
    method: 'get',
    path: () => '/api/reports/year/2026',
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/reports/year/:year?community=default',
    method: 'get',
    path: () => '/api/reports/year/2026?community=default',
    expect: { ...adminOnly(200), office: 200 },
  },
  {
    name: 'GET /api/reports/growth',
    method: 'get',
    path: () => '/api/reports/growth?from=2025-07&to=2026-06',
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/reports/growth?community=default',
    method: 'get',
    path: () => '/api/reports/growth?from=2025-07&to=2026-06&community=default',
    expect: { ...adminOnly(200), office: 200 },
  },
  // moving a volunteer to another community (记录转移接续): their community's admin
  {
    name: 'POST /api/members/:id/transfer',
    method: 'post',
    path: async (w) => `/api/members/${(await w.f.newMember()).id}/transfer`,
    body: () => ({ toCommunity: 'b', reason: '搬到B社区' }),
    idempotent: true,
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/members/:id/transfers',
    method: 'get',
    path: (w) => `/api/members/${w.volunteer.id}/transfers`,
    expect: adminOnly(200),
  },
  // certificates of recorded service (志愿服务记录证明) and the national export
  {
    name: 'POST /api/certificates',
    method: 'post',
    path: () => '/api/certificates',
    body: certificateBody,
    idempotent: true,
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/certificates',
    method: 'get',
    path: () => '/api/certificates',
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/certificates?community=default',
    method: 'get',
    path: () => '/api/certificates?community=default',
    expect: { ...adminOnly(200), office: 200 },
  },
  {
    name: 'GET /api/certificates/:number',
    method: 'get',
    path: async (w) => `/api/certificates/${await newCertificate(w)}`,
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/certificates/:number/revoke',
    method: 'post',
    path: async (w) => `/api/certificates/${await newCertificate(w)}/revoke`,
    body: () => ({ reason: '开错了' }),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/public/certificates/:number',
    method: 'get',
    path: async (w) => `/api/public/certificates/${await newCertificate(w)}`,
    expect: anyone(200),
  },
  {
    name: 'GET /api/public/certificates/key',
    method: 'get',
    path: () => '/api/public/certificates/key',
    expect: anyone(200),
  },
  {
    name: 'PATCH /api/me/community',
    method: 'patch',
    path: () => '/api/me/community',
    body: () => ({ personInCharge: '王建国', contactPhone: '0411-84561234' }),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/exports/national-service-records.xlsx',
    method: 'get',
    path: () => `/api/exports/national-service-records.xlsx?${EXPORT_QUARTER}`,
    expect: { ...adminOnly(200), office: 400 },
  },
  {
    name: 'GET /api/exports/national-service-records.xlsx?community=default',
    method: 'get',
    path: () => `/api/exports/national-service-records.xlsx?${EXPORT_QUARTER}&community=default`,
    expect: { ...adminOnly(200), office: 200 },
  },
  {
    name: 'GET /api/exports/national-service-records.csv',
    method: 'get',
    path: () => `/api/exports/national-service-records.csv?${EXPORT_QUARTER}`,
    expect: { ...adminOnly(200), office: 400 },
  },
  // the street office (街道): its communities, side by side
  {
    name: 'GET /api/office/communities',
    method: 'get',
    path: () => '/api/office/communities',
    expect: officeOnly(200),
  },
  {
    name: 'POST /api/office/communities',
    method: 'post',
    path: () => '/api/office/communities',
    body: (w) => ({ code: w.unique('c'), name: '新社区' }),
    expect: officeOnly(201),
  },
  {
    name: 'PATCH /api/office/communities/:id',
    method: 'patch',
    path: (w) => `/api/office/communities/${w.b.communityId}`,
    body: () => ({ issuer: 'B社区党总支' }),
    expect: officeOnly(200),
  },
  {
    name: 'POST /api/office/communities/:id/admins',
    method: 'post',
    path: (w) => `/api/office/communities/${w.b.communityId}/admins`,
    body: (w) => ({ username: w.unique('badmin'), password: 'password-123' }),
    expect: officeOnly(201),
  },
  {
    name: 'GET /api/office/overview',
    method: 'get',
    path: () => '/api/office/overview?year=2026&quarter=2',
    expect: officeOnly(200),
  },
  {
    name: 'GET /api/office/verify',
    method: 'get',
    path: () => '/api/office/verify',
    expect: officeOnly(200),
  },
  // event attendance (the clock stands on EVENT_DAY, during the event)
  {
    name: 'GET /api/events/:id/attendance',
    method: 'get',
    path: async (w) => `/api/events/${await newEvent(w)}/attendance`,
    expect: runner(200),
  },
  {
    name: 'POST /api/events/:id/check-in',
    method: 'post',
    path: async (w) => `/api/events/${await newEvent(w)}/check-in`,
    body: (w) => ({ memberId: w.volunteer.id }),
    expect: runner(200),
  },
  {
    name: 'POST /api/events/:id/check-out',
    method: 'post',
    path: async (w) => `/api/events/${await newEvent(w, true)}/check-out`,
    body: (w) => ({ passbookNo: w.volunteer.passbookNo }),
    expect: runner(200),
  },
  {
    name: 'PUT /api/events/:id/attendance/:memberId',
    method: 'put',
    path: async (w) => `/api/events/${await newEvent(w)}/attendance/${w.volunteer.id}`,
    body: () => ({ note: '负责秩序' }),
    expect: runner(200),
  },
  {
    name: 'POST /api/events/:id/attendance/:memberId/correction',
    method: 'post',
    path: async (w) => `/api/events/${await newEvent(w)}/attendance/${w.volunteer.id}/correction`,
    body: () => ({ checkInAt: `${EVENT_DAY}T09:00:00+08:00`, reason: '手机没电，未能签到' }),
    expect: runner(200),
  },
  {
    name: 'DELETE /api/events/:id/attendance/:memberId',
    method: 'delete',
    path: async (w) => `/api/events/${await newEvent(w, true)}/attendance/${w.volunteer.id}`,
    expect: runner(204),
  },
  {
    name: 'GET /api/events/:id/check-in-code',
    method: 'get',
    path: async (w) => `/api/events/${await newEvent(w)}/check-in-code`,
    expect: runner(200),
  },
  {
    name: 'POST /api/me/events/:id/check-in',
    method: 'post',
    path: async (w) => `/api/me/events/${await newEvent(w)}/check-in`,
    body: (w) => codeOfLastEvent(w),
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/events/:id/check-out',
    method: 'post',
    path: async (w) => `/api/me/events/${await newEvent(w, true)}/check-out`,
    body: (w) => codeOfLastEvent(w),
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  // event photos: those who run the event (its community's admins, leaders of its teams)
  {
    name: 'POST /api/events/:id/photos',
    method: 'post',
    path: async (w) => `/api/events/${(await photoEvent(w)).eventId}/photos`,
    body: () => jpegBody(),
    expect: { ...adminOnly(201), leader: 201 },
  },
  {
    name: 'GET /api/events/:id/photos',
    method: 'get',
    path: async (w) => `/api/events/${(await photoEvent(w)).eventId}/photos`,
    expect: { ...adminOnly(200), leader: 200 },
  },
  {
    name: 'GET /api/events/:id/photos/:photoId',
    method: 'get',
    path: async (w) => {
      const { eventId, photoId } = await photoEvent(w);
      return `/api/events/${eventId}/photos/${photoId}`;
    },
    expect: { ...adminOnly(200), leader: 200 },
  },
  {
    name: 'DELETE /api/events/:id/photos/:photoId',
    method: 'delete',
    path: async (w) => {
      const { eventId, photoId } = await newPhotoEvent(w.t, w.t.adminAuth, w.team.id);
      return `/api/events/${eventId}/photos/${photoId}`;
    },
    expect: { ...adminOnly(204), leader: 204 },
  },
  // events-api: planning, listing, cancelling, the sign-up list; the volunteer's events and sign-up
  {
    name: 'POST /api/events',
    method: 'post',
    path: () => '/api/events',
    body: (w) => ({
      title: '雷锋号便民大集',
      place: '社区文化广场',
      date: '2026-06-20',
      startsAt: '08:30',
      endsAt: '11:30',
      teamIds: [w.team.id],
      itemCodes: ['free_clinic'],
    }),
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/events (another leader’s team)',
    method: 'post',
    path: () => '/api/events',
    body: (w) => ({
      title: '雷锋号便民大集',
      place: '社区文化广场',
      date: '2026-06-20',
      startsAt: '08:30',
      endsAt: '11:30',
      teamIds: [w.otherTeam.id],
      itemCodes: ['free_clinic'],
    }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/events',
    method: 'get',
    path: () => '/api/events',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/events/:id (the leader’s team)',
    method: 'get',
    path: async (w) => `/api/events/${await eventOf(w)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/events/:id (another team)',
    method: 'get',
    path: async (w) => `/api/events/${await eventOf(w, { teamId: w.otherTeam.id })}`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/events/:id/cancel (the leader’s team)',
    method: 'post',
    path: async (w) => `/api/events/${await eventOf(w)}/cancel`,
    body: () => ({ reason: '暴雨预警' }),
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/events/:id/cancel (another team)',
    method: 'post',
    path: async (w) => `/api/events/${await eventOf(w, { teamId: w.otherTeam.id })}/cancel`,
    body: () => ({ reason: '暴雨预警' }),
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/events/:id/signups (the leader’s team)',
    method: 'get',
    path: async (w) => `/api/events/${await signedUpEvent(w)}/signups`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/events/:id/signups (another team)',
    method: 'get',
    path: async (w) =>
      `/api/events/${await eventOf(w, { teamId: w.otherTeam.id, signup: { audience: 'community' } })}/signups`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/me/events',
    method: 'get',
    path: () => '/api/me/events',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/events/:id/signup (an event of the volunteer’s team)',
    method: 'post',
    path: async (w) =>
      `/api/me/events/${await eventOf(w, { signup: { audience: 'teams' } })}/signup`,
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/events/:id/signup (another team’s, for its teams only)',
    method: 'post',
    path: async (w) =>
      `/api/me/events/${await eventOf(w, { teamId: w.otherTeam.id, signup: { audience: 'teams' } })}/signup`,
    expect: { anonymous: 401, volunteer: 404, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/events/:id/withdraw (signed up)',
    method: 'post',
    path: async (w) => `/api/me/events/${await signedUpEvent(w)}/withdraw`,
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  // end events-api
  // events: close, and deciding records many at once (the close block)
  {
    name: 'POST /api/events/:id/close',
    method: 'post',
    path: async (w) =>
      `/api/events/${await closableEvent(w, w.team.id, w.t.adminAuth, (await teamMember(w)).id)}/close`,
    body: () => ({}),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/events/:id/close (an event of another leader’s team)',
    method: 'post',
    path: async (w) =>
      `/api/events/${await closableEvent(w, w.otherTeam.id, w.t.adminAuth, (await otherTeamMember(w)).id)}/close`,
    body: () => ({}),
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/events/:id/approve',
    method: 'post',
    path: async (w) => `/api/events/${await closedEvent(w)}/approve`,
    body: () => ({}),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/events/:id/reject',
    method: 'post',
    path: async (w) => `/api/events/${await closedEvent(w)}/reject`,
    body: () => ({ reason: '当天未到岗' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/service-records/approve',
    method: 'post',
    path: () => '/api/service-records/approve',
    body: async (w) => ({ ids: [await pendingRecord(w), await pendingRecord(w)] }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/service-records/reject',
    method: 'post',
    path: () => '/api/service-records/reject',
    body: async (w) => ({ ids: [await pendingRecord(w)], reason: '当天未到岗' }),
    expect: adminOnly(200),
  },
  // service menu (点单): the menu, orders, their steps and ratings
  {
    name: 'POST /api/menu-items (a team the leader leads)',
    method: 'post',
    path: () => '/api/menu-items',
    body: (w) => ({
      teamId: w.team.id,
      itemCode: 'haircut',
      title: w.unique('上门理发'),
      availability: '每周六上午',
    }),
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/menu-items (another leader’s team)',
    method: 'post',
    path: () => '/api/menu-items',
    body: (w) => ({
      teamId: w.otherTeam.id,
      itemCode: 'haircut',
      title: w.unique('上门理发'),
      availability: '每周六上午',
    }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/menu-items',
    method: 'get',
    path: () => '/api/menu-items',
    expect: { anonymous: 401, volunteer: 200, leader: 200, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'PATCH /api/menu-items/:id (of the leader’s team)',
    method: 'patch',
    path: async (w) => `/api/menu-items/${await menuItemOf(w, w.team.id)}`,
    body: () => ({ availability: '每周日上午' }),
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'PATCH /api/menu-items/:id (of another leader’s team)',
    method: 'patch',
    path: async (w) => `/api/menu-items/${await menuItemOf(w, w.otherTeam.id)}`,
    body: () => ({ availability: '每周日上午' }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/menu-items/:id/withdraw',
    method: 'post',
    path: async (w) => `/api/menu-items/${await menuItemOf(w, w.team.id)}/withdraw`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/public/menu',
    method: 'get',
    path: () => '/api/public/menu',
    expect: anyone(200),
  },
  {
    name: 'POST /api/orders (for a household)',
    method: 'post',
    path: () => '/api/orders',
    body: async (w) => ({
      menuItemId: await menuItemOf(w, w.team.id),
      householdId: w.household.id,
      preferredTime: '周六上午',
      place: '5号楼',
    }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'GET /api/orders',
    method: 'get',
    path: () => '/api/orders',
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/orders/:id (a household’s, of the leader’s team)',
    method: 'get',
    path: async (w) => `/api/orders/${await placedOrder(w, w.team.id)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'GET /api/orders/:id (a volunteer’s, of another leader’s team)',
    method: 'get',
    path: async (w) => `/api/orders/${await placedOrder(w, w.otherTeam.id, true)}`,
    expect: { anonymous: 401, volunteer: 403, leader: 404, clerk: 404, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/accept (of the leader’s team)',
    method: 'post',
    path: async (w) => `/api/orders/${await placedOrder(w, w.team.id)}/accept`,
    body: (w) => ({ memberIds: [w.volunteer.id] }),
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/accept (of another leader’s team)',
    method: 'post',
    path: async (w) => `/api/orders/${await placedOrder(w, w.otherTeam.id)}/accept`,
    body: async (w) => ({ memberIds: [(await otherTeamMember(w)).id] }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/decline (of the leader’s team)',
    method: 'post',
    path: async (w) => `/api/orders/${await placedOrder(w, w.team.id)}/decline`,
    body: () => ({ reason: '本周队员不在社区' }),
    expect: { anonymous: 401, volunteer: 403, leader: 200, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/decline (of another leader’s team)',
    method: 'post',
    path: async (w) => `/api/orders/${await placedOrder(w, w.otherTeam.id)}/decline`,
    body: () => ({ reason: '本周队员不在社区' }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/done (of the leader’s team)',
    method: 'post',
    path: async (w) => `/api/orders/${await acceptedOrder(w, w.team.id)}/done`,
    body: doneBody,
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 201, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/done (of another leader’s team)',
    method: 'post',
    path: async (w) => `/api/orders/${await acceptedOrder(w, w.otherTeam.id)}/done`,
    body: doneBody,
    idempotent: true,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 403, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/cancel (a household’s)',
    method: 'post',
    path: async (w) => `/api/orders/${await placedOrder(w, w.team.id)}/cancel`,
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 200, admin: 200, office: 403 },
  },
  {
    name: 'POST /api/orders/:id/rating (a household’s, done)',
    method: 'post',
    path: async (w) => `/api/orders/${await doneOrder(w)}/rating`,
    body: () => ({ rating: 5, comment: '很满意' }),
    expect: { anonymous: 401, volunteer: 403, leader: 403, clerk: 201, admin: 201, office: 403 },
  },
  {
    name: 'POST /api/me/orders',
    method: 'post',
    path: () => '/api/me/orders',
    body: async (w) => ({
      menuItemId: await menuItemOf(w, w.team.id),
      preferredTime: '2026-06-20T09:00',
      place: '3号楼',
    }),
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'GET /api/me/orders',
    method: 'get',
    path: () => '/api/me/orders',
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/orders/:id/cancel (the volunteer’s own)',
    method: 'post',
    path: async (w) => `/api/me/orders/${await placedOrder(w, w.team.id, true)}/cancel`,
    expect: { anonymous: 401, volunteer: 200, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/orders/:id/cancel (a household’s)',
    method: 'post',
    path: async (w) => `/api/me/orders/${await placedOrder(w, w.team.id)}/cancel`,
    expect: { anonymous: 401, volunteer: 404, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  {
    name: 'POST /api/me/orders/:id/rating (the volunteer’s own, done)',
    method: 'post',
    path: async (w) => `/api/me/orders/${await doneOrder(w, true)}/rating`,
    body: () => ({ rating: 4 }),
    expect: { anonymous: 401, volunteer: 201, leader: 403, clerk: 403, admin: 403, office: 403 },
  },
  // end service menu
];

/**
 * The same endpoints on community b's rows, asked by community default's principals. A row of
 * another community is for them as if it did not exist: 404 where their role may read or act on
 * such rows at all (so ids cannot be probed across communities), their role's own refusal (403)
 * where it may not. The street-office user reads reports, ratings and verify of every community of
 * its street office and writes none (403). `inB` starts from: admin 404, every other role 403.
 */
const inB = (overrides: Partial<Record<Role, number>> = {}): Record<Role, number> => ({
  anonymous: 401,
  volunteer: 403,
  leader: 403,
  clerk: 403,
  admin: 404,
  office: 403,
  ...overrides,
});

const OTHER_COMMUNITY: AccessRow[] = [
  // users
  {
    name: 'GET /api/users/:id (community b’s clerk)',
    method: 'get',
    path: (w) => `/api/users/${w.b.clerkUserId}`,
    expect: inB(),
  },
  {
    name: 'PATCH /api/users/:id (community b’s clerk)',
    method: 'patch',
    path: (w) => `/api/users/${w.b.clerkUserId}`,
    body: () => ({ role: 'leader' }),
    expect: inB(),
  },
  {
    name: 'POST /api/users/:id/deactivate (community b’s clerk)',
    method: 'post',
    path: (w) => `/api/users/${w.b.clerkUserId}/deactivate`,
    expect: inB(),
  },
  {
    name: 'POST /api/users/:id/activate (community b’s clerk)',
    method: 'post',
    path: (w) => `/api/users/${w.b.clerkUserId}/activate`,
    expect: inB(),
  },
  // members
  {
    name: 'GET /api/members/:id (community b’s member)',
    method: 'get',
    path: (w) => `/api/members/${w.b.member.id}`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'PATCH /api/members/:id (community b’s member)',
    method: 'patch',
    path: (w) => `/api/members/${w.b.member.id}`,
    body: () => ({ name: '改名' }),
    expect: inB(),
  },
  {
    name: 'POST /api/members/:id/pin (community b’s member)',
    method: 'post',
    path: (w) => `/api/members/${w.b.member.id}/pin`,
    body: () => ({}),
    expect: inB(),
  },
  {
    name: 'POST /api/members/:id/transfer (community b’s member, to default)',
    method: 'post',
    path: (w) => `/api/members/${w.b.member.id}/transfer`,
    body: () => ({ toCommunity: 'default', reason: '搬家' }),
    idempotent: true,
    expect: inB(),
  },
  {
    name: 'GET /api/members/:id/transfers (community b’s member)',
    method: 'get',
    path: (w) => `/api/members/${w.b.member.id}/transfers`,
    expect: inB(),
  },
  // certificates
  {
    name: 'POST /api/certificates (community b’s member)',
    method: 'post',
    path: () => '/api/certificates',
    body: (w) => ({
      memberId: w.b.member.id,
      from: '2026-06-01',
      to: SERVICE_DATE,
      handler: '李红',
    }),
    idempotent: true,
    expect: inB(),
  },
  {
    name: 'GET /api/certificates/:number (community b’s certificate)',
    method: 'get',
    path: async (w) => `/api/certificates/${await bCertificateNumber(w)}`,
    expect: inB(),
  },
  {
    name: 'POST /api/certificates/:number/revoke (community b’s certificate)',
    method: 'post',
    path: async (w) => `/api/certificates/${await bCertificateNumber(w)}/revoke`,
    body: () => ({ reason: '开错了' }),
    expect: inB(),
  },
  {
    name: 'GET /api/certificates?community=b',
    method: 'get',
    path: () => '/api/certificates?community=b',
    expect: inB({ office: 200 }),
  },
  {
    name: 'GET /api/exports/national-service-records.xlsx?community=b',
    method: 'get',
    path: () => `/api/exports/national-service-records.xlsx?${EXPORT_QUARTER}&community=b`,
    expect: inB({ office: 200 }),
  },
  // teams
  {
    name: 'GET /api/teams/:id (community b’s team)',
    method: 'get',
    path: (w) => `/api/teams/${w.b.teamId}`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'PATCH /api/teams/:id (community b’s team)',
    method: 'patch',
    path: (w) => `/api/teams/${w.b.teamId}`,
    body: () => ({ serviceType: '环境整治' }),
    expect: inB(),
  },
  {
    name: 'POST /api/teams/:id/members (community b’s team, a new member of default)',
    method: 'post',
    path: (w) => `/api/teams/${w.b.teamId}/members`,
    body: async (w) => ({ memberId: (await w.f.newMember()).id }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/teams/:id/members (the leader’s team, community b’s member)',
    method: 'post',
    path: (w) => `/api/teams/${w.team.id}/members`,
    body: (w) => ({ memberId: w.b.member.id }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'DELETE /api/teams/:id/members/:memberId (community b’s team and member)',
    method: 'delete',
    path: (w) => `/api/teams/${w.b.teamId}/members/${w.b.member.id}`,
    expect: inB({ leader: 404 }),
  },
  // households
  {
    name: 'GET /api/households/:id (community b’s household)',
    method: 'get',
    path: (w) => `/api/households/${w.b.household.id}`,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'PATCH /api/households/:id (community b’s household)',
    method: 'patch',
    path: (w) => `/api/households/${w.b.household.id}`,
    body: () => ({ contact: '网格员' }),
    expect: inB(),
  },
  {
    name: 'GET /api/households/:id/gifts (community b’s household)',
    method: 'get',
    path: (w) => `/api/households/${w.b.household.id}/gifts`,
    expect: inB({ clerk: 404 }),
  },
  // passbooks
  {
    name: 'GET /api/passbooks/:passbookNo (community b’s member)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.b.member.passbookNo}`,
    expect: inB({ volunteer: 404, leader: 404, clerk: 404 }),
  },
  {
    name: 'GET /api/passbooks/:passbookNo (community b’s household)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.b.household.passbookNo}`,
    expect: inB({ volunteer: 404, leader: 404, clerk: 404 }),
  },
  {
    name: 'GET /api/passbooks/:passbookNo/coupons (community b’s member)',
    method: 'get',
    path: (w) => `/api/passbooks/${w.b.member.passbookNo}/coupons`,
    expect: inB({ clerk: 404 }),
  },
  // ledger
  {
    name: 'POST /api/ledger/transactions/:id/reversal (community b’s earn)',
    method: 'post',
    path: (w) => `/api/ledger/transactions/${w.b.transactionId}/reversal`,
    body: () => ({ reason: '录错了' }),
    idempotent: true,
    expect: inB(),
  },
  {
    name: 'POST /api/ledger/adjustments (community b’s passbook)',
    method: 'post',
    path: () => '/api/ledger/adjustments',
    body: (w) => ({ passbookNo: w.b.member.passbookNo, amount: '+1.00', reason: '结转' }),
    idempotent: true,
    expect: inB(),
  },
  // service records and activities (b's member is logged again on purpose: confirmDuplicate)
  {
    name: 'POST /api/service-records (community b’s member)',
    method: 'post',
    path: () => '/api/service-records',
    body: (w) => ({
      memberId: w.b.member.id,
      itemCode: 'free_clinic',
      quantity: 1,
      serviceDate: SERVICE_DATE,
      confirmDuplicate: true,
    }),
    idempotent: true,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'GET /api/service-records/:id (community b’s record)',
    method: 'get',
    path: (w) => `/api/service-records/${w.b.recordId}`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/service-records/:id/approve (community b’s pending record)',
    method: 'post',
    path: (w) => `/api/service-records/${w.b.pendingRecordId}/approve`,
    expect: inB(),
  },
  {
    name: 'POST /api/service-records/:id/reject (community b’s pending record)',
    method: 'post',
    path: (w) => `/api/service-records/${w.b.pendingRecordId}/reject`,
    body: () => ({ reason: '未到岗' }),
    expect: inB(),
  },
  {
    name: 'POST /api/service-records/:id/reversal (community b’s record)',
    method: 'post',
    path: (w) => `/api/service-records/${w.b.recordId}/reversal`,
    body: () => ({ reason: '录错了人' }),
    idempotent: true,
    expect: inB(),
  },
  {
    name: 'POST /api/activities (community b’s team and member)',
    method: 'post',
    path: () => '/api/activities',
    body: (w) => ({
      teamId: w.b.teamId,
      itemCode: 'free_clinic',
      title: '便民大集',
      serviceDate: SERVICE_DATE,
      participants: [{ memberId: w.b.member.id, quantity: 1 }],
      confirmDuplicate: true,
    }),
    idempotent: true,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'GET /api/activities/:id (community b’s activity)',
    method: 'get',
    path: (w) => `/api/activities/${w.b.activityId}`,
    expect: inB({ leader: 404 }),
  },
  // shop
  {
    name: 'GET /api/catalog-items/:id (community b’s item)',
    method: 'get',
    path: (w) => `/api/catalog-items/${w.b.goodsId}`,
    expect: inB({ volunteer: 404, leader: 404, clerk: 404 }),
  },
  {
    name: 'PATCH /api/catalog-items/:id (community b’s item)',
    method: 'patch',
    path: (w) => `/api/catalog-items/${w.b.goodsId}`,
    body: () => ({ price: '1.50' }),
    expect: inB(),
  },
  {
    name: 'POST /api/catalog-items/:id/restock (community b’s item)',
    method: 'post',
    path: (w) => `/api/catalog-items/${w.b.goodsId}/restock`,
    body: () => ({ quantity: 2 }),
    expect: inB(),
  },
  {
    name: 'POST /api/catalog-items/:id/stock-adjustments (community b’s item)',
    method: 'post',
    path: (w) => `/api/catalog-items/${w.b.goodsId}/stock-adjustments`,
    body: () => ({ quantity: -1, reason: '盘点' }),
    expect: inB(),
  },
  {
    name: 'GET /api/catalog-items/:id/stock-movements (community b’s item)',
    method: 'get',
    path: (w) => `/api/catalog-items/${w.b.goodsId}/stock-movements`,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'GET /api/redemption-windows/:id (community b’s window)',
    method: 'get',
    path: (w) => `/api/redemption-windows/${w.b.windowId}`,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/redemption-windows/:id/close (community b’s window)',
    method: 'post',
    path: (w) => `/api/redemption-windows/${w.b.windowId}/close`,
    body: () => ({ note: '取消' }),
    expect: inB(),
  },
  {
    name: 'POST /api/redemptions (community b’s passbook, default’s item)',
    method: 'post',
    path: () => '/api/redemptions',
    body: (w) => ({
      passbookNo: w.b.member.passbookNo,
      lines: [{ catalogItemId: w.goods.id, quantity: 1 }],
    }),
    idempotent: true,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/redemptions (default’s passbook, community b’s item)',
    method: 'post',
    path: () => '/api/redemptions',
    body: (w) => ({
      passbookNo: w.outsider.passbookNo,
      lines: [{ catalogItemId: w.b.goodsId, quantity: 1 }],
    }),
    idempotent: true,
    // Another community's item is answered as an unknown one: 422 UNKNOWN_ITEM (NOT_IN_CATALOG).
    expect: inB({ clerk: 422, admin: 422 }),
  },
  {
    name: 'GET /api/redemptions/:id (community b’s redemption)',
    method: 'get',
    path: (w) => `/api/redemptions/${w.b.redemptionId}`,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/redemptions/:id/cancel (community b’s redemption)',
    method: 'post',
    path: (w) => `/api/redemptions/${w.b.redemptionId}/cancel`,
    body: () => ({ reason: '改换' }),
    idempotent: true,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/redemptions/:id/returns (community b’s redemption)',
    method: 'post',
    path: (w) => `/api/redemptions/${w.b.redemptionId}/returns`,
    body: (w) => ({ lines: [{ catalogItemId: w.b.goodsId, quantity: 1 }], reason: '退回' }),
    idempotent: true,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/coupons/:code/use (community b’s coupon)',
    method: 'post',
    path: (w) => `/api/coupons/${w.b.couponCode}/use`,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'GET /api/coupons/:code (community b’s coupon)',
    method: 'get',
    path: (w) => `/api/coupons/${w.b.couponCode}`,
    expect: inB({ clerk: 404 }),
  },
  // donations
  {
    name: 'POST /api/donations (to community b’s household)',
    method: 'post',
    path: () => '/api/donations',
    body: (w) => ({
      householdId: w.b.household.id,
      points: '0.50',
      passbookNo: w.volunteer.passbookNo,
    }),
    idempotent: true,
    expect: inB({ volunteer: 404 }),
  },
  {
    name: 'POST /api/donations (from community b’s passbook, on its behalf)',
    method: 'post',
    path: () => '/api/donations',
    body: (w) => ({
      householdId: w.household.id,
      points: '0.50',
      passbookNo: w.b.member.passbookNo,
    }),
    idempotent: true,
    expect: inB(),
  },
  // wishes: community b's wish is unknown to default's staff and volunteers
  {
    name: 'GET /api/wishes/:id (community b’s wish)',
    method: 'get',
    path: (w) => `/api/wishes/${w.b.wishId}`,
    expect: inB({ volunteer: 404, leader: 404, clerk: 404 }),
  },
  {
    name: 'POST /api/me/wishes/:id/claim (community b’s wish)',
    method: 'post',
    path: (w) => `/api/me/wishes/${w.b.wishId}/claim`,
    expect: inB({ volunteer: 404, admin: 403 }),
  },
  {
    name: 'POST /api/wishes/:id/claim (community b’s wish)',
    method: 'post',
    path: (w) => `/api/wishes/${w.b.wishId}/claim`,
    body: (w) => ({ teamId: w.team.id }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/me/wishes/:id/release (community b’s wish)',
    method: 'post',
    path: (w) => `/api/me/wishes/${w.b.wishId}/release`,
    expect: inB({ volunteer: 404, admin: 403 }),
  },
  {
    name: 'POST /api/wishes/:id/release (community b’s wish)',
    method: 'post',
    path: (w) => `/api/wishes/${w.b.wishId}/release`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/wishes/:id/fulfil (community b’s wish)',
    method: 'post',
    path: (w) => `/api/wishes/${w.b.wishId}/fulfil`,
    body: () => ({ note: '送到了' }),
    idempotent: true,
    expect: inB({ clerk: 404 }),
  },
  // ratings and reports: the street office reads community b; default's admin may not
  {
    name: 'GET /api/star-ratings/:year?community=b',
    method: 'get',
    path: () => '/api/star-ratings/2026?community=b',
    expect: inB({ office: 200 }),
  },
  {
    name: 'GET /api/star-ratings/:year/objections?community=b',
    method: 'get',
    path: () => `/api/star-ratings/${CLOSED_YEAR}/objections?community=b`,
    expect: inB({ office: 200 }),
  },
  {
    name: 'POST /api/star-ratings/:year/objections/:id/resolve (community b’s objection)',
    method: 'post',
    path: async (w) =>
      `/api/star-ratings/${CLOSED_YEAR}/objections/${await openObjection(w, w.b.communityId)}/resolve`,
    body: () => ({ decision: 'rejected', reply: '核对无误' }),
    expect: inB(),
  },
  {
    name: 'POST /api/me/objections (about community b’s entry)',
    method: 'post',
    path: async (w) => {
      await openObjection(w, w.b.communityId);
      return '/api/me/objections';
    },
    body: () => ({ year: CLOSED_YEAR, about: 'nosuchref000', reason: '少算了' }),
    expect: inB({ volunteer: 404, admin: 403 }),
  },
  {
    name: 'GET /api/reports/quarter/:year/:quarter?community=b',
    method: 'get',
    path: () => '/api/reports/quarter/2026/2?community=b',
    expect: inB({ office: 200 }),
  },
  {
    name: 'GET /api/reports/year/:year?community=b',
    method: 'get',
    path: () => '/api/reports/year/2026?community=b',
    expect: inB({ office: 200 }),
  },
  {
    name: 'GET /api/reports/growth?community=b',
    method: 'get',
    path: () => '/api/reports/growth?from=2025-07&to=2026-06&community=b',
    expect: inB({ office: 200 }),
  },
  // events-api: community b's event, to default's principals as if it did not exist
  {
    name: 'POST /api/events (community b’s team)',
    method: 'post',
    path: () => '/api/events',
    body: (w) => ({
      title: '雷锋号便民大集',
      place: '社区文化广场',
      date: '2026-06-20',
      startsAt: '08:30',
      endsAt: '11:30',
      teamIds: [w.b.teamId],
      itemCodes: ['free_clinic'],
    }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'GET /api/events/:id (community b’s event)',
    method: 'get',
    path: async (w) => `/api/events/${await apiBEvent(w)}`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/events/:id/cancel (community b’s event)',
    method: 'post',
    path: async (w) => `/api/events/${await apiBEvent(w)}/cancel`,
    body: () => ({ reason: '暴雨预警' }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'GET /api/events/:id/signups (community b’s event)',
    method: 'get',
    path: async (w) => `/api/events/${await apiBEvent(w)}/signups`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/me/events/:id/signup (community b’s event, open to its community)',
    method: 'post',
    path: async (w) => `/api/me/events/${await apiBEvent(w)}/signup`,
    expect: { ...inB({ volunteer: 404 }), admin: 403 },
  },
  {
    name: 'POST /api/me/events/:id/withdraw (community b’s event)',
    method: 'post',
    path: async (w) => `/api/me/events/${await apiBEvent(w)}/withdraw`,
    expect: { ...inB({ volunteer: 404 }), admin: 403 },
  },
  // end events-api
  // events: close, and deciding records many at once (the close block)
  {
    name: 'POST /api/events/:id/close (community b’s event)',
    method: 'post',
    path: async (w) => `/api/events/${await bClosableEvent(w)}/close`,
    body: () => ({}),
    idempotent: true,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/events/:id/approve (community b’s event)',
    method: 'post',
    path: async (w) => `/api/events/${await bClosedEvent(w)}/approve`,
    body: () => ({}),
    expect: inB(),
  },
  {
    name: 'POST /api/events/:id/reject (community b’s event)',
    method: 'post',
    path: async (w) => `/api/events/${await bClosedEvent(w)}/reject`,
    body: () => ({ reason: '未到岗' }),
    expect: inB(),
  },
  {
    name: 'POST /api/service-records/approve (community b’s pending record)',
    method: 'post',
    path: () => '/api/service-records/approve',
    body: (w) => ({ ids: [w.b.pendingRecordId] }),
    expect: inB(),
  },
  {
    name: 'POST /api/service-records/reject (community b’s pending record)',
    method: 'post',
    path: () => '/api/service-records/reject',
    body: (w) => ({ ids: [w.b.pendingRecordId], reason: '未到岗' }),
    expect: inB(),
  },
  // event photos: b's event is not found by default's admins and leaders
  {
    name: 'POST /api/events/:id/photos (community b)',
    method: 'post',
    path: async (w) => `/api/events/${(await bPhotoEvent(w)).eventId}/photos`,
    body: () => jpegBody(),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'GET /api/events/:id/photos (community b)',
    method: 'get',
    path: async (w) => `/api/events/${(await bPhotoEvent(w)).eventId}/photos`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'GET /api/events/:id/photos/:photoId (community b)',
    method: 'get',
    path: async (w) => {
      const { eventId, photoId } = await bPhotoEvent(w);
      return `/api/events/${eventId}/photos/${photoId}`;
    },
    expect: inB({ leader: 404 }),
  },
  {
    name: 'DELETE /api/events/:id/photos/:photoId (community b)',
    method: 'delete',
    path: async (w) => {
      const { eventId, photoId } = await bPhotoEvent(w);
      return `/api/events/${eventId}/photos/${photoId}`;
    },
    expect: inB({ leader: 404 }),
  },
  // event attendance: community b's event
  ...[
    ['GET', 'get', (id: number) => `/api/events/${id}/attendance`, undefined],
    ['POST', 'post', (id: number) => `/api/events/${id}/check-in`, true],
    ['POST', 'post', (id: number) => `/api/events/${id}/check-out`, true],
    ['PUT', 'put', (id: number, m: number) => `/api/events/${id}/attendance/${m}`, undefined],
    [
      'POST',
      'post',
      (id: number, m: number) => `/api/events/${id}/attendance/${m}/correction`,
      undefined,
    ],
    ['DELETE', 'delete', (id: number, m: number) => `/api/events/${id}/attendance/${m}`, undefined],
    ['GET', 'get', (id: number) => `/api/events/${id}/check-in-code`, undefined],
  ].map(
    ([verb, method, path, byMember]) =>
      ({
        name: `${verb as string} ${(path as unknown as (id: string, m: string) => string)(':id', ':memberId')} (community b’s event)`,
        method: method as AccessRow['method'],
        path: async (w: World) =>
          (path as (id: number, m: number) => string)(await bEvent(w), w.b.member.id),
        body: (w: World) =>
          byMember
            ? { memberId: w.b.member.id }
            : verb === 'POST'
              ? { checkInAt: `${EVENT_DAY}T09:00:00+08:00`, reason: '补录' }
              : { note: '备注' },
        expect: inB({ leader: 404 }),
      }) satisfies AccessRow,
  ),
  // service menu (点单): b's menu item and orders are unknown to default's staff
  {
    name: 'PATCH /api/menu-items/:id (community b’s)',
    method: 'patch',
    path: (w) => `/api/menu-items/${w.b.menuItemId}`,
    body: () => ({ availability: '每天' }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/menu-items/:id/withdraw (community b’s)',
    method: 'post',
    path: (w) => `/api/menu-items/${w.b.menuItemId}/withdraw`,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/orders (community b’s menu item and household)',
    method: 'post',
    path: () => '/api/orders',
    body: (w) => ({
      menuItemId: w.b.menuItemId,
      householdId: w.b.household.id,
      preferredTime: '周六',
      place: '5号楼',
    }),
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/me/orders (community b’s menu item)',
    method: 'post',
    path: () => '/api/me/orders',
    body: (w) => ({ menuItemId: w.b.menuItemId, preferredTime: '周六', place: '5号楼' }),
    expect: { ...inB({ volunteer: 404 }), admin: 403 },
  },
  {
    name: 'GET /api/orders/:id (community b’s)',
    method: 'get',
    path: (w) => `/api/orders/${w.b.placedOrderId}`,
    expect: inB({ leader: 404, clerk: 404 }),
  },
  {
    name: 'POST /api/orders/:id/accept (community b’s)',
    method: 'post',
    path: (w) => `/api/orders/${w.b.placedOrderId}/accept`,
    body: (w) => ({ memberIds: [w.b.member.id] }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/orders/:id/decline (community b’s)',
    method: 'post',
    path: (w) => `/api/orders/${w.b.placedOrderId}/decline`,
    body: () => ({ reason: '无人' }),
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/orders/:id/done (community b’s)',
    method: 'post',
    path: (w) => `/api/orders/${w.b.acceptedOrderId}/done`,
    body: (w) => ({ volunteers: [{ memberId: w.b.member.id, quantity: 1 }] }),
    idempotent: true,
    expect: inB({ leader: 404 }),
  },
  {
    name: 'POST /api/orders/:id/cancel (community b’s)',
    method: 'post',
    path: (w) => `/api/orders/${w.b.placedOrderId}/cancel`,
    expect: inB({ clerk: 404 }),
  },
  {
    name: 'POST /api/orders/:id/rating (community b’s, done)',
    method: 'post',
    path: (w) => `/api/orders/${w.b.doneOrderId}/rating`,
    body: () => ({ rating: 1 }),
    expect: inB({ clerk: 404 }),
  },
  // end service menu
];

/**
 * Endpoints with no row of another community: the caller's own (me, login, password), public
 * ones, the year's run and publish (always the caller's own community), and the street office's own
 * (its scope is its street office; another street office's community is 404 in office.e2e-spec.ts).
 */
const NO_OTHER_COMMUNITY = new Set([
  'POST /api/star-ratings/:year/run',
  'POST /api/star-ratings/:year/publish',
  'POST /api/star-ratings/:year/finalize',
  'GET /api/public/star-ratings/:year',
  'GET /api/public/certificates/:number',
  'PATCH /api/office/communities/:id',
  'POST /api/office/communities/:id/admins',
]);

/** Lists that must show none of community b's rows to default's principals who may read them. */
const LISTS = [
  '/api/events',
  '/api/me/events',
  '/api/members',
  '/api/teams',
  '/api/households',
  `/api/passbooks?q=${encodeURIComponent(MARK)}`,
  '/api/catalog-items',
  '/api/redemption-windows',
  '/api/redemptions',
  '/api/service-records',
  '/api/donations',
  '/api/wishes',
  '/api/public/wishes',
  '/api/users',
  '/api/counter/day-summary',
  '/api/members/export?format=csv',
  '/api/star-ratings/2026',
  '/api/certificates',
  '/api/exports/national-service-records.csv?from=2026-01-01&to=2026-12-31',
  '/api/menu-items?includeWithdrawn=true',
  '/api/orders',
  '/api/me/orders',
];

/** The README's access table, rendered from the rows above (one line per row). */
function renderTable(rows: AccessRow[], title: string): string {
  const head = `| ${title} | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => '---').join('|')}|`;
  return [
    head,
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${ROLES.map((role) => (r.expect[role] < 300 ? '✓' : String(r.expect[role]))).join(' | ')} |`,
    ),
  ].join('\n');
}

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
      officeUser: { id: await userRow(t, 'office-1', 'office', { streetOfficeId: 1 }) },
      b: await otherCommunity(t),
    };
    w.leaderToken = (await f.bearer({ userId: leader.id })).replace(/^Bearer /, '');
    // Points to redeem (the outsider, at the counter) and to give (the volunteer).
    await f.earn(w.outsider.accountId, 100_000);
    await f.earn(w.volunteer.accountId, 10_000);
  });
  // events-api: community b's event exists before the lists are searched for its rows.
  beforeAll(async () => {
    await apiBEvent(w);
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
      case 'office':
        return w.f.bearer({ userId: w.officeUser.id });
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

  it('should have a row of another community for every endpoint that names a row', () => {
    const route = (row: AccessRow) =>
      row.name.split(' ').slice(0, 2).join(' ').replace(/\?.*$/, '');
    const other = new Set(OTHER_COMMUNITY.map(route));
    const naming = [...new Set(ACCESS.map(route))].filter(
      (r) => /:\w+/.test(r) && !r.includes('/api/me') && !NO_OTHER_COMMUNITY.has(r),
    );
    expect(naming.filter((r) => !other.has(r))).toEqual([]);
  });

  it('should show none of community b’s rows in default’s lists', async () => {
    const leaks: string[] = [];
    for (const path of LISTS) {
      for (const role of ROLES) {
        const auth = await authOf(role);
        const res = auth ? await w.t.http.get(path).set('Authorization', auth) : null;
        const text = res ? JSON.stringify(res.body) + (res.text ?? '') : '';
        if (res?.status === 200 && (text.includes(MARK) || text.includes(w.b.member.passbookNo))) {
          leaks.push(`${role} ${path}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  const cases = [
    ...ACCESS.map((row) => ({ row, where: 'own community' })),
    ...OTHER_COMMUNITY.map((row) => ({ row, where: 'community b' })),
  ].flatMap(({ row, where }) =>
    ROLES.map((role) => [row.name, role, where, row.expect[role], row] as const),
  );

  it.each(cases)(
    'should answer %s for %s (%s) with %i',
    async (_name, role, _where, status, row) => {
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
    },
  );
});

// Runs without the app: `ACCESS_TABLE_OUT=file npx jest test/access.e2e-spec.ts -t README` writes it.
describe('access table, as the README shows it', () => {
  it('should render the README access table from these rows', () => {
    const text = [
      renderTable(ACCESS, 'endpoint (own community)'),
      renderTable(OTHER_COMMUNITY, 'endpoint on another community’s row'),
    ].join('\n\n');
    expect(text.split('\n')).toHaveLength(ACCESS.length + OTHER_COMMUNITY.length + 5);
    if (process.env.ACCESS_TABLE_OUT) {
      writeFileSync(process.env.ACCESS_TABLE_OUT, `${text}\n`);
    }
  });
});
