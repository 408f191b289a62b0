import { fixtures } from '../../test/support/fixtures';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { zonedTime } from '../common/clock';
import { sql } from '../common/db/database';
import { ErrorCode } from '../common/errors';
import { DonationsService } from '../donations/donations.service';
import { Member } from '../people/entities/member.entity';
import { ServiceHoursService } from './service-hours.service';
import { DEFAULT_STAR_RATING_CONFIG } from './star-rating.config';
import { StarRatingScheduler } from './star-rating.scheduler';
import { RatingLine, StarRatingsService } from './star-ratings.service';
import { starsFor } from './stars';

const TZ = 'Asia/Shanghai';
const at = (date: string, time = '10:00:00') => zonedTime(date, time, TZ);

describe(StarRatingsService.name, () => {
  let t: TestContext;
  let f: ReturnType<typeof fixtures>;
  let ratings: StarRatingsService;

  beforeAll(async () => {
    t = await createTestContext();
    f = fixtures(t.ctx);
    ratings = t.ctx.get(StarRatingsService);
  });
  beforeEach(() => t.clock.set(at('2026-06-15')));
  afterAll(() => t.close());

  const lineOf = (lines: RatingLine[], m: Member) => lines.find((l) => l.memberId === m.id);
  const entryCount = async (year: number) =>
    t.db.read(async (em) => {
      const [{ c }] = await em.query(
        `SELECT COUNT(*) AS c FROM star_rating_entries WHERE year = ${year}`,
      );
      return Number(c);
    });

  it('should rate points earned in the year: a reversed earn lowers it, spending does not', async () => {
    const keeps = await f.newMember({ name: '张三明' });
    await f.earn(keeps.accountId, 6000, '2026-03-01');
    await f.earn(keeps.accountId, 5000, '2026-05-01');
    await f.redeem(keeps.accountId, 9000);
    const household = await f.newHousehold();
    await t.db.write(() =>
      t.ctx
        .get(DonationsService)
        .donate(
          { kind: 'member', memberId: keeps.id, passbookNo: keeps.passbookNo, communityId: 1 },
          { householdId: household.id, points: '15.00' },
        ),
    );
    const corrected = await f.newMember();
    await f.earn(corrected.accountId, 6000, '2026-02-01');
    const wrong = await f.earn(corrected.accountId, 5000, '2026-04-01');
    await t.db.write(() =>
      t.ledger.reverse(wrong.id, { communityId: 1, actor: 'user:1', reason: 'wrong member' }),
    );
    const edges = await f.newMember();
    await f.earn(edges.accountId, 3000, '2025-12-31');
    await f.earn(edges.accountId, 3000, '2027-01-01');
    await f.earn(edges.accountId, 2000, '2026-12-31');
    const outside = await f.newMember();
    await f.earn(outside.accountId, 9000, '2025-06-01');

    const view = await ratings.run(1, 2026, 'user:1');

    expect(view).toMatchObject({
      year: 2026,
      status: 'draft',
      thresholds: [
        { stars: 1, points: '20.00' },
        { stars: 2, points: '50.00' },
        { stars: 3, points: '100.00' },
        { stars: 4, points: '200.00' },
        { stars: 5, points: '300.00' },
      ],
      computedAt: '2026-06-15T02:00:00.000Z',
      publishedAt: null,
      publishedBy: null,
    });
    expect(lineOf(view.ratings, keeps)).toEqual({
      memberId: keeps.id,
      passbookNo: keeps.passbookNo,
      name: '张三明',
      earned: '110.00',
      stars: 3,
    });
    expect(lineOf(view.ratings, corrected)).toMatchObject({ earned: '60.00', stars: 2 });
    expect(lineOf(view.ratings, edges)).toMatchObject({ earned: '20.00', stars: 1 });
    expect(lineOf(view.ratings, outside)).toBeUndefined();
  });

  it('should count a reversal posted after the year against the year of the earn', async () => {
    const m = await f.newMember();
    const earn = await f.earn(m.accountId, 5000, '2026-12-20');
    t.clock.set(at('2027-01-05'));
    await t.db.write(() =>
      t.ledger.reverse(earn.id, { communityId: 1, actor: 'user:1', reason: 'not served' }),
    );
    const view = await ratings.run(1, 2026, 'user:1');
    expect(lineOf(view.ratings, m)).toMatchObject({ earned: '0.00', stars: 0 });
  });

  it('should recompute a draft on rerun to the same result, never a duplicate', async () => {
    const m = await f.newMember();
    await f.earn(m.accountId, 2500, '2026-07-01');
    const first = await ratings.run(1, 2026, 'user:1');
    const again = await ratings.run(1, 2026, 'user:1');
    expect(again).toEqual(first);
    expect(await entryCount(2026)).toBe(first.summary.members);
    expect(first.ratings).toHaveLength(first.summary.members);

    await f.earn(m.accountId, 2500, '2026-07-02');
    const third = await ratings.run(1, 2026, 'user:1');
    expect(lineOf(third.ratings, m)).toMatchObject({ earned: '50.00', stars: 2 });
    expect(third.summary.members).toBe(first.summary.members);
    expect(await entryCount(2026)).toBe(first.summary.members);
  });

  it('should page the rating sheet in order: stars, then points, then member', async () => {
    const view = await ratings.run(1, 2026, 'user:1');
    const pages: RatingLine[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await ratings.get(1, 2026, { limit: 2, cursor });
      pages.push(...page.ratings);
      if (!page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
    expect(pages).toEqual(view.ratings);
    const sorted = [...view.ratings].sort(
      (a, b) => b.stars - a.stars || Number(b.earned) - Number(a.earned) || a.memberId - b.memberId,
    );
    expect(view.ratings).toEqual(sorted);
    await expect(ratings.get(1, 2026, { cursor: 'bogus' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
  });

  it('should refuse to rate a year that has not started or is out of range', async () => {
    await expect(ratings.run(1, 2027, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    await expect(ratings.run(1, 1999, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });
    await expect(ratings.get(1, 2019)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(ratings.publish(1, 2019, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });

  it('should publish only a finished year with an up-to-date draft, then close the year', async () => {
    await ratings.run(1, 2026, 'user:1');
    await expect(ratings.publish(1, 2026, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: { year: 2026 },
    });

    t.clock.set(at('2027-01-10'));
    const late = await f.newMember();
    await f.earn(late.accountId, 2000, '2026-12-30');
    await expect(ratings.publish(1, 2026, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: { changedMembers: 1 },
    });
    const draft = await ratings.run(1, 2026, 'user:1');

    const published = await ratings.publish(1, 2026, 'user:7');
    expect(published).toEqual({
      ...draft,
      status: 'published',
      publishedAt: '2027-01-10T02:00:00.000Z',
      publishedBy: 'user:7',
      notice: { startsAt: '2027-01-10T02:00:00.000Z', endsAt: '2027-01-17T02:00:00.000Z', days: 7 },
    });
    await expect(ratings.run(1, 2026, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.PERIOD_CLOSED,
    });
    await expect(ratings.publish(1, 2026, 'user:1')).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
    });
    await expect(ratings.assertOpenFor(1, '2026-12-31')).rejects.toMatchObject({
      code: ErrorCode.PERIOD_CLOSED,
      details: { year: 2026, serviceDate: '2026-12-31' },
    });
    await expect(t.db.write(() => ratings.assertOpenFor(1, '2026-01-01'))).rejects.toMatchObject({
      code: ErrorCode.PERIOD_CLOSED,
    });
    await expect(ratings.assertOpenFor(1, '2027-01-02')).resolves.toBeUndefined();
    await expect(ratings.assertOpenFor(1, '2025-06-01')).resolves.toBeUndefined();
  });

  it("should name the publication in the community's local date and time, not UTC's", async () => {
    const m = await f.newMember();
    await f.earn(m.accountId, 3000, '2021-05-01');
    // 07:30 in Shanghai on 8 January is still 7 January in UTC.
    t.clock.set(at('2022-01-08', '07:30:00'));
    await ratings.run(1, 2021, 'user:1');
    await ratings.publish(1, 2021, 'user:1');
    for (const refused of [
      ratings.assertOpenFor(1, '2021-03-01'),
      ratings.run(1, 2021, 'user:1'),
    ]) {
      const err = (await refused.catch((e: unknown) => e)) as { code: string; message: string };
      expect(err.code).toBe(ErrorCode.PERIOD_CLOSED);
      expect(err.message).toContain('published on 2022-01-08 07:30 (Asia/Shanghai)');
      expect(err.message).not.toContain('2022-01-07');
    }
  });

  it('should rate 5,000 members in one pass exactly as computed by hand', async () => {
    const n = 5000;
    const thresholds = DEFAULT_STAR_RATING_CONFIG.pointsForStars;
    const issuance = await t.ledger.systemAccountId(1, 'issuance');
    const shop = await t.ledger.systemAccountId(1, 'shop');
    // Members straight into the tables: hashing 5,000 PINs would only slow the test down.
    await t.db.write(async (em) => {
      for (let start = 0; start < n; start += 500) {
        const values: string[] = [];
        const params: unknown[] = [];
        for (let i = start; i < start + 500; i++) {
          values.push('(?, ?, ?, ?)');
          params.push(
            'member',
            `BULK${String(i).padStart(5, '0')}`,
            `批量${i}`,
            '2024-01-01T00:00:00.000Z',
          );
        }
        await em.query(
          sql(
            t.db,
            `INSERT INTO accounts (kind, passbook_no, name, created_at) VALUES ${values.join(', ')}`,
          ),
          params,
        );
      }
      await em.query(
        `INSERT INTO balances (account_id, balance) SELECT id, 0 FROM accounts WHERE passbook_no LIKE 'BULK%'`,
      );
      await em.query(
        `INSERT INTO members (account_id, passbook_no, name, kind, phone, pin_hash, active, created_at)
         SELECT id, passbook_no, name, 'resident', NULL, 'none', true, created_at FROM accounts
         WHERE passbook_no LIKE 'BULK%'`,
      );
    });
    const members: { id: number; accountId: number }[] = (
      await t.db.read((em) =>
        em.query(
          `SELECT id, account_id FROM members WHERE passbook_no LIKE 'BULK%' ORDER BY passbook_no`,
        ),
      )
    ).map((r: { id: unknown; account_id: unknown }) => ({
      id: Number(r.id),
      accountId: Number(r.account_id),
    }));
    expect(members).toHaveLength(n);

    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % max;
    };
    const expected = new Map<number, number>();
    const groupEarn = async (group: typeof members, date: string, amounts: number[]) => {
      const total = amounts.reduce((s, a) => s + a, 0);
      return t.db.write(() =>
        t.ledger.post({
          communityId: 1,
          kind: 'earn',
          actor: 'system:test',
          description: 'bulk earn',
          effectiveDate: date,
          postings: [
            { accountId: issuance, amount: -total },
            ...group.map((m, i) => ({ accountId: m.accountId, amount: amounts[i] })),
          ],
        }),
      );
    };
    // Ten overlapping activities in 2024, two of them reversed, one dated in 2023.
    for (let k = 0; k < 10; k++) {
      const group = members.filter((_m, i) => i % 10 === k || i % 7 === k % 7);
      const amounts = group.map(() => (1 + random(300)) * 100 + random(100));
      const date = k === 9 ? '2023-12-31' : `2024-${String(k + 1).padStart(2, '0')}-15`;
      const posted = await groupEarn(group, date, amounts);
      const reversed = k === 3 || k === 6;
      if (reversed) {
        await t.db.write(() =>
          t.ledger.reverse(posted.id, { communityId: 1, actor: 'user:1', reason: 'bulk undo' }),
        );
      }
      if (!reversed && date.startsWith('2024')) {
        group.forEach((m, i) => expected.set(m.id, (expected.get(m.id) ?? 0) + amounts[i]));
      } else if (date.startsWith('2024')) {
        group.forEach((m) => expected.set(m.id, expected.get(m.id) ?? 0));
      }
    }
    // Spending never lowers a rating: everyone with points redeems part of them.
    const spenders = members.filter((m) => (expected.get(m.id) ?? 0) >= 200);
    await t.db.write(() =>
      t.ledger.post({
        communityId: 1,
        kind: 'redeem',
        actor: 'system:test',
        description: 'bulk redeem',
        effectiveDate: '2024-12-01',
        postings: [
          ...spenders.map((m) => ({ accountId: m.accountId, amount: -100 })),
          { accountId: shop, amount: spenders.length * 100 },
        ],
      }),
    );

    const view = await ratings.run(1, 2024, 'user:1');

    const byMember = new Map(view.ratings.map((l) => [l.memberId, l]));
    expect(view.summary.members).toBe(expected.size);
    expect(byMember.size).toBe(expected.size);
    for (const [memberId, cents] of expected) {
      const line = byMember.get(memberId);
      expect(line && [line.earned, line.stars]).toEqual([
        (cents / 100).toFixed(2),
        starsFor(cents, thresholds),
      ]);
    }
    const starCounts: Record<string, number> = { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0, '0': 0 };
    for (const cents of expected.values()) {
      starCounts[String(starsFor(cents, thresholds))]++;
    }
    expect(view.summary.byStars).toEqual(starCounts);
    // The data reaches every number of stars, so each branch of the computation is checked.
    expect(Object.values(starCounts).filter((c) => c === 0)).toEqual([]);
  });
});

describe(StarRatingScheduler.name, () => {
  let t: TestContext;
  let f: ReturnType<typeof fixtures>;
  let scheduler: StarRatingScheduler;
  let ratings: StarRatingsService;

  beforeAll(async () => {
    t = await createTestContext();
    f = fixtures(t.ctx);
    scheduler = t.ctx.get(StarRatingScheduler);
    ratings = t.ctx.get(StarRatingsService);
  });
  afterAll(() => t.close());

  it('should draft last year once when the clock reaches 1 January, local time', async () => {
    const m = await f.newMember();
    await f.earn(m.accountId, 12000, '2031-08-01');
    t.clock.set(at('2031-12-31', '23:55:00'));
    await expect(scheduler.tick()).resolves.toEqual([]);
    await expect(ratings.get(1, 2031)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });

    t.clock.set(at('2032-01-01', '00:05:00'));
    await expect(scheduler.tick()).resolves.toEqual([1]);
    const drafted = await ratings.get(1, 2031);
    expect(drafted).toMatchObject({
      status: 'draft',
      computedAt: '2031-12-31T16:05:00.000Z',
      summary: { members: 1 },
    });
    expect(drafted.ratings).toEqual([expect.objectContaining({ memberId: m.id, stars: 3 })]);

    await f.earn(m.accountId, 12000, '2031-12-31');
    for (const hours of [0, 1, 24 * 30]) {
      t.clock.set(new Date(at('2032-01-01', '00:05:00').getTime() + hours * 3_600_000));
      await expect(scheduler.tick()).resolves.toEqual([]);
    }
    await expect(ratings.get(1, 2031)).resolves.toEqual(drafted);
  });

  it('should redraft a draft that was made before the year ended', async () => {
    const m = await f.newMember();
    await f.earn(m.accountId, 2000, '2033-03-01');
    t.clock.set(at('2033-11-20'));
    await ratings.run(1, 2033, 'user:1');
    await f.earn(m.accountId, 3000, '2033-12-20');
    t.clock.set(at('2034-01-01', '01:05:00'));
    await expect(scheduler.tick()).resolves.toEqual([1]);
    await expect(ratings.get(1, 2033)).resolves.toMatchObject({
      computedAt: '2033-12-31T17:05:00.000Z',
      ratings: [expect.objectContaining({ memberId: m.id, earned: '50.00', stars: 2 })],
    });
    await expect(scheduler.tick()).resolves.toEqual([]);
  });

  it('should leave a year with nothing earned undrafted', async () => {
    t.clock.set(at('2041-01-01', '00:05:00'));
    await expect(scheduler.tick()).resolves.toEqual([]);
    await expect(ratings.get(1, 2040)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});

describe(ServiceHoursService.name, () => {
  let t: TestContext;
  let f: ReturnType<typeof fixtures>;
  let hours: ServiceHoursService;

  beforeAll(async () => {
    t = await createTestContext();
    f = fixtures(t.ctx);
    hours = t.ctx.get(ServiceHoursService);
  });
  afterAll(() => t.close());

  it('should total verified hours, this year and all years, and grade them by the preset', async () => {
    const m = await f.newMember();
    const log = (serviceDate: string, quantity: number, itemCode = 'emergency_rescue') =>
      f.logService(m, { itemCode, quantity, serviceDate });
    const today = t.clock.now();
    // Each day within the 12-hour daily maximum, logged within 90 days of the service.
    t.clock.set(at('2025-05-10'));
    for (const [date, quantity] of [
      ['2025-05-01', 12],
      ['2025-05-02', 12],
      ['2025-05-03', 12],
      ['2025-05-04', 4],
    ] as const) {
      await log(date, quantity);
    }
    t.clock.set(at('2026-04-10'));
    await log('2026-03-01', 12);
    await log('2026-03-02', 8.5);
    await log('2026-03-03', 1, 'haircut'); // a per-time item: 0.50 hours a haircut
    const reversed = await log('2026-04-01', 12);
    await t.db.write(() =>
      t.ledger.reverse(reversed.transactionId!, {
        communityId: 1,
        actor: 'user:1',
        reason: 'did not attend',
      }),
    );
    t.clock.set(today);
    await expect(hours.ofMember(m.id)).resolves.toEqual({
      thisYear: '21.00',
      total: '61.00',
      hoursGrade: { preset: 'dalian', stars: 1, nextAtHours: '150.00' },
    });
    const newcomer = await f.newMember();
    await expect(hours.ofMember(newcomer.id)).resolves.toEqual({
      thisYear: '0.00',
      total: '0.00',
      hoursGrade: { preset: 'dalian', stars: 0, nextAtHours: '50.00' },
    });
  });
});
