import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Answer, call, login, RunningServer, startServer, stopServer } from './server';
import { SETTLE_MS } from '../src/common/db/storage-failure';

/**
 * The bank test over HTTP (`npm run reliability:bank`) and, with --kills N, the crash test
 * (`npm run reliability:crash`): concurrent clients earn, redeem, donate and reverse with random
 * retries of the same Idempotency-Key; afterwards every balance sums to zero, no passbook is
 * negative, every acknowledged operation is in the ledger exactly once, no refused one is, and
 * verify passes. In crash mode the server is killed with SIGKILL at random moments and restarted.
 *
 * With --disk-full <MB> (`npm run reliability:disk-full`) the database lives on a tmpfs of that size
 * (mounted here; needs root): after a quarter of the operations a ballast file fills it, writes are
 * answered 503 STORAGE_UNAVAILABLE, health says degraded; then the ballast goes and writes succeed
 * again without a restart. After a restart every acknowledged operation is there, no refused one is,
 * and the service logged one line per incident.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
}
const OPS = Number(args.get('ops') ?? 10_000);
const CLIENTS = Number(args.get('clients') ?? 24);
const KILLS = Number(args.get('kills') ?? 0);
const MEMBERS = 40;
const HOUSEHOLDS = 4;
const PORT = Number(args.get('port') ?? 3950);
const DISK_FULL_MB = Number(args.get('disk-full') ?? 0);
const HOUR_ITEMS = [
  'daily_patrol',
  'cleanup',
  'door_to_door',
  'appliance_repair',
  'disability_assist',
];

type Kind = 'earn' | 'redeem' | 'donate' | 'reverse';
interface Outcome {
  key: string;
  kind: Kind;
  /** 2xx answer, a definitive 4xx refusal, or unknown (no answer before a kill and retries ran out). */
  result: 'acked' | 'refused' | 'unknown' | 'unavailable';
  transactionId?: string;
  redemptionId?: number;
}

