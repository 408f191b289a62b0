import { fixtures, staffPrincipal } from '../../test/support/fixtures';
import { createTestContext, TestContext } from '../../test/support/test-app';
import { configDir, ConfigDir, shippedStandard } from '../../test/support/config-dir';
import { Principal } from '../auth/principal';
import { sql } from '../common/db/database';
import { DomainError, ErrorCode } from '../common/errors';
import { LedgerTransaction } from '../ledger/entities/ledger-transaction.entity';
import { parseStandard } from '../standard/scoring-standard';
import { StandardService } from '../standard/standard.service';
import { ServiceRecord } from './entities/service-record.entity';
import { ActivitiesService } from './activities.service';
import { ServiceRecordsService } from './service-records.service';

const count = (t: TestContext, table: string) =>
  t.db.read(async (em) => Number((await em.query(`SELECT COUNT(*) AS c FROM ${table}`))[0].c));

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) {
      return err.code;
    }
    throw err;
  }
  throw new Error('expected a refusal');
};

describe(ServiceRecordsService.name, () => {
  let t: TestContext;
  let records: ServiceRecordsService;
  let activities: ActivitiesService;
  let f: ReturnType<typeof fixtures>;
  let admin: Principal;

  beforeAll(async () => {
    t = await createTestContext();
    records = t.ctx.get(ServiceRecordsService);
    activities = t.ctx.get(ActivitiesService);
    f = fixtures(t.ctx);
    const user = await f.newUser('admin');
    admin = staffPrincipal(user, 'admin');
  });
  afterAll(() => t.close());

  const leaderOf = async (memberIds: number[]) => {
    const user = await f.newUser('leader');
    const team = await f.newTeam({ leaderUserIds: [user.id], memberIds });
    const principal = staffPrincipal(user, 'leader');
    return { principal, team };
  };

  it('should post one earn from issuance carrying item, version, quantity and hours', async () => {
    const member = await f.newMember();
    const record = await records.logOne(admin, {
      memberId: member.id,
      itemCode: 'event_security',
      quantity: '2.5',
      serviceDate: '2026-06-14',
      note: '端午安保',
    });
    expect(record).toMatchObject({
      memberId: member.id,
      itemCode: 'event_security',
      itemName: '节假日/重大活动安保',
      categoryCode: 'public_security',
      unit: 'hour',
      standardVersion: 1,
      quantity: '2.50',
      hours: '2.50',
      points: '3.75',
      serviceDate: '2026-06-14',
      status: 'posted',
      transactionId: expect.any(String),
      reversalTransactionId: null,
      note: '端午安保',
      createdBy: `user:${admin.kind === 'user' ? admin.userId : 0}`,
    });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(375);
    const tx = await t.db.read((em) =>
      em.findOneByOrFail(LedgerTransaction, { id: record.transactionId! }),
    );
    expect(tx).toMatchObject({
      kind: 'earn',
      effectiveDate: '2026-06-14',
      description: '节假日/重大活动安保 2.5小时',
    });
    expect(JSON.parse(tx.meta!)).toEqual({
      serviceRecordId: record.id,
      memberId: member.id,
      itemCode: 'event_security',
      categoryCode: 'public_security',
      standardVersion: 1,
      quantity: '2.50',
      hours: '2.50',
    });
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
  });

  it('should count the hours per time of a per-time item', async () => {
    const member = await f.newMember();
    const record = await records.logOne(admin, {
      memberId: member.id,
      itemCode: 'haircut',
      quantity: 3,
      serviceDate: '2026-06-15',
    });
    // The shipped standard counts 0.50 hours a haircut.
    expect(record).toMatchObject({
      quantity: '3.00',
      hours: '1.50',
      hoursSource: 'item',
      points: '3.00',
    });
    const tx = await t.db.read((em) =>
      em.findOneByOrFail(LedgerTransaction, { id: record.transactionId! }),
    );
    expect(JSON.parse(tx.meta!)).toMatchObject({ quantity: '3.00', hours: '1.50' });
  });

  it('should let a leader log for own team members only, under that team', async () => {
    const mine = await f.newMember();
    const other = await f.newMember();
    const { principal, team } = await leaderOf([mine.id]);
    const record = await records.logOne(principal, {
      memberId: mine.id,
      itemCode: 'cleanup',
      quantity: 1,
      serviceDate: '2026-06-15',
    });
    expect(record.teamId).toBe(team.id);
    const before = await count(t, 'service_records');
    await expect(
      codeOf(
        records.logOne(principal, {
          memberId: other.id,
          itemCode: 'cleanup',
          quantity: 1,
          serviceDate: '2026-06-15',
        }),
      ),
    ).resolves.toBe(ErrorCode.NOT_FOUND);
    await expect(
      codeOf(
        records.logOne(principal, {
          memberId: mine.id,
          itemCode: 'good_deed',
          quantity: 1,
          serviceDate: '2026-06-15',
        }),
      ),
    ).resolves.toBe(ErrorCode.FORBIDDEN);
    expect(await count(t, 'service_records')).toBe(before);
  });

  it('should count posted and pending records against the caps, but not reversed ones', async () => {
    const member = await f.newMember();
    // Each record after the first is another service of the day on purpose: confirmed.
    const log = (quantity: string, itemCode = 'appliance_repair') =>
      records.logOne(admin, {
        memberId: member.id,
        itemCode,
        quantity,
        serviceDate: '2026-06-10',
        confirmDuplicate: true,
      });
    const first = await log('6');
    await expect(codeOf(log('2.01'))).resolves.toBe(ErrorCode.CAP_EXCEEDED);
    await log('2');
    await expect(codeOf(log('0.01'))).resolves.toBe(ErrorCode.CAP_EXCEEDED);
    // 8 hours of repair, so 4 more hours of anything reach the daily 12 and a hundredth more does not fit.
    await log('4', 'cleanup');
    await expect(codeOf(log('0.01', 'cleanup'))).resolves.toBe(ErrorCode.CAP_EXCEEDED);
    // A haircut counts 0.50 hours: over the day's 12 as well.
    await expect(codeOf(log('1', 'haircut'))).resolves.toBe(ErrorCode.CAP_EXCEEDED);

    const reversal = await records.reverse(admin, first.id, 'wrong day');
    expect(reversal.record.reversalTransactionId).toBe(reversal.transactionId);
    await expect(log('6')).resolves.toMatchObject({ points: '12.00' });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(400 + 400 + 1200);
  });

  it('should refuse with the caps of every over-limit participant named, and write nothing', async () => {
    const a = await f.newMember({ name: '张三' });
    const b = await f.newMember({ name: '李四' });
    const { principal, team } = await leaderOf([a.id, b.id]);
    await records.logOne(admin, {
      memberId: b.id,
      itemCode: 'leifeng_fair',
      quantity: 1,
      serviceDate: '2026-06-13',
    });
    const before = [await count(t, 'service_records'), await count(t, 'ledger_transactions')];
    const err = await activities
      .logActivity(principal, {
        teamId: team.id,
        itemCode: 'leifeng_fair',
        title: '六月便民大集',
        serviceDate: '2026-06-13',
        participants: [
          { memberId: a.id, quantity: 1 },
          { memberId: b.id, quantity: 1 },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: ErrorCode.CAP_EXCEEDED,
      message:
        'over the daily limit on 2026-06-13: 李四: 雷锋号便民大集 is capped at 1.00 a day, 1.00 already logged, 0.00 left',
      details: {
        serviceDate: '2026-06-13',
        violations: [
          {
            memberId: b.id,
            limit: 'item',
            itemCode: 'leifeng_fair',
            max: '1.00',
            alreadyLogged: '1.00',
            requested: '1.00',
            remaining: '0.00',
          },
        ],
      },
    });
    expect([await count(t, 'service_records'), await count(t, 'ledger_transactions')]).toEqual(
      before,
    );
    await expect(t.db.read((em) => em.countBy(ServiceRecord, { memberId: a.id }))).resolves.toBe(0);
  });

  it('should log an activity of 200 participants in one transaction', async () => {
    const members = await f.newMembers(200);
    const { principal, team } = await leaderOf(members.map((m) => m.id));
    const before = await count(t, 'ledger_transactions');
    const recordsBefore = await count(t, 'service_records');
    const input = {
      teamId: team.id,
      itemCode: 'leifeng_fair',
      title: '六月雷锋号便民大集',
      serviceDate: '2026-06-14',
      participants: members.map((m) => ({ memberId: m.id, quantity: '1' })),
    };
    // The last participant over the cap undoes the 199 before it.
    const overCap = {
      ...input,
      participants: [
        ...input.participants.slice(0, 199),
        { memberId: members[199].id, quantity: '2' },
      ],
    };
    await expect(activities.logActivity(principal, overCap)).rejects.toMatchObject({
      code: ErrorCode.CAP_EXCEEDED,
    });
    expect(await count(t, 'ledger_transactions')).toBe(before);
    expect(await count(t, 'service_records')).toBe(recordsBefore);
    expect(await count(t, 'activities')).toBe(0);

    const activity = await activities.logActivity(principal, input);
    expect(activity).toMatchObject({
      teamId: team.id,
      itemCode: 'leifeng_fair',
      itemName: '雷锋号便民大集',
      title: '六月雷锋号便民大集',
      participants: 200,
      totalPoints: '600.00',
      // 3.00 hours a fair under the shipped standard.
      totalHours: '600.00',
    });
    expect(activity.records).toHaveLength(200);
    expect(new Set(activity.records.map((r) => r.transactionId)).size).toBe(200);
    expect(
      activity.records.every((r) => r.activityId === activity.id && r.teamId === team.id),
    ).toBe(true);
    expect(await count(t, 'ledger_transactions')).toBe(before + 200);
    await expect(f.balanceOf(members[199].accountId)).resolves.toBe(300);
    await expect(t.ledger.verify(1)).resolves.toMatchObject({ ok: true });
    await expect(t.ledger.trialBalance(1)).resolves.toMatchObject({ ok: true });
  });

  it('should let exactly the cap through when one member is logged concurrently', async () => {
    const member = await f.newMember();
    // Ten visits of the same day, each a real one (confirmed): only the cap decides.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        records.logOne(admin, {
          memberId: member.id,
          itemCode: 'elderly_visit',
          quantity: 1,
          serviceDate: '2026-06-12',
          confirmDuplicate: true,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results.filter(
        (r) => r.status === 'rejected' && (r.reason as DomainError).code === ErrorCode.CAP_EXCEEDED,
      ),
    ).toHaveLength(7);
    await expect(f.balanceOf(member.accountId)).resolves.toBe(600);
  });

  it('should refuse a year whose star rating is published, but not one still in draft', async () => {
    // Early January: December is still within the back-dating limit when last year's rating is out.
    t.clock.set('2027-01-10T02:00:00Z');
    try {
      const member = await f.newMember();
      const log = (serviceDate: string) =>
        records.logOne(admin, {
          memberId: member.id,
          itemCode: 'policy_talk',
          quantity: 1,
          serviceDate,
        });
      await t.db.write((em) =>
        em.query(
          sql(
            t.db,
            "INSERT INTO star_ratings (community_id, year, status, thresholds, computed_at) VALUES (1, ?, 'draft', '[]', ?)",
          ),
          [2026, '2027-01-01T00:00:00.000Z'],
        ),
      );
      await expect(log('2026-12-20')).resolves.toMatchObject({ status: 'posted' });
      await t.db.write((em) =>
        em.query(sql(t.db, "UPDATE star_ratings SET status = 'published' WHERE year = ?"), [2026]),
      );
      const before = await count(t, 'service_records');
      await expect(log('2026-12-21')).rejects.toMatchObject({
        code: ErrorCode.PERIOD_CLOSED,
        details: { year: 2026, serviceDate: '2026-12-21' },
      });
      expect(await count(t, 'service_records')).toBe(before);
      await expect(log('2027-01-02')).resolves.toMatchObject({ status: 'posted' });
    } finally {
      t.clock.set('2026-06-15T02:00:00Z');
    }
  });
});

