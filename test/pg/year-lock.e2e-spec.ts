import { Client } from 'pg';
import { User } from '../../src/auth/entities/user.entity';
import { Member } from '../../src/people/entities/member.entity';
import { ServiceRecordsService } from '../../src/service-records/service-records.service';
import { ServiceRecordView } from '../../src/service-records/service-record.view';
import { fixtures, staffPrincipal } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const YEAR_LOCK = 'star-rating:1:2026';

/**
 * The year's name lock (`star-rating:<community>:<year>`, taken by publishing, finalizing and
 * resolving objections) is taken by a service record only when it asks for a closed-year
 * correction. Taken on every posting, it serialised all of a community's service logging from its
 * first statements to its commit, on every instance.
 */
describe("service logging and the year's lock (PostgreSQL)", () => {
  let t: TestApp;
  let member: Member;
  let holder: Client;

  const log = async (extra: { objectionId?: number } = {}): Promise<ServiceRecordView> => {
    const admin = await t.db.read((em) => em.findOneByOrFail(User, { username: 'admin' }));
    return t.app.get(ServiceRecordsService).logOne(staffPrincipal(admin, 'admin'), {
      memberId: member.id,
      itemCode: 'cleanup',
      quantity: '1',
      serviceDate: '2026-06-15',
      confirmDuplicate: true,
      ...extra,
    });
  };
  const waitingOnYearLock = async (): Promise<number> => {
    const { rows } = await holder.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM pg_locks
        WHERE locktype = 'advisory' AND classid = 1 AND objid::int = hashtext($1) AND objsubid = 2
          AND NOT granted`,
      [YEAR_LOCK],
    );
    return Number(rows[0].n);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const database = t.store.database;
    if (database.type !== 'postgres') {
      throw new Error('test/pg/ runs on PostgreSQL only');
    }
    member = await fixtures(t.app).newMember();
    holder = new Client({ connectionString: database.url });
    await holder.connect();
  });
  afterAll(async () => {
    await holder.end();
    await t.close();
  });

  it("should post an ordinary record while the year's lock is held, and make a correction wait for it", async () => {
    await holder.query('BEGIN');
    let correction: Promise<ServiceRecordView> | undefined;
    try {
      await holder.query('SELECT pg_advisory_xact_lock(1, hashtext($1))', [YEAR_LOCK]);

      const ordinary = await withinMs(log(), 10_000, 'an ordinary record');
      expect(ordinary).toMatchObject({ status: 'posted', points: '1.00' });
      expect(await waitingOnYearLock()).toBe(0);

      let corrected = false;
      correction = log({ objectionId: 424242 }).finally(() => (corrected = true));
      await waitFor(async () => (await waitingOnYearLock()) === 1, 10_000);
      expect(corrected).toBe(false);

      await holder.query('COMMIT');
      // An unrated year is open: the named objection is not needed, and the record posts.
      await expect(withinMs(correction, 10_000, 'the correction')).resolves.toMatchObject({
        status: 'posted',
      });
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await correction?.catch(() => undefined);
    }
  });
});

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) {
      throw new Error(`not so within ${ms} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function withinMs<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not complete in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
