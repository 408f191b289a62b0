import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { hashSecret } from '../src/auth/password';
import { createDataSource } from '../src/common/db/data-source';
import { newPassbookNumber } from '../src/people/passbook-number';
import { newCouponCode } from '../src/shop/coupon-code';
import { standardHash } from '../src/standard/scoring-standard';
import { readStandardFile } from '../src/standard/standard.service';
import { ADMIN_PASSWORD, createTestApp, TestApp } from './support/test-app';
import { createTestStore, TestStore } from './support/test-db';

/**
 * A database made by the code before communities (#15), with a year of work in it, upgraded by the
 * Communities migration: nothing changes for its users. The old data is written here with plain SQL
 * the way the old code wrote it (its ledger append, frozen below with its hash), since that code is
 * gone; then the remaining migrations run and the app starts on the store.
 */
const LAST_BEFORE_COMMUNITIES = 'AccountYearTotals1764016100000';
const OLD_GENESIS = '0'.repeat(64);

/** The old transaction hash (ledger-hash.ts before #15), frozen: the upgrade must keep these valid. */
function oldHash(prev: string, t: OldTx, postings: { accountId: number; amount: number }[]) {
  const lines = [...postings]
    .sort((a, b) => a.accountId - b.accountId)
    .map((p) => [p.accountId, p.amount]);
  return createHash('sha256')
    .update(
      JSON.stringify([
        prev,
        t.seq,
        t.id,
        t.kind,
        t.effectiveDate,
        t.createdAt,
        t.actor,
        t.reverses,
        t.description,
        t.meta,
        lines,
      ]),
    )
    .digest('hex');
}

interface OldTx {
  id: string;
  seq: number;
  kind: string;
  effectiveDate: string;
  createdAt: string;
  actor: string;
  reverses: string | null;
  description: string;
  meta: string | null;
}

