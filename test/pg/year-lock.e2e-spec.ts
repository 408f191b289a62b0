import { Client } from 'pg';
import { User } from '../../src/auth/entities/user.entity';
import { Member } from '../../src/people/entities/member.entity';
import { ServiceRecordsService } from '../../src/service-records/service-records.service';
import { ServiceRecordView } from '../../src/service-records/service-record.view';
import { fixtures, staffPrincipal } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor, withinMs } from '../support/wait';

const YEAR_LOCK = 'star-rating:1:2026';

/**
 * The year's name lock (`star-rating:<community>:<year>`): publishing, finalizing, a run and a
 * closed-year correction take it alone; an ordinary service record shares it. So postings never
 * wait for one another on it (taken alone by every admin posting, it serialised all of a
 * community's service logging from its first statements to its commit, on every instance), and a
 * publish still waits for the postings in flight and they for it, even in a year without a rating
 * row yet (FOR SHARE has nothing to lock then).
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
  /** Backends waiting for the year's lock, in either mode. */
  const waitingOnYearLock = async (): Promise<number> => {
    const { rows } = await holder.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM pg_locks
        WHERE locktype = 'advisory' AND classid = 1 AND objid::int = hashtext($1) AND objsubid = 2
          AND NOT granted`,
      [YEAR_LOCK],
    );
    return Number(rows[0].n);
  };
  /** Runs `work` while `holder` holds the year's lock in `mode`, in an open transaction. */
  const whileHeld = async (mode: 'shared' | 'alone', work: () => Promise<void>): Promise<void> => {
    await holder.query('BEGIN');
    try {
      await holder.query(
        mode === 'shared'
          ? 'SELECT pg_advisory_xact_lock_shared(1, hashtext($1))'
          : 'SELECT pg_advisory_xact_lock(1, hashtext($1))',
        [YEAR_LOCK],
      );
      await work();
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
    }
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

  it('should post an ordinary record beside another holding the lock shared, and make a correction wait', async () => {
    let correction: Promise<ServiceRecordView> | undefined;
    await whileHeld('shared', async () => {
      // As another posting in flight holds it: this one does not wait.
      await expect(withinMs(log(), 10_000, 'an ordinary record')).resolves.toMatchObject({
        status: 'posted',
        points: '1.00',
      });

      let corrected = false;
      correction = log({ objectionId: 424242 }).finally(() => (corrected = true));
      await waitFor(async () => (await waitingOnYearLock()) === 1, 10_000);
      expect(corrected).toBe(false);
      await holder.query('COMMIT');
    });
    // An unrated year is open: the named objection is not needed, and the record posts.
    await expect(withinMs(correction!, 10_000, 'the correction')).resolves.toMatchObject({
      status: 'posted',
    });
  });

  it('should make an ordinary record wait while a publish holds the lock alone, in a year without a rating row', async () => {
    let ordinary: Promise<ServiceRecordView> | undefined;
    await whileHeld('alone', async () => {
      let posted = false;
      ordinary = log().finally(() => (posted = true));
      await waitFor(async () => (await waitingOnYearLock()) === 1, 10_000);
      expect(posted).toBe(false);
      await holder.query('COMMIT');
    });
    await expect(withinMs(ordinary!, 10_000, 'the ordinary record')).resolves.toMatchObject({
      status: 'posted',
    });
  });
});
