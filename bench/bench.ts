import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { hashSecret } from '../src/auth/password';
import { idempotencyRetentionDays, LEDGER_TABLES, pruneAsIf, sqliteSize, sum } from './growth';
import { buildCommunity, Community, passbookFor } from './synthetic';

/**
 * `npm run bench [-- --members N --transactions M --seconds S --pg URL|off --cpu-prof DIR
 * --reads N --growth N --soak SECONDS --heap-cap MB --heap-snapshots DIR --only PHASE]`: builds a
 * synthetic community and prints each figure beside its target and whether it is met, all measured
 * in this one run. `--pg` names the PostgreSQL server whose maintenance database the PostgreSQL
 * phases create their own databases from (default the local trust-auth server; `off` skips them).
 * `--cpu-prof DIR` runs the big SQLite service under `node --cpu-prof` and writes its profile there.
 * Every port is a free one picked at start, so runs beside other jobs do not collide.
 *
 * The services run with the node flags of `npm start` but without its heap cap (`--heap-cap MB`
 * passes `--max-old-space-size`, as `npm start` does with 192) and with bench/memory-probe preloaded: after each phase the bench
 * prints the service's peak RSS, RSS, heap and external memory; `--heap-snapshots DIR` also writes
 * a heap snapshot there after each phase (`node dist/bench/heap-top.js FILE` summarises one; the
 * snapshots themselves raise the RSS, so the peak of such a run is not the figure).
 *
 * `--reads N` (default 2000) passbook reads on the big and the small database, interleaved one for
 * one after a warm-up and a WAL checkpoint, so both see the same machine. `--growth N` (default
 * 10,000; 0 skips) postings into a fresh database, twice, with the service's retention job run
 * between as if its retention period had passed: bytes and rows per 10,000 postings. `--soak S`
 * (default 0, off) adds S seconds of mixed postings and reads on the big database, RSS sampled.
 *
 * Many communities (#15): `--communities N` (default 10) and `--community-members M` (default 200
 * each) size the PostgreSQL figure of HTTP postings with one and with two service instances on one
 * database, clients spread over the N communities, beside the raw PostgreSQL rate of the same run.
 * `--only communities|pg|growth` runs that phase alone (a quick check:
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
const READS = Number(args.get('reads') ?? 2000);
const GROWTH = Number(args.get('growth') ?? 10_000);
const SOAK = Number(args.get('soak') ?? 0);
const HEAP_CAP = args.get('heap-cap');
const SNAPSHOT_DIR = args.get('heap-snapshots');
const ONLY = args.get('only');
const CLIENTS = 32;
const PASSWORD = 'bench-admin-pass';
const RSS_TARGET_MB = 300;
const STARTUP_TARGET_MS = 3000;

/** figure, measured, target, verdict ('met', 'missed' or '' when there is no target). */
const rows: [string, string, string, string][] = [];
const report = (what: string, value: string, target: string, met?: boolean): void => {
  const verdict = met === undefined ? '' : met ? 'met' : '**missed**';
  rows.push([what, value, target, verdict]);
  console.log(`  ${what}: ${value}  (${target}${verdict ? `: ${verdict}` : ''})`);
};
/** A ratio to a limit, judged against its target: `0.42 of raw (target >= 0.5)`. */
const atLeast = (what: string, value: string, ratio: number, of: string, target: number) =>
  report(what, value, `${ratio.toFixed(2)} of ${of} (target ≥ ${target})`, ratio >= target);

