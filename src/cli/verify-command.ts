import { openReadOnly } from '../common/db/read-only';
import { AppConfig, loadConfig } from '../config/app-config';
import { trialBalance, verifyLedger } from '../ledger/ledger-verifier';

/** Exit codes of `npm run ledger:verify`. */
export const VERIFY_EXIT = { OK: 0, LEDGER_BROKEN: 1, CANNOT_CHECK: 2 } as const;

export interface VerifyCommandResult {
  exitCode: number;
  /** What the command prints on stdout (JSON) or stderr (one line). */
  output: string;
}

/**
 * `npm run ledger:verify [-- <sqlite-file>]`: recomputes the hash chain and every balance of the
 * store named by DATABASE_PATH/DATABASE_URL (or of the SQLite file given, e.g. a backup), opened
 * read-only: no migrations, no scoring standard, no CONFIG_DIR, nothing written.
 */
export async function verifyCommand(
  env: Record<string, string | undefined>,
  args: string[],
): Promise<VerifyCommandResult> {
  let database: AppConfig['database'];
  try {
    database = loadConfig(env).database;
  } catch (err) {
    return { exitCode: VERIFY_EXIT.CANNOT_CHECK, output: (err as Error).message };
  }
  if (args[0]) {
    database = { type: 'sqlite', path: args[0], synchronous: 'FULL' };
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
    return {
      exitCode: result.ok && trial.ok ? VERIFY_EXIT.OK : VERIFY_EXIT.LEDGER_BROKEN,
      output: JSON.stringify(
        { ...result, trialBalance: trial, seconds: (Date.now() - started) / 1000 },
        null,
        2,
      ),
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
