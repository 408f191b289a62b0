import { CommunitiesService } from '../src/communities/communities.service';
import { sql } from '../src/common/db/database';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

/** The counter's own reads: finding a person without the passbook, the day's list and summary. */
describe('counter over HTTP (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;
  let clerkAuth: string;
  let clerkId: number;
  let keyN = 0;

  beforeAll(async () => {
    t = await createTestApp();
    f = fixtures(t.app);
    const clerk = await f.newUser('clerk');
    clerkId = clerk.id;
    clerkAuth = await t.login(clerk.username, 'password-123');
  });
  afterAll(() => t.close());

  const search = (q: string, auth = clerkAuth) =>
    t.http.get('/api/passbooks').query({ q }).set('Authorization', auth);
  /** Moves the clock; a token issued before would have expired after 12 h. */
  const setClock = async (to: string) => {
    t.clock.set(to);
    clerkAuth = await f.bearer({ userId: clerkId });
  };
  const redeem = (passbookNo: string, lines: { catalogItemId: number; quantity: number }[]) =>
    t.http
      .post('/api/redemptions')
      .set('Authorization', clerkAuth)
      .set('Idempotency-Key', `counter-${++keyN}`)
      .send({ passbookNo, lines });

  describe('GET /api/passbooks?q=', () => {
    it('should tell two people of one name apart by masked phone, teams and number', async () => {
      const a = await f.newMember({ name: '王秀兰', phone: '13812345678' });
      const b = await f.newMember({ name: '王秀兰', phone: '13987654321' });
      await f.newTeam({ name: '环境整治队', memberIds: [a.id] });
      await f.newTeam({ name: '理发义诊队', memberIds: [a.id, b.id] });
      const res = await search('王秀兰');
      expect(res.status).toBe(200);
      const byNo = Object.fromEntries(
        (res.body.items as { passbookNo: string }[]).map((i) => [i.passbookNo, i]),
      );
      expect(byNo[a.passbookNo]).toEqual({
        passbookNo: a.passbookNo,
        owner: { type: 'member', id: a.id, name: '王秀兰' },
        phone: '138****5678',
        teams: ['理发义诊队', '环境整治队'].sort(),
        active: true,
      });
      expect(byNo[b.passbookNo]).toMatchObject({ phone: '139****4321', teams: ['理发义诊队'] });
      expect(res.body.nextCursor).toBeNull();
    });

    it('should find by the last four digits of a phone, and not by other digits', async () => {
      const m = await f.newMember({ name: '李桂英', phone: '138-0000-2468' });
      const hit = await search('2468');
      expect(hit.body.items.map((i: { passbookNo: string }) => i.passbookNo)).toContain(
        m.passbookNo,
      );
      expect((await search('1380')).body.items).toEqual([]);
      expect((await search('000024')).body.items).toEqual([]);
    });

    it('should find a household by name and a passbook by its number in any case', async () => {
      const h = await f.newHousehold({ name: '孙桂英家' });
      const byName = await search('孙桂英');
      expect(byName.body.items).toEqual([
        {
          passbookNo: h.passbookNo,
          owner: { type: 'household', id: h.id, name: '孙桂英家' },
          phone: null,
          teams: [],
          active: true,
        },
      ]);
      const m = await f.newMember({ name: '赵国强' });
      const byNo = await search(m.passbookNo.toLowerCase());
      expect(byNo.body.items.map((i: { passbookNo: string }) => i.passbookNo)).toEqual([
        m.passbookNo,
      ]);
    });

    it('should page by passbook number and treat % and _ as themselves', async () => {
      for (let i = 0; i < 3; i++) {
        await f.newMember({ name: '周丽华' });
      }
      const first = await search('周丽华').query({ limit: 2 });
      expect(first.body.items).toHaveLength(2);
      const second = await t.http
        .get('/api/passbooks')
        .query({ q: '周丽华', limit: 2, cursor: first.body.nextCursor })
        .set('Authorization', clerkAuth);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const all = [...first.body.items, ...second.body.items].map(
        (i: { passbookNo: string }) => i.passbookNo,
      );
      expect(new Set(all).size).toBe(3);
      expect((await search('%')).body.items).toEqual([]);
    });

    it('should refuse an empty query and a bad cursor with 400', async () => {
      expect((await search('')).status).toBe(400);
      const bad = await t.http
        .get('/api/passbooks')
        .query({ q: '王', cursor: 'nonsense' })
        .set('Authorization', clerkAuth);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /api/passbooks?q= with two communities', () => {
    it("should find only passbooks of the clerk's own community", async () => {
      const b = await t.app
        .get(CommunitiesService)
        .create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
      // Staff placed in their community (createUser names none yet).
      const clerkOf = async (communityId: number) => {
        const clerk = await f.newUser('clerk');
        await t.db.write((em) =>
          em.query(sql(t.db, 'UPDATE users SET community_id = ? WHERE id = ?'), [
            communityId,
            clerk.id,
          ]),
        );
        return f.bearer({ userId: clerk.id });
      };
      const clerkAAuth = await clerkOf(1);
      const clerkBAuth = await clerkOf(b.id);
      const inA = await f.newMember({ name: '钱淑珍', phone: '13811113579' });
      // A volunteer of B: created in A and moved there (their balance is zero).
      const moving = await f.newMember({ name: '钱淑珍', phone: '13822223579' });
      const moved = await t.http
        .post(`/api/members/${moving.id}/transfer`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', `counter-move-${moving.id}`)
        .send({ toCommunity: 'b', reason: '搬家' });
      expect(moved.status).toBe(201);
      const inB: string = moved.body.toPassbookNo;
      const numbers = (res: { body: { items: { passbookNo: string }[] } }) =>
        res.body.items.map((i) => i.passbookNo);

      for (const q of ['钱淑珍', '3579']) {
        expect(numbers(await search(q, clerkAAuth))).toEqual([inA.passbookNo]);
        expect(numbers(await search(q, clerkBAuth))).toEqual([inB]);
      }
      // Nor by number: another community's passbook, the old one included, is not found.
      expect(numbers(await search(inB, clerkAAuth))).toEqual([]);
      expect(numbers(await search(moving.passbookNo, clerkAAuth))).toEqual([]);
      expect(numbers(await search(inA.passbookNo, clerkBAuth))).toEqual([]);
      expect(numbers(await search(inB, clerkBAuth))).toEqual([inB]);
    });
  });

  describe('the day at the counter', () => {
    it('should list the local day’s redemptions with the clerk, and sum up the day', async () => {
      // 2026-06-15 10:00 Shanghai; the window is open for the day.
      await f.openRedemptionWindow(48);
      const rice = await f.newCatalogItem({ name: '大米5斤', priceCents: 1000, stock: 20 });
      const clean = await f.newCatalogItem({
        name: '家政服务券',
        kind: 'service_coupon',
        priceCents: 800,
        stock: 20,
      });
      const m = await f.newMember({ name: '刘淑珍' });
      await f.earn(m.accountId, 100_00);
      const first = await redeem(m.passbookNo, [
        { catalogItemId: rice.id, quantity: 2 },
        { catalogItemId: clean.id, quantity: 2 },
      ]);
      expect(first.status).toBe(201);
      expect(first.body.createdByName).toMatch(/^clerk/);
      expect(first.body.ownerName).toBe('刘淑珍');
      const second = await redeem(m.passbookNo, [{ catalogItemId: rice.id, quantity: 1 }]);
      expect(second.status).toBe(201);
      const cancelled = await t.http
        .post(`/api/redemptions/${second.body.id}/cancel`)
        .set('Authorization', clerkAuth)
        .set('Idempotency-Key', `counter-${++keyN}`)
        .send({ reason: '拿错了' });
      expect(cancelled.status).toBe(201);
      const used = await t.http
        .post(`/api/coupons/${first.body.coupons[0].code}/use`)
        .set('Authorization', clerkAuth)
        .send({});
      expect(used.status).toBe(201);

      // 23:30 the same local day is 15:30 UTC; just after midnight local is the next day.
      await setClock('2026-06-15T15:30:00Z');
      const late = await redeem(m.passbookNo, [{ catalogItemId: rice.id, quantity: 1 }]);
      expect(late.status).toBe(201);
      await setClock('2026-06-15T16:30:00Z');
      const nextDay = await redeem(m.passbookNo, [{ catalogItemId: rice.id, quantity: 1 }]);
      expect(nextDay.status).toBe(201);

      const list = await t.http
        .get('/api/redemptions')
        .query({ date: '2026-06-15' })
        .set('Authorization', clerkAuth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { id: number }) => r.id)).toEqual([
        late.body.id,
        second.body.id,
        first.body.id,
      ]);

      const day = await t.http
        .get('/api/counter/day-summary')
        .query({ date: '2026-06-15' })
        .set('Authorization', clerkAuth);
      expect(day.status).toBe(200);
      expect(day.body).toEqual({
        date: '2026-06-15',
        timeZone: 'Asia/Shanghai',
        from: '2026-06-14T16:00:00.000Z',
        to: '2026-06-15T16:00:00.000Z',
        redemptions: { count: 3, points: '56.00' },
        cancellations: { count: 1, points: '10.00' },
        returns: { count: 0, points: '0.00', units: 0 },
        netPoints: '46.00',
        items: [
          { catalogItemId: rice.id, name: '大米5斤', kind: 'goods', quantity: 3, points: '30.00' },
          {
            catalogItemId: clean.id,
            name: '家政服务券',
            kind: 'service_coupon',
            quantity: 2,
            points: '16.00',
          },
        ],
        couponsUsed: { count: 1, items: [{ catalogItemId: clean.id, count: 1 }] },
      });

      // Without a date: today in the community's zone (now 00:30 on the 16th).
      const today = await t.http.get('/api/counter/day-summary').set('Authorization', clerkAuth);
      expect(today.body).toMatchObject({
        date: '2026-06-16',
        redemptions: { count: 1, points: '10.00' },
        cancellations: { count: 0, points: '0.00' },
      });
      await setClock('2026-06-15T02:00:00Z');
    });

    it('should refuse a malformed date with 400', async () => {
      const res = await t.http
        .get('/api/counter/day-summary')
        .query({ date: '2026-02-30' })
        .set('Authorization', clerkAuth);
      expect(res.status).toBe(400);
      const list = await t.http
        .get('/api/redemptions')
        .query({ date: '15.06.2026' })
        .set('Authorization', clerkAuth);
      expect(list.status).toBe(400);
    });
  });
});