function percentile(sorted: number[], p: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
}
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(2)} MB`;
const rate = (r: {
  rate: number;
  p50: number;
  p99: number;
  failed: number;
  clientCores?: number;
}): string =>
  `${r.rate.toFixed(0)}/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, refused ${r.failed}` +
  (r.clientCores === undefined ? '' : `, load generator ${r.clientCores.toFixed(2)} cores`);
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
  /** Where the memory probe appends a line on SIGWINCH. */
  memoryOut: string;
}

/**
 * The node flags of `npm start` (package.json), without its heap cap unless --heap-cap: the peak
 * RSS target holds without one.
 */
const START_FLAGS = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--') && !word.startsWith('--max-old-space-size'));

/** Services the bench itself is stopping (any other exit is reported). */
const stopping = new Set<ChildProcess>();

/** Scratch folder of the run (the probes' files), set by main. */
let runDir = tmpdir();

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
  const memoryOut = join(runDir, `memory-${port}.jsonl`);
  const started = performance.now();
  const flags = ['--require', join(__dirname, 'memory-probe.js'), ...START_FLAGS];
  if (HEAP_CAP) {
    flags.push(`--max-old-space-size=${HEAP_CAP}`);
  }
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
      BENCH_MEMORY_OUT: memoryOut,
      ...(SNAPSHOT_DIR ? { BENCH_HEAP_SNAPSHOT_DIR: SNAPSHOT_DIR } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  proc.once('exit', (code, signal) => {
    if (!stopping.has(proc)) {
      console.log(`    service on port ${port} exited unasked: code ${code}, signal ${signal}`);
    }
  });
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
  return {
    proc,
    base,
    startupMs,
    auth: `Bearer ${(login.body as { token: string }).token}`,
    memoryOut,
  };
}

/**
 * The load's HTTP client: node:http on keep-alive connections (one per client loop), which costs the
 * load generator a fraction of the CPU of `fetch`, so on two shared cores the service is what is measured.
 */
const keepAlive = new Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });

async function post(
  base: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const payload = Buffer.from(JSON.stringify(body));
  const res = await send('POST', base + path, payload, {
    'content-type': 'application/json',
    'content-length': String(payload.length),
    ...headers,
  });
  return { status: res.status, body: JSON.parse(res.text) as unknown };
}

/** One request on the load's keep-alive connections; the status and the body as text. */
function send(
  method: 'GET' | 'POST',
  target: string,
  payload: Buffer | null,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const url = new URL(target);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent: keepAlive,
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

function memoryMb(proc: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
const peakRssMb = (proc: ChildProcess): number => memoryMb(proc, 'VmHWM');

/**
 * Peak RSS so far and what the service's memory probe says now (RSS, V8 heap used of total,
 * external: Buffers and native allocations V8 knows of), printed after each phase to show which
 * one raises it; with --heap-snapshots, also the snapshot it wrote.
 */
async function notePeak(server: Server, phase: string): Promise<Probe | undefined> {
  const peak = peakRssMb(server.proc);
  const m = await probe(server);
  console.log(
    `    (after ${phase}: peak RSS ${peak.toFixed(0)} MB` +
      (m
        ? `; now RSS ${m.rss} MB, heap ${m.heapUsed} of ${m.heapTotal} MB, external ${m.external} MB; anonymous ${m.rssAnon}, file ${m.rssFile}, shared ${m.rssShmem} MB` +
          (m.snapshot ? `, snapshot ${m.snapshot}` : '')
        : '') +
      ')',
  );
  return m;
}

/** What the service's probe (bench/memory-probe.ts) answers to one SIGWINCH. */
interface Probe {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  rssAnon: number;
  rssFile: number;
  rssShmem: number;
  /** The service's CPU time so far (user and system). */
  cpuMs: number;
  /** Time inside better-sqlite3 so far (statements and exec), and the number of such calls. */
  sqliteMs: number;
  sqliteCalls: number;
  snapshot?: string;
}

async function probe(server: Server): Promise<Probe | undefined> {
  const lines = () =>
    existsSync(server.memoryOut)
      ? readFileSync(server.memoryOut, 'utf8').trim().split('\n').filter(Boolean)
      : [];
  const before = lines().length;
  server.proc.kill('SIGWINCH');
  const deadline = performance.now() + (SNAPSHOT_DIR ? 120_000 : 5_000);
  while (lines().length === before && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const last = lines()[before];
  return last ? (JSON.parse(last) as Probe) : undefined;
}

/**
 * What one request of a load phase cost the service, between two probes: its CPU time and the
 * part of it inside SQLite, and the rates each would allow alone on one core (the service runs on
 * one thread): the SQLite part is the ceiling no change outside the database can pass.
 */
function reportCost(
  what: string,
  before: Probe | undefined,
  after: Probe | undefined,
  requests: number,
  rawRate: number,
): void {
  if (!before || !after || requests === 0) {
    return;
  }
  const cpu = (after.cpuMs - before.cpuMs) / requests;
  const db = (after.sqliteMs - before.sqliteMs) / requests;
  const calls = (after.sqliteCalls - before.sqliteCalls) / requests;
  report(
    `service time a request, ${what}`,
    `CPU ${cpu.toFixed(3)} ms; inside SQLite ${db.toFixed(3)} ms (${calls.toFixed(1)} calls; wall time, the commit's disk wait included)`,
    `one thread at that CPU allows ${(1000 / cpu).toFixed(0)}/s (${(1000 / cpu / rawRate).toFixed(2)} of raw); SQLite's part alone ${(1000 / db).toFixed(0)}/s (${(1000 / db / rawRate).toFixed(2)} of raw)`,
  );
}

