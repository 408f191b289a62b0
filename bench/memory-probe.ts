import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

/**
 * Preloaded into the service by the bench (`node --require dist/bench/memory-probe.js`): on
 * SIGWINCH (ignored by default, and not one of the signals Nest's shutdown hooks stop the service
 * on, as SIGUSR2 is) appends one JSON line of `process.memoryUsage()` and the V8 heap spaces (MB)
 * to BENCH_MEMORY_OUT and, when BENCH_HEAP_SNAPSHOT_DIR is set, first writes a heap snapshot there.
 * Not part of the service: only the bench loads it.
 */
const out = process.env.BENCH_MEMORY_OUT;
const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
if (out) {
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
        spaces,
        snapshot,
      }) + '\n',
    );
  });
}
