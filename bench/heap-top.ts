import { readFileSync } from 'node:fs';

/**
 * `node dist/bench/heap-top.js FILE.heapsnapshot [N]`: the top N (default 25) groups of a V8 heap
 * snapshot by self size, grouped by node type and constructor/name (strings and code by type), so a
 * bench run's snapshots (`--heap-snapshots DIR`) say what holds the heap without DevTools.
 */
interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function main(): void {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error('usage: heap-top FILE.heapsnapshot [N]');
    process.exit(2);
  }
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const groups = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const size = snap.nodes[i + iSize];
    const name = snap.strings[snap.nodes[i + iName]];
    const key =
      type === 'object' || type === 'closure' || type === 'native'
        ? `${type} ${name.slice(0, 60)}`
        : type;
    const g = groups.get(key) ?? { size: 0, count: 0 };
    g.size += size;
    g.count++;
    groups.set(key, g);
    total += size;
  }
  const mb = (b: number): string => (b / 1048576).toFixed(1);
  console.log(`${file}: ${mb(total)} MB in ${snap.nodes.length / width} nodes`);
  for (const [key, g] of [...groups]
    .sort((a, b) => b[1].size - a[1].size)
    .slice(0, Number(n ?? 25))) {
    console.log(`${mb(g.size).padStart(7)} MB ${String(g.count).padStart(8)}  ${key}`);
  }
}

main();
