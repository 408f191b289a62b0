import { Household } from '../src/people/entities/household.entity';
import { Member } from '../src/people/entities/member.entity';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Wishes (微心愿) end to end: a clerk posts one for a household, a volunteer claims it, two
 * volunteers give points toward it, a clerk confirms it fulfilled (a service record for the
 * claimer), the household redeems the gifts at the counter; team claims, releases, overdue wishes,
 * a volunteer's own wish, refusals and the reports' count.
 */
describe('wishes (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let clerk: string;
  let household: Household;
  let alice: Member;
  let bob: Member;
  let n = 0;
  const key = () => `wish-${++n}`;

  const coat = {
    title: '一件过冬的棉衣',
    detail: '身高一米六，怕冷',
    category: 'goods',
    neededBy: '2026-06-20',
    points: '30.00',
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    clerk = await f.bearer({ userId: (await f.newUser('clerk')).id });
    household = await f.newHousehold({ name: '王桂芳奶奶' });
    alice = await f.newMember({ name: '李小红' });
    bob = await f.newMember({ name: '张大伟' });
    await f.earn(alice.accountId, 5000);
    await f.earn(bob.accountId, 5000);
  });
  afterAll(() => t.close());

  const as = (auth: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', auth),
    post: (path: string, body: object = {}, idempotencyKey?: string) => {
      const req = t.http.post(path).set('Authorization', auth);
      return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
    },
  });

  async function postWish(body: object = coat, auth = clerk) {
    const res = await as(auth).post('/api/wishes', { householdId: household.id, ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('should carry a wish from posting to the counter: claim, gifts toward it, fulfilment, redemption', async () => {
    const wish = await postWish();
    expect(wish).toEqual({
      id: expect.any(Number),
      status: 'open',
      overdue: false,
      title: '一件过冬的棉衣',
      detail: '身高一米六，怕冷',
      category: 'goods',
      neededBy: '2026-06-20',
      wisher: { type: 'household', name: '王***奶', householdId: household.id },
      pointsNeeded: '30.00',
      pointsGiven: '0.00',
      claim: null,
      fulfilledOn: null,
      fulfilNote: null,
      createdAt: '2026-06-15T02:00:00.000Z',
    });
    const aliceAuth = await f.memberAuth(alice.id);
    const bobAuth = await f.memberAuth(bob.id);

    const wall = await as(aliceAuth).get('/api/wishes');
    expect(wall.status).toBe(200);
    expect(wall.body.items.find((w: { id: number }) => w.id === wish.id).wisher.name).toBe(
      '王***奶',
    );

    const claimed = await as(aliceAuth).post(`/api/me/wishes/${wish.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.claim).toEqual({
      kind: 'member',
      name: '李*红',
      teamId: null,
      mine: true,
      claimedAt: '2026-06-15T02:00:00.000Z',
    });
    const again = await as(aliceAuth).post(`/api/me/wishes/${wish.id}/claim`);
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: claimed.body });
    const second = await as(bobAuth).post(`/api/me/wishes/${wish.id}/claim`);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'WISH_CLAIMED', claim: { kind: 'member', name: '李*红' } },
    });
    const seenByBob = await as(bobAuth).get(`/api/wishes/${wish.id}`);
    expect(seenByBob.body.claim).toMatchObject({ name: '李*红', mine: false });

    // Points toward the wish: ordinary gifts to its household, naming it.
    const give = (auth: string, points: string, wishId = wish.id, householdId = household.id) =>
      as(auth).post('/api/donations', { householdId, points, wishId }, key());
    expect((await give(aliceAuth, '20.00')).status).toBe(201);
    expect((await give(bobAuth, '10.00')).status).toBe(201);
    const other = await f.newHousehold();
    const wrong = await give(bobAuth, '1.00', wish.id, other.id);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'wishId' } });
    await expect(f.balanceOf(household.accountId)).resolves.toBe(3000);
    await expect(f.balanceOf(bob.accountId)).resolves.toBe(4000);
    expect((await as(clerk).get(`/api/wishes/${wish.id}`)).body.pointsGiven).toBe('30.00');

    // Fulfilment: the clerk who saw it done; the claimer gets a service record under the wish item.
    const noKey = await as(clerk).post(`/api/wishes/${wish.id}/fulfil`, { note: '棉衣已送到' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const fulfilKey = key();
    const done = await as(clerk).post(
      `/api/wishes/${wish.id}/fulfil`,
      { note: '棉衣已送到' },
      fulfilKey,
    );
    expect(done.status).toBe(200);
    expect(done.body.wish).toMatchObject({
      status: 'fulfilled',
      fulfilledOn: '2026-06-15',
      fulfilNote: '棉衣已送到',
      pointsGiven: '30.00',
      claim: { kind: 'member', name: '李*红' },
    });
    expect(done.body.records).toEqual([
      expect.objectContaining({
        memberId: alice.id,
        itemCode: 'elderly_visit',
        categoryCode: 'paired_assistance',
        quantity: '1.00',
        hours: '1.00',
        points: '2.00',
        serviceDate: '2026-06-15',
        status: 'posted',
        transactionId: expect.any(String),
        note: '微心愿 · 一件过冬的棉衣',
      }),
    ]);
    const replay = await as(clerk).post(
      `/api/wishes/${wish.id}/fulfil`,
      { note: '棉衣已送到' },
      fulfilKey,
    );
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(done.body);
    // 50 earned − 20 given + 2 for the visit.
    await expect(f.balanceOf(alice.accountId)).resolves.toBe(3200);
    const passbook = await as(aliceAuth).get('/api/me/passbook');
    expect(passbook.body.hours.thisYear).toBe('1.00');

    const late = await give(bobAuth, '1.00');
    expect(late.status).toBe(409);
    expect(late.body.details).toEqual({ reason: 'WISH_NOT_OPEN', status: 'fulfilled' });
    const again2 = await as(clerk).post(`/api/wishes/${wish.id}/fulfil`, { note: '再次' }, key());
    expect(again2.status).toBe(409);
    expect(again2.body.details.reason).toBe('WISH_NOT_OPEN');

    // The household redeems the gifts at the counter, as every household does.
    await f.openRedemptionWindow(24);
    const coatItem = await f.newCatalogItem({ name: '棉衣', priceCents: 3000, stock: 5 });
    const redeemed = await as(clerk).post(
      '/api/redemptions',
      { passbookNo: household.passbookNo, lines: [{ catalogItemId: coatItem.id, quantity: 1 }] },
      key(),
    );
    expect(redeemed.status).toBe(201);
    expect(redeemed.body).toMatchObject({ total: '30.00', balanceAfter: '0.00' });
    const books = await t.http.get('/api/ledger/trial-balance').set('Authorization', t.adminAuth);
    expect(books.body).toMatchObject({ ok: true, sum: '0.00' });
  });

  it('should let a leader claim for a team, release it, and credit the named members at fulfilment', async () => {
    const [m1, m2, outsider] = await f.newMembers(3);
    const { team, auth: leader } = await f.newLeaderWithTeam([m1.id, m2.id]);
    const notLed = await f.newTeam();
    const wish = await postWish({
      title: '修一台收音机',
      category: 'repair',
      neededBy: '2026-06-25',
    });
    expect(wish.pointsNeeded).toBeNull();

    const refused = await as(leader).post(`/api/wishes/${wish.id}/claim`, { teamId: notLed.id });
    expect(refused.status).toBe(403);
    expect(refused.body.details).toMatchObject({ reason: 'NOT_TEAM_LEADER' });
    const claimed = await as(leader).post(`/api/wishes/${wish.id}/claim`, { teamId: team.id });
    expect(claimed.status).toBe(200);
    expect(claimed.body.claim).toMatchObject({
      kind: 'team',
      name: team.name,
      teamId: team.id,
      mine: true,
    });

    const stranger = await f.memberAuth(outsider.id);
    const notTheirs = await as(stranger).post(`/api/me/wishes/${wish.id}/release`);
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body.details).toMatchObject({
      reason: 'NOT_WISH_CLAIMER',
      claim: { kind: 'team', name: team.name },
    });
    const released = await as(leader).post(`/api/wishes/${wish.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ status: 'open', claim: null });
    const twice = await as(leader).post(`/api/wishes/${wish.id}/release`);
    expect(twice.status).toBe(409);
    expect(twice.body.details).toEqual({ reason: 'WISH_NOT_CLAIMED', status: 'open' });
    const notClaimed = await as(clerk).post(
      `/api/wishes/${wish.id}/fulfil`,
      { note: '修好了' },
      key(),
    );
    expect(notClaimed.status).toBe(409);
    expect(notClaimed.body.details.reason).toBe('WISH_NOT_CLAIMED');

    await as(leader).post(`/api/wishes/${wish.id}/claim`, { teamId: team.id });
    const unnamed = await as(clerk).post(
      `/api/wishes/${wish.id}/fulfil`,
      { note: '修好了' },
      key(),
    );
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.details).toMatchObject({ field: 'memberIds' });
    const outside = await as(clerk).post(
      `/api/wishes/${wish.id}/fulfil`,
      { note: '修好了', memberIds: [m1.id, outsider.id] },
      key(),
    );
    expect(outside.status).toBe(403);
    expect(outside.body.details).toEqual({
      reason: 'NOT_IN_TEAM',
      memberIds: [outsider.id],
      teamId: team.id,
    });
    const done = await as(clerk).post(
      `/api/wishes/${wish.id}/fulfil`,
      { note: '修好了', memberIds: [m1.id, m2.id] },
      key(),
    );
    expect(done.status).toBe(200);
    expect(
      done.body.records.map((r: Record<string, unknown>) => [
        r.memberId,
        r.teamId,
        r.points,
        r.hours,
      ]),
    ).toEqual([
      [m1.id, team.id, '2.00', '1.00'],
      [m2.id, team.id, '2.00', '1.00'],
    ]);
    await expect(f.balanceOf(m1.accountId)).resolves.toBe(200);
    await expect(f.balanceOf(outsider.accountId)).resolves.toBe(0);
  });

  it('should give a wish to exactly one of two volunteers claiming it at once', async () => {
    const wish = await postWish({ title: '送一桶油', category: 'goods', neededBy: '2026-06-26' });
    const [x, y] = await f.newMembers(2);
    const answers = await Promise.all(
      [x, y].map(async (m) => as(await f.memberAuth(m.id)).post(`/api/me/wishes/${wish.id}/claim`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.details.reason).toBe('WISH_CLAIMED');
    const winner = [x, y][answers.findIndex((a) => a.status === 200)];
    const seen = await as(t.adminAuth).get(`/api/wishes/${wish.id}`);
    expect(seen.body.claim).toMatchObject({ kind: 'member', name: winner.name });
  });

  it('should let an admin release a volunteer’s claim', async () => {
    const wish = await postWish({
      title: '陪老人聊聊天',
      category: 'company',
      neededBy: '2026-06-18',
    });
    await as(await f.memberAuth(bob.id)).post(`/api/me/wishes/${wish.id}/claim`);
    const released = await as(t.adminAuth).post(`/api/wishes/${wish.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('open');
  });

  it('should flag wishes nobody claimed before their date for the admin', async () => {
    const soon = await postWish({
      title: '送去医院复查',
      category: 'transport',
      neededBy: '2026-06-16',
    });
    const claimedSoon = await postWish({
      title: '换个灯泡',
      category: 'repair',
      neededBy: '2026-06-16',
    });
    await as(await f.memberAuth(alice.id)).post(`/api/me/wishes/${claimedSoon.id}/claim`);
    const before = await as(t.adminAuth).get('/api/wishes?overdue=true');
    expect(before.body).toMatchObject({ items: [], overdueCount: 0 });
    t.clock.set('2026-06-17T02:00:00Z');
    try {
      // Sessions of two days ago have expired: log in again on the later day.
      const admin = await t.login('admin');
      clerk = await f.bearer({ userId: (await f.newUser('clerk')).id });
      const after = await as(admin).get('/api/wishes?overdue=true');
      expect(after.body.items.map((w: { id: number }) => w.id)).toEqual([soon.id]);
      expect(after.body.items[0]).toMatchObject({ overdue: true, wisher: { name: '王桂芳奶奶' } });
      expect(after.body.overdueCount).toBe(1);
      const claimedView = await as(admin).get(`/api/wishes/${claimedSoon.id}`);
      expect(claimedView.body.overdue).toBe(false);
      // A wish may not be posted for a day already past.
      const past = await as(clerk).post('/api/wishes', {
        householdId: household.id,
        ...coat,
        neededBy: '2026-06-16',
      });
      expect(past.status).toBe(400);
      expect(past.body.details).toMatchObject({ field: 'neededBy', earliest: '2026-06-17' });
    } finally {
      t.clock.set('2026-06-15T02:00:00Z');
      clerk = await f.bearer({ userId: (await f.newUser('clerk')).id });
    }
  });

  it('should order the wall: open wishes by date, then claimed, then fulfilled, page by page', async () => {
    const all = await as(t.adminAuth).get('/api/wishes?limit=200');
    const rank = { open: 0, claimed: 1, fulfilled: 2 } as const;
    const items = all.body.items as { status: keyof typeof rank; neededBy: string; id: number }[];
    const sorted = [...items].sort(
      (a, b) =>
        rank[a.status] - rank[b.status] ||
        (a.status === 'open' ? a.neededBy.localeCompare(b.neededBy) : 0) ||
        b.id - a.id,
    );
    expect(items.map((w) => w.id)).toEqual(sorted.map((w) => w.id));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextCursor: string | null } } = await as(
        t.adminAuth,
      ).get(`/api/wishes?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((w) => w.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((w) => w.id));
    const open = await as(t.adminAuth).get('/api/wishes?status=open');
    expect(open.body.items.every((w: { status: string }) => w.status === 'open')).toBe(true);
  });

  it('should let a volunteer post a wish of their own, which another volunteer fulfils', async () => {
    const carol = await f.newMember({ name: '赵秀英' });
    const own = await as(await f.memberAuth(carol.id)).post('/api/me/wishes', {
      title: '想学用智能手机',
      category: 'company',
      neededBy: '2026-06-30',
    });
    expect(own.status).toBe(201);
    expect(own.body.wisher).toEqual({ type: 'member', name: '赵*英', householdId: null });
    await as(await f.memberAuth(bob.id)).post(`/api/me/wishes/${own.body.id}/claim`);
    const done = await as(t.adminAuth).post(
      `/api/wishes/${own.body.id}/fulfil`,
      { note: '教会了发微信' },
      key(),
    );
    expect(done.status).toBe(200);
    expect(done.body.records.map((r: { memberId: number }) => r.memberId)).toEqual([bob.id]);
  });

  it('should refuse every step to the wrong role, and another community’s wish as unknown', async () => {
    const wish = await postWish({ title: '买一袋米', category: 'goods', neededBy: '2026-06-29' });
    const volunteer = await f.memberAuth(alice.id);
    const { auth: leader } = await f.newLeaderWithTeam();
    const body = { householdId: household.id, ...coat };
    const statusOf = async (p: Promise<{ status: number }>) => (await p).status;
    expect(await statusOf(as(volunteer).post('/api/wishes', body))).toBe(403);
    expect(await statusOf(as(leader).post('/api/wishes', body))).toBe(403);
    expect(await statusOf(as(clerk).post('/api/me/wishes', coat))).toBe(403);
    expect(await statusOf(as(clerk).post(`/api/me/wishes/${wish.id}/claim`))).toBe(403);
    expect(await statusOf(as(clerk).post(`/api/wishes/${wish.id}/claim`, { teamId: 1 }))).toBe(403);
    expect(
      await statusOf(as(volunteer).post(`/api/wishes/${wish.id}/fulfil`, { note: 'x' }, key())),
    ).toBe(403);
    expect(
      await statusOf(as(leader).post(`/api/wishes/${wish.id}/fulfil`, { note: 'x' }, key())),
    ).toBe(403);
    expect(await statusOf(t.http.get('/api/wishes'))).toBe(401);

    const b = await f.newCommunity('wishb');
    const bClerk = await f.bearer({
      userId: (await f.newUser('clerk', 'clerk-wishb', { communityId: b.id })).id,
    });
    expect(await statusOf(as(bClerk).get(`/api/wishes/${wish.id}`))).toBe(404);
    expect(
      await statusOf(as(bClerk).post(`/api/wishes/${wish.id}/fulfil`, { note: 'x' }, key())),
    ).toBe(404);
    expect(await statusOf(as(bClerk).post('/api/wishes', body))).toBe(404);
    const bList = await as(bClerk).get('/api/wishes');
    expect(bList.body).toEqual({ items: [], nextCursor: null, overdueCount: 0 });
  });

  it('should show the wall to the public with masked names and no ids of people', async () => {
    const res = await t.http.get('/api/public/wishes');
    expect(res.status).toBe(200);
    expect(res.body.community).toEqual({ code: expect.any(String), name: null });
    const coatWish = res.body.items.find((w: { title: string }) => w.title === '一件过冬的棉衣');
    expect(coatWish).toEqual({
      id: expect.any(Number),
      status: 'fulfilled',
      title: '一件过冬的棉衣',
      detail: '身高一米六，怕冷',
      category: 'goods',
      neededBy: '2026-06-20',
      name: '王***奶',
      claimedBy: '李*红',
      pointsNeeded: '30.00',
      pointsGiven: '30.00',
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(household.passbookNo);
    expect(text).not.toContain('王桂芳奶奶');
    expect(text).not.toContain('householdId');
    expect(text).not.toContain('memberId');
    const unknown = await t.http.get('/api/public/wishes?community=nope');
    expect(unknown.status).toBe(404);
  });

  it('should count the wishes fulfilled in the quarter and the year', async () => {
    const quarter = await t.http
      .get('/api/reports/quarter/2026/2')
      .set('Authorization', t.adminAuth);
    expect(quarter.body.wishesFulfilled).toBe(3);
    const year = await t.http.get('/api/reports/year/2026').set('Authorization', t.adminAuth);
    expect(year.body.wishesFulfilled).toBe(3);
    const before = await t.http
      .get('/api/reports/quarter/2026/1')
      .set('Authorization', t.adminAuth);
    expect(before.body.wishesFulfilled).toBe(0);
  });
});
