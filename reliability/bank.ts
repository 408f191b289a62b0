import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Answer, call, login, RunningServer, startServer, stopServer } from './server';

/**
 * The bank test over HTTP (`npm run reliability:bank`) and, with --kills N, the crash test
 * (`npm run reliability:crash`): concurrent clients earn, redeem, donate and reverse with random
 * retries of the same Idempotency-Key; afterwards every balance sums to zero, no passbook is
 * negative, every acknowledged operation is in the ledger exactly once, no refused one is, and
 * verify passes. In crash mode the server is killed with SIGKILL at random moments and restarted.
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
  result: 'acked' | 'refused' | 'unknown';
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
  let server: RunningServer = await startServer(dbPath, PORT);
  let up = true;
  const failures: string[] = [];
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

    const started = performance.now();
    const killing = killer();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < OPS) {
          await perform(next++);
        }
      }),
    );
    await killing;
    const seconds = (performance.now() - started) / 1000;
    if (!up) {
      throw new Error('server not up at the end');
    }

    // Invariants.
    const acked = outcomes.filter((o) => o.result === 'acked');
    const refused = outcomes.filter((o) => o.result === 'refused');
    const unknown = outcomes.filter((o) => o.result === 'unknown');
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
      `${KILLS ? 'crash' : 'bank'} test: ${outcomes.length} operations in ${seconds.toFixed(1)} s by ${CLIENTS} clients` +
        ` (${(outcomes.length / seconds).toFixed(0)}/s); acknowledged ${acked.length}, refused ${refused.length}, unknown ${unknown.length};` +
        ` ${byKind('earn')}, ${byKind('redeem')}, ${byKind('donate')}, ${byKind('reverse')}; ${replays} replays; kills ${KILLS}`,
    );
    console.log(`  refusals: ${[...refusals].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    for (const f of failures.slice(0, 20)) {
      console.log(`  FAIL ${f}`);
    }
    const checks = outcomes.length + 4;
    console.log(
      `${KILLS ? 'crash' : 'bank'}: ${checks - failures.length} passed, ${failures.length} failed`,
    );
    process.exitCode = failures.length ? 1 : 0;
  } finally {
    if (server.proc.exitCode === null) {
      await stopServer(server);
    }
    rmSync(dir, { recursive: true, force: true });
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