describe(`${ServiceRecordsService.name} across standard versions`, () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('should score each record by the version in force on its date and never rescore it', async () => {
    const f = fixtures(t.ctx);
    const records = t.ctx.get(ServiceRecordsService);
    const user = await f.newUser('admin');
    const admin = staffPrincipal(user, 'admin');
    const member = await f.newMember();
    const log = (serviceDate: string) =>
      records.logOne(admin, { memberId: member.id, itemCode: 'haircut', quantity: 2, serviceDate });
    const before = await log('2026-06-01');
    expect(before).toMatchObject({ standardVersion: 1, points: '2.00' });

    const raw = shippedStandard();
    raw.effectiveFrom = '2026-06-10';
    raw.categories[0].items[1].pointsPerUnit = '1.25';
    raw.categories[0].items.push({
      code: 'phone_help',
      name: '手机教学',
      unit: 'time',
      pointsPerUnit: '0.5',
    });
    await t.ctx.get(StandardService).register(1, parseStandard(raw));

    await expect(log('2026-06-09')).resolves.toMatchObject({ standardVersion: 1, points: '2.00' });
    await expect(log('2026-06-10')).resolves.toMatchObject({ standardVersion: 2, points: '2.50' });
    await expect(
      records.logOne(admin, {
        memberId: member.id,
        itemCode: 'phone_help',
        quantity: 1,
        serviceDate: '2026-06-09',
      }),
    ).rejects.toMatchObject({ code: ErrorCode.UNKNOWN_ITEM });
    await expect(records.getOne(admin, before.id)).resolves.toMatchObject({
      standardVersion: 1,
      points: '2.00',
    });
  });
});

