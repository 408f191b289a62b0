import { RetentionService } from '../src/maintenance/retention.service';
import { IdempotencyRecord } from '../src/common/idempotency/idempotency-record.entity';
import { LedgerService } from '../src/ledger/ledger.service';
import { fixtures } from './support/fixtures';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** Idempotency records, expired sessions and old login attempts are pruned; the books never are. */
describe(RetentionService.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { IDEMPOTENCY_RETENTION_DAYS: '7' } });
  });
  afterAll(() => t.close());

  const count = async (table: string): Promise<number> =>
    t.db.read(async (em) => {
      const [row] = await em.query<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number(row.n);
    });
  const books = async () => ({
    transactions: await count('ledger_transactions'),
    postings: await count('postings'),
    balances: await count('balances'),
    serviceRecords: await count('service_records'),
  });

  it('should replay a key inside the retention period and prune it after, never touching the ledger', async () => {
    const retention = t.app.get(RetentionService);
    const member = await fixtures(t.app).newMember();
    const body = {
      memberId: member.id,
      itemCode: 'daily_patrol',
      quantity: '2',
      serviceDate: '2026-06-15',
    };
    const post = (auth: string) =>
      t.http
        .post('/api/service-records')
        .set('Authorization', auth)
        .set('Idempotency-Key', 'retention-1')
        .send(body);
    const first = await post(t.adminAuth);
    expect(first.status).toBe(201);
    await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'wrong-pass-1' });
    // One row for the subject and one for the subject from this address (see LockoutService).
    expect(await count('login_attempts')).toBe(2);
    const booksBefore = await books();

    // Just inside the period: the key still replays (after a new login: the token has expired).
    t.clock.advance(7 * DAY_MS - 60_000);
    const pruned = await retention.prune();
    expect(pruned).toMatchObject({ idempotencyKeys: 0, loginAttempts: 0 });
    expect(pruned.sessions).toBeGreaterThan(0);
    const auth = await t.login('admin');
    const again = await post(auth);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    // Past it: the record goes, the books stay exactly as they were.
    t.clock.advance(2 * 60_000);
    await expect(retention.prune()).resolves.toMatchObject({ idempotencyKeys: 1 });
    expect(await count('idempotency_keys')).toBe(0);
    expect(await books()).toEqual(booksBefore);
    await expect(t.app.get(LedgerService).verify(1)).resolves.toMatchObject({ ok: true });

    // Login attempts only long after any lock: 30 days.
    t.clock.advance(23 * DAY_MS);
    await expect(retention.prune()).resolves.toMatchObject({ loginAttempts: 2 });
    expect(await count('login_attempts')).toBe(0);
  });

  it('should prune in batches until nothing old is left', async () => {
    const retention = t.app.get(RetentionService);
    const old = new Date(t.clock.now().getTime() - 30 * DAY_MS).toISOString();
    const fresh = t.clock.now().toISOString();
    await t.db.write(async (em) => {
      for (let i = 0; i < 1203; i++) {
        await em.insert(IdempotencyRecord, {
          principal: 'user:1',
          key: `old-${i}`,
          requestHash: 'x',
          statusCode: 201,
          responseBody: '{}',
          createdAt: i < 1200 ? old : fresh,
        });
      }
    });

    await expect(retention.prune()).resolves.toMatchObject({ idempotencyKeys: 1200 });
    expect(await count('idempotency_keys')).toBe(3);
  });
});
