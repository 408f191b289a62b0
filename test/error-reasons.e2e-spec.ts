import { Response } from 'supertest';
import { CommunitiesService } from '../src/communities/communities.service';
import { zonedTime } from '../src/common/clock';
import { ErrorCode, HTTP_STATUS_OF, REASONS, ReasonedCode } from '../src/common/errors';
import { Event } from '../src/events/entities';
import { Household } from '../src/people/entities/household.entity';
import { Member } from '../src/people/entities/member.entity';
import { configDir, ConfigDir, shippedStandard } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const at = (date: string, time = '10:00:00') => zonedTime(date, time, 'Asia/Shanghai');

/**
 * Every `details.reason` of the codes with several meanings, provoked over HTTP in one story: each
 * row does what a client would and expects the exact code and reason. Rows run in order and share
 * the people and things made before them; the clock starts on 5 January 2026 (last year's rating)
 * and moves to June for the shop.
 */
describe('error reasons (e2e)', () => {
  let t: TestApp;
  let dir: ConfigDir;
  let f: ReturnType<typeof fixtures>;
  let keys = 0;
  let adminId: number;
  let leaderAuth: string;
  let clerkAuth: string;
  let clerkId: number;
  let m1: Member;
  let m2: Member;
  let m3: Member;
  let h1: Household;
  let h2: Household;
  let h3: Household;
  let teamB: { id: number };
  let otherTeam: { id: number };
  const later: Record<string, number | string> = {};

  beforeAll(async () => {
    dir = configDir({
      'service-records.json': { approvalRequired: true, backDatingDays: 90, maxHoursPerDay: '12' },
      'scoring-standard.json': { ...shippedStandard(), effectiveFrom: '2025-12-01' },
    });
    t = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    t.clock.set(at('2026-01-05'));
    f = fixtures(t.app);
    [m1, m2, m3] = await f.newMembers(3);
    const leader = await f.newUser('leader');
    await f.newTeam({ leaderUserIds: [leader.id], memberIds: [m1.id, m3.id] });
    teamB = await f.newTeam({ leaderUserIds: [leader.id], memberIds: [m2.id] });
    otherTeam = await f.newTeam({ memberIds: [m1.id] });
    leaderAuth = await f.bearer({ userId: leader.id });
    clerkId = (await f.newUser('clerk')).id;
    clerkAuth = await f.bearer({ userId: clerkId });
    [h1, h2, h3] = [await f.newHousehold(), await f.newHousehold(), await f.newHousehold()];
    await f.earn(m2.accountId, 100_000);
    const login = await t.http.post('/api/auth/login').send({
      username: 'admin',
      password: 'admin-pass-123',
    });
    adminId = login.body.user.id;
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  const post = (path: string, body: object = {}, auth = t.adminAuth) =>
    t.http
      .post(path)
      .set('Authorization', auth)
      .set('Idempotency-Key', `reason-${++keys}`)
      .send(body);
  const patch = (path: string, body: object, auth = t.adminAuth) =>
    t.http.patch(path).set('Authorization', auth).send(body);
  const ok = async (res: Promise<Response>): Promise<Response> => {
    const r = await res;
    if (r.status >= 300) {
      throw new Error(`setup step refused: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return r;
  };
  const record = (
    member: Member,
    serviceDate: string,
    auth = t.adminAuth,
    extra: Record<string, unknown> = {},
  ) =>
    post(
      '/api/service-records',
      { memberId: member.id, itemCode: 'free_clinic', quantity: 1, serviceDate, ...extra },
      auth,
    );
  const redeem = (passbookNo: string, catalogItemId: number, auth = t.adminAuth) =>
    post('/api/redemptions', { passbookNo, lines: [{ catalogItemId, quantity: 1 }] }, auth);
  const reverse = (transactionId: string | number) =>
    post(`/api/ledger/transactions/${transactionId}/reversal`, { reason: '录错了' });
  const giveBack = (id: number, catalogItemId: number, quantity: number, auth = t.adminAuth) =>
    post(
      `/api/redemptions/${id}/returns`,
      { lines: [{ catalogItemId, quantity }], reason: '不要了' },
      auth,
    );
  const couponOf = async (passbookNo: string): Promise<{ id: number; code: string }> => {
    const item = await f.newCatalogItem({ kind: 'service_coupon', priceCents: 100 });
    const r = await ok(redeem(passbookNo, item.id));
    return { id: r.body.id, code: r.body.coupons[0].code };
  };
  /** An event of the fair a month ahead, run by the admin. */
  const planEvent = (extra: Record<string, unknown> = {}) => ({
    title: '雷锋号便民大集',
    place: '社区文化广场',
    date: '2026-07-18',
    startsAt: '08:30',
    endsAt: '11:30',
    teamIds: [teamB.id],
    itemCodes: ['leifeng_fair'],
    ...extra,
  });

  /** A new leader's event, planned by them (their token is of the clock now); its id and their token. */
  const photoEvent = async () => {
    const lead = await f.newLeaderWithTeam();
    const event = await ok(
      post(
        '/api/events',
        {
          title: '雷锋号便民大集',
          place: '社区广场',
          date: '2026-06-15',
          startsAt: '09:00',
          endsAt: '11:00',
          teamIds: [lead.team.id],
          itemCodes: ['free_clinic'],
        },
        lead.auth,
      ),
    );
    return { eventId: Number(event.body.id), auth: lead.auth };
  };
  /** The n-th distinct photo (a JPEG by its signature) of the event. */
  const photo = (eventId: number, n: number, auth: string) =>
    post(
      `/api/events/${eventId}/photos`,
      {
        contentType: 'image/jpeg',
        data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, n]).toString('base64'),
      },
      auth,
    );
  /**
   * The service menu's people, made when its rows run (tokens of the clock then): a leader with a
   * team of one member, a clerk, an admin, and a member of no team.
   */
  let menuPeople: Promise<{
    leader: string;
    clerk: string;
    admin: string;
    teamId: number;
    member: Member;
    outsider: Member;
  }> | null = null;
  const menu = () =>
    (menuPeople ??= (async () => {
      const [member, outsider] = await f.newMembers(2);
      const lead = await f.newLeaderWithTeam([member.id]);
      return {
        leader: lead.auth,
        clerk: await f.bearer({ userId: clerkId }),
        admin: await f.bearer({ userId: adminId }),
        teamId: lead.team.id,
        member,
        outsider,
      };
    })());
  /** A haircut on the service menu, offered by the menu leader's team; its id. */
  const menuItem = async (): Promise<number> => {
    const p = await menu();
    const body = {
      teamId: p.teamId,
      itemCode: 'haircut',
      title: '上门理发',
      availability: '每周六',
    };
    return (await ok(post('/api/menu-items', body, p.leader))).body.id;
  };
  /** A placed order of a new menu item for household h1, by the clerk; its id. */
  const order = async (): Promise<number> => {
    const p = await menu();
    const body = {
      menuItemId: await menuItem(),
      householdId: h1.id,
      preferredTime: '周六',
      place: '5号楼',
    };
    return (await ok(post('/api/orders', body, p.clerk))).body.id;
  };
  const rows: [ReasonedCode, string, () => Promise<Response>][] = [
    // Service records, on 5 January 2026 (back-dating limit 90 days: 7 October 2025).
    [ErrorCode.SERVICE_DATE_OUT_OF_RANGE, 'DATE_IN_FUTURE', () => record(m1, '2026-01-06')],
    [ErrorCode.SERVICE_DATE_OUT_OF_RANGE, 'DATE_TOO_OLD', () => record(m1, '2025-09-30')],
    [ErrorCode.SERVICE_DATE_OUT_OF_RANGE, 'NO_STANDARD', () => record(m1, '2025-11-20')],
    [
      ErrorCode.UNKNOWN_ITEM,
      'NOT_IN_STANDARD',
      () => record(m1, '2026-01-04', t.adminAuth, { itemCode: 'no_such_item' }),
    ],
    [
      ErrorCode.FORBIDDEN,
      'ADMIN_ONLY_ITEM',
      () => record(m1, '2026-01-04', leaderAuth, { itemCode: 'good_deed' }),
    ],
    [
      ErrorCode.FORBIDDEN,
      'NOT_IN_TEAM',
      () => record(m1, '2026-01-04', leaderAuth, { teamId: teamB.id }),
    ],
    [
      ErrorCode.FORBIDDEN,
      'NOT_TEAM_LEADER',
      () => record(m1, '2026-01-04', leaderAuth, { teamId: otherTeam.id }),
    ],
    [
      ErrorCode.FORBIDDEN,
      'ROLE_NOT_ALLOWED',
      () => post('/api/members', { name: '李四', kind: 'resident' }, clerkAuth),
    ],
    // Star ratings.
    [
      ErrorCode.CONFLICT,
      'YEAR_NOT_OVER',
      async () => {
        await ok(post('/api/star-ratings/2026/run'));
        return post('/api/star-ratings/2026/publish');
      },
    ],
    [
      ErrorCode.CONFLICT,
      'DRAFT_OUTDATED',
      async () => {
        await ok(record(m1, '2025-12-20'));
        await ok(post('/api/star-ratings/2025/run'));
        await ok(record(m1, '2025-12-30'));
        return post('/api/star-ratings/2025/publish');
      },
    ],
    [
      ErrorCode.CONFLICT,
      'RATING_ALREADY_PUBLISHED',
      async () => {
        await ok(post('/api/star-ratings/2025/run'));
        await ok(post('/api/star-ratings/2025/publish'));
        return post('/api/star-ratings/2025/publish');
      },
    ],
    [ErrorCode.PERIOD_CLOSED, 'RATING_PUBLISHED', () => post('/api/star-ratings/2025/run')],
    [ErrorCode.PERIOD_CLOSED, 'YEAR_CLOSED', () => record(m1, '2025-12-31')],
    // The notice period of 2025 (published on 5 January 2026, 7 days) and objections.
    [
      ErrorCode.CONFLICT,
      'NOTICE_NOT_OPEN',
      async () =>
        post(
          '/api/me/objections',
          { year: 2026, about: 'self', reason: '少算了' },
          await f.memberAuth(m1.id),
        ),
    ],
    [ErrorCode.CONFLICT, 'RATING_NOT_PUBLISHED', () => post('/api/star-ratings/2026/finalize')],
    [
      ErrorCode.CONFLICT,
      'NOTICE_NOT_OVER',
      async () => {
        const objection = await ok(
          post(
            '/api/me/objections',
            { year: 2025, about: 'self', reason: '少算了' },
            await f.memberAuth(m1.id),
          ),
        );
        later.objectionId = objection.body.id;
        return post('/api/star-ratings/2025/finalize');
      },
    ],
    [
      ErrorCode.CONFLICT,
      'OBJECTIONS_OPEN',
      () => {
        t.clock.set(at('2026-01-13'));
        return post('/api/star-ratings/2025/finalize');
      },
    ],
    [
      ErrorCode.CONFLICT,
      'OBJECTION_RESOLVED',
      async () => {
        const resolve = `/api/star-ratings/2025/objections/${later.objectionId}/resolve`;
        await ok(post(resolve, { decision: 'rejected', reply: '核对无误' }));
        return post(resolve, { decision: 'rejected', reply: '核对无误' });
      },
    ],
    [
      ErrorCode.CONFLICT,
      'RATING_ALREADY_FINAL',
      async () => {
        await ok(post('/api/star-ratings/2025/finalize'));
        const res = await post('/api/star-ratings/2025/finalize');
        t.clock.set(at('2026-01-05'));
        return res;
      },
    ],
    // Approvals and corrections.
    [
      ErrorCode.CONFLICT,
      'RECORD_REJECTED',
      async () => {
        const pending = await ok(record(m1, '2026-01-04', leaderAuth));
        await ok(post(`/api/service-records/${pending.body.id}/reject`, { reason: '没有签到' }));
        return post(`/api/service-records/${pending.body.id}/approve`);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'RECORD_ALREADY_POSTED',
      async () => {
        const posted = await ok(record(m1, '2026-01-03'));
        later.postedTransactionId = posted.body.transactionId;
        return post(`/api/service-records/${posted.body.id}/reject`, { reason: '没有签到' });
      },
    ],
    [
      ErrorCode.CONFLICT,
      'RECORD_NOT_POSTED',
      async () => {
        const pending = await ok(record(m1, '2026-01-02', leaderAuth));
        return post(`/api/service-records/${pending.body.id}/reversal`, { reason: '录错了' });
      },
    ],
    [
      ErrorCode.CONFLICT,
      'LIKELY_DUPLICATE',
      async () => {
        const twice = await f.newMember();
        await ok(record(twice, '2026-01-01'));
        return record(twice, '2026-01-01');
      },
    ],
    [
      ErrorCode.ALREADY_REVERSED,
      'TRANSACTION_REVERSED',
      async () => {
        const first = await ok(reverse(later.postedTransactionId));
        later.reversalId = first.body.transactionId;
        return reverse(later.postedTransactionId);
      },
    ],
    [ErrorCode.CONFLICT, 'REVERSAL_NOT_REVERSIBLE', () => reverse(later.reversalId)],
    // People.
    [
      ErrorCode.CONFLICT,
      'MEMBER_INACTIVE',
      async () => {
        await ok(patch(`/api/members/${m3.id}`, { active: false }));
        return post(`/api/teams/${teamB.id}/members`, { memberId: m3.id }, leaderAuth);
      },
    ],
    [ErrorCode.CONFLICT, 'MEMBER_INACTIVE', () => record(m3, '2026-01-04')],
    [
      ErrorCode.CONFLICT,
      'DUPLICATE_NAME',
      async () => {
        const user = { username: 'counter2', password: 'password-123', role: 'clerk' };
        await ok(post('/api/users', user));
        return post('/api/users', user);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'DUPLICATE_NAME',
      async () => {
        await ok(post('/api/teams', { name: '夕阳红服务队' }));
        return post('/api/teams', { name: '夕阳红服务队' });
      },
    ],
    [
      ErrorCode.CONFLICT,
      'DUPLICATE_NAME',
      async () => {
        const item = { name: '香皂', kind: 'goods', price: '2.00', stock: 5 };
        await ok(post('/api/catalog-items', item));
        return post('/api/catalog-items', item);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'PASSBOOK_NO_TAKEN',
      () => post('/api/members', { name: '赵六', kind: 'resident', passbookNo: m1.passbookNo }),
    ],
    [ErrorCode.CONFLICT, 'LAST_ADMIN', () => patch(`/api/users/${adminId}`, { role: 'clerk' })],
    [ErrorCode.CONFLICT, 'SELF_DEACTIVATION', () => post(`/api/users/${adminId}/deactivate`)],
    // The shop, in June: first with no window open, then in an ad-hoc window.
    [
      ErrorCode.REDEMPTION_WINDOW_CLOSED,
      'WINDOW_NOT_OPEN',
      async () => {
        t.clock.set(at('2026-06-15'));
        const item = await f.newCatalogItem();
        later.itemId = item.id;
        return redeem(m2.passbookNo, item.id);
      },
    ],
    [
      ErrorCode.UNKNOWN_ITEM,
      'NOT_IN_CATALOG',
      async () => {
        later.windowId = (await f.openRedemptionWindow(24)).id;
        return redeem(m2.passbookNo, 999_999);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'ITEM_INACTIVE',
      async () => {
        const item = await f.newCatalogItem();
        await ok(patch(`/api/catalog-items/${item.id}`, { active: false }));
        return redeem(m2.passbookNo, item.id);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'BALANCE_NOT_ZERO',
      async () => {
        await t.app
          .get(CommunitiesService)
          .create({ streetOfficeId: 1, code: 'reasons-b', name: 'B社区' });
        const moving = await f.newMember();
        await f.earn(moving.accountId, 100);
        return post(`/api/members/${moving.id}/transfer`, {
          toCommunity: 'reasons-b',
          reason: 'x',
        });
      },
    ],
    [
      ErrorCode.CONFLICT,
      'RECORDS_PENDING',
      async () => {
        const waiting = await f.newMember();
        // A leader's record waits for approval (approval is on here); it is June by this row.
        const lead = await f.newLeaderWithTeam([waiting.id]);
        await ok(record(waiting, '2026-06-10', lead.auth, { teamId: lead.team.id }));
        return post(`/api/members/${waiting.id}/transfer`, {
          toCommunity: 'reasons-b',
          reason: 'x',
        });
      },
    ],
    [ErrorCode.CONFLICT, 'PASSBOOK_CLOSED', () => redeem(m3.passbookNo, Number(later.itemId))],
    [
      ErrorCode.CONFLICT,
      'PASSBOOK_CLOSED',
      () =>
        post('/api/donations', { householdId: h1.id, points: '1.00', passbookNo: m3.passbookNo }),
    ],
    [
      ErrorCode.HOUSEHOLD_NOT_ELIGIBLE,
      'HOUSEHOLD_NOT_VERIFIED',
      async () => {
        await ok(patch(`/api/households/${h2.id}`, { verified: false }));
        return redeem(h2.passbookNo, Number(later.itemId));
      },
    ],
    [
      ErrorCode.HOUSEHOLD_NOT_ELIGIBLE,
      'HOUSEHOLD_NOT_VERIFIED',
      async () =>
        post('/api/donations', { householdId: h2.id, points: '1.00' }, await f.memberAuth(m2.id)),
    ],
    [
      ErrorCode.HOUSEHOLD_NOT_ELIGIBLE,
      'HOUSEHOLD_INACTIVE',
      async () => {
        await ok(patch(`/api/households/${h3.id}`, { active: false }));
        return post(
          '/api/donations',
          { householdId: h3.id, points: '1.00' },
          await f.memberAuth(m2.id),
        );
      },
    ],
    [
      ErrorCode.FORBIDDEN,
      'OWN_PASSBOOK_ONLY',
      async () =>
        post(
          '/api/donations',
          { householdId: h1.id, points: '1.00', passbookNo: m1.passbookNo },
          await f.memberAuth(m2.id),
        ),
    ],
    [
      ErrorCode.COUPON_ALREADY_USED,
      'COUPON_USED',
      async () => {
        const coupon = await couponOf(m2.passbookNo);
        later.usedCouponRedemptionId = coupon.id;
        await ok(post(`/api/coupons/${coupon.code}/use`));
        return post(`/api/coupons/${coupon.code}/use`);
      },
    ],
    [
      ErrorCode.COUPON_ALREADY_USED,
      'REDEMPTION_COUPON_USED',
      () => post(`/api/redemptions/${later.usedCouponRedemptionId}/cancel`, { reason: '退货' }),
    ],
    [
      ErrorCode.CONFLICT,
      'COUPON_VOID',
      async () => {
        const coupon = await couponOf(m2.passbookNo);
        later.cancelledId = coupon.id;
        await ok(post(`/api/redemptions/${coupon.id}/cancel`, { reason: '退货' }));
        return post(`/api/coupons/${coupon.code}/use`);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'COUPON_RETURNED',
      async () => {
        const item = await f.newCatalogItem({ kind: 'service_coupon', priceCents: 100 });
        const r = await ok(redeem(m2.passbookNo, item.id));
        await ok(giveBack(r.body.id, item.id, 1));
        return post(`/api/coupons/${r.body.coupons[0].code}/use`);
      },
    ],
    [
      ErrorCode.ALREADY_REVERSED,
      'REDEMPTION_CANCELLED',
      () => post(`/api/redemptions/${later.cancelledId}/cancel`, { reason: '退货' }),
    ],
    [
      ErrorCode.CONFLICT,
      'REDEMPTION_NEEDS_CANCEL',
      async () => {
        await ok(redeem(m2.passbookNo, Number(later.itemId)));
        const passbook = await ok(
          t.http.get(`/api/passbooks/${m2.passbookNo}`).set('Authorization', t.adminAuth),
        );
        return reverse(passbook.body.entries[0].transactionId);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'RETURN_EXCEEDS_REMAINING',
      async () => {
        const r = await ok(redeem(m2.passbookNo, Number(later.itemId)));
        return giveBack(r.body.id, Number(later.itemId), 2);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'PARTLY_RETURNED',
      async () => {
        const r = await ok(
          post('/api/redemptions', {
            passbookNo: m2.passbookNo,
            lines: [{ catalogItemId: later.itemId, quantity: 2 }],
          }),
        );
        const given = await ok(giveBack(r.body.id, Number(later.itemId), 1));
        later.returnTransactionId = given.body.transactionId;
        return post(`/api/redemptions/${r.body.id}/cancel`, { reason: '退货' });
      },
    ],
    [ErrorCode.CONFLICT, 'SHOP_RETURN', () => reverse(later.returnTransactionId)],
    [
      ErrorCode.COUPON_ALREADY_USED,
      'RETURN_COUPON_USED',
      async () => {
        const coupon = await couponOf(m2.passbookNo);
        const shown = await ok(
          t.http.get(`/api/redemptions/${coupon.id}`).set('Authorization', t.adminAuth),
        );
        await ok(post(`/api/coupons/${coupon.code}/use`));
        return giveBack(coupon.id, shown.body.lines[0].catalogItemId, 1);
      },
    ],
    [
      ErrorCode.REDEMPTION_WINDOW_CLOSED,
      'CANCEL_WINDOW_PASSED',
      async () => {
        clerkAuth = await f.bearer({ userId: clerkId }); // January's token has expired
        const r = await ok(redeem(m2.passbookNo, Number(later.itemId), clerkAuth));
        later.toReturn = (await ok(redeem(m2.passbookNo, Number(later.itemId), clerkAuth))).body.id;
        await ok(post(`/api/redemption-windows/${later.windowId}/close`));
        return post(`/api/redemptions/${r.body.id}/cancel`, { reason: '退货' }, clerkAuth);
      },
    ],
    [
      ErrorCode.REDEMPTION_WINDOW_CLOSED,
      'RETURN_WINDOW_PASSED',
      () => giveBack(Number(later.toReturn), Number(later.itemId), 1, clerkAuth),
    ],
    [
      ErrorCode.CONFLICT,
      'WINDOW_ALREADY_CLOSED',
      () => post(`/api/redemption-windows/${later.windowId}/close`),
    ],
    // Event attendance, on the day of an event of team B (m2's), 20 June 2026 08:30-11:30.
    [
      ErrorCode.CONFLICT,
      'NOT_CHECKED_IN',
      async () => {
        t.clock.set(at('2026-06-20', '09:00:00'));
        later.eventAuth = await f.bearer({ userId: adminId });
        const event = await ok(
          post(
            '/api/events',
            {
              title: '六月便民大集',
              place: '社区文化广场',
              date: '2026-06-20',
              startsAt: '08:30',
              endsAt: '11:30',
              teamIds: [teamB.id],
              itemCodes: ['event_security'],
            },
            String(later.eventAuth),
          ),
        );
        later.eventId = event.body.id;
        return post(
          `/api/events/${later.eventId}/check-out`,
          { memberId: m2.id },
          String(later.eventAuth),
        );
      },
    ],
    [
      ErrorCode.FORBIDDEN,
      'NOT_TAKING_PART',
      async () =>
        post(
          `/api/events/${later.eventId}/check-in`,
          { memberId: (await f.newMember()).id },
          String(later.eventAuth),
        ),
    ],
    [
      ErrorCode.UNKNOWN_ITEM,
      'NOT_AN_EVENT_ITEM',
      () =>
        post(
          `/api/events/${later.eventId}/check-in`,
          { memberId: m2.id, itemCode: 'haircut' },
          String(later.eventAuth),
        ),
    ],
    [
      ErrorCode.FORBIDDEN,
      'CHECKIN_CODE_INVALID',
      async () =>
        post(
          `/api/me/events/${later.eventId}/check-in`,
          { code: 'AAAAAAAA' },
          await f.memberAuth(m2.id),
        ),
    ],
    [
      ErrorCode.CONFLICT,
      'NOT_EVENT_DAY',
      async () => {
        t.clock.set(at('2026-06-21', '09:00:00'));
        return post(
          `/api/events/${later.eventId}/check-in`,
          { memberId: m2.id },
          await f.bearer({ userId: adminId }),
        );
      },
    ],
    // event photos
    [
      ErrorCode.CONFLICT,
      'PHOTO_LIMIT_REACHED',
      async () => {
        const { eventId, auth } = await photoEvent();
        for (let i = 0; i < 9; i++) {
          await ok(photo(eventId, i, auth));
        }
        return photo(eventId, 9, auth);
      },
    ],
    [
      ErrorCode.FORBIDDEN,
      'EVENT_PHOTO_KEPT',
      async () => {
        const { eventId, auth } = await photoEvent();
        const kept = await ok(photo(eventId, 0, auth));
        // Closing is the close endpoint's part; only the status matters here.
        await t.db.write((em) => em.update(Event, { id: eventId }, { status: 'closed' }));
        return t.http
          .delete(`/api/events/${eventId}/photos/${kept.body.id}`)
          .set('Authorization', auth);
      },
    ],
    // events-api: sign-up (报名) and cancelling, on 15 June 2026.
    [
      ErrorCode.CONFLICT,
      'EVENT_NOT_PLANNED',
      async () => {
        // A fresh token: the attendance rows moved the clock past the bootstrap login's life.
        const auth = await f.bearer({ userId: adminId });
        const event = await ok(post('/api/events', planEvent(), auth));
        await ok(post(`/api/events/${event.body.id}/cancel`, { reason: '下雨' }, auth));
        return post(`/api/events/${event.body.id}/cancel`, { reason: '又下雨' }, auth);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'EVENT_FULL',
      async () => {
        const event = await ok(
          post(
            '/api/events',
            planEvent({ signup: { audience: 'community', capacity: 1 } }),
            await f.bearer({ userId: adminId }),
          ),
        );
        const signUp = async (member: Member) =>
          post(`/api/me/events/${event.body.id}/signup`, {}, await f.memberAuth(member.id));
        await ok(signUp(await f.newMember()));
        return signUp(await f.newMember());
      },
    ],
    [
      ErrorCode.CONFLICT,
      'SIGNUP_CLOSED',
      async () => {
        const deadline = new Date(t.clock.now().getTime() - 60_000).toISOString();
        const event = await ok(
          post(
            '/api/events',
            planEvent({ signup: { audience: 'community', deadline } }),
            await f.bearer({ userId: adminId }),
          ),
        );
        const member = await f.newMember();
        return post(`/api/me/events/${event.body.id}/signup`, {}, await f.memberAuth(member.id));
      },
    ],
    // Closing that event (the close block): nobody came yet, then one is still checked in.
    [
      ErrorCode.CONFLICT,
      'EVENT_EMPTY',
      async () =>
        post(`/api/events/${later.eventId}/close`, {}, await f.bearer({ userId: adminId })),
    ],
    [
      ErrorCode.CONFLICT,
      'ATTENDANCE_OPEN',
      async () => {
        t.clock.set(at('2026-06-20', '09:00:00'));
        const auth = await f.bearer({ userId: adminId });
        await ok(post(`/api/events/${later.eventId}/check-in`, { memberId: m2.id }, auth));
        t.clock.set(at('2026-06-20', '12:00:00'));
        return post(`/api/events/${later.eventId}/close`, {}, auth);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'OVERLAPPING_SERVICE',
      async () => {
        // m2 served that event 09:00-11:30 (closed now); a second event says 10:00-11:00.
        const auth = await f.bearer({ userId: adminId });
        await ok(post(`/api/events/${later.eventId}/check-out`, { memberId: m2.id }, auth));
        await ok(post(`/api/events/${later.eventId}/close`, {}, auth));
        const second = await ok(
          post(
            '/api/events',
            {
              title: '六月义诊',
              place: '社区卫生站',
              date: '2026-06-20',
              startsAt: '10:00',
              endsAt: '11:00',
              teamIds: [teamB.id],
              itemCodes: ['event_security'],
            },
            auth,
          ),
        );
        const id = second.body.id;
        t.clock.set(at('2026-06-20', '10:00:00'));
        await ok(post(`/api/events/${id}/check-in`, { memberId: m2.id }, auth));
        t.clock.set(at('2026-06-20', '11:00:00'));
        await ok(post(`/api/events/${id}/check-out`, { memberId: m2.id }, auth));
        return post(`/api/events/${id}/close`, {}, auth);
      },
    ],
    // Certificates of recorded service (the clock stands on 20 June).
    [
      ErrorCode.CONFLICT,
      'NO_RECORDED_SERVICE',
      async () =>
        post(
          '/api/certificates',
          {
            memberId: (await f.newMember()).id,
            from: '2026-06-01',
            to: '2026-06-20',
            handler: '李红',
          },
          await f.bearer({ userId: adminId }),
        ),
    ],
    [
      ErrorCode.CONFLICT,
      'CERTIFICATE_REVOKED',
      async () => {
        const auth = await f.bearer({ userId: adminId });
        const member = await f.newMember();
        await ok(record(member, '2026-06-19', auth));
        const issued = await ok(
          post(
            '/api/certificates',
            { memberId: member.id, from: '2026-06-01', to: '2026-06-20', handler: '李红' },
            auth,
          ),
        );
        const revoke = `/api/certificates/${issued.body.number}/revoke`;
        await ok(post(revoke, { reason: '开错了' }, auth));
        return post(revoke, { reason: '再撤一次' }, auth);
      },
    ],
    // The service menu (点单), on 20 June 2026: haircuts by the menu leader's team, for h1.
    [
      ErrorCode.CONFLICT,
      'MENU_ITEM_WITHDRAWN',
      async () => {
        const { leader } = await menu();
        const id = await menuItem();
        await ok(post(`/api/menu-items/${id}/withdraw`, {}, leader));
        return patch(`/api/menu-items/${id}`, { title: '上门理发（新）' }, leader);
      },
    ],
    [
      ErrorCode.FORBIDDEN,
      'NOT_TEAM_MEMBER',
      async () => {
        const { leader, outsider } = await menu();
        return post(`/api/orders/${await order()}/accept`, { memberIds: [outsider.id] }, leader);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'ORDER_NOT_PLACED',
      async () => {
        const { leader, member } = await menu();
        const id = await order();
        await ok(post(`/api/orders/${id}/decline`, { reason: '本周无人' }, leader));
        return post(`/api/orders/${id}/accept`, { memberIds: [member.id] }, leader);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'ORDER_NOT_ACCEPTED',
      async () => {
        const { leader, member } = await menu();
        const body = { volunteers: [{ memberId: member.id, quantity: 1 }] };
        return post(`/api/orders/${await order()}/done`, body, leader);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'ORDER_CLOSED',
      async () => {
        const { clerk } = await menu();
        const id = await order();
        await ok(post(`/api/orders/${id}/cancel`, {}, clerk));
        return post(`/api/orders/${id}/cancel`, {}, clerk);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'ORDER_NOT_DONE',
      async () => post(`/api/orders/${await order()}/rating`, { rating: 5 }, (await menu()).clerk),
    ],
    [
      ErrorCode.CONFLICT,
      'ORDER_ALREADY_RATED',
      async () => {
        const { leader, clerk, admin, member } = await menu();
        const id = await order();
        await ok(post(`/api/orders/${id}/accept`, { memberIds: [member.id] }, leader));
        const body = { volunteers: [{ memberId: member.id, quantity: 1 }] };
        await ok(post(`/api/orders/${id}/done`, body, admin));
        await ok(post(`/api/orders/${id}/rating`, { rating: 5 }, clerk));
        return post(`/api/orders/${id}/rating`, { rating: 4 }, clerk);
      },
    ],
    // wishes (微心愿): one claim at a time, released by the claimer, fulfilled once claimed
    [
      ErrorCode.CONFLICT,
      'WISH_CLAIMED',
      async () => {
        const clerk = await f.bearer({ userId: clerkId });
        const wish = await ok(
          post(
            '/api/wishes',
            { householdId: h1.id, title: '一件棉衣', category: 'goods', neededBy: '2026-12-31' },
            clerk,
          ),
        );
        later.wishId = wish.body.id;
        await ok(post(`/api/me/wishes/${wish.body.id}/claim`, {}, await f.memberAuth(m1.id)));
        return post(`/api/me/wishes/${wish.body.id}/claim`, {}, await f.memberAuth(m2.id));
      },
    ],
    [
      ErrorCode.FORBIDDEN,
      'NOT_WISH_CLAIMER',
      async () => post(`/api/me/wishes/${later.wishId}/release`, {}, await f.memberAuth(m2.id)),
    ],
    [
      ErrorCode.CONFLICT,
      'WISH_NOT_CLAIMED',
      async () => {
        const clerk = await f.bearer({ userId: clerkId });
        const wish = await ok(
          post(
            '/api/wishes',
            { householdId: h2.id, title: '修收音机', category: 'repair', neededBy: '2026-12-31' },
            clerk,
          ),
        );
        return post(`/api/wishes/${wish.body.id}/fulfil`, { note: '修好了' }, clerk);
      },
    ],
    [
      ErrorCode.CONFLICT,
      'WISH_NOT_OPEN',
      async () => {
        const clerk = await f.bearer({ userId: clerkId });
        await ok(post(`/api/wishes/${later.wishId}/fulfil`, { note: '送到了' }, clerk));
        return post(`/api/me/wishes/${later.wishId}/claim`, {}, await f.memberAuth(m2.id));
      },
    ],
  ];

  it.each(rows)('should answer %s with reason %s (row %#)', async (code, reason, provoke) => {
    const res = await provoke();
    expect({ status: res.status, code: res.body.code, reason: res.body.details?.reason }).toEqual({
      status: HTTP_STATUS_OF[code],
      code,
      reason,
    });
  });

  it('should provoke every reason of the table but the lost race (see http-exception.filter.spec)', () => {
    const provoked = new Set(rows.map(([code, reason]) => `${code}.${reason}`));
    const all = (Object.keys(REASONS) as ReasonedCode[]).flatMap((code) =>
      Object.keys(REASONS[code]).map((reason) => `${code}.${reason}`),
    );
    expect(all.filter((r) => !provoked.has(r))).toEqual(['CONFLICT.ALREADY_EXISTS']);
  });

  it('should list every reason with its meaning in the OpenAPI document', async () => {
    const docs = await t.http.get('/api/docs-json');
    const reason = docs.body.components.schemas.ErrorBody.properties.details.properties.reason;
    expect(reason['x-reasons']).toEqual(REASONS);
    for (const [code, reasons] of Object.entries(REASONS)) {
      for (const [name, meaning] of Object.entries(reasons)) {
        expect(reason.description).toContain(`${name} (${meaning})`);
      }
      expect(reason.description).toContain(`${code}: `);
    }
  });
});