describe(`${ServiceRecordsService.name} with approval`, () => {
  let t: TestContext;
  let dir: ConfigDir;

  beforeAll(async () => {
    dir = configDir({ 'service-records.json': { approvalRequired: true } });
    t = await createTestContext({ env: { CONFIG_DIR: dir.dir } });
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  it('should hold leader records as pending, counting them against caps, until approved', async () => {
    const f = fixtures(t.ctx);
    const records = t.ctx.get(ServiceRecordsService);
    const member = await f.newMember();
    const leaderUser = await f.newUser('leader');
    await f.newTeam({ leaderUserIds: [leaderUser.id], memberIds: [member.id] });
    const leader = staffPrincipal(leaderUser, 'leader');
    const adminUser = await f.newUser('admin');
    const admin = staffPrincipal(adminUser, 'admin');
    // Each record after the first is another mediation of the day on purpose: confirmed.
    const log = (quantity: number) =>
      records.logOne(leader, {
        memberId: member.id,
        itemCode: 'dispute_mediation',
        quantity,
        serviceDate: '2026-06-15',
        confirmDuplicate: true,
      });
    const pending = await log(2);
    expect(pending).toMatchObject({ status: 'pending', transactionId: null, points: '10.00' });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(0);
    await expect(codeOf(log(2))).resolves.toBe(ErrorCode.CAP_EXCEEDED);

    const approved = await records.approve(admin, pending.id);
    expect(approved).toMatchObject({
      status: 'posted',
      transactionId: expect.any(String),
      decidedBy: `user:${adminUser.id}`,
      decidedAt: '2026-06-15T02:00:00.000Z',
    });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(1000);
    await expect(records.approve(admin, pending.id)).resolves.toEqual(approved);
    await expect(codeOf(records.reject(admin, pending.id, 'late'))).resolves.toBe(
      ErrorCode.CONFLICT,
    );
    const tx = await t.db.read((em) =>
      em.findOneByOrFail(LedgerTransaction, { id: approved.transactionId! }),
    );
    expect(tx.actor).toBe(`user:${adminUser.id}`);
    expect(JSON.parse(tx.meta!)).toMatchObject({ loggedBy: `user:${leaderUser.id}` });

    const other = await log(1);
    const rejected = await records.reject(admin, other.id, '重复登记');
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectReason: '重复登记',
      transactionId: null,
    });
    await expect(codeOf(records.approve(admin, other.id))).resolves.toBe(ErrorCode.CONFLICT);
    // A rejected record no longer counts against the cap.
    await expect(log(1)).resolves.toMatchObject({ status: 'pending' });

    const direct = await records.logOne(admin, {
      memberId: member.id,
      itemCode: 'cleanup',
      quantity: 1,
      serviceDate: '2026-06-15',
    });
    expect(direct.status).toBe('posted');
  });
});

