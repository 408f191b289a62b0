import Database from 'better-sqlite3';
import { FixedClock } from '../src/common/clock';
import { openDatabase } from '../src/common/db/data-source';
import { loadConfig } from '../src/config/app-config';
import { PruneResult, RetentionService } from '../src/maintenance/retention.service';

/** The books: never pruned, by design; they grow with every posting. */
export const LEDGER_TABLES = [
  'ledger_transactions',
  'postings',
  'balances',
  'account_year_totals',
  'service_records',
];

export interface StoreSize {
  /** page_count × page_size: the file's bytes (after a checkpoint, the WAL folded in). */
  fileBytes: number;
  /** Pages on the freelist (freed by deletes, reused before the file grows). */
  freeBytes: number;
  /** Bytes of each table with its indexes (dbstat) and its rows. */
  tables: Map<string, { bytes: number; rows: number }>;
}

/** Sizes of an SQLite file, table by table with its indexes, after folding the WAL in. */
export function sqliteSize(path: string): StoreSize {
  const db = new Database(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const tables = new Map<string, { bytes: number; rows: number }>();
    const rows = db
      .prepare(
        `SELECT s.tbl_name AS name, SUM(d.pgsize) AS bytes FROM dbstat d
           JOIN sqlite_schema s ON s.name = d.name GROUP BY s.tbl_name`,
      )
      .all() as { name: string; bytes: number }[];
    for (const r of rows) {
      const count = db.prepare(`SELECT COUNT(*) AS n FROM "${r.name}"`).get() as { n: number };
      tables.set(r.name, { bytes: r.bytes, rows: count.n });
    }
    return {
      fileBytes: Number(db.pragma('page_count', { simple: true })) * pageSize,
      freeBytes: Number(db.pragma('freelist_count', { simple: true })) * pageSize,
      tables,
    };
  } finally {
    db.close();
  }
}

/** Bytes and rows of the given tables together. */
export function sum(size: StoreSize, names: string[]): { bytes: number; rows: number } {
  let bytes = 0;
  let rows = 0;
  for (const name of names) {
    const t = size.tables.get(name);
    bytes += t?.bytes ?? 0;
    rows += t?.rows ?? 0;
  }
  return { bytes, rows };
}

/**
 * The service's own retention job (RetentionService.prune, what the hourly job runs) on the SQLite
 * file, with its clock moved `daysAhead` days past now: what would be pruned then. Run while no
 * service writes the file (the bench stops it first).
 */
export async function pruneAsIf(path: string, daysAhead: number): Promise<PruneResult> {
  const config = loadConfig({ ...process.env, DATABASE_URL: '', DATABASE_PATH: path });
  const db = await openDatabase(config.database);
  try {
    const clock = new FixedClock(new Date(Date.now() + daysAhead * 86_400_000));
    return await new RetentionService(db, clock, config).prune();
  } finally {
    await db.dataSource.destroy();
  }
}

/** The configured retention period of idempotency records (IDEMPOTENCY_RETENTION_DAYS). */
export function idempotencyRetentionDays(): number {
  return loadConfig({ ...process.env }).idempotencyRetentionDays;
}
