import { CommunitiesService } from '../src/communities/communities.service';
import { Community } from '../src/communities/entities/community.entity';
import { sql } from '../src/common/db/database';
import { LedgerService } from '../src/ledger/ledger.service';
import { Member } from '../src/people/entities/member.entity';
import { addDays } from '../src/standard/standard.service';
import { configDir } from './support/config-dir';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

describe('passbooks (e2e)', () => {
  let t: TestApp;
  let f: ReturnType<typeof fixtures>;

  let keys = 0;
  // Approval on, so a leader's records stay pending (admins' post at once, as with it off).
  const approval = configDir({
    'service-records.json': { approvalRequired: true, backDatingDays: 90, maxHoursPerDay: '12' },
  });

  beforeAll(async () => {
    t = await createTestApp({ env: { CONFIG_DIR: approval.dir } });
    f = fixtures(t.app);
  });
  afterAll(async () => {
    await t.close();
    approval.remove();
  });

  /**
   * Service of `hours` hours logged through the API by `auth` (admin: posted; a leader with approval
   * on: pending), 12 hours a day (the configured daily maximum) from `firstDate` on.
   */
  async function served(
    member: Member,
    hours: number,
    firstDate: string,
    by: { app?: TestApp; auth?: string } = {},
  ): Promise<{ id: number; status: string }[]> {
    const app = by.app ?? t;
    const records: { id: number; status: string }[] = [];
    for (let left = hours, day = 0; left > 0; left -= 12, day++) {
      const res = await app.http
        .post('/api/service-records')
        .set('Authorization', by.auth ?? app.adminAuth)
        .set('Idempotency-Key', `served-${++keys}`)
        .send({
          memberId: member.id,
          itemCode: 'emergency_rescue',
          quantity: Math.min(12, left),
          serviceDate: addDays(firstDate, day),
        });
      if (res.status !== 201) {
        throw new Error(`setup record: ${res.status} ${JSON.stringify(res.body)}`);
      }
      records.push(res.body);
    }
    return records;
  }

  const reverse = (transactionId: string) =>
    t.db.write(() =>
      t.app
        .get(LedgerService)
        .reverse(transactionId, { communityId: 1, actor: 'user:1', reason: 'test' }),
    );

  it('should show a member passbook in exactly the contract shape', async () => {
    const member = await f.newMember({ name: '张三明' });
    await f.earn(member.accountId, 300, '2026-06-01');
    const res = await t.http
      .get(`/api/passbooks/${member.passbookNo}`)
      .set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      passbookNo: member.passbookNo,
      owner: { type: 'member', id: member.id, name: '张三明' },
      balance: '3.00',
      earnedThisYear: '3.00',
      hours: { thisYear: '0.00', total: '0.00' },
      hoursGrade: { preset: 'dalian', stars: 0, nextAtHours: '50.00' },
      transfers: [],
      starsThisYear: { stars: 0, nextAtPoints: '20.00' },
      entries: [
        {
          seq: expect.any(Number),
          transactionId: expect.any(String),
          kind: 'earn',
          amount: '+3.00',
          balanceAfter: '3.00',
          effectiveDate: '2026-06-01',
          createdAt: '2026-06-15T02:00:00.000Z',
          postedDate: '2026-06-15',
          description: 'test earn',
          reason: null,
          reversesEntry: null,
          reversedBy: null,
        },
      ],
      nextCursor: null,
    });
  });

  describe('reversals on the statement', () => {
    let keys = 0;
    const asAdmin = (path: string, body: object, auth = t.adminAuth) =>
      t.http
        .post(path)
        .set('Authorization', auth)
        .set('Idempotency-Key', `trace-${++keys}`)
        .send(body);
    const statement = async (passbookNo: string, query = '', auth = t.adminAuth) =>
      (await t.http.get(`/api/passbooks/${passbookNo}${query}`).set('Authorization', auth))
        .body as { entries: Record<string, unknown>[]; nextCursor: string | null };

    it('should link a reversed service record and its reversal both ways, with date and reason', async () => {
      const member = await f.newMember({ name: '李桂英' });
      const record = await asAdmin('/api/service-records', {
        memberId: member.id,
        itemCode: 'appliance_repair',
        quantity: '2',
        serviceDate: '2026-06-01',
      });
      expect(record.status).toBe(201);
      t.clock.set('2026-06-20T03:00:00Z');
      const laterAuth = await t.login('admin');
      const reversal = await asAdmin(
        `/api/service-records/${record.body.id}/reversal`,
        { reason: '记错人了' },
        laterAuth,
      );
      expect(reversal.status).toBe(201);

      const { entries } = await statement(member.passbookNo, '', laterAuth);
      t.clock.set('2026-06-15T02:00:00Z');
      expect(entries).toEqual([
        {
          seq: expect.any(Number),
          transactionId: reversal.body.transactionId,
          kind: 'reversal',
          amount: '-4.00',
          balanceAfter: '0.00',
          effectiveDate: '2026-06-20',
          createdAt: '2026-06-20T03:00:00.000Z',
          postedDate: '2026-06-20',
          description: expect.stringContaining('记错人了'),
          reason: '记错人了',
          reversesEntry: {
            transactionId: record.body.transactionId,
            kind: 'earn',
            amount: '+4.00',
            effectiveDate: '2026-06-01',
            postedDate: '2026-06-15',
            description: '家电维修 2小时',
          },
          reversedBy: null,
        },
        {
          seq: expect.any(Number),
          transactionId: record.body.transactionId,
          kind: 'earn',
          amount: '+4.00',
          balanceAfter: '4.00',
          effectiveDate: '2026-06-01',
          createdAt: '2026-06-15T02:00:00.000Z',
          postedDate: '2026-06-15',
          description: '家电维修 2小时',
          reason: null,
          reversesEntry: null,
          reversedBy: {
            transactionId: reversal.body.transactionId,
            effectiveDate: '2026-06-20',
            postedDate: '2026-06-20',
            createdAt: '2026-06-20T03:00:00.000Z',
            reason: '记错人了',
          },
        },
      ]);
      // The volunteer sees the same links on their own passbook.
      const pin = await t.http
        .post('/api/auth/passbook-login')
        .send({ passbookNo: member.passbookNo, pin: '123456' });
      const mine = await t.http
        .get('/api/me/passbook')
        .set('Authorization', `Bearer ${pin.body.token}`);
      expect(mine.body.entries).toEqual(entries);
    });

    it('should describe the new entry fields and mustChangePassword in the OpenAPI document', async () => {
      const doc = (await t.http.get('/api/docs-json')).body as {
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      };
      expect(Object.keys(doc.components.schemas.StatementEntryDto.properties)).toEqual(
        expect.arrayContaining(['postedDate', 'reason', 'reversesEntry', 'reversedBy']),
      );
      expect(Object.keys(doc.components.schemas.ReversalOfDto.properties)).toEqual(
        expect.arrayContaining(['postedDate', 'reason']),
      );
      expect(doc.components.schemas.LoginUserDto.properties).toHaveProperty('mustChangePassword');
      expect(doc.components.schemas.MeResponseDto.properties).toHaveProperty('mustChangePassword');
    });

    it('should keep the links when the two entries fall on different statement pages', async () => {
      const member = await f.newMember();
      const earned = await f.earn(member.accountId, 500);
      await f.earn(member.accountId, 100);
      const reversal = await asAdmin(`/api/ledger/transactions/${earned.id}/reversal`, {
        reason: '重复录入',
      });
      expect(reversal.status).toBe(201);
      const first = await statement(member.passbookNo, '?limit=1');
      expect(first.entries[0]).toMatchObject({
        transactionId: reversal.body.transactionId,
        reversesEntry: { transactionId: earned.id, amount: '+5.00', kind: 'earn' },
      });
      const rest = await statement(member.passbookNo, `?limit=5&cursor=${first.nextCursor}`);
      expect(
        rest.entries.map((e) => e.reversedBy && (e.reversedBy as { reason: string }).reason),
      ).toEqual([null, '重复录入']);
    });

    it('should give an adjustment its reason and show a cancelled redemption as reversed', async () => {
      const member = await f.newMember();
      const adjust = await asAdmin('/api/ledger/adjustments', {
        passbookNo: member.passbookNo,
        amount: '+10.00',
        reason: '纸质存折结转',
      });
      expect(adjust.status).toBe(201);
      const item = await f.newCatalogItem({
        name: '大米',
        kind: 'goods',
        priceCents: 300,
        stock: 5,
      });
      await f.openRedemptionWindow();
      const redemption = await asAdmin('/api/redemptions', {
        passbookNo: member.passbookNo,
        lines: [{ catalogItemId: item.id, quantity: 1 }],
      });
      expect(redemption.status).toBe(201);
      const cancel = await asAdmin(`/api/redemptions/${redemption.body.id}/cancel`, {
        reason: '顾客退回',
      });
      expect(cancel.status).toBe(201);
      const { entries } = await statement(member.passbookNo);
      expect(entries.map((e) => [e.kind, e.reason, e.reversesEntry ? 'links' : null])).toEqual([
        ['reversal', `取消兑换 #${redemption.body.id}: 顾客退回`, 'links'],
        ['redeem', null, null],
        ['adjust', '纸质存折结转', null],
      ]);
      expect(entries[1].reversedBy).toMatchObject({
        reason: `取消兑换 #${redemption.body.id}: 顾客退回`,
      });
      expect(entries[0].reversesEntry).toMatchObject({ kind: 'redeem', amount: '-3.00' });
    });
  });

  it('should count only this year’s earn entries less their reversals in earnedThisYear', async () => {
    const member = await f.newMember();
    await f.earn(member.accountId, 1000, '2025-12-31');
    await f.earn(member.accountId, 500, '2026-01-01');
    const reversed = await f.earn(member.accountId, 200, '2026-03-01');
    const reversedLastYear = await f.earn(member.accountId, 700, '2025-11-01');
    await reverse(reversed.id);
    await reverse(reversedLastYear.id);
    const res = await t.http
      .get(`/api/passbooks/${member.passbookNo}`)
      .set('Authorization', t.adminAuth);
    expect(res.body.balance).toBe('15.00');
    expect(res.body.earnedThisYear).toBe('5.00');
  });

  it('should not lower earnedThisYear when points are adjusted away', async () => {
    const member = await f.newMember();
    await f.earn(member.accountId, 800);
    await t.http
      .post('/api/ledger/adjustments')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `adj-earned-${member.id}`)
      .send({ passbookNo: member.passbookNo, amount: '-3.00', reason: '重复录入' })
      .expect(201);
    const res = await t.http
      .get(`/api/passbooks/${member.passbookNo}`)
      .set('Authorization', t.adminAuth);
    expect(res.body.balance).toBe('5.00');
    expect(res.body.earnedThisYear).toBe('8.00');
  });

  it('should total service hours of posted, unreversed records and grade them', async () => {
    const member = await f.newMember();
    const { auth: leaderAuth } = await f.newLeaderWithTeam([member.id]);
    const today = t.clock.now();
    t.clock.set('2025-08-10T02:00:00Z'); // last year's service, logged within the back-dating limit
    await served(member, 60, '2025-08-01');
    t.clock.set(today);
    await served(member, 45.5, '2026-05-01');
    const [undone] = await served(member, 12, '2026-05-05');
    const reversal = await t.http
      .post(`/api/service-records/${undone.id}/reversal`)
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', `served-${++keys}`)
      .send({ reason: '录错了' });
    expect(reversal.status).toBe(201);
    const pending = await served(member, 24, '2026-05-06', { auth: leaderAuth });
    expect(pending.map((r) => r.status)).toEqual(['pending', 'pending']);
    const res = await t.http
      .get(`/api/passbooks/${member.passbookNo}`)
      .set('Authorization', t.adminAuth);
    expect(res.body.hours).toEqual({ thisYear: '45.50', total: '105.50' });
    // The shipped config/star-rating.json grades by Dalian's 50/150/300/800/1500 hours.
    expect(res.body.hoursGrade).toEqual({ preset: 'dalian', stars: 1, nextAtHours: '150.00' });
  });

  describe('year totals kept with the postings', () => {
    const view = async (member: Member) =>
      (await t.http.get(`/api/passbooks/${member.passbookNo}`).set('Authorization', t.adminAuth))
        .body;

    it('should add an approved record’s points and hours only when it is approved', async () => {
      const member = await f.newMember();
      const { auth: leaderAuth } = await f.newLeaderWithTeam([member.id]);
      const [pending] = await served(member, 6, '2026-05-10', { auth: leaderAuth });
      expect(pending.status).toBe('pending');
      expect(await view(member)).toMatchObject({
        earnedThisYear: '0.00',
        hours: { thisYear: '0.00', total: '0.00' },
      });
      await t.http
        .post(`/api/service-records/${pending.id}/approve`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', `served-${++keys}`)
        .expect(201);
      const after = await view(member);
      expect(after.hours).toEqual({ thisYear: '6.00', total: '6.00' });
      expect(after.earnedThisYear).toBe(after.balance);
      expect(Number(after.earnedThisYear)).toBeGreaterThan(0);
    });

    it('should take a reversal posted this year off the year of the entry it undoes', async () => {
      const member = await f.newMember();
      const today = t.clock.now();
      t.clock.set('2025-12-20T02:00:00Z');
      const [lastYear] = await served(member, 3, '2025-12-15');
      t.clock.set(today);
      await served(member, 2, '2026-06-01');
      const before = await view(member);
      expect(before.hours).toEqual({ thisYear: '2.00', total: '5.00' });
      await t.http
        .post(`/api/service-records/${lastYear.id}/reversal`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', `served-${++keys}`)
        .send({ reason: '录错了' })
        .expect(201);
      const after = await view(member);
      expect(after.hours).toEqual({ thisYear: '2.00', total: '2.00' });
      expect(after.earnedThisYear).toBe(before.earnedThisYear);
      expect(after.balance).toBe(after.earnedThisYear);
      await expect(t.app.get(LedgerService).verify(1)).resolves.toMatchObject({ ok: true });
    });
  });

  it('should grade hours by the national preset when config/star-rating.json names it', async () => {
    const dir = configDir({
      'star-rating.json': {
        pointsForStars: ['20.00', '50.00', '100.00', '200.00', '300.00'],
        hoursGradePreset: 'national',
      },
    });
    const national = await createTestApp({ env: { CONFIG_DIR: dir.dir } });
    try {
      const g = fixtures(national.app);
      const member = await g.newMember();
      await served(member, 160, '2026-04-01', { app: national });
      const res = await national.http
        .get(`/api/passbooks/${member.passbookNo}`)
        .set('Authorization', national.adminAuth);
      expect(res.body.hours).toEqual({ thisYear: '160.00', total: '160.00' });
      expect(res.body.hoursGrade).toEqual({ preset: 'national', stars: 1, nextAtHours: '300.00' });
    } finally {
      await national.close();
      dir.remove();
    }
  });

  it('should page the statement newest first with limit and cursor', async () => {
    const member = await f.newMember();
    for (let i = 1; i <= 5; i++) {
      await f.earn(member.accountId, i * 100);
    }
    const first = await t.http
      .get(`/api/passbooks/${member.passbookNo}?limit=2`)
      .set('Authorization', t.adminAuth);
    expect(first.body.entries.map((e: { amount: string }) => e.amount)).toEqual(['+5.00', '+4.00']);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.http
      .get(`/api/passbooks/${member.passbookNo}?limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', t.adminAuth);
    expect(second.body.entries.map((e: { amount: string }) => e.amount)).toEqual([
      '+3.00',
      '+2.00',
    ]);
    const last = await t.http
      .get(`/api/passbooks/${member.passbookNo}?limit=2&cursor=${second.body.nextCursor}`)
      .set('Authorization', t.adminAuth);
    expect(last.body.entries.map((e: { balanceAfter: string }) => e.balanceAfter)).toEqual([
      '1.00',
    ]);
    expect(last.body.nextCursor).toBeNull();
  });

  it.each([
    ['limit=0', 400],
    ['limit=201', 400],
    ['limit=abc', 400],
    ['cursor=bm90LWEtY3Vyc29y', 400],
    ['unknown=1', 400],
  ])('should refuse the statement query %s with a coded %i', async (query, status) => {
    const member = await f.newMember();
    const res = await t.http
      .get(`/api/passbooks/${member.passbookNo}?${query}`)
      .set('Authorization', t.adminAuth);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('should find a passbook typed in lower case with a dash', async () => {
    const member = await f.newMember();
    const typed = `${member.passbookNo.slice(0, 4).toLowerCase()}-${member.passbookNo.slice(4)}`;
    const res = await t.http.get(`/api/passbooks/${typed}`).set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body.passbookNo).toBe(member.passbookNo);
  });

  it('should show a household passbook with no service hours', async () => {
    const household = await f.newHousehold({ name: '李奶奶' });
    const res = await t.http
      .get(`/api/passbooks/${household.passbookNo}`)
      .set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      owner: { type: 'household', id: household.id, name: '李奶奶' },
      balance: '0.00',
      hours: { thisYear: '0.00', total: '0.00' },
      hoursGrade: { preset: 'dalian', stars: 0, nextAtHours: '50.00' },
      entries: [],
    });
  });

  it('should show the stars this year earns as things stand, not lowered by spending', async () => {
    const member = await f.newMember();
    await f.earn(member.accountId, 5500, '2026-03-01');
    await f.earn(member.accountId, 9000, '2025-12-31');
    await f.redeem(member.accountId, 5000, '2026-06-01');
    const res = await t.http
      .get(`/api/passbooks/${member.passbookNo}`)
      .set('Authorization', t.adminAuth);
    expect(res.body.earnedThisYear).toBe('55.00');
    expect(res.body.starsThisYear).toEqual({ stars: 2, nextAtPoints: '100.00' });
  });

  it('should answer 404 for unknown, malformed and mistyped passbook numbers', async () => {
    const member = await f.newMember();
    const mistyped =
      member.passbookNo.slice(0, 3) +
      (member.passbookNo[3] === '2' ? '3' : '2') +
      member.passbookNo.slice(4);
    for (const no of ['V2345678', 'nonsense', mistyped, 'H0000000']) {
      const res = await t.http.get(`/api/passbooks/${no}`).set('Authorization', t.adminAuth);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  describe('who sees which passbook', () => {
    it('should show a volunteer their own passbook only, others as 404', async () => {
      const me = await f.newMember();
      const other = await f.newMember();
      const household = await f.newHousehold();
      const auth = await f.bearer({ memberId: me.id });
      const own = await t.http.get('/api/me/passbook').set('Authorization', auth);
      expect(own.status).toBe(200);
      expect(own.body.passbookNo).toBe(me.passbookNo);
      const same = await t.http.get(`/api/passbooks/${me.passbookNo}`).set('Authorization', auth);
      expect(same.status).toBe(200);
      for (const no of [other.passbookNo, household.passbookNo]) {
        const res = await t.http.get(`/api/passbooks/${no}`).set('Authorization', auth);
        expect(res.status).toBe(404);
      }
    });

    it('should show a leader their teams’ members only, others and households as 404', async () => {
      const inTeam = await f.newMember();
      const outside = await f.newMember();
      const household = await f.newHousehold();
      const { auth } = await f.newLeaderWithTeam([inTeam.id]);
      const ok = await t.http.get(`/api/passbooks/${inTeam.passbookNo}`).set('Authorization', auth);
      expect(ok.status).toBe(200);
      for (const no of [outside.passbookNo, household.passbookNo]) {
        const res = await t.http.get(`/api/passbooks/${no}`).set('Authorization', auth);
        expect(res.status).toBe(404);
      }
    });

    it('should show a clerk any member or household passbook at the counter', async () => {
      const clerk = await f.newUser('clerk');
      const auth = await f.bearer({ userId: clerk.id });
      for (const no of [(await f.newMember()).passbookNo, (await f.newHousehold()).passbookNo]) {
        const res = await t.http.get(`/api/passbooks/${no}`).set('Authorization', auth);
        expect(res.status).toBe(200);
      }
    });
  });

  describe('POST /api/ledger/adjustments', () => {
    const adjust = (key: string, body: Record<string, unknown>, auth = t.adminAuth) =>
      t.http
        .post('/api/ledger/adjustments')
        .set('Authorization', auth)
        .set('Idempotency-Key', key)
        .send(body);

    it('should carry over an opening balance from issuance with its reason', async () => {
      const member = await f.newMember();
      const res = await adjust(`open-${member.id}`, {
        passbookNo: member.passbookNo.toLowerCase(),
        amount: '+12.50',
        reason: '纸质存折结转',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        transactionId: expect.any(String),
        seq: expect.any(Number),
        passbookNo: member.passbookNo,
        amount: '+12.50',
        balanceAfter: '12.50',
        effectiveDate: '2026-06-15',
        reason: '纸质存折结转',
      });
      const book = await t.http
        .get(`/api/passbooks/${member.passbookNo}`)
        .set('Authorization', t.adminAuth);
      expect(book.body.entries[0]).toMatchObject({
        kind: 'adjust',
        amount: '+12.50',
        balanceAfter: '12.50',
        description: '调整: 纸质存折结转',
      });
      expect(book.body.earnedThisYear).toBe('0.00');
      const tb = await t.http.get('/api/ledger/trial-balance').set('Authorization', t.adminAuth);
      expect(tb.body).toMatchObject({ ok: true, sum: '0.00' });
    });

    it('should replay a repeated adjustment and post it once', async () => {
      const household = await f.newHousehold();
      const body = { passbookNo: household.passbookNo, amount: 7, reason: 'opening balance' };
      const first = await adjust(`rep-${household.id}`, body);
      const again = await adjust(`rep-${household.id}`, body);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      await expect(f.balanceOf(household.accountId)).resolves.toBe(700);
    });

    it('should take points off with a negative amount but never below zero', async () => {
      const member = await f.newMember();
      await f.earn(member.accountId, 500);
      const ok = await adjust(`neg-${member.id}`, {
        passbookNo: member.passbookNo,
        amount: '-2.00',
        reason: 'entered twice',
      });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ amount: '-2.00', balanceAfter: '3.00' });
      const refused = await adjust(`neg2-${member.id}`, {
        passbookNo: member.passbookNo,
        amount: '-3.01',
        reason: 'entered twice',
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'INSUFFICIENT_POINTS',
        details: { balance: '3.00', required: '3.01', shortBy: '0.01' },
      });
      await expect(f.balanceOf(member.accountId)).resolves.toBe(300);
    });

    it.each([
      ['no reason', { amount: '1.00' }, 400, 'VALIDATION_FAILED'],
      ['an empty reason', { amount: '1.00', reason: '  ' }, 400, 'VALIDATION_FAILED'],
      [
        'an over-long reason',
        { amount: '1.00', reason: 'x'.repeat(201) },
        400,
        'VALIDATION_FAILED',
      ],
      ['a zero amount', { amount: '0.00', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['three decimals', { amount: '1.005', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['an exponent', { amount: '1e3', reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['a boolean amount', { amount: true, reason: 'x' }, 400, 'VALIDATION_FAILED'],
      [
        'an unknown passbook',
        { passbookNo: 'V2345678', amount: '1', reason: 'x' },
        404,
        'NOT_FOUND',
      ],
    ])('should refuse %s and change nothing', async (name, body, status, code) => {
      const member = await f.newMember();
      const res = await adjust(`bad-${name.replace(/ /g, '-')}`, {
        passbookNo: member.passbookNo,
        ...body,
      });
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      await expect(f.balanceOf(member.accountId)).resolves.toBe(0);
    });

    it('should require an Idempotency-Key', async () => {
      const member = await f.newMember();
      const res = await t.http
        .post('/api/ledger/adjustments')
        .set('Authorization', t.adminAuth)
        .send({ passbookNo: member.passbookNo, amount: '1.00', reason: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    });
  });

  describe('two communities', () => {
    let b: Community;
    let adminB: string;
    let n = 0;

    /** A staff user of a community (created, then moved there: createUser names none yet). */
    async function staffOf(communityId: number, role: 'admin' | 'leader' | 'clerk') {
      const user = await f.newUser(role, `${role}-pb-${communityId}-${++n}`);
      await t.db.write((em) =>
        em.query(sql(t.db, 'UPDATE users SET community_id = ? WHERE id = ?'), [
          communityId,
          user.id,
        ]),
      );
      return { id: user.id, auth: await f.bearer({ userId: user.id }) };
    }

    /** A volunteer of B: created in A and moved (记录转移接续); returns their B passbook number. */
    async function memberOfB(): Promise<{ member: Member; passbookNo: string }> {
      const member = await f.newMember();
      const res = await t.http
        .post(`/api/members/${member.id}/transfer`)
        .set('Authorization', t.adminAuth)
        .set('Idempotency-Key', `to-b-${member.id}`)
        .send({ toCommunity: 'b', reason: '搬家' });
      if (res.status !== 201) {
        throw new Error(`setup transfer: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return { member, passbookNo: res.body.toPassbookNo };
    }

    beforeAll(async () => {
      b = await t.app
        .get(CommunitiesService)
        .create({ streetOfficeId: 1, code: 'b', name: 'B社区' });
      adminB = (await staffOf(b.id, 'admin')).auth;
    });

    it("should answer 404 for another community's passbook to A's clerk, leader, admin and volunteer", async () => {
      const { member: inB, passbookNo } = await memberOfB();
      const volunteerA = await f.newMember();
      const clerkA = await staffOf(1, 'clerk');
      const leaderA = await staffOf(1, 'leader');
      await f.newTeam({ leaderUserIds: [leaderA.id], memberIds: [volunteerA.id] });
      for (const auth of [
        t.adminAuth,
        clerkA.auth,
        leaderA.auth,
        await f.memberAuth(volunteerA.id),
      ]) {
        const res = await t.http.get(`/api/passbooks/${passbookNo}`).set('Authorization', auth);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      // B's admin and the volunteer themself see it.
      for (const auth of [adminB, await f.memberAuth(inB.id)]) {
        const res = await t.http.get(`/api/passbooks/${passbookNo}`).set('Authorization', auth);
        expect(res.status).toBe(200);
        expect(res.body.passbookNo).toBe(passbookNo);
      }
      // And A's passbooks are B's admin's no more than B's are A's.
      const res = await t.http
        .get(`/api/passbooks/${volunteerA.passbookNo}`)
        .set('Authorization', adminB);
      expect(res.status).toBe(404);
    });

    it("should adjust a passbook in its own community's books, by that community's admin only", async () => {
      const { member, passbookNo } = await memberOfB();
      const adjust = (auth: string, key: string) =>
        t.http
          .post('/api/ledger/adjustments')
          .set('Authorization', auth)
          .set('Idempotency-Key', key)
          .send({ passbookNo, amount: '+5.00', reason: '纸质存折结转' });
      const fromA = await adjust(t.adminAuth, `adj-a-${member.id}`);
      expect(fromA.status).toBe(404);
      expect(fromA.body.code).toBe('NOT_FOUND');
      const moved = await t.db.read((em) => em.findOneByOrFail(Member, { id: member.id }));
      await expect(f.balanceOf(moved.accountId)).resolves.toBe(0);

      const fromB = await adjust(adminB, `adj-b-${member.id}`);
      expect(fromB.status).toBe(201);
      expect(fromB.body).toMatchObject({ passbookNo, amount: '+5.00', balanceAfter: '5.00' });
      // Posted in B's books: from B's issuance, on B's chain.
      const tx: { community_id: unknown; seq: unknown }[] = await t.db.read((em) =>
        em.query(sql(t.db, 'SELECT community_id, seq FROM ledger_transactions WHERE id = ?'), [
          fromB.body.transactionId,
        ]),
      );
      expect(tx.map((r) => [Number(r.community_id), Number(r.seq)])).toEqual([
        [b.id, fromB.body.seq],
      ]);
      const issuanceB = await t.app.get(LedgerService).systemAccountId(b.id, 'issuance');
      await expect(f.balanceOf(issuanceB)).resolves.toBe(-500);
      const verifyB = await t.http.get('/api/ledger/verify').set('Authorization', adminB);
      expect(verifyB.body.ok).toBe(true);
    });
  });
});