/** The store as the old code saw it: one ledger, one chain from the all-zero genesis. */
class OldStore {
  private seq = 0;
  private lastHash = OLD_GENESIS;
  private minute = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly isPg: boolean,
  ) {}

  /** `?` placeholders on both stores. */
  async q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    let i = 0;
    const sqlText = this.isPg ? text.replace(/\?/g, () => `$${++i}`) : text;
    return this.ds.query(sqlText, params);
  }

  async insertId(text: string, params: unknown[]): Promise<number> {
    if (this.isPg) {
      const rows = await this.q<{ id: number }>(`${text} RETURNING id`, params);
      return Number(rows[0].id);
    }
    await this.q(text, params);
    const rows = await this.q<{ id: number }>('SELECT last_insert_rowid() AS id');
    return Number(rows[0].id);
  }

  /** A distinct, increasing timestamp on the given day (rows were written one after another). */
  at(date: string): string {
    this.minute++;
    const hh = String(1 + Math.floor(this.minute / 60)).padStart(2, '0');
    const mm = String(this.minute % 60).padStart(2, '0');
    return `${date}T${hh}:${mm}:00.000Z`;
  }

  async account(kind: 'member' | 'household', name: string, passbookNo: string) {
    const id = await this.insertId(
      'INSERT INTO accounts (kind, passbook_no, name, created_at) VALUES (?, ?, ?, ?)',
      [kind, passbookNo, name, this.at('2025-01-02')],
    );
    await this.q('INSERT INTO balances (account_id, balance) VALUES (?, 0)', [id]);
    return id;
  }

  async systemAccount(kind: 'issuance' | 'shop'): Promise<number> {
    const [row] = await this.q<{ id: number }>('SELECT id FROM accounts WHERE kind = ?', [kind]);
    return Number(row.id);
  }

  /**
   * The old LedgerService.post: the next seq and the chain link, postings with running balances,
   * stored balances, and the passbook year totals of an earn (or of the earn a reversal reverses).
   */
  async post(req: {
    kind: string;
    effectiveDate: string;
    actor: string;
    description: string;
    postings: { accountId: number; amount: number }[];
    reverses?: string;
    meta?: Record<string, unknown>;
  }): Promise<string> {
    const tx: OldTx = {
      id: randomUUID(),
      seq: ++this.seq,
      kind: req.kind,
      effectiveDate: req.effectiveDate,
      createdAt: this.at(req.effectiveDate),
      actor: req.actor,
      reverses: req.reverses ?? null,
      description: req.description,
      meta: req.meta ? JSON.stringify(req.meta) : null,
    };
    const hash = oldHash(this.lastHash, tx, req.postings);
    await this.q(
      `INSERT INTO ledger_transactions
         (id, seq, kind, effective_date, created_at, actor, reverses, description, meta, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        tx.id,
        tx.seq,
        tx.kind,
        tx.effectiveDate,
        tx.createdAt,
        tx.actor,
        tx.reverses,
        tx.description,
        tx.meta,
        this.lastHash,
        hash,
      ],
    );
    this.lastHash = hash;
    let earn: { date: string; hours: number; sign: 1 | -1 } | null = null;
    if (req.kind === 'earn') {
      earn = { date: req.effectiveDate, hours: hoursOf(req.meta), sign: 1 };
    } else if (req.kind === 'reversal' && req.reverses) {
      const [orig] = await this.q<{ kind: string; effective_date: string; meta: string | null }>(
        'SELECT kind, effective_date, meta FROM ledger_transactions WHERE id = ?',
        [req.reverses],
      );
      if (orig.kind === 'earn') {
        const meta = orig.meta ? (JSON.parse(orig.meta) as Record<string, unknown>) : undefined;
        earn = { date: orig.effective_date, hours: hoursOf(meta), sign: -1 };
      }
    }
    for (const p of req.postings) {
      const [b] = await this.q<{ balance: unknown; kind: string }>(
        'SELECT b.balance, a.kind FROM balances b JOIN accounts a ON a.id = b.account_id WHERE b.account_id = ?',
        [p.accountId],
      );
      const after = Number(b.balance) + p.amount;
      await this.q(
        'INSERT INTO postings (transaction_id, account_id, seq, amount, balance_after) VALUES (?, ?, ?, ?, ?)',
        [tx.id, p.accountId, tx.seq, p.amount, after],
      );
      await this.q('UPDATE balances SET balance = ? WHERE account_id = ?', [after, p.accountId]);
      if (earn && (b.kind === 'member' || b.kind === 'household')) {
        const hours = p.amount * earn.sign > 0 ? earn.sign * earn.hours : 0;
        await this.q(
          `INSERT INTO account_year_totals (account_id, year, earned, hours) VALUES (?, ?, ?, ?)
           ON CONFLICT (account_id, year) DO UPDATE SET
             earned = account_year_totals.earned + excluded.earned,
             hours = account_year_totals.hours + excluded.hours`,
          [p.accountId, Number(earn.date.slice(0, 4)), p.amount, hours],
        );
      }
    }
    return tx.id;
  }
}

const hoursOf = (meta?: Record<string, unknown>): number =>
  meta?.serviceRecordId !== undefined && typeof meta.hours === 'string'
    ? Math.round(Number(meta.hours) * 100)
    : 0;

/** The old `npm run ledger:verify`: one chain from the all-zero genesis, running and stored balances. */
async function oldVerify(store: OldStore) {
  const txs = await store.q<Record<string, string | number | null>>(
    'SELECT * FROM ledger_transactions ORDER BY seq',
  );
  const running = new Map<number, number>();
  let prev = OLD_GENESIS;
  let expected = 1;
  for (const t of txs) {
    const postings = (
      await store.q<{ account_id: unknown; amount: unknown; balance_after: unknown }>(
        'SELECT account_id, amount, balance_after FROM postings WHERE transaction_id = ? ORDER BY account_id',
        [t.id],
      )
    ).map((p) => ({
      accountId: Number(p.account_id),
      amount: Number(p.amount),
      balanceAfter: Number(p.balance_after),
    }));
    const tx: OldTx = {
      id: String(t.id),
      seq: Number(t.seq),
      kind: String(t.kind),
      effectiveDate: String(t.effective_date),
      createdAt: String(t.created_at),
      actor: String(t.actor),
      reverses: (t.reverses as string | null) ?? null,
      description: String(t.description),
      meta: (t.meta as string | null) ?? null,
    };
    if (tx.seq !== expected || t.prev_hash !== prev || oldHash(prev, tx, postings) !== t.hash) {
      return { ok: false, firstBadSeq: expected };
    }
    for (const p of postings) {
      running.set(p.accountId, (running.get(p.accountId) ?? 0) + p.amount);
      if (running.get(p.accountId) !== p.balanceAfter) {
        return { ok: false, firstBadSeq: tx.seq };
      }
    }
    prev = String(t.hash);
    expected++;
  }
  for (const b of await store.q<{ account_id: unknown; balance: unknown }>(
    'SELECT account_id, balance FROM balances',
  )) {
    if ((running.get(Number(b.account_id)) ?? 0) !== Number(b.balance)) {
      return { ok: false, firstBadSeq: null };
    }
  }
  return { ok: true, transactions: expected - 1, lastHash: prev };
}

/** Every passbook's statement as stored: seq, amount, balance after and the transaction's hash. */
async function statements(store: OldStore) {
  const rows = await store.q<Record<string, unknown>>(
    `SELECT a.passbook_no, t.seq, t.kind, p.amount, p.balance_after, t.hash
       FROM postings p JOIN ledger_transactions t ON t.id = p.transaction_id
       JOIN accounts a ON a.id = p.account_id
      WHERE a.passbook_no IS NOT NULL ORDER BY a.passbook_no, t.seq`,
  );
  return rows.map((r) => ({
    passbookNo: String(r.passbook_no),
    seq: Number(r.seq),
    kind: String(r.kind),
    amount: Number(r.amount),
    balanceAfter: Number(r.balance_after),
    hash: String(r.hash),
  }));
}

const signed = (cents: number): string =>
  `${cents < 0 ? '-' : '+'}${(Math.abs(cents) / 100).toFixed(2)}`;

/** The tables that gain community_id, each of which had rows before the upgrade. */
const COMMUNITY_OWNED = [
  'accounts',
  'ledger_transactions',
  'members',
  'households',
  'teams',
  'standard_versions',
  'catalog_items',
  'redemption_windows',
  'redemptions',
  'donations',
  'service_records',
  'star_ratings',
  'star_rating_entries',
];

describe('upgrade of a single-community database into communities (e2e)', () => {
  let store: TestStore;
  let t: TestApp;
  let isPg: boolean;
  /** What the old store held, recorded before the upgrade. */
  let before: {
    verify: Awaited<ReturnType<typeof oldVerify>>;
    statements: Awaited<ReturnType<typeof statements>>;
    passbooks: { members: string[]; households: string[] };
    counts: Record<string, number>;
  };
  let names: { zhang: string; li: string; household: string; coupon: string };

  beforeAll(async () => {
    store = await createTestStore();
    isPg = store.database.type === 'postgres';
    const base = createDataSource(store.database);
    const upTo = migrations.findIndex((m) => m.name === LAST_BEFORE_COMMUNITIES);
    expect(upTo).toBeGreaterThan(0);
    const old = new DataSource({
      ...base.options,
      entities: [],
      migrations: migrations.slice(0, upTo + 1),
    });
    await old.initialize();
    try {
      await old.runMigrations({ transaction: 'each' });
      const s = new OldStore(old, isPg);
      await writeOldData(s);
      before = {
        verify: await oldVerify(s),
        statements: await statements(s),
        passbooks: {
          members: (
            await s.q<{ p: string }>('SELECT passbook_no AS p FROM members ORDER BY id')
          ).map((r) => r.p),
          households: (
            await s.q<{ p: string }>('SELECT passbook_no AS p FROM households ORDER BY id')
          ).map((r) => r.p),
        },
        counts: {},
      };
      for (const table of COMMUNITY_OWNED) {
        const [row] = await s.q<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`);
        before.counts[table] = Number(row.n);
      }
    } finally {
      await old.destroy();
    }
    // The rest of the migrations run at start, as `npm start` runs them on an upgraded install.
    t = await createTestApp({ share: { store } as TestApp });
  });
  afterAll(async () => {
    await t?.close();
    await store.drop();
  });

  /** A year of the old code's work: the rows each feature wrote, as it wrote them. */
  async function writeOldData(s: OldStore): Promise<void> {
    const now = s.at('2025-01-01');
    const admin = await s.insertId(
      'INSERT INTO users (username, password_hash, role, active, created_at, must_change_password) VALUES (?, ?, ?, ?, ?, ?)',
      ['admin', await hashSecret(ADMIN_PASSWORD), 'admin', true, now, false],
    );
    const leader = await s.insertId(
      'INSERT INTO users (username, password_hash, role, active, created_at, must_change_password) VALUES (?, ?, ?, ?, ?, ?)',
      ['leader-wang', await hashSecret('password-123'), 'leader', true, now, false],
    );
    const standard = readStandardFile(join('config', 'scoring-standard.json'));
    await s.q(
      'INSERT INTO standard_versions (version, effective_from, content_hash, content, loaded_at) VALUES (1, ?, ?, ?, ?)',
      [standard.effectiveFrom, standardHash(standard), JSON.stringify(standard), now],
    );
    const pin = await hashSecret('123456');
    const member = async (name: string) => {
      const passbookNo = newPassbookNumber('V');
      const accountId = await s.account('member', name, passbookNo);
      const id = await s.insertId(
        'INSERT INTO members (account_id, passbook_no, name, kind, phone, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [accountId, passbookNo, name, 'party_member', '13800001234', pin, true, s.at('2025-01-02')],
      );
      return { id, accountId, passbookNo };
    };
    const zhang = await member('张建明');
    const li = await member('李秀英');
    const householdNo = newPassbookNumber('H');
    const householdAccount = await s.account('household', '王奶奶家', householdNo);
    const household = await s.insertId(
      'INSERT INTO households (account_id, passbook_no, name, hardship, address, contact, verified, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        householdAccount,
        householdNo,
        '王奶奶家',
        'elderly_alone',
        '岭南小区3号楼',
        null,
        true,
        true,
        now,
      ],
    );
    const team = await s.insertId(
      'INSERT INTO teams (name, service_type, created_at) VALUES (?, ?, ?)',
      ['义诊服务队', '理发义诊', now],
    );
    await s.q('INSERT INTO team_leaders (team_id, user_id) VALUES (?, ?)', [team, leader]);
    for (const m of [zhang, li]) {
      await s.q('INSERT INTO team_members (team_id, member_id, created_at) VALUES (?, ?, ?)', [
        team,
        m.id,
        now,
      ]);
    }
    const issuance = await s.systemAccount('issuance');
    const shop = await s.systemAccount('shop');

    // Service records and their earns: free clinic at 3.00 points an hour.
    const serve = async (
      m: { id: number; accountId: number },
      hours: number,
      date: string,
      actor: string,
    ) => {
      const points = hours * 300;
      const record = await s.insertId(
        `INSERT INTO service_records (member_id, team_id, activity_id, item_code, category_code, standard_version, unit, quantity, hours, points, service_date, status, transaction_id, note, reject_reason, created_by, created_at, decided_by, decided_at)
         VALUES (?, ?, NULL, 'free_clinic', 'convenience', 1, 'hour', ?, ?, ?, ?, 'posted', NULL, NULL, NULL, ?, ?, NULL, NULL)`,
        [m.id, team, hours * 100, hours * 100, points, date, actor, s.at(date)],
      );
      const txId = await s.post({
        kind: 'earn',
        effectiveDate: date,
        actor,
        description: `义诊 ${hours}.00 小时`,
        postings: [
          { accountId: issuance, amount: -points },
          { accountId: m.accountId, amount: points },
        ],
        meta: {
          serviceRecordId: record,
          memberId: m.id,
          itemCode: 'free_clinic',
          categoryCode: 'convenience',
          standardVersion: 1,
          quantity: `${hours}.00`,
          hours: `${hours}.00`,
        },
      });
      await s.q('UPDATE service_records SET transaction_id = ? WHERE id = ?', [txId, record]);
      return { record, txId };
    };
    await serve(zhang, 8, '2025-03-10', `user:${leader}`);
    await serve(zhang, 8, '2025-05-10', `user:${leader}`);
    const wrong = await serve(li, 4, '2025-06-01', `user:${admin}`);
    await serve(li, 6, '2025-09-20', `user:${leader}`);
    await serve(zhang, 2, '2026-04-18', `user:${leader}`);
    // An admin's reversal of the record logged for the wrong day.
    await s.post({
      kind: 'reversal',
      effectiveDate: '2025-06-03',
      actor: `user:${admin}`,
      description: '冲正 #3: 记错了日期',
      reverses: wrong.txId,
      postings: [
        { accountId: issuance, amount: 1200 },
        { accountId: li.accountId, amount: -1200 },
      ],
      meta: {
        reason: '记错了日期',
        reversesSeq: 3,
        reversesKind: 'earn',
        serviceRecordId: wrong.record,
        memberId: li.id,
      },
    });

    // The 2025 rating, published: 张 earned 48.00 (1 star at 20, 2 at 50: 1 star), 李 18.00.
    await s.q(
      `INSERT INTO star_ratings (year, status, thresholds, computed_at, published_at, published_by) VALUES (2025, 'published', ?, ?, ?, ?)`,
      [
        JSON.stringify([2000, 5000, 10000, 20000, 30000]),
        s.at('2026-01-01'),
        s.at('2026-01-05'),
        `user:${admin}`,
      ],
    );
    await s.q(
      'INSERT INTO star_rating_entries (year, member_id, earned, stars) VALUES (2025, ?, 4800, 1), (2025, ?, 1800, 0)',
      [zhang.id, li.id],
    );

    // A redemption with a service coupon in the second-quarter window of 2026.
    const opens = '2026-04-20T01:00:00.000Z';
    const window = await s.insertId(
      `INSERT INTO redemption_windows (kind, period_key, opens_at, closes_at, note, created_by, created_at, closed_by, closed_at) VALUES ('scheduled', '2026-Q2', ?, '2026-04-27T09:00:00.000Z', NULL, 'system', ?, NULL, NULL)`,
      [opens, s.at('2026-04-01')],
    );
    await s.q(
      `INSERT INTO redemption_window_events (window_id, kind, at, actor, note, recorded_at) VALUES (?, 'created', ?, 'system', NULL, ?)`,
      [window, opens, s.at('2026-04-01')],
    );
    const item = await s.insertId(
      `INSERT INTO catalog_items (name, kind, price, stock, active, created_by, created_at, updated_at) VALUES ('家政服务券', 'service_coupon', 1000, 9, ?, ?, ?, ?)`,
      [true, `user:${admin}`, s.at('2026-04-01'), s.at('2026-04-01')],
    );
    await s.q(
      `INSERT INTO stock_movements (catalog_item_id, kind, quantity, stock_after, redemption_id, actor, note, created_at) VALUES (?, 'initial', 10, 10, NULL, ?, NULL, ?)`,
      [item, `user:${admin}`, s.at('2026-04-01')],
    );
    const createdAt = s.at('2026-04-21');
    const redemption = await s.insertId(
      `INSERT INTO redemptions (passbook_no, account_id, owner_type, window_id, total, balance_after, transaction_id, status, created_by, created_at) VALUES (?, ?, 'member', ?, 1000, 0, NULL, 'completed', ?, ?)`,
      [zhang.passbookNo, zhang.accountId, window, `user:${admin}`, createdAt],
    );
    const redeemTx = await s.post({
      kind: 'redeem',
      effectiveDate: '2026-04-21',
      actor: `user:${admin}`,
      description: '兑换 家政服务券 ×1',
      postings: [
        { accountId: zhang.accountId, amount: -1000 },
        { accountId: shop, amount: 1000 },
      ],
      meta: { redemptionId: redemption, windowId: window },
    });
    await s.q('UPDATE redemptions SET transaction_id = ?, balance_after = ? WHERE id = ?', [
      redeemTx,
      4800 + 600 - 1000,
      redemption,
    ]);
    await s.q(
      `INSERT INTO redemption_lines (redemption_id, catalog_item_id, name, kind, unit_price, quantity, amount) VALUES (?, ?, '家政服务券', 'service_coupon', 1000, 1, 1000)`,
      [redemption, item],
    );
    await s.q(
      `INSERT INTO stock_movements (catalog_item_id, kind, quantity, stock_after, redemption_id, actor, note, created_at) VALUES (?, 'redemption', -1, 9, ?, ?, NULL, ?)`,
      [item, redemption, `user:${admin}`, createdAt],
    );
    const coupon = newCouponCode();
    await s.q(
      `INSERT INTO coupons (code, redemption_id, catalog_item_id, passbook_no, status, issued_at) VALUES (?, ?, ?, ?, 'issued', ?)`,
      [coupon, redemption, item, zhang.passbookNo, createdAt],
    );

    // 李 gives 5.00 points to the household.
    const giftTx = await s.post({
      kind: 'donate',
      effectiveDate: '2026-05-01',
      actor: `member:${li.id}`,
      description: '爱心捐赠',
      postings: [
        { accountId: li.accountId, amount: -500 },
        { accountId: householdAccount, amount: 500 },
      ],
      meta: { memberId: li.id, householdId: household },
    });
    await s.q(
      'INSERT INTO donations (transaction_id, member_id, household_id, points, actor, created_at) VALUES (?, ?, ?, 500, ?, ?)',
      [giftTx, li.id, household, `member:${li.id}`, s.at('2026-05-01')],
    );
    names = {
      zhang: zhang.passbookNo,
      li: li.passbookNo,
      household: householdNo,
      coupon,
    };
  }

  it('should have verified the old store before the upgrade', () => {
    expect(before.verify).toEqual({
      ok: true,
      transactions: 8,
      lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('should make the old data community 1 "default" of street office 1, every row of it', async () => {
    expect(
      await t.db.read((em) =>
        em.query('SELECT id, street_office_id, code, name, genesis_hash FROM communities'),
      ),
    ).toEqual([
      {
        id: 1,
        street_office_id: 1,
        code: 'default',
        name: null,
        genesis_hash: OLD_GENESIS,
      },
    ]);
    for (const table of COMMUNITY_OWNED) {
      const rows: { community_id: unknown; n: unknown }[] = await t.db.read((em) =>
        em.query(`SELECT community_id, COUNT(*) AS n FROM ${table} GROUP BY community_id`),
      );
      expect({
        table,
        rows: rows.map((r) => ({ communityId: Number(r.community_id), n: Number(r.n) })),
      }).toEqual({ table, rows: [{ communityId: 1, n: before.counts[table] }] });
    }
  });

  it('should verify community 1 with the same transactions and last hash as before', async () => {
    const res = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ok: true,
      transactions: before.verify.transactions,
      lastHash: before.verify.lastHash,
      community: { id: 1, code: 'default' },
    });
    const trial = await t.http.get('/api/ledger/trial-balance').set('Authorization', t.adminAuth);
    expect(trial.body).toMatchObject({ ok: true, sum: '0.00' });
  });

  it('should keep every stored statement row: passbook, seq, amount, balance and hash', async () => {
    const after = await t.db.read((em) =>
      em.query(
        `SELECT a.passbook_no, t.seq, t.kind, p.amount, p.balance_after, t.hash
           FROM postings p JOIN ledger_transactions t ON t.id = p.transaction_id
           JOIN accounts a ON a.id = p.account_id
          WHERE a.passbook_no IS NOT NULL ORDER BY a.passbook_no, t.seq`,
      ),
    );
    expect(
      (after as Record<string, unknown>[]).map((r) => ({
        passbookNo: String(r.passbook_no),
        seq: Number(r.seq),
        kind: String(r.kind),
        amount: Number(r.amount),
        balanceAfter: Number(r.balance_after),
        hash: String(r.hash),
      })),
    ).toEqual(before.statements);
  });

  it('should show the same passbook numbers and statements to the old admin', async () => {
    const members = await t.db.read((em) =>
      em.query('SELECT passbook_no AS p FROM members ORDER BY id'),
    );
    expect((members as { p: string }[]).map((r) => r.p)).toEqual(before.passbooks.members);
    for (const passbookNo of [...before.passbooks.members, ...before.passbooks.households]) {
      const res = await t.http
        .get(`/api/passbooks/${passbookNo}`)
        .set('Authorization', t.adminAuth);
      expect(res.status).toBe(200);
      const expected = before.statements
        .filter((e) => e.passbookNo === passbookNo)
        .reverse()
        .map((e) => ({
          seq: e.seq,
          amount: signed(e.amount),
          balanceAfter: (e.balanceAfter / 100).toFixed(2),
        }));
      expect(
        (res.body.entries as { seq: number; amount: string; balanceAfter: string }[]).map(
          ({ seq, amount, balanceAfter }) => ({ seq, amount, balanceAfter }),
        ),
      ).toEqual(expected);
      expect(res.body.balance).toBe(expected[0].balanceAfter);
    }
    const zhang = await t.http
      .get(`/api/passbooks/${names.zhang}`)
      .set('Authorization', t.adminAuth);
    expect(zhang.body).toMatchObject({
      passbookNo: names.zhang,
      balance: '44.00',
      earnedThisYear: '6.00',
      hours: { thisYear: '2.00', total: '18.00' },
    });
    const household = await t.http
      .get(`/api/passbooks/${names.household}`)
      .set('Authorization', t.adminAuth);
    expect(household.body).toMatchObject({ balance: '5.00', owner: { type: 'household' } });
  });

  it('should keep the old admin the admin of community 1, and the old volunteers and leader in it', async () => {
    const me = await t.http.get('/api/me').set('Authorization', t.adminAuth);
    expect(me.status).toBe(200);
    const users: {
      username: string;
      role: string;
      community_id: unknown;
      street_office_id: unknown;
    }[] = await t.db.read((em) =>
      em.query('SELECT username, role, community_id, street_office_id FROM users ORDER BY id'),
    );
    expect(users.map((u) => ({ ...u, community_id: Number(u.community_id) }))).toEqual([
      { username: 'admin', role: 'admin', community_id: 1, street_office_id: null },
      { username: 'leader-wang', role: 'leader', community_id: 1, street_office_id: null },
    ]);
    const leader = await t.login('leader-wang', 'password-123');
    const led = await t.http.get(`/api/passbooks/${names.li}`).set('Authorization', leader);
    expect(led.status).toBe(200);
    const volunteer = await t.http
      .post('/api/auth/passbook-login')
      .send({ passbookNo: names.li, pin: '123456' });
    expect(volunteer.status).toBe(200);
    const own = await t.http
      .get('/api/me/passbook')
      .set('Authorization', `Bearer ${volunteer.body.token}`);
    expect(own.body).toMatchObject({ passbookNo: names.li, balance: '13.00' });
  });

  it('should keep the published 2025 rating as community 1’s, on the admin’s page and the public notice', async () => {
    const rows: { community_id: unknown; year: unknown; status: string }[] = await t.db.read((em) =>
      em.query('SELECT community_id, year, status FROM star_ratings'),
    );
    expect(rows.map((r) => [Number(r.community_id), Number(r.year), r.status])).toEqual([
      [1, 2025, 'published'],
    ]);
    const rating = await t.http.get('/api/star-ratings/2025').set('Authorization', t.adminAuth);
    expect(rating.status).toBe(200);
    expect(rating.body).toMatchObject({ year: 2025, status: 'published' });
    expect(
      (rating.body.ratings as { passbookNo: string; earned: string; stars: number }[]).map(
        ({ passbookNo, earned, stars }) => ({ passbookNo, earned, stars }),
      ),
    ).toEqual([
      { passbookNo: names.zhang, earned: '48.00', stars: 1 },
      { passbookNo: names.li, earned: '18.00', stars: 0 },
    ]);
    const notice = await t.http.get('/api/public/star-ratings/2025');
    expect(notice.status).toBe(200);
    // The notice names the starred only, masked.
    expect(notice.body.ratings).toEqual([{ ref: expect.any(String), name: '张*明', stars: 1 }]);
    // Published before notice periods existed: its period is already over, so it can be finalized.
    expect(rating.body.notice).toEqual({
      startsAt: rating.body.publishedAt,
      endsAt: rating.body.publishedAt,
      days: 0,
    });
    const final = await t.http
      .post('/api/star-ratings/2025/finalize')
      .set('Authorization', t.adminAuth);
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({ status: 'final', notice: rating.body.notice });
  });

  it('should serve the old shop data: the coupon, the redemption, the donation', async () => {
    const coupon = await t.http
      .get(`/api/coupons/${names.coupon}`)
      .set('Authorization', t.adminAuth);
    expect(coupon.status).toBe(200);
    expect(coupon.body).toMatchObject({ code: names.coupon, status: 'issued' });
    const used = await t.http
      .post(`/api/coupons/${names.coupon}/use`)
      .set('Authorization', t.adminAuth);
    expect(used.status).toBe(201);
    const gifts = await t.http.get('/api/donations').set('Authorization', t.adminAuth);
    expect(gifts.status).toBe(200);
    expect(gifts.body.items).toHaveLength(1);
  });

  it('should append after the old chain: seq 9 links to the old last hash, and community 1 still verifies', async () => {
    const [zhang] = await t.db.read((em) =>
      em.query(
        t.store.database.type === 'postgres'
          ? 'SELECT id FROM members WHERE passbook_no = $1'
          : 'SELECT id FROM members WHERE passbook_no = ?',
        [names.zhang],
      ),
    );
    const res = await t.http
      .post('/api/service-records')
      .set('Authorization', t.adminAuth)
      .set('Idempotency-Key', 'upgrade-first-new-record')
      .send({
        memberId: zhang.id,
        itemCode: 'free_clinic',
        quantity: 1,
        serviceDate: '2026-06-14',
      });
    expect(res.status).toBe(201);
    const [row]: { seq: unknown; prev_hash: string; community_id: unknown }[] = await t.db.read(
      (em) =>
        em.query(
          'SELECT seq, prev_hash, community_id FROM ledger_transactions ORDER BY seq DESC LIMIT 1',
        ),
    );
    expect([Number(row.seq), row.prev_hash, Number(row.community_id)]).toEqual([
      9,
      before.verify.lastHash,
      1,
    ]);
    const verify = await t.http.get('/api/ledger/verify').set('Authorization', t.adminAuth);
    expect(verify.body).toMatchObject({ ok: true, transactions: 9 });
  });
});
