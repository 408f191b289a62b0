import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { hashSecret } from '../src/auth/password';
import { buildCommunity, Community, passbookFor } from './synthetic';

/**
 * `npm run bench [-- --members N --transactions M --seconds S --pg URL|off --cpu-prof DIR]`: builds a
 * synthetic community and prints each figure beside the limit it is judged against, all measured in
 * this one run. `--pg` names the PostgreSQL server whose maintenance database the PostgreSQL phase
 * creates its own database from (default the local trust-auth server; `off` skips the phase).
 * `--cpu-prof DIR` runs the big SQLite service under `node --cpu-prof` and writes its profile there.
 * Every port is a free one picked at start, so runs beside other jobs do not collide.
 *
 * Many communities (#15): `--communities N` (default 10) and `--community-members M` (default 200
 * each) size the PostgreSQL figure of HTTP postings with one and with two service instances on one
 * database, clients spread over the N communities, beside the raw PostgreSQL rate of the same run.
 * `--only communities` runs that phase alone (a few minutes at the defaults; a quick check:
 * `--only communities --seconds 2 --community-members 20`).
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const MEMBERS = Number(args.get('members') ?? 10_000);
const TRANSACTIONS = Number(args.get('transactions') ?? 1_000_000);
const SECONDS = Number(args.get('seconds') ?? 10);
const PG_URL = args.get('pg') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CPU_PROF_DIR = args.get('cpu-prof');
const COMMUNITIES = Number(args.get('communities') ?? 10);
const COMMUNITY_MEMBERS = Number(args.get('community-members') ?? 200);
const ONLY = args.get('only');
const CLIENTS = 32;
const PASSWORD = 'bench-admin-pass';

const rows: [string, string, string][] = [];
const report = (what: string, value: string, judged: string): void => {
  rows.push([what, value, judged]);
  console.log(`  ${what}: ${value}  (${judged})`);
};

function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
}
const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** Raw better-sqlite3: insert an entry and update a balance per transaction, same pragmas as the service. */
function rawTransactionsPerSecond(dir: string, seconds: number): { rate: number; p99: number } {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE entries (id INTEGER PRIMARY KEY, account INTEGER, amount INTEGER)');
  db.exec('CREATE TABLE balances (account INTEGER PRIMARY KEY, balance INTEGER)');
  const insBal = db.prepare('INSERT INTO balances VALUES (?, 0)');
  for (let i = 0; i < 1000; i++) {
    insBal.run(i);
  }
  const ins = db.prepare('INSERT INTO entries (account, amount) VALUES (?, ?)');
  const upd = db.prepare('UPDATE balances SET balance = balance + ? WHERE account = ?');
  const tx = db.transaction((account: number) => {
    ins.run(account, 100);
    upd.run(100, account);
  });
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() < end) {
    const t0 = performance.now();
    tx(n % 1000);
    lat.push(performance.now() - t0);
    n++;
  }
  const elapsed = (performance.now() - start) / 1000;
  db.close();
  lat.sort((a, b) => a - b);
  return { rate: n / elapsed, p99: percentile(lat, 99) };
}

interface Server {
  proc: ChildProcess;
  base: string;
  startupMs: number;
  auth: string;
}

/** A port nobody listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(
  store: { path: string } | { url: string },
  opts: { cpuProfDir?: string } = {},
): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  // The same flags as `npm start`.
  const flags = ['--max-old-space-size=192'];
  if (opts.cpuProfDir) {
    flags.push('--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`);
  }
  const proc = spawn(process.execPath, [...flags, 'dist/src/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...('path' in store
        ? { DATABASE_PATH: store.path, DATABASE_URL: '' }
        : { DATABASE_URL: store.url }),
      ADMIN_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      SCHEDULER_ENABLED: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (proc.exitCode !== null) {
      throw new Error('server exited during start-up');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startupMs = performance.now() - started;
  const login = await post(base, '/api/auth/login', { username: 'admin', password: PASSWORD });
  return { proc, base, startupMs, auth: `Bearer ${(login.body as { token: string }).token}` };
}

async function post(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

function memoryMb(proc: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
const peakRssMb = (proc: ChildProcess): number => memoryMb(proc, 'VmHWM');
/** Peak RSS so far, printed after each phase to show which one raises it. */
const notePeak = (proc: ChildProcess, phase: string): void =>
  console.log(`    (peak RSS after ${phase}: ${peakRssMb(proc).toFixed(0)} MB)`);