// mulberry32: seeded, and random in its low bits too (a plain LCG taken modulo n is not).
let seed = Number(args.get('seed') ?? 20261121) | 0;
const rand = (n: number): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) % n;
};

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'passbook-bank-'));
  const dbPath = join(dir, 'bank.sqlite');
  if (DISK_FULL_MB && !mountTmpfs(dir, DISK_FULL_MB)) {
    rmSync(dir, { recursive: true, force: true });
    console.log('disk-full: SKIPPED, could not mount a tmpfs (needs root); npm test covers it');
    return;
  }
  const logLines: string[] = [];
  const serverEnv: Record<string, string> = DISK_FULL_MB ? { LOG_LEVEL: 'log' } : {};
  const onLine = DISK_FULL_MB ? (line: string) => logLines.push(line) : undefined;
  let server: RunningServer = await startServer(dbPath, PORT, serverEnv, onLine);
  let up = true;
  const failures: string[] = [];
  const full = {
    refused: 0,
    health: '',
    filledAt: 0,
    freedAt: 0,
    freedAtMs: 0,
    recoveredAfter: 0,
    ackedWhileFull: 0,
    done: false,
  };
  try {
    const auth = await login(server.base);
    const h = { authorization: auth };
    const must = async (p: Promise<Answer>, what: string): Promise<Answer> => {
      const a = await p;
      if (a.status >= 300) {
        throw new Error(`${what} failed: ${a.status} ${JSON.stringify(a.body)}`);
      }
      return a;
    };
    const members: { id: number; passbookNo: string }[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      const m = await must(
        call(server.base, 'POST', '/api/members', { name: `储户${i}`, kind: 'resident' }, h),
        'member',
      );
      members.push({ id: m.body.id as number, passbookNo: m.body.passbookNo as string });
    }
    const households: number[] = [];
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const hh = await must(
        call(
          server.base,
          'POST',
          '/api/households',
          { name: `困难户${i}`, hardship: 'elderly_alone' },
          h,
        ),
        'household',
      );
      households.push(hh.body.id as number);
    }
    const goods = await must(
      call(
        server.base,
        'POST',
        '/api/catalog-items',
        { name: '大米', kind: 'goods', price: '2.00', stock: 1_000_000 },
        h,
      ),
      'item',
    );
    const coupon = await must(
      call(
        server.base,
        'POST',
        '/api/catalog-items',
        { name: '家政服务券', kind: 'service_coupon', price: '3.00', stock: 1_000_000 },
        h,
      ),
      'coupon item',
    );
    await must(
      call(
        server.base,
        'POST',
        '/api/redemption-windows',
        {
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 6 * 3_600_000).toISOString(),
          note: 'bank test',
        },
        h,
      ),
      'window',
    );
    const setupTransactions = await ledgerCount(dbPath);

    const outcomes: Outcome[] = [];
    const refusals = new Map<string, number>();
    const ackedEarns: string[] = [];
    let next = 0;
    let replays = 0;
    const today = Date.now();

    const request = (kind: Kind): { method: string; path: string; body: unknown } => {
      const m = members[rand(MEMBERS)];
      switch (kind) {
        case 'earn': {
          const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
            new Date(today - rand(60) * 86_400_000),
          );
          return {
            method: 'POST',
            path: '/api/service-records',
            body: {
              memberId: m.id,
              itemCode: HOUR_ITEMS[rand(HOUR_ITEMS.length)],
              quantity: '1.5',
              serviceDate: date,
              // Random members, items and days repeat on purpose: each earn is a real one.
              confirmDuplicate: true,
            },
          };
        }
        case 'redeem':
          return {
            method: 'POST',
            path: '/api/redemptions',
            body: {
              passbookNo: m.passbookNo,
              lines: [{ catalogItemId: (rand(2) ? goods : coupon).body.id, quantity: 1 + rand(2) }],
            },
          };
        case 'donate':
          return {
            method: 'POST',
            path: '/api/donations',
            body: {
              householdId: households[rand(HOUSEHOLDS)],
              points: `${1 + rand(3)}.50`,
              passbookNo: m.passbookNo,
            },
          };
        case 'reverse': {
          const target = ackedEarns.length
            ? ackedEarns[rand(ackedEarns.length)]
            : '00000000-0000-4000-8000-000000000000';
          return {
            method: 'POST',
            path: `/api/ledger/transactions/${target}/reversal`,
            body: { reason: 'bank test correction' },
          };
        }
      }
    };

    /** Sends one operation until it has a definitive answer; replays must equal the first answer. */
    const perform = async (n: number): Promise<void> => {
      const roll = rand(100);
      const kind: Kind =
        roll < 45 ? 'earn' : roll < 70 ? 'redeem' : roll < 85 ? 'donate' : 'reverse';
      const key = `bank-${n}`;
      const r = request(kind);
      const headers = { ...h, 'idempotency-key': key };
      let first: Answer | undefined;
      const retries = rand(100) < 20 ? 1 + rand(2) : 0;
      for (
        let attempt = 0;
        attempt < 200 && (first === undefined || attempt <= retries);
        attempt++
      ) {
        let answer: Answer;
        try {
          answer = await call(server.base, r.method, r.path, r.body, headers);
        } catch {
          // The server was killed: wait for it and send the same key again.
          await new Promise((res) => setTimeout(res, 100));
          continue;
        }
        if (DISK_FULL_MB && answer.status === 503 && answer.body.code === 'STORAGE_UNAVAILABLE') {
          full.refused++;
          if (first === undefined) {
            // Nothing was recorded: checked below like any refusal.
            outcomes.push({ key, kind, result: 'unavailable' });
            return;
          }
          // A repeat that could not be answered now (its group could not commit): not a replay.
          continue;
        }
        if (answer.status >= 500) {
          failures.push(`${key} ${kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
          return;
        }
        if (first === undefined) {
          first = answer;
        } else {
          // A repeat answers exactly what the first answer was (refusals included), marked replayed.
          replays++;
          const same =
            answer.status === first.status &&
            JSON.stringify(answer.body) === JSON.stringify(first.body);
          if (!same || (first.status !== 400 && !answer.replayed)) {
            failures.push(`${key}: repeat answered ${answer.status} after ${first.status}`);
          }
        }
      }
      if (!first) {
        outcomes.push({ key, kind, result: 'unknown' });
        return;
      }
      if (first.status < 300) {
        const transactionId = first.body.transactionId as string | undefined;
        outcomes.push({
          key,
          kind,
          result: 'acked',
          transactionId,
          redemptionId: kind === 'redeem' ? (first.body.id as number) : undefined,
        });
        if (kind === 'earn' && transactionId) {
          ackedEarns.push(transactionId);
        }
      } else {
        outcomes.push({ key, kind, result: 'refused' });
        const code = `${kind} ${String(first.body.code)}`;
        refusals.set(code, (refusals.get(code) ?? 0) + 1);
      }
    };

    const killer = async (): Promise<void> => {
      for (let k = 0; k < KILLS; k++) {
        await new Promise((res) => setTimeout(res, 800 + rand(1500)));
        up = false;
        await stopServer(server, 'SIGKILL');
        server = await startServer(dbPath, PORT);
        up = true;
        console.log(`  killed and restarted (${k + 1}/${KILLS})`);
      }
    };

    /** Fills the tmpfs after a quarter of the operations, frees it after enough refusals. */
    const filler = async (): Promise<void> => {
      if (!DISK_FULL_MB) {
        return;
      }
      while (next < OPS / 4) {
        await new Promise((res) => setTimeout(res, 20));
      }
      const ballast = join(dir, 'ballast');
      fillDisk(ballast);
      full.filledAt = outcomes.length;
      const ackedAtFill = outcomes.filter((o) => o.result === 'acked').length;
      const deadline = Date.now() + 30_000;
      while (full.refused < Math.max(50, OPS / 10) && next < OPS * 0.7 && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 20));
      }
      const health = await call(server.base, 'GET', '/api/health');
      full.health = `${health.status} ${JSON.stringify(health.body.details ?? health.body)}`;
      full.ackedWhileFull = outcomes.filter((o) => o.result === 'acked').length - ackedAtFill;
      rmSync(ballast);
      full.freedAt = outcomes.length;
      full.freedAtMs = Date.now();
      full.done = true;
    };

    const started = performance.now();
    const filling = filler();
    const killing = killer();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < OPS) {
          await perform(next++);
        }
      }),
    );
    await killing;
    await filling;
    const seconds = (performance.now() - started) / 1000;
    if (!up) {
      throw new Error('server not up at the end');
    }

    // Invariants.
    const acked = outcomes.filter((o) => o.result === 'acked');
    const refused = outcomes.filter((o) => o.result === 'refused');
    const unknown = outcomes.filter((o) => o.result === 'unknown');
    const unavailable = outcomes.filter((o) => o.result === 'unavailable');
    if (DISK_FULL_MB) {
      if (!full.done || full.refused === 0) {
        failures.push(`the disk never got full (${full.refused} refusals)`);
      }
      if (!full.health.startsWith('503')) {
        failures.push(`health while full: ${full.health}`);
      }
      const afterFree = outcomes.slice(full.freedAt).filter((o) => o.result === 'acked').length;
      if (afterFree === 0) {
        failures.push('no write succeeded after the space was freed');
      }
      // The incident ends, its recovery is logged and health answers 200 once writes have gone
      // through for SETTLE_MS with no refusal (the next request after that notices).
      const deadline = Date.now() + SETTLE_MS + 15_000;
      let health = await call(server.base, 'GET', '/api/health');
      while (health.status !== 200 && Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 250));
        health = await call(server.base, 'GET', '/api/health');
      }
      full.recoveredAfter = (Date.now() - full.freedAtMs) / 1000;
      if (health.status !== 200) {
        failures.push(`health after freeing: ${health.status} ${JSON.stringify(health.body)}`);
      }
      // A restart: what was acknowledged must be on disk, not in a transaction of the old process.
      await stopServer(server);
      server = await startServer(dbPath, PORT, serverEnv, onLine);
    }
    const verify = await call(server.base, 'GET', '/api/ledger/verify', undefined, h);
    if (verify.body.ok !== true) {
      failures.push(`verify: ${JSON.stringify(verify.body)}`);
    }
    const trial = await call(server.base, 'GET', '/api/ledger/trial-balance', undefined, h);
    if (trial.body.ok !== true || trial.body.sum !== '0.00') {
      failures.push(`trial balance: ${JSON.stringify(trial.body)}`);
    }
    await stopServer(server);
    const db = new Database(dbPath, { readonly: true });
    const negative = db
      .prepare(
        "SELECT COUNT(*) AS c FROM balances b JOIN accounts a ON a.id = b.account_id WHERE a.kind IN ('member','household') AND b.balance < 0",
      )
      .get() as { c: number };
    if (negative.c !== 0) {
      failures.push(`${negative.c} passbooks are negative`);
    }
    const txExists = db.prepare('SELECT COUNT(*) AS c FROM ledger_transactions WHERE id = ?');
    for (const o of acked) {
      if (o.transactionId && (txExists.get(o.transactionId) as { c: number }).c !== 1) {
        failures.push(`${o.key}: acknowledged transaction ${o.transactionId} is not in the ledger`);
      }
    }
    const storedStatus = db.prepare(
      "SELECT status_code AS s FROM idempotency_keys WHERE principal = 'user:1' AND key = ?",
    );
    for (const o of outcomes) {
      const stored = (storedStatus.get(o.key) as { s: number } | undefined)?.s;
      if (o.result === 'acked' && !(stored !== undefined && stored < 300)) {
        failures.push(`${o.key}: acknowledged but no stored success`);
      }
      if (o.result === 'unavailable' && stored !== undefined) {
        failures.push(`${o.key}: answered 503 but its key was stored`);
      }
      if (o.result === 'refused' && stored !== undefined && stored < 300) {
        failures.push(`${o.key}: refused but a success was stored`);
      }
    }
    // Every ledger transaction after set-up belongs to exactly one acknowledged (or unknown) operation.
    const written = ledgerCountOpen(db) - setupTransactions;
    if (written < acked.length || written > acked.length + unknown.length) {
      failures.push(
        `ledger has ${written} transactions for ${acked.length} acknowledged and ${unknown.length} unknown operations`,
      );
    }
    db.close();

    const byKind = (k: Kind) =>
      `${k} ${acked.filter((o) => o.kind === k).length}/${outcomes.filter((o) => o.kind === k).length}`;
    console.log(
      `${DISK_FULL_MB ? 'disk-full' : KILLS ? 'crash' : 'bank'} test: ${outcomes.length} operations in ${seconds.toFixed(1)} s by ${CLIENTS} clients` +
        ` (${(outcomes.length / seconds).toFixed(0)}/s); acknowledged ${acked.length}, refused ${refused.length}, unknown ${unknown.length};` +
        ` ${byKind('earn')}, ${byKind('redeem')}, ${byKind('donate')}, ${byKind('reverse')}; ${replays} replays; kills ${KILLS}`,
    );
    console.log(`  refusals: ${[...refusals].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    if (DISK_FULL_MB) {
      const incidents = logLines.filter((l) => l.includes('storage unavailable')).length;
      const recoveries = logLines.filter((l) => l.includes('storage available again')).length;
      const stacks = logLines.filter((l) => /^\s+at /.test(l)).length;
      console.log(
        `  disk full (${DISK_FULL_MB} MB tmpfs) after ${full.filledAt} operations: ${unavailable.length} answered 503 STORAGE_UNAVAILABLE` +
          ` (${full.ackedWhileFull} still fitted), health while full ${full.health}; freed after ${full.freedAt}, health 200 and recovery logged ${full.recoveredAfter.toFixed(1)} s later;` +
          ` log: ${incidents} incident line(s), ${recoveries} recovery line(s), ${stacks} stack lines`,
      );
      if (incidents < 1 || incidents > 3 || recoveries < 1 || stacks > 0) {
        failures.push(
          `log: ${incidents} incident lines, ${recoveries} recoveries, ${stacks} stack lines`,
        );
      }
    }
    for (const f of failures.slice(0, 20)) {
      console.log(`  FAIL ${f}`);
    }
    const checks = outcomes.length + 4;
    console.log(
      `${DISK_FULL_MB ? 'disk-full' : KILLS ? 'crash' : 'bank'}: ${checks - failures.length} passed, ${failures.length} failed`,
    );
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    if (server.proc.exitCode === null) {
      await stopServer(server);
    }
    if (DISK_FULL_MB) {
      spawnSync('umount', [dir]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function mountTmpfs(dir: string, sizeMb: number): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]).status === 0;
}

/** Writes a file until the filesystem refuses (ENOSPC). */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(256 * 1024, 1);
  try {
    for (;;) {
      writeSync(fd, chunk);
    }
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') {
      throw err;
    }
  } finally {
    closeSync(fd);
  }
}

async function ledgerCount(dbPath: string): Promise<number> {
  const db = new Database(dbPath, { readonly: true });
  try {
    return ledgerCountOpen(db);
  } finally {
    db.close();
  }
}

function ledgerCountOpen(db: Database.Database): number {
  return (db.prepare('SELECT COUNT(*) AS c FROM ledger_transactions').get() as { c: number }).c;
}

main().catch((err: unknown) => {
  console.error('reliability test failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
