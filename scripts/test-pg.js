// Runs the whole test suite against PostgreSQL. Each test file creates its own database on the
// server named by DATABASE_URL (default: the local trust-auth server) and drops it afterwards.
const { spawnSync } = require('node:child_process');

const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
};
const result = spawnSync('npx', ['jest', '--maxWorkers=1', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
