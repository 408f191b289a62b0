import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `node dist/bench/profile-top.js DIR|FILE [N]`: the top of a `node --cpu-prof` profile: self time by
 * function and by module (npm package, or the project's own file), idle time left out, as shares
 * of the busy time.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function moduleOf(url: string, fn: string): string {
  if (!url) {
    return fn.startsWith('(') ? fn : '(native)';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    return pkg[1];
  }
  if (url.startsWith('node:')) {
    return 'node core';
  }
  const own = /\/dist\/(.+)$/.exec(url);
  return own ? own[1] : url;
}

const target = process.argv[2];
const top = Number(process.argv[3] ?? 20);
const file = target.endsWith('.cpuprofile')
  ? target
  : join(target, readdirSync(target).filter((f) => f.endsWith('.cpuprofile'))[0]);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const byFunction = new Map<string, number>();
const byModule = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  if (functionName === '(idle)') {
    continue;
  }
  busy += us;
  const mod = moduleOf(url, functionName);
  const key = `${functionName || '(anonymous)'} ${mod}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byModule.set(mod, (byModule.get(mod) ?? 0) + us);
}

const table = (title: string, m: Map<string, number>): void => {
  console.log(`\n| ${title} | self ms | share of busy |\n|---|---|---|`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `| ${k.replace(/\|/g, '\\|')} | ${(us / 1000).toFixed(0)} | ${((100 * us) / busy).toFixed(1)} % |`,
    );
  }
};
console.log(`profile ${file}: busy ${(busy / 1e6).toFixed(1)} s`);
table('module', byModule);
table('function (self time)', byFunction);
