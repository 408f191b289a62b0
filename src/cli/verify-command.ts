import { openReadOnly } from '../common/db/read-only';
import { AppConfig, loadConfig } from '../config/app-config';
import {
  CommunityTrialBalance,
  TrialBalance,
  trialBalance,
  TrialBalanceAll,
  VerifyAllResult,
  verifyLedger,
  VerifyResult,
} from '../ledger/ledger-verifier';

/** Exit codes of `npm run ledger:verify`. */
export const VERIFY_EXIT = { OK: 0, LEDGER_BROKEN: 1, CANNOT_CHECK: 2 } as const;

export interface VerifyCommandResult {
  exitCode: number;
  /** What the command prints: lines (or JSON with --json) on stdout, one line on stderr for exit 2. */
  output: string;
}

/**
 * `npm run ledger:verify [-- [--json] <sqlite-file>]`: recomputes the hash chain and every balance of
 * each community's books in the store named by DATABASE_PATH/DATABASE_URL (or of the SQLite file
 * given, e.g. a backup), opened read-only: no migrations, no scoring standard, no CONFIG_DIR,
 * nothing written. Prints one line per community and a summary line; `--json` prints the results
 * as JSON instead.
 */
export async function verifyCommand(
  env: Record<string, string | undefined>,
  args: string[],
): Promise<VerifyCommandResult> {
  const json = args.includes('--json');
  const file = args.find((a) => a !== '--json');
  let database: AppConfig['database'];
  try {
    database = loadConfig(env).database;
  } catch (err) {
    return { exitCode: VERIFY_EXIT.CANNOT_CHECK, output: (err as Error).message };
  }
  if (file) {
    database = { type: 'sqlite', path: file, synchronous: 'FULL' };
  }
  let db;
  try {
    db = await openReadOnly(database);
  } catch (err) {
    return {
      exitCode: VERIFY_EXIT.CANNOT_CHECK,
      output: `cannot open the database: ${(err as Error).message}`,
    };
  }
  try {
    const started = Date.now();
    const { result, trial } = await db.snapshot(async () => ({
      result: await verifyLedger(db),
      trial: await trialBalance(db),
    }));
    const seconds = (Date.now() - started) / 1000;
    return {
      exitCode: result.ok && trial.ok ? VERIFY_EXIT.OK : VERIFY_EXIT.LEDGER_BROKEN,
      output: json
        ? JSON.stringify({ ...result, trialBalance: trial, seconds }, null, 2)
        : verifyReport(result, trial, seconds),
    };
  } catch (err) {
    return {
      exitCode: VERIFY_EXIT.CANNOT_CHECK,
      output: `verify failed: ${(err as Error).message}`,
    };
  } finally {
    await db.close();
  }
}

/**
 * The command's lines: one per community, starting with its code, then a summary.
 *
 *     default: ok, 1520 transactions, last hash 9f86d081…; trial balance ok (sum 0.00, 214 accounts)
 *     b: NOT OK at seq 42: hash does not match content; trial balance ok (sum 0.00, 38 accounts)
 *     2 communities, 1 not ok (b); 1561 transactions read in 0.4 s
 */
export function verifyReport(
  result: VerifyAllResult,
  trial: TrialBalanceAll,
  seconds: number,
): string {
  const trialOf = new Map(trial.communities.map((t) => [t.community.id, t]));
  const lines = result.communities.map(
    (r) => `${r.community.code}: ${chainLine(r)}; ${trialLine(trialOf.get(r.community.id))}`,
  );
  const bad = result.communities
    .filter((r) => !r.ok || !trialOf.get(r.community.id)?.ok)
    .map((r) => r.community.code);
  const read = result.communities.reduce((n, r) => n + (r.ok ? r.transactions : 0), 0);
  const count = `${result.communities.length} ${result.communities.length === 1 ? 'community' : 'communities'}`;
  const status =
    bad.length === 0 && trial.ok ? 'all ok' : `${bad.length} not ok (${bad.join(', ')})`;
  const total = trial.ok ? '' : `; all accounts together: ${trialLine(trial)}`;
  lines.push(`${count}, ${status}${total}; ${read} transactions verified in ${seconds} s`);
  return lines.join('\n');
}

function chainLine(r: VerifyResult): string {
  if (r.ok) {
    return `ok, ${r.transactions} transactions, last hash ${r.lastHash}`;
  }
  return r.firstBadSeq === null
    ? `NOT OK: ${r.reason}`
    : `NOT OK at seq ${r.firstBadSeq}: ${r.reason}`;
}

function trialLine(t: CommunityTrialBalance | TrialBalance | undefined): string {
  if (!t) {
    return 'trial balance missing';
  }
  const figures = `sum ${t.sum}, ${t.accounts} accounts`;
  return t.ok
    ? `trial balance ok (${figures})`
    : `trial balance NOT OK (${figures}${t.mismatched.length ? `; differing from their postings: accounts ${t.mismatched.join(', ')}` : ''})`;
}