describe(`${ServiceRecordsService.name} under a standard without hoursPerTime`, () => {
  let t: TestContext;
  let dir: ConfigDir;

  beforeAll(async () => {
    // The shipped standard as it was before hoursPerTime (and as a version written then stays).
    const raw = shippedStandard();
    for (const category of raw.categories) {
      for (const item of category.items) {
        delete item.hoursPerTime;
      }
    }
    dir = configDir({ 'scoring-standard.json': raw });
    t = await createTestContext({ env: { CONFIG_DIR: dir.dir } });
  });
  afterAll(async () => {
    await t.close();
    dir.remove();
  });

  it('should count no hours for a per-time item, nor against the day, and credit its points', async () => {
    const f = fixtures(t.ctx);
    const records = t.ctx.get(ServiceRecordsService);
    const user = await f.newUser('admin');
    const admin = staffPrincipal(user, 'admin');
    const member = await f.newMember();
    const log = (itemCode: string, quantity: number) =>
      records.logOne(admin, { memberId: member.id, itemCode, quantity, serviceDate: '2026-06-15' });
    const haircut = await log('haircut', 3);
    expect(haircut).toMatchObject({
      quantity: '3.00',
      hours: '0.00',
      hoursSource: 'item',
      points: '3.00',
      standardVersion: 1,
    });
    const tx = await t.db.read((em) =>
      em.findOneByOrFail(LedgerTransaction, { id: haircut.transactionId! }),
    );
    expect(JSON.parse(tx.meta!)).toMatchObject({ quantity: '3.00', hours: '0.00' });
    // The day's 12 hours are reached by hourly items alone; a per-time item still fits.
    await log('cleanup', 8);
    await log('daily_patrol', 4);
    await expect(log('elderly_visit', 1)).resolves.toMatchObject({ hours: '0.00', points: '2.00' });
    await expect(f.balanceOf(member.accountId)).resolves.toBe(300 + 800 + 400 + 200);
  });
});