/**
 * CLIENTS concurrent loops for `seconds` (0: no time limit) and at most `count` requests; returns
 * the rate of 2xx answers and latency percentiles.
 */
async function load(seconds: number, send: (i: number) => Promise<number>, count = Infinity) {
  const lat: number[] = [];
  let ok = 0;
  let failed = 0;
  let counter = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while ((seconds === 0 || performance.now() < end) && counter < count) {
        const t0 = performance.now();
        let status: number;
        try {
          status = await send(counter++);
        } catch (err) {
          // A connection the service dropped counts as refused; the first one says why.
          if (!failed) {
            const cause = (err as { cause?: Error }).cause;
            console.log(`    first failed request: ${String(err)} ${cause?.message ?? ''}`);
          }
          status = 0;
        }
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
  const used = process.cpuUsage(cpu);
  lat.sort((a, b) => a - b);
  return {
    rate: ok / elapsed,
    requests: ok + failed,
    failed,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    // The load generator's own CPU, in cores: near 1 it, not the service, would be the limit.
    clientCores: (used.user + used.system) / 1e6 / elapsed,
  };
}

/** One passbook page read (balance, year totals, first statement page); its latency. */
async function readOnce(server: Server, passbooks: string[], i: number): Promise<number> {
  const no = passbooks[(i * 7919) % passbooks.length];
  const t0 = performance.now();
  const res = await send('GET', `${server.base}/api/passbooks/${no}?limit=20`, null, {
    authorization: server.auth,
  });
  const took = performance.now() - t0;
  if (res.status !== 200) {
    throw new Error(`passbook read answered ${res.status}`);
  }
  return took;
}

/**
 * `n` sequential reads on each of two services, interleaved one for one (so a busy moment of the
 * machine falls on both alike) after `warm` unmeasured reads on each.
 */
async function readLatencies(
  a: Community & { server: Server },
  b: Community & { server: Server },
  n: number,
  warm: number,
) {
  for (let i = 0; i < warm; i++) {
    await readOnce(a.server, a.passbooks, n + i);
    await readOnce(b.server, b.passbooks, n + i);
  }
  const la: number[] = [];
  const lb: number[] = [];
  for (let i = 0; i < n; i++) {
    la.push(await readOnce(a.server, a.passbooks, i));
    lb.push(await readOnce(b.server, b.passbooks, i));
  }
  const stats = (lat: number[]) => {
    lat.sort((x, y) => x - y);
    return { p50: percentile(lat, 50), p99: percentile(lat, 99), max: lat[lat.length - 1] };
  };
  return [stats(la), stats(lb)];
}

// One formatter: building an Intl.DateTimeFormat per request cost the load generator 0.2 ms each.
const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
function today(): string {
  return shanghaiDate.format(new Date());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-bench-'));
  runDir = dir;
  const servers: Server[] = [];
  const [l1, l5, l15] = loadavg();
  console.log(
    `bench: ${process.argv.slice(2).join(' ') || '(defaults)'}; ${new Date().toISOString()}; load average ${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)}; service flags ${START_FLAGS.join(' ')}, heap cap ${HEAP_CAP ? `${HEAP_CAP} MB` : 'none'}`,
  );
  try {
    if (ONLY === 'communities') {
      await communitiesPhase(PG_URL, servers);
    } else if (ONLY === 'pg') {
      await postgresPhase(PG_URL, servers);
    } else if (ONLY === 'growth') {
      await growthPhase(dir, servers);
    } else {
      await sqlitePhase(dir, servers);
      if (GROWTH > 0) {
        await growthPhase(dir, servers);
      }
      if (PG_URL !== 'off') {
        await postgresPhase(PG_URL, servers);
        await communitiesPhase(PG_URL, servers);
      }
    }
    printTable();
  } finally {
    await Promise.all(servers.map(stopServer));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A service-record posting of today's patrol for `memberId` (idempotency key `key`). */
async function postPatrol(server: Server, memberId: number, key: string, auth = server.auth) {
  return post(
    server.base,
    '/api/service-records',
    {
      memberId,
      itemCode: 'daily_patrol',
      quantity: '1',
      serviceDate: today(),
      // The load repeats a member's patrol of the day on purpose: each a real posting.
      confirmDuplicate: true,
    },
    { authorization: auth, 'idempotency-key': key },
  );
}

/** An open redemption window and a catalog item of price 1.00 with ample stock; the item's id. */
async function openShop(server: Server): Promise<number> {
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
  if (window.status !== 201 || item.status !== 201) {
    throw new Error(`shop setup failed: ${window.status} ${item.status}`);
  }
  return (item.body as { id: number }).id;
}

async function redeem(server: Server, passbookNo: string, itemId: number, key: string) {
  return post(
    server.base,
    '/api/redemptions',
    { passbookNo, lines: [{ catalogItemId: itemId, quantity: 1 }] },
    { authorization: server.auth, 'idempotency-key': key },
  );
}

/** The SQLite figures on the big synthetic community (and the small one for the read ratio). */
async function sqlitePhase(dir: string, servers: Server[]): Promise<void> {
  console.log(`Building the community: ${MEMBERS} members, ${TRANSACTIONS} transactions …`);
  let t0 = performance.now();
  const big: Community = await buildCommunity(join(dir, 'big.sqlite'), MEMBERS, TRANSACTIONS);
  console.log(`  built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const small = await buildCommunity(join(dir, 'small.sqlite'), 100, 1000);

  console.log('Raw limit (better-sqlite3, WAL, synchronous=FULL, insert entry + update balance):');
  const raw = rawTransactionsPerSecond(dir, 3);
  report(
    'raw better-sqlite3 transactions',
    `${raw.rate.toFixed(0)}/s, p99 ${ms(raw.p99)}`,
    'the limit',
  );

  const server = await startServer(big, { cpuProfDir: CPU_PROF_DIR });
  servers.push(server);
  report(
    `start-up to healthy on the big database (${TRANSACTIONS} transactions)`,
    ms(server.startupMs),
    'target < 3 s',
    server.startupMs < STARTUP_TARGET_MS,
  );
  await notePeak(server, 'start-up');

  console.log(`HTTP with ${CLIENTS} concurrent clients for ${SECONDS} s each:`);
  const beforePostings = await probe(server);
  const postings = await load(SECONDS, async (i) => {
    const res = await postPatrol(
      server,
      big.memberIds[(i * 7) % big.memberIds.length],
      `bench-sr-${i}`,
    );
    return res.status;
  });
  atLeast(
    'service-record postings over HTTP',
    rate(postings),
    postings.rate / raw.rate,
    'raw',
    0.5,
  );
  const afterPostings = await notePeak(server, 'postings');
  reportCost('postings', beforePostings, afterPostings, postings.requests, raw.rate);

  const itemId = await openShop(server);
  const beforeRedemptions = await probe(server);
  const redemptions = await load(SECONDS, async (i) => {
    const res = await redeem(
      server,
      big.passbooks[(i * 13) % big.passbooks.length],
      itemId,
      `bench-rd-${i}`,
    );
    return res.status;
  });
  atLeast('redemptions over HTTP', rate(redemptions), redemptions.rate / raw.rate, 'raw', 0.5);
  const afterRedemptions = await notePeak(server, 'redemptions');
  reportCost('redemptions', beforeRedemptions, afterRedemptions, redemptions.requests, raw.rate);

  // The reads come after the write load: fold its WAL into the file first, as SQLite's own
  // checkpoint would shortly, so the read figure is of the database, not of a long WAL.
  const checkpoint = new Database(big.path);
  const [folded] = checkpoint.pragma('wal_checkpoint(TRUNCATE)') as { log: number }[];
  checkpoint.close();
  const smallServer = await startServer(small);
  servers.push(smallServer);
  const warm = Math.min(500, READS);
  console.log(
    `Reads: passbook page (balance, year totals, first statement page), ${READS} sequential requests on each database, interleaved, after ${warm} warm-up reads each and a WAL checkpoint (${folded?.log ?? 0} pages):`,
  );
  const [bigRead, smallRead] = await readLatencies(
    { ...big, server },
    { ...small, server: smallServer },
    READS,
    warm,
  );
  report(
    'passbook page at 1,000 transactions',
    `p50 ${ms(smallRead.p50)}, p99 ${ms(smallRead.p99)}, max ${ms(smallRead.max)}`,
    'baseline',
  );
  const p50 = bigRead.p50 / smallRead.p50;
  const p99 = bigRead.p99 / smallRead.p99;
  report(
    `passbook page at ${TRANSACTIONS} transactions`,
    `p50 ${ms(bigRead.p50)}, p99 ${ms(bigRead.p99)}, max ${ms(bigRead.max)}`,
    `p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}× the baseline (target ≤ 1.5 each)`,
    p50 <= 1.5 && p99 <= 1.5,
  );
  await notePeak(server, 'reads');

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
    'year-end rating run (HTTP)',
    ms(ratingMs),
    `${(ratingMs / handMs).toFixed(2)}× one hand-written GROUP BY (${ms(handMs)}) (target ≤ 2)`,
    ratingMs / handMs <= 2,
  );
  await notePeak(server, 'rating');

  console.log('Verify:');
  t0 = performance.now();
  const verifyRes = await fetch(`${server.base}/api/ledger/verify`, {
    headers: { authorization: server.auth },
  });
  const verify = (await verifyRes.json()) as { ok: boolean; transactions: number };
  const verifyS = (performance.now() - t0) / 1000;
  report(
    'verify (chain, balances, year totals)',
    `${(verify.transactions / verifyS).toFixed(0)} transactions/s (${verify.transactions} transactions, ok: ${verify.ok})`,
    'no target; ok must be true',
    verify.ok,
  );
  await notePeak(server, 'verify');

  if (SOAK > 0) {
    await soak(server, big, itemId);
  }
  const peak = peakRssMb(server.proc);
  report(
    `peak RSS of the service (${HEAP_CAP ? `heap cap ${HEAP_CAP} MB` : 'no heap cap'}${SNAPSHOT_DIR ? ', heap snapshots taken: not the figure' : ''})`,
    `${peak.toFixed(0)} MB`,
    `target < ${RSS_TARGET_MB} MB`,
    peak < RSS_TARGET_MB,
  );
  await stopServer(smallServer);
}

/** SOAK seconds of postings, redemptions and reads together on the big service, RSS sampled every 5 s. */
async function soak(server: Server, big: Community, itemId: number): Promise<void> {
  console.log(
    `Soak: ${SOAK} s of postings, redemptions and passbook reads (${CLIENTS} clients), RSS every 5 s:`,
  );
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const rss = memoryMb(server.proc, 'VmRSS');
    samples.push(rss);
    console.log(`    ${samples.length * 5} s: RSS ${rss.toFixed(0)} MB`);
  }, 5000);
  let result;
  try {
    result = await load(SOAK, async (i) => {
      const kind = i % 3;
      if (kind === 0) {
        return (
          await postPatrol(server, big.memberIds[(i * 7) % big.memberIds.length], `bench-soak-${i}`)
        ).status;
      }
      if (kind === 1) {
        return (
          await redeem(
            server,
            big.passbooks[(i * 13) % big.passbooks.length],
            itemId,
            `bench-soak-${i}`,
          )
        ).status;
      }
      await readOnce(server, big.passbooks, i);
      return 200;
    });
  } finally {
    clearInterval(sampler);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  report(
    `soak ${SOAK} s (mixed load)`,
    `${result.rate.toFixed(0)} requests/s, refused ${result.failed}; RSS min ${sorted[0]?.toFixed(0)} / last ${samples.at(-1)?.toFixed(0)} / max ${sorted.at(-1)?.toFixed(0)} MB`,
    `target: flat over the second half, < ${RSS_TARGET_MB} MB`,
    (sorted.at(-1) ?? Infinity) < RSS_TARGET_MB &&
      (samples.at(-1) ?? 0) - (samples[Math.floor(samples.length / 2)] ?? 0) < 5,
  );
  await notePeak(server, 'soak');
}

/**
 * Growth (SQLite): GROWTH postings over HTTP into a fresh database, the service's retention job run
 * as if its period had passed, then GROWTH more: the books grow by the same bytes each round (they
 * are never pruned), the idempotency records go back to none after each prune, and the second
 * round reuses the pages they freed before the file grows.
 */
async function growthPhase(dir: string, servers: Server[]): Promise<void> {
  const community = await buildCommunity(join(dir, 'growth.sqlite'), 1000, 0);
  const days = idempotencyRetentionDays();
  console.log(
    `Growth: ${GROWTH} postings over HTTP into a fresh database, the retention job as if ${days + 1} days had passed, ${GROWTH} more:`,
  );
  const per = 10_000 / GROWTH;
  const sizes = [sqliteSize(community.path)];
  const prunes = [];
  for (let round = 1; round <= 2; round++) {
    const server = await startServer(community);
    servers.push(server);
    const result = await load(
      0,
      async (i) =>
        (
          await postPatrol(
            server,
            community.memberIds[i % community.memberIds.length],
            `bench-growth-${round}-${i}`,
          )
        ).status,
      GROWTH,
    );
    await stopServer(server);
    if (result.failed > 0) {
      throw new Error(`growth round ${round}: ${result.failed} postings refused`);
    }
    sizes.push(sqliteSize(community.path));
    prunes.push(await pruneAsIf(community.path, days + 1));
    sizes.push(sqliteSize(community.path));
  }
  const [start, r1, p1, r2, p2] = sizes;
  const ledger = (s: typeof start) => sum(s, LEDGER_TABLES);
  const idem = (s: typeof start) => sum(s, ['idempotency_keys']);
  const grown1 = ledger(r1).bytes - ledger(start).bytes;
  const grown2 = ledger(r2).bytes - ledger(p1).bytes;
  report(
    'ledger growth per 10,000 postings (transactions, postings, service records, balances, year totals; never pruned)',
    `${mb(grown1 * per)} (${((ledger(r1).rows - ledger(start).rows) * per).toFixed(0)} rows, ${(grown1 / GROWTH).toFixed(0)} bytes a posting); second round ${mb(grown2 * per)}`,
    'linear: the same each round',
    Math.abs(grown2 - grown1) <= 0.1 * grown1,
  );
  report(
    'idempotency records per 10,000 postings',
    `${mb((idem(r1).bytes - idem(start).bytes) * per)} (${((idem(r1).rows - idem(start).rows) * per).toFixed(0)} rows); after the retention job ${idem(p1).rows} rows (pruned ${prunes[0].idempotencyKeys}), after the second round ${idem(r2).rows}, after the second prune ${idem(p2).rows} (pruned ${prunes[1].idempotencyKeys})`,
    `bounded: back to none once ${days} days (IDEMPOTENCY_RETENTION_DAYS) have passed`,
    idem(p1).rows === 0 && idem(p2).rows === 0,
  );
  const file1 = r1.fileBytes - start.fileBytes;
  const file2 = r2.fileBytes - p1.fileBytes;
  report(
    'database file growth per 10,000 postings',
    `first round ${mb(file1 * per)}, second round ${mb(file2 * per)} (${mb(p1.freeBytes)} freed by the prune and reused first); ${mb(p2.freeBytes)} free after the second prune`,
    'the second round grows by the books only',
    file2 < file1,
  );
}

function printTable(): void {
  console.log('\n| figure | measured | target | verdict |\n|---|---|---|---|');
  for (const [a, b, c, d] of rows) {
    console.log(`| ${a} | ${b} | ${c} | ${d} |`);
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

/**
 * The HTTP figures on PostgreSQL beside the raw PostgreSQL rate, in a database of its own: postings
 * through one service instance, then through two on the same database (alternate requests to
 * each), then redemptions through one, by the members the postings paid.
 */
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
  const started: Server[] = [];
  try {
    console.log(`PostgreSQL (database ${name}, dropped afterwards):`);
    const raw = await rawPostgresPerSecond(url, 3, 10);
    report(
      'raw PostgreSQL transactions (same work, 10 connections)',
      `${raw.rate.toFixed(0)}/s, p99 ${ms(raw.p99)}`,
      'the PostgreSQL limit',
    );
    const first = await startServer({ url });
    started.push(first);
    servers.push(first);
    const memberIds = await seedPostgresMembers(url, 2000);
    // One entry per posting that paid 1.00: a redemption (price 1.00) per entry, so none is
    // refused for want of points however fast the redemptions run.
    const paid: number[] = [];
    const run = (instances: Server[], phase: string) =>
      load(SECONDS, async (i) => {
        const index = (i * 7) % memberIds.length;
        const server = instances[i % instances.length];
        const res = await postPatrol(server, memberIds[index], `bench-${phase}-${i}`);
        if (res.status === 201) {
          paid.push(index);
        }
        return res.status;
      });
    const one = await run([first], 'pg1');
    atLeast(
      'service-record postings on PostgreSQL, 1 instance',
      rate(one),
      one.rate / raw.rate,
      'raw PostgreSQL',
      0.5,
    );
    await notePeak(first, 'PostgreSQL postings');
    const second = await startServer({ url });
    started.push(second);
    servers.push(second);
    const two = await run([first, second], 'pg2');
    atLeast(
      'service-record postings on PostgreSQL, 2 instances',
      `${rate(two)}; ${(two.rate / one.rate).toFixed(2)}× one instance`,
      two.rate / raw.rate,
      'raw PostgreSQL',
      0.5,
    );
    await stopServer(second);
    const itemId = await openShop(first);
    const payees = paid.map((index) => passbookFor(index));
    const redemptions = await load(
      SECONDS,
      async (i) => (await redeem(first, payees[i], itemId, `bench-pgrd-${i}`)).status,
      payees.length,
    );
    atLeast(
      'redemptions on PostgreSQL, 1 instance',
      rate(redemptions),
      redemptions.rate / raw.rate,
      'raw PostgreSQL',
      0.5,
    );
    await notePeak(first, 'PostgreSQL redemptions');
  } finally {
    for (const server of started) {
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
    // Statistics first, as autovacuum takes them within a minute of such a load: on tables the
    // planner still believes empty it nests loops (628 ms against 6 ms for one community's year
    // totals at 2,936 transactions, 2026-12-03).
    const analyze = new Client({ connectionString: url });
    await analyze.connect();
    await analyze.query('ANALYZE');
    await analyze.end();
    let bad = 0;
    let transactions = 0;
    let slowest = 0;
    for (const c of communities) {
      const t0 = performance.now();
      const res = await fetch(`${first.base}/api/ledger/verify`, {
        headers: { authorization: tokens.get(c.id)! },
      });
      const body = (await res.json()) as { ok: boolean; transactions?: number };
      slowest = Math.max(slowest, performance.now() - t0);
      transactions += body.transactions ?? 0;
      if (!body.ok) {
        if (!bad) {
          console.log(`    community ${c.id} not ok: ${res.status} ${JSON.stringify(body)}`);
        }
        bad++;
      }
    }
    report(
      `verify of the ${COMMUNITIES} communities after the load`,
      `${COMMUNITIES - bad} of ${COMMUNITIES} ok, ${transactions} transactions; slowest ${ms(slowest)}`,
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
  stopping.add(server.proc);
  const exited = new Promise((r) => server.proc.once('exit', r));
  server.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

main().catch((err: unknown) => {
  console.error('bench failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
