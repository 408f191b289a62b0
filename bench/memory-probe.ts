import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import Database from 'better-sqlite3';

/**
 * Preloaded into the service by the bench (`node --require dist/bench/memory-probe.js`): on
 * SIGWINCH (ignored by default, and not one of the signals Nest's shutdown hooks stop the service
 * on, as SIGUSR2 is) appends one JSON line of `process.memoryUsage()` and the V8 heap spaces (MB)
 * to BENCH_MEMORY_OUT and, when BENCH_HEAP_SNAPSHOT_DIR is set, first writes a heap snapshot there.
 * Each line also carries the process's CPU time so far and the time spent inside better-sqlite3
 * (every statement's run/all/get/iterate and every exec: BEGIN, savepoints, COMMIT with its fsync),
 * so the bench can split a request's cost into the database's and the rest of the service's.
 * Not part of the service: only the bench loads it.
 */
const out = process.env.BENCH_MEMORY_OUT;
const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT_DIR;

const sqlite = { ns: 0n, calls: 0 };
/** Wraps a better-sqlite3 method so the time inside it is added to `sqlite`. */
function timed(proto: Record<string, unknown>, name: string): void {
  const original = proto[name] as (...args: unknown[]) => unknown;
  proto[name] = function (this: unknown, ...args: unknown[]): unknown {
    const t0 = process.hrtime.bigint();
    try {
      return original.apply(this, args);
    } finally {
      sqlite.ns += process.hrtime.bigint() - t0;
      sqlite.calls++;
    }
  };
}

if (out) {
  const scratch = new Database(':memory:');
  const statement = Object.getPrototypeOf(scratch.prepare('SELECT 1')) as Record<string, unknown>;
  scratch.close();
  for (const name of ['run', 'all', 'get', 'iterate']) {
    timed(statement, name);
  }
  timed(Database.prototype as unknown as Record<string, unknown>, 'exec');

  let n = 0;
  process.on('SIGWINCH', () => {
    n++;
    const mb = (b: number): number => Math.round(b / 1048576);
    const m = process.memoryUsage();
    // Resident memory by kind (Linux): anonymous (malloc, the V8 heap), file-backed (code, mapped
    // files), shared (SQLite's WAL index).
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string): number =>
      Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024);
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]),
    );
    let snapshot: string | undefined;
    if (snapshotDir) {
      snapshot = writeHeapSnapshot(join(snapshotDir, `service-${process.pid}-${n}.heapsnapshot`));
    }
    appendFileSync(
      out,
      JSON.stringify({
        n,
        rss: mb(m.rss),
        heapTotal: mb(m.heapTotal),
        heapUsed: mb(m.heapUsed),
        external: mb(m.external),
        arrayBuffers: mb(m.arrayBuffers),
        rssAnon: kb('RssAnon'),
        rssFile: kb('RssFile'),
        rssShmem: kb('RssShmem'),
        cpuMs: (() => {
          const c = process.cpuUsage();
          return (c.user + c.system) / 1000;
        })(),
        sqliteMs: Number(sqlite.ns / 1000n) / 1000,
        sqliteCalls: sqlite.calls,
        spaces,
        snapshot,
      }) + '\n',
    );
  });
}
