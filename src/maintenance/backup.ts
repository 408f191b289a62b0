import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { trialBalance, verifyLedger } from '../ledger/ledger-verifier';
import { openReadOnly } from '../common/db/read-only';

export interface BackupReport {
  path: string;
  bytes: number;
  /** Whole run: copy, integrity check, ledger verify, rename. */
  seconds: number;
  copySeconds: number;
  /** Transactions verified in the copy, of every community. */
  transactions: number;
  /** Each community's books in the copy: its transactions and the hash its chain ends with. */
  communities: BackedUpCommunity[];
}

export interface BackedUpCommunity {
  id: number;
  code: string;
  transactions: number;
  /** The hash of its last transaction (its genesis hash while it has none). */
  lastHash: string;
}

export class BackupError extends Error {}

/**
 * Runs in a worker thread so the service's event loop (and its write queue) keeps turning while
 * SQLite copies: `VACUUM INTO` on a separate read-only connection writes one consistent snapshot (a
 * WAL reader never blocks the writer, and unlike the online backup API it never restarts when the
 * service writes), then the copy is checked with `PRAGMA integrity_check` and synced to disk.
 */
const COPY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const fs = require('node:fs');
if (workerData.background) {
  try {
    // Linux nice is per thread: the copy yields the CPU to the service's own thread.
    require('node:os').setPriority(10);
  } catch {}
}
let Sqlite;
try {
  Sqlite = createRequire(workerData.resolveFrom)('better-sqlite3');
} catch {
  Sqlite = require('better-sqlite3');
}
const source = new Sqlite(workerData.source, { readonly: true, fileMustExist: true, timeout: 5000 });
try {
  source.prepare('VACUUM INTO ?').run(workerData.target);
} finally {
  source.close();
}
const copy = new Sqlite(workerData.target, { fileMustExist: true });
let integrity;
try {
  integrity = copy.pragma('integrity_check').map((r) => r.integrity_check);
} finally {
  copy.close();
}
const fd = fs.openSync(workerData.target, 'r+');
try {
  fs.fsyncSync(fd);
} finally {
  fs.closeSync(fd);
}
parentPort.postMessage({ integrity });
`;

function copyInWorker(source: string, target: string, background: boolean): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(COPY_WORKER, {
      eval: true,
      workerData: {
        source,
        target,
        background,
        // better-sqlite3 is found from the running program (dist/…, or Jest) rather than the cwd.
        resolveFrom: resolve(process.argv[1] ?? join(process.cwd(), 'noop.js')),
      },
    });
    let answer: string[] | undefined;
    worker.once('message', (m: { integrity: string[] }) => (answer = m.integrity));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      answer ? resolvePromise(answer) : reject(new Error(`backup worker exited with ${code}`)),
    );
  });
}

/**
 * A consistent copy of a live SQLite database, bounded in time by the size of the file whatever the
 * service writes meanwhile. Written under a temporary name beside the target, checked (integrity
 * and the ledger's own verification) and only then renamed into place, so a file with the target's
 * name is always a whole, verified backup. `background` (the service's scheduled backup) copies at a
 * lower CPU priority than the thread answering requests.
 */
export async function backupSqlite(
  sourcePath: string,
  targetPath: string,
  options: { background?: boolean } = {},
): Promise<BackupReport> {
  const started = performance.now();
  mkdirSync(dirname(resolve(targetPath)), { recursive: true });
  const temp = join(
    dirname(resolve(targetPath)),
    `.${basename(targetPath)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`,
  );
  try {
    const integrity = await copyInWorker(resolve(sourcePath), temp, options.background ?? false);
    const copySeconds = (performance.now() - started) / 1000;
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw new BackupError(`the copy failed PRAGMA integrity_check: ${integrity.join('; ')}`);
    }
    const copy = await openReadOnly({ type: 'sqlite', path: temp, synchronous: 'FULL' });
    let verified;
    try {
      // Small batches with a turn of the event loop between them: a service checking its own
      // backup keeps answering requests meanwhile.
      verified = await copy.snapshot(async () => ({
        ledger: await verifyLedger(copy, { batch: 200, yieldBetweenBatches: true }),
        trial: await trialBalance(copy),
      }));
    } finally {
      await copy.close();
    }
    const { ledger, trial } = verified;
    const broken = ledger.communities.flatMap((c) =>
      c.ok
        ? []
        : [
            `community ${c.community.code}: ${c.reason}${c.firstBadSeq === null ? '' : ` (seq ${c.firstBadSeq})`}`,
          ],
    );
    if (broken.length) {
      throw new BackupError(`the copy does not verify: ${broken.join('; ')}`);
    }
    if (!trial.ok) {
      const failing = trial.communities.filter((c) => !c.ok);
      throw new BackupError(
        `the copy's trial balance fails: ${
          failing.length
            ? failing.map((c) => `community ${c.community.code} sums to ${c.sum}`).join('; ')
            : `all accounts sum to ${trial.sum}`
        }`,
      );
    }
    renameSync(temp, targetPath);
    syncDirectory(dirname(resolve(targetPath)));
    return {
      path: targetPath,
      bytes: statSync(targetPath).size,
      seconds: (performance.now() - started) / 1000,
      copySeconds,
      transactions: ledger.ok ? ledger.transactions : 0,
      communities: ledger.communities.flatMap((c) =>
        c.ok
          ? [
              {
                id: c.community.id,
                code: c.community.code,
                transactions: c.transactions,
                lastHash: c.lastHash,
              },
            ]
          : [],
      ),
    };
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Makes the rename itself durable. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
