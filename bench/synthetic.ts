import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/common/db/data-source';
import { hashSecret } from '../src/auth/password';
import { GENESIS_HASH, transactionHash } from '../src/ledger/ledger-hash';
import { yearTotalsFromLedgerSql } from '../src/ledger/ledger-sql';
import { checkChar, PASSBOOK_ALPHABET } from '../src/people/passbook-number';

export interface Community {
  path: string;
  passbooks: string[];
  memberIds: number[];
  transactions: number;
}

/** Deterministic passbook number for member i (valid check character), so runs are comparable. */
export function passbookFor(i: number): string {
  let body = 'V';
  let n = i;
  for (let k = 0; k < 6; k++) {
    body += PASSBOOK_ALPHABET[n % PASSBOOK_ALPHABET.length];
    n = Math.floor(n / PASSBOOK_ALPHABET.length);
  }
  return body + checkChar(body);
}

/**
 * Writes a community straight into a migrated SQLite file: `members` volunteers and `transactions`
 * ledger transactions (90 % earns across 2026 with their service records, 10 % redemptions),
 * with a correct hash chain and running balances, so the service verifies it.
 */
export async function buildCommunity(
  path: string,
  members: number,
  transactions: number,
): Promise<Community> {
  const db0 = await openDatabase({ type: 'sqlite', path, synchronous: 'NORMAL' });
  await db0.dataSource.destroy();

  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const pinHash = await hashSecret('123456');
  const now = '2026-11-01T00:00:00.000Z';
  const issuance = (
    db.prepare("SELECT id FROM accounts WHERE kind = 'issuance'").get() as { id: number }
  ).id;
  const shop = (db.prepare("SELECT id FROM accounts WHERE kind = 'shop'").get() as { id: number })
    .id;

  const insAccount = db.prepare(
    'INSERT INTO accounts (kind, passbook_no, name, created_at) VALUES (?, ?, ?, ?)',
  );
  const insBalance = db.prepare('INSERT INTO balances (account_id, balance) VALUES (?, 0)');
  const insMember = db.prepare(
    "INSERT INTO members (account_id, passbook_no, name, kind, phone, pin_hash, active, created_at) VALUES (?, ?, ?, 'resident', NULL, ?, 1, ?)",
  );
  const passbooks: string[] = [];
  const memberIds: number[] = [];
  const accountOf: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < members; i++) {
      const no = passbookFor(i);
      const account = Number(insAccount.run('member', no, `志愿者${i}`, now).lastInsertRowid);
      insBalance.run(account);
      memberIds.push(
        Number(insMember.run(account, no, `志愿者${i}`, pinHash, now).lastInsertRowid),
      );
      passbooks.push(no);
      accountOf.push(account);
    }
  })();

  const insTx = db.prepare(
    'INSERT INTO ledger_transactions (id, seq, kind, effective_date, created_at, actor, reverses, description, meta, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)',
  );
  const insPosting = db.prepare(
    'INSERT INTO postings (transaction_id, account_id, seq, amount, balance_after) VALUES (?, ?, ?, ?, ?)',
  );
  const insRecord = db.prepare(
    `INSERT INTO service_records (member_id, item_code, category_code, standard_version, unit, quantity, hours, points,
       service_date, status, transaction_id, created_by, created_at) VALUES (?, 'daily_patrol', 'security', 1, 'hour', ?, ?, ?, ?, 'posted', ?, 'system:bench', ?)`,
  );
  const balances = new Map<number, number>();
  let prevHash = GENESIS_HASH;
  // mulberry32: a small seeded generator whose low bits are as random as its high ones, so every
  // member gets earns (a plain LCG taken modulo n left most members at zero).
  let state = 42;
  const rand = (n: number): number => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
  const BATCH = 50_000;
  for (let start = 1; start <= transactions; start += BATCH) {
    db.transaction(() => {
      for (let seq = start; seq < Math.min(start + BATCH, transactions + 1); seq++) {
        const m = rand(members);
        const account = accountOf[m];
        const balance = balances.get(account) ?? 0;
        const redeem = seq % 10 === 0 && balance >= 100;
        const amount = redeem ? 100 : 100 * (1 + rand(4));
        const day = 1 + Math.floor(((seq - 1) * 300) / transactions);
        const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
        const id = randomUUID();
        const postings = redeem
          ? [
              { accountId: account, amount: -amount },
              { accountId: shop, amount },
            ]
          : [
              { accountId: issuance, amount: -amount },
              { accountId: account, amount },
            ];
        const tx = {
          id,
          seq,
          kind: redeem ? 'redeem' : 'earn',
          effectiveDate: date,
          createdAt: now,
          actor: 'system:bench',
          reverses: null,
          description: redeem ? 'bench redeem' : '日常巡逻 1.00',
          meta: null,
          postings,
        };
        const hash = transactionHash(prevHash, tx);
        insTx.run(id, seq, tx.kind, date, now, tx.actor, tx.description, null, prevHash, hash);
        for (const p of postings) {
          const after = (balances.get(p.accountId) ?? 0) + p.amount;
          balances.set(p.accountId, after);
          insPosting.run(id, p.accountId, seq, p.amount, after);
        }
        if (!redeem) {
          insRecord.run(memberIds[m], 100, 100, amount, date, id, now);
        }
        prevHash = hash;
      }
    })();
  }
  const setBalance = db.prepare('UPDATE balances SET balance = ? WHERE account_id = ?');
  db.transaction(() => {
    for (const [account, balance] of balances) {
      setBalance.run(balance, account);
    }
  })();
  // The passbooks' year totals, as the ledger keeps them when it posts.
  db.exec(
    `INSERT INTO account_year_totals (account_id, year, earned, hours) ${yearTotalsFromLedgerSql()}`,
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { path, passbooks, memberIds, transactions };
}
