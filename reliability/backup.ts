import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildCommunity } from '../bench/synthetic';
import { call, login, startServer, stopServer } from './server';

/**
 * `npm run reliability:backup [-- --transactions 300000 --rate 20 --bound-seconds 120]`: a big
 * database (bench/synthetic.ts) under steady service-record writes over HTTP while `db:backup`
 * copies it. The backup must finish within the bound, open, pass integrity_check and verify, hold
 * every write acknowledged before it started, hold only acknowledged writes, and be a prefix of the
 * live ledger (same hash at its last seq). `--db <file>` reuses (and grows) a database.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const TRANSACTIONS = Number(args.get('transactions') ?? 300_000);
const MEMBERS = Number(args.get('members') ?? 2000);
const RATE = Number(args.get('rate') ?? 20);
const BOUND_S = Number(args.get('bound-seconds') ?? 120);
const BEFORE_S = Number(args.get('before-seconds') ?? 5);
const AFTER_S = Number(args.get('after-seconds') ?? 5);
const PORT = Number(args.get('port') ?? 4210);

interface Write {
  key: string;
  sentAt: number;
  ackAt?: number;
  status?: number;
  transactionId?: string;
}

function run(
  file: string,
  argv: string[],
  env: Record<string, string>,
  boundMs: number,
): Promise<{ code: number | null; out: string; ms: number; timedOut: boolean }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [file, ...argv], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (out += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill('SIGKILL');
    }, boundMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out: out.trim(), ms: performance.now() - started, timedOut });
    });
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-backup-load-'));
  const dbPath = args.get('db') ?? join(dir, 'big.sqlite');
  const failures: string[] = [];
  try {
    if (!existsSync(dbPath)) {
      const t0 = performance.now();
      await buildCommunity(dbPath, MEMBERS, TRANSACTIONS);
      console.log(
        `built ${TRANSACTIONS} transactions, ${MEMBERS} members in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const live = new Database(dbPath, { readonly: true });
    const memberIds = (live.prepare('SELECT id FROM members').all() as { id: number }[]).map(
      (r) => r.id,
    );
    const startSeq = (
      live.prepare('SELECT MAX(seq) AS m FROM ledger_transactions').get() as {
        m: number;
      }
    ).m;
    live.close();
    const server = await startServer(dbPath, PORT);
    const writes: Write[] = [];
    let target = '';
    let backup: Awaited<ReturnType<typeof run>> | undefined;
    let backupStart = 0;
    let backupEnd = 0;
    try {
      const auth = await login(server.base);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      );
      let stop = false;
      let n = 0;
      const runId = randomBytes(4).toString('hex');
      const inFlight = new Set<Promise<void>>();
      // Open loop: a write every 1/RATE s whatever the answers, as a busy day's counters would.
      const writer = (async () => {
        const t0 = performance.now();
        while (!stop) {
          // A key of this run only: a database reused with --db already holds earlier runs' keys,
          // which would replay their old answers instead of writing.
          const w: Write = { key: `backup-load-${runId}-${n}`, sentAt: performance.now() };
          const memberId = memberIds[n % memberIds.length];
          n++;
          writes.push(w);
          const p = call(
            server.base,
            'POST',
            '/api/service-records',
            // A member patrols many times a day in this load, on purpose: each a real posting.
            {
              memberId,
              itemCode: 'daily_patrol',
              quantity: '0.5',
              serviceDate: today,
              confirmDuplicate: true,
            },
            { authorization: auth, 'idempotency-key': w.key },
          )
            .then((a) => {
              w.ackAt = performance.now();
              w.status = a.status;
              w.transactionId = a.body.transactionId as string | undefined;
            })
            .catch(() => undefined)
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
          const due = t0 + (n * 1000) / RATE;
          await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        }
        await Promise.all(inFlight);
      })();

      await new Promise((r) => setTimeout(r, BEFORE_S * 1000));
      target = join(dir, 'backup.sqlite');
      backupStart = performance.now();
      backup = await run(
        'dist/src/cli/backup.js',
        [target],
        { DATABASE_PATH: dbPath },
        BOUND_S * 1000,
      );
      backupEnd = performance.now();
      await new Promise((r) => setTimeout(r, AFTER_S * 1000));
      stop = true;
      await writer;
    } finally {
      await stopServer(server);
    }

    const acked = writes.filter((w) => w.status === 201);
    const refused = writes.filter((w) => w.status !== undefined && w.status !== 201);
    const unanswered = writes.filter((w) => w.status === undefined);
    const during = acked.filter((w) => w.sentAt >= backupStart && w.sentAt <= backupEnd);
    const latency = (ws: Write[]) => ws.map((w) => w.ackAt! - w.sentAt);
    const beforeBackup = acked.filter((w) => w.sentAt < backupStart);
    console.log(backup?.out ?? '');
    if (!backup || backup.timedOut || backup.code !== 0) {
      failures.push(
        `backup did not finish within ${BOUND_S} s (exit ${backup?.code}, ${((backup?.ms ?? 0) / 1000).toFixed(1)} s)`,
      );
    }
    if (refused.length + unanswered.length > 0) {
      failures.push(`${refused.length} writes refused, ${unanswered.length} unanswered`);
    }
    if (during.length === 0) {
      failures.push('no write was acknowledged while the backup ran');
    }

    let backupTransactions = 0;
    if (backup?.code === 0) {
      const verify = await run('dist/src/cli/verify.js', [target], { CONFIG_DIR: dir }, 600_000);
      if (verify.code !== 0) {
        failures.push(`verify of the backup: exit ${verify.code} ${verify.out.slice(0, 300)}`);
      }
      const copy = new Database(target, { readonly: true, fileMustExist: true });
      const integrity = copy.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') {
        failures.push(`integrity_check of the backup: ${String(integrity)}`);
      }
      const last = copy
        .prepare('SELECT seq, hash FROM ledger_transactions ORDER BY seq DESC LIMIT 1')
        .get() as { seq: number; hash: string };
      backupTransactions = last.seq;
      const inCopy = new Set(
        (
          copy.prepare('SELECT id FROM ledger_transactions WHERE seq > ?').all(startSeq) as {
            id: string;
          }[]
        ).map((r) => r.id),
      );
      copy.close();
      const liveDb = new Database(dbPath, { readonly: true });
      const liveHash = liveDb
        .prepare('SELECT hash FROM ledger_transactions WHERE seq = ?')
        .get(last.seq) as { hash: string } | undefined;
      liveDb.close();
      if (liveHash?.hash !== last.hash) {
        failures.push(`the backup is not a prefix of the live ledger at seq ${last.seq}`);
      }
      const ackedIds = new Set(acked.map((w) => w.transactionId));
      const missing = acked.filter(
        (w) => w.ackAt! < backupStart && !inCopy.has(w.transactionId!),
      ).length;
      if (missing > 0) {
        failures.push(`${missing} writes acknowledged before the backup started are not in it`);
      }
      const foreign = [...inCopy].filter((id) => !ackedIds.has(id)).length;
      if (foreign > 0) {
        failures.push(`${foreign} transactions in the backup were never acknowledged`);
      }
      console.log(
        `backup holds ${backupTransactions} transactions: all ${acked.filter((w) => w.ackAt! < backupStart).length} acknowledged before it started, ${inCopy.size} of the load in all`,
      );
    }
    console.log(
      JSON.stringify(
        {
          startTransactions: startSeq,
          backupSeconds: Number(((backup?.ms ?? 0) / 1000).toFixed(2)),
          backupTransactions,
          writesAcked: acked.length,
          writesDuringBackup: during.length,
          rateTarget: RATE,
          latencyMsBefore: {
            p50: Math.round(percentile(latency(beforeBackup), 50)),
            p99: Math.round(percentile(latency(beforeBackup), 99)),
          },
          latencyMsDuringBackup: {
            p50: Math.round(percentile(latency(during), 50)),
            p99: Math.round(percentile(latency(during), 99)),
            max: Math.round(percentile(latency(during), 100)),
          },
          // When the slowest writes were sent, in seconds from the start of the backup.
          slowestSentAtS: [...during]
            .sort((a, b) => b.ackAt! - b.sentAt - (a.ackAt! - a.sentAt))
            .slice(0, 5)
            .map((w) => Number(((w.sentAt - backupStart) / 1000).toFixed(1))),
          failures,
        },
        null,
        2,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`FAILED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('backup under load: ok');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