/** CLIENTS concurrent loops for `seconds`; returns rate of 2xx answers and latency percentiles. */
async function load(seconds: number, send: (i: number) => Promise<number>) {
  const lat: number[] = [];
  let ok = 0;
  let failed = 0;
  let counter = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const status = await send(counter++);
        lat.push(performance.now() - t0);
        if (status >= 200 && status < 300) {
          ok++;
        } else {
          failed++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { rate: ok / elapsed, failed, p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

async function readLatency(server: Server, passbooks: string[], n: number) {
  const lat: number[] = [];
  for (let i = 0; i < n; i++) {
    const no = passbooks[(i * 7919) % passbooks.length];
    const t0 = performance.now();
    const res = await fetch(`${server.base}/api/passbooks/${no}?limit=20`, {
      headers: { authorization: server.auth },
    });
    await res.arrayBuffer();
    lat.push(performance.now() - t0);
    if (!res.ok) {
      throw new Error(`passbook read answered ${res.status}`);
    }
  }
  lat.sort((a, b) => a - b);
  return { p50: percentile(lat, 50), p99: percentile(lat, 99) };
}

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-bench-'));
  const servers: Server[] = [];
  if (ONLY === 'communities') {
    try {
      await communitiesPhase(PG_URL, servers);
      printTable();
    } finally {
      await Promise.all(servers.map(stopServer));
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  try {
    console.log(`Building the community: ${MEMBERS} members, ${TRANSACTIONS} transactions …`);
    let t0 = performance.now();
    const big: Community = await buildCommunity(join(dir, 'big.sqlite'), MEMBERS, TRANSACTIONS);
    console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const small = await buildCommunity(join(dir, 'small.sqlite'), 100, 1000);

    console.log(
      'Raw limit (better-sqlite3, WAL, synchronous=FULL, insert entry + update balance):',
    );
    const raw = rawTransactionsPerSecond(dir, 3);
    report('raw transactions', `${raw.rate.toFixed(0)}/s, p99 ${ms(raw.p99)}`, 'the limit');

    const server = await startServer(big, { cpuProfDir: CPU_PROF_DIR });
    servers.push(server);
    report(
      'start-up to healthy on the big database',
      ms(server.startupMs),
      'including migrations check',
    );

    notePeak(server.proc, 'start-up');
    console.log(`HTTP with ${CLIENTS} concurrent clients for ${SECONDS} s each:`);
    const date = today();
    const postings = await load(SECONDS, async (i) => {
      const res = await post(
        server.base,
        '/api/service-records',
        {
          memberId: big.memberIds[(i * 7) % big.memberIds.length],
          itemCode: 'daily_patrol',
          quantity: '1',
          serviceDate: date,
          // The load repeats a member's patrol of the day on purpose: each a real posting.
          confirmDuplicate: true,
        },
        { authorization: server.auth, 'idempotency-key': `bench-sr-${i}` },
      );
      return res.status;
    });
    report(
      'service-record postings',
      `${postings.rate.toFixed(0)}/s, p50 ${ms(postings.p50)}, p99 ${ms(postings.p99)}, refused ${postings.failed}`,
      `ratio to raw ${(postings.rate / raw.rate).toFixed(2)} (target >= 0.5)`,
    );

    notePeak(server.proc, 'postings');
    const window = await post(
      server.base,
      '/api/redemption-windows',
      {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        note: 'bench',
      },
      { authorization: server.auth },
    );
    const item = await post(
      server.base,
      '/api/catalog-items',
      { name: '毛巾', kind: 'goods', price: '1.00', stock: 1_000_000 },
      { authorization: server.auth },
    );
    const itemId = (item.body as { id: number }).id;
    if (window.status !== 201 || item.status !== 201) {
      throw new Error(`shop setup failed: ${window.status} ${item.status}`);
    }
    const redemptions = await load(SECONDS, async (i) => {
      const res = await post(
        server.base,
        '/api/redemptions',
        {
          passbookNo: big.passbooks[(i * 13) % big.passbooks.length],
          lines: [{ catalogItemId: itemId, quantity: 1 }],
        },
        { authorization: server.auth, 'idempotency-key': `bench-rd-${i}` },
      );
      return res.status;
    });
    report(
      'redemptions',
      `${redemptions.rate.toFixed(0)}/s, p50 ${ms(redemptions.p50)}, p99 ${ms(redemptions.p99)}, refused ${redemptions.failed}`,
      `ratio to raw ${(redemptions.rate / raw.rate).toFixed(2)} (target >= 0.5)`,
    );

    notePeak(server.proc, 'redemptions');
    console.log('Reads: first statement page and balance, 500 sequential requests:');
    const bigRead = await readLatency(server, big.passbooks, 500);
    const smallServer = await startServer(small);
    servers.push(smallServer);
    const smallRead = await readLatency(smallServer, small.passbooks, 500);
    report(
      'passbook page at 1k transactions',
      `p50 ${ms(smallRead.p50)}, p99 ${ms(smallRead.p99)}`,
      'baseline',
    );
    report(
      `passbook page at ${TRANSACTIONS} transactions`,
      `p50 ${ms(bigRead.p50)}, p99 ${ms(bigRead.p99)}`,
      `ratio p50 ${(bigRead.p50 / smallRead.p50).toFixed(2)}, p99 ${(bigRead.p99 / smallRead.p99).toFixed(2)} (target <= 1.5)`,
    );

    notePeak(server.proc, 'reads');
    console.log('Year-end rating over the whole year:');
    t0 = performance.now();
    const run = await post(
      server.base,
      '/api/star-ratings/2026/run',
      {},
      { authorization: server.auth },
    );
    const ratingMs = performance.now() - t0;
    if (run.status !== 200) {
      throw new Error(`rating run answered ${run.status}`);
    }
    const reader = new Database(big.path, { readonly: true });
    t0 = performance.now();
    reader
      .prepare(
        `SELECT p.account_id, SUM(p.amount) FROM postings p JOIN ledger_transactions t ON t.id = p.transaction_id
         JOIN accounts a ON a.id = p.account_id
         WHERE t.kind = 'earn' AND t.effective_date BETWEEN '2026-01-01' AND '2026-12-31' AND a.kind = 'member'
         GROUP BY p.account_id`,
      )
      .all();
    const handMs = performance.now() - t0;
    reader.close();
    report(
      'rating run (HTTP)',
      ms(ratingMs),
      `ratio to one hand-written GROUP BY (${ms(handMs)}): ${(ratingMs / handMs).toFixed(2)} (target <= 2)`,
    );

    notePeak(server.proc, 'rating');
    console.log('Verify:');
    t0 = performance.now();
    const verifyRes = await fetch(`${server.base}/api/ledger/verify`, {
      headers: { authorization: server.auth },
    });
    const verify = (await verifyRes.json()) as { ok: boolean; transactions: number };
    const verifyS = (performance.now() - t0) / 1000;
    report(
      'verify',
      `${(verify.transactions / verifyS).toFixed(0)} transactions/s (ok: ${verify.ok}, ${verify.transactions} transactions)`,
      'whole chain and balances',
    );

    report('peak RSS of the service', `${peakRssMb(server.proc).toFixed(0)} MB`, 'target < 300 MB');

    if (PG_URL !== 'off') {
      await postgresPhase(PG_URL, servers);
      await communitiesPhase(PG_URL, servers);
    }
    printTable();
  } finally {
    await Promise.all(servers.map(stopServer));
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(): void {
  console.log('\n| figure | measured | judged against |\n|---|---|---|');
  for (const [a, b, c] of rows) {
    console.log(`| ${a} | ${b} | ${c} |`);
  }
}

/** The maintenance URL with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Raw PostgreSQL: the same work as the raw SQLite figure (insert an entry, update a balance, one
 * transaction each, synchronous_commit as the server has it) from as many connections as the
 * service's pool (DATABASE_POOL_SIZE, default 10), so the two are judged at the same parallelism.
 */
async function rawPostgresPerSecond(url: string, seconds: number, connections: number) {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    'CREATE TABLE raw_entries (id BIGSERIAL PRIMARY KEY, account INTEGER, amount INTEGER)',
  );
  await setup.query('CREATE TABLE raw_balances (account INTEGER PRIMARY KEY, balance INTEGER)');
  await setup.query('INSERT INTO raw_balances SELECT g, 0 FROM generate_series(0, 999) g');
  await setup.end();
  const lat: number[] = [];
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      try {
        while (performance.now() < end) {
          const account = n++ % 1000;
          const t0 = performance.now();
          await c.query('BEGIN');
          await c.query({
            name: 'ins',
            text: 'INSERT INTO raw_entries (account, amount) VALUES ($1, 100)',
            values: [account],
          });
          await c.query({
            name: 'upd',
            text: 'UPDATE raw_balances SET balance = balance + 100 WHERE account = $1',
            values: [account],
          });
          await c.query('COMMIT');
          lat.push(performance.now() - t0);
        }
      } finally {
        await c.end();
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { rate: lat.length / elapsed, p99: percentile(lat, 99) };
}

/** Members written straight into the migrated PostgreSQL database (one PIN hash for all). */
async function seedPostgresMembers(url: string, count: number): Promise<number[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const pinHash = await hashSecret('123456');
    const numbers = Array.from({ length: count }, (_, i) => passbookFor(i));
    const now = new Date().toISOString();
    await c.query('BEGIN');
    const accounts = await c.query<{ id: number; passbook_no: string }>(
      `INSERT INTO accounts (kind, passbook_no, name, created_at)
       SELECT 'member', no, '志愿者' || no, $2 FROM unnest($1::text[]) AS no RETURNING id, passbook_no`,
      [numbers, now],
    );
    await c.query('INSERT INTO balances (account_id, balance) SELECT unnest($1::int[]), 0', [
      accounts.rows.map((r) => r.id),
    ]);
    const members = await c.query<{ id: number }>(
      `INSERT INTO members (account_id, passbook_no, name, kind, phone, pin_hash, active, created_at)
       SELECT a, no, '志愿者' || no, 'resident', NULL, $3, TRUE, $4
       FROM unnest($1::int[], $2::text[]) AS t(a, no) RETURNING id`,
      [accounts.rows.map((r) => r.id), accounts.rows.map((r) => r.passbook_no), pinHash, now],
    );
    await c.query('COMMIT');
    return members.rows.map((r) => r.id);
  } finally {
    await c.end();
  }
}

/** The HTTP postings figure on PostgreSQL beside the raw PostgreSQL rate, in a database of its own. */
async function postgresPhase(maintenanceUrl: string, servers: Server[]): Promise<void> {
  const name = `passbook_bench_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: maintenanceUrl });
  try {
    await admin.connect();
  } catch (err) {
    report(
      'PostgreSQL',
      'skipped',
      `cannot reach ${new URL(maintenanceUrl).host}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(maintenanceUrl, name);
  let server: Server | undefined;
  try {
    console.log(`PostgreSQL (database ${name}, dropped afterwards):`);
    const raw = await rawPostgresPerSecond(url, 3, 10);
    report(
      'raw PostgreSQL transactions, 10 connections',
      `${raw.rate.toFixed(0)}/s, p99 ${ms(raw.p99)}`,
      'the PostgreSQL limit',
    );
    server = await startServer({ url });
    servers.push(server);
    const memberIds = await seedPostgresMembers(url, 2000);
    const date = today();
    const postings = await load(SECONDS, async (i) => {
      const res = await post(
        server!.base,
        '/api/service-records',
        {
          memberId: memberIds[(i * 7) % memberIds.length],
          itemCode: 'daily_patrol',
          quantity: '1',
          serviceDate: date,
          // The load repeats a member's patrol of the day on purpose: each a real posting.
          confirmDuplicate: true,
        },
        { authorization: server!.auth, 'idempotency-key': `bench-pg-${i}` },
      );
      return res.status;
    });
    report(
      'service-record postings on PostgreSQL',
      `${postings.rate.toFixed(0)}/s, p50 ${ms(postings.p50)}, p99 ${ms(postings.p99)}, refused ${postings.failed}`,
      `ratio to raw PostgreSQL ${(postings.rate / raw.rate).toFixed(2)} (target >= 0.5)`,
    );
  } finally {
    if (server) {
      await stopServer(server);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** A community's admin and members, seeded straight into the migrated database. */
interface SeededCommunity {
  id: number;
  adminUsername: string;
  memberIds: number[];
}

/**
 * Communities 2..n written as CommunitiesService.create writes them (row, random genesis, issuance
 * and shop accounts), an admin of each (community 1 keeps the first admin), and `members` members
 * in every community: plain SQL, so the instances started afterwards load them all at start.
 */
async function seedCommunities(
  url: string,
  count: number,
  members: number,
): Promise<SeededCommunity[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const now = new Date().toISOString();
    const passwordHash = await hashSecret(PASSWORD);
    const pinHash = await hashSecret('123456');
    await c.query('BEGIN');
    const seeded: SeededCommunity[] = [{ id: 1, adminUsername: 'admin', memberIds: [] }];
    for (let k = 2; k <= count; k++) {
      const row = await c.query<{ id: number }>(
        `INSERT INTO communities (street_office_id, code, name, issuer, genesis_hash, created_at)
         VALUES (1, $1, $2, NULL, $3, $4) RETURNING id`,
        [`bench-${k}`, `社区${k}`, randomBytes(32).toString('hex'), now],
      );
      const id = row.rows[0].id;
      const system = await c.query<{ id: number }>(
        `INSERT INTO accounts (kind, passbook_no, name, created_at, community_id)
         VALUES ('issuance', NULL, '积分发行 Issuance', $1, $2), ('shop', NULL, '公益坊 Shop', $1, $2)
         RETURNING id`,
        [now, id],
      );
      await c.query('INSERT INTO balances (account_id, balance) SELECT unnest($1::int[]), 0', [
        system.rows.map((r) => r.id),
      ]);
      const adminUsername = `bench-admin-${k}`;
      await c.query(
        `INSERT INTO users (username, password_hash, role, active, created_at, must_change_password, community_id, street_office_id)
         VALUES ($1, $2, 'admin', TRUE, $3, FALSE, $4, NULL)`,
        [adminUsername, passwordHash, now, id],
      );
      seeded.push({ id, adminUsername, memberIds: [] });
    }
    for (const [index, community] of seeded.entries()) {
      const numbers = Array.from({ length: members }, (_, i) => passbookFor(index * members + i));
      const accounts = await c.query<{ id: number; passbook_no: string }>(
        `INSERT INTO accounts (kind, passbook_no, name, created_at, community_id)
         SELECT 'member', no, '志愿者' || no, $2, $3 FROM unnest($1::text[]) AS no
         RETURNING id, passbook_no`,
        [numbers, now, community.id],
      );
      await c.query('INSERT INTO balances (account_id, balance) SELECT unnest($1::int[]), 0', [
        accounts.rows.map((r) => r.id),
      ]);
      const rows = await c.query<{ id: number }>(
        `INSERT INTO members (account_id, passbook_no, name, kind, phone, pin_hash, active, created_at, community_id)
         SELECT a, no, '志愿者' || no, 'resident', NULL, $3, TRUE, $4, $5
         FROM unnest($1::int[], $2::text[]) AS t(a, no) RETURNING id`,
        [
          accounts.rows.map((r) => r.id),
          accounts.rows.map((r) => r.passbook_no),
          pinHash,
          now,
          community.id,
        ],
      );
      community.memberIds = rows.rows.map((r) => r.id);
    }
    await c.query('COMMIT');
    return seeded;
  } finally {
    await c.end();
  }
}

/**
 * Many communities on PostgreSQL (#15): HTTP service-record postings per second with one and with
 * two instances on one database, CLIENTS clients spread over COMMUNITIES communities (each request
 * by its community's admin, for a member of it; with two instances, alternate requests to each),
 * beside the raw PostgreSQL rate measured in the same run. Every community's chain is verified after.
 */
async function communitiesPhase(maintenanceUrl: string, servers: Server[]): Promise<void> {
  if (maintenanceUrl === 'off') {
    report('ten communities on PostgreSQL', 'skipped', '--pg off');
    return;
  }
  const name = `passbook_bench_comm_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: maintenanceUrl });
  try {
    await admin.connect();
  } catch (err) {
    report(
      'communities on PostgreSQL',
      'skipped',
      `cannot reach ${new URL(maintenanceUrl).host}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(maintenanceUrl, name);
  const started: Server[] = [];
  try {
    console.log(
      `PostgreSQL, ${COMMUNITIES} communities of ${COMMUNITY_MEMBERS} members (database ${name}, dropped afterwards):`,
    );
    const raw = await rawPostgresPerSecond(url, 3, 10);
    report(
      `raw PostgreSQL transactions, 10 connections (${COMMUNITIES}-community run)`,
      `${raw.rate.toFixed(0)}/s, p99 ${ms(raw.p99)}`,
      'the PostgreSQL limit',
    );
    // The first start migrates; the communities are seeded before the instances that serve them start.
    await stopServer(await startServer({ url }));
    const communities = await seedCommunities(url, COMMUNITIES, COMMUNITY_MEMBERS);
    const first = await startServer({ url });
    started.push(first);
    servers.push(first);
    const tokens = new Map<number, string>();
    for (const c of communities) {
      const login = await post(first.base, '/api/auth/login', {
        username: c.adminUsername,
        password: PASSWORD,
      });
      if (login.status !== 200) {
        throw new Error(`login of ${c.adminUsername} answered ${login.status}`);
      }
      tokens.set(c.id, `Bearer ${(login.body as { token: string }).token}`);
    }
    const date = today();
    let firstRefusal: string | undefined;
    const run = async (instances: Server[], phase: string) =>
      load(SECONDS, async (i) => {
        const community = communities[i % communities.length];
        const member =
          community.memberIds[Math.floor(i / communities.length) % community.memberIds.length];
        const res = await post(
          instances[i % instances.length].base,
          '/api/service-records',
          // The load repeats a member's patrol of the day on purpose: each a real posting.
          {
            memberId: member,
            itemCode: 'daily_patrol',
            quantity: '1',
            serviceDate: date,
            confirmDuplicate: true,
          },
          { authorization: tokens.get(community.id)!, 'idempotency-key': `bench-${phase}-${i}` },
        );
        if (res.status >= 300 && !firstRefusal) {
          // One line saying why, so a refused count is not a mystery.
          firstRefusal = `${res.status} ${JSON.stringify(res.body)}`;
          console.log(`    first refusal (community ${community.id}): ${firstRefusal}`);
        }
        return res.status;
      });
    const one = await run([first], 'c1');
    report(
      `postings over ${COMMUNITIES} communities, 1 instance`,
      `${one.rate.toFixed(0)}/s, p50 ${ms(one.p50)}, p99 ${ms(one.p99)}, refused ${one.failed}`,
      `ratio to raw PostgreSQL ${(one.rate / raw.rate).toFixed(2)}`,
    );
    const second = await startServer({ url });
    started.push(second);
    servers.push(second);
    const two = await run([first, second], 'c2');
    report(
      `postings over ${COMMUNITIES} communities, 2 instances`,
      `${two.rate.toFixed(0)}/s, p50 ${ms(two.p50)}, p99 ${ms(two.p99)}, refused ${two.failed}`,
      `ratio to raw PostgreSQL ${(two.rate / raw.rate).toFixed(2)}, to 1 instance ${(two.rate / one.rate).toFixed(2)}`,
    );
    let bad = 0;
    let transactions = 0;
    for (const c of communities) {
      const res = await fetch(`${first.base}/api/ledger/verify`, {
        headers: { authorization: tokens.get(c.id)! },
      });
      const body = (await res.json()) as { ok: boolean; transactions?: number };
      transactions += body.transactions ?? 0;
      if (!body.ok) {
        bad++;
      }
    }
    report(
      `verify of the ${COMMUNITIES} communities after the load`,
      `${COMMUNITIES - bad} of ${COMMUNITIES} ok, ${transactions} transactions`,
      'each chain gapless from its own genesis',
    );
  } finally {
    for (const server of started) {
      await stopServer(server);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** SIGTERM and wait for the exit (a --cpu-prof profile is written then). */
async function stopServer(server: Server): Promise<void> {
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) {
    return;
  }
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

main().catch((err: unknown) => {
  console.error('bench failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
