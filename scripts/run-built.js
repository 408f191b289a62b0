// Runs a command-line tool from the built project (dist/) without building first, so a backup or a
// check never waits for (or breaks on) a build, and works while the service runs from the same dist.
// `npm start` builds; so does `npm run build`.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

const entry = resolve(__dirname, '..', process.argv[2]);
if (!existsSync(entry)) {
  console.error(
    `${process.argv[2]} is missing: build the project once with npm run build (npm start builds)`,
  );
  process.exit(2);
}
const result = spawnSync(process.execPath, [entry, ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
