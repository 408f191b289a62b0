import { backupSqlite } from '../maintenance/backup';
import { ConfigError, loadConfig } from '../config/app-config';

/**
 * `npm run db:backup -- <file>`: a verified, consistent copy of the SQLite database named by
 * DATABASE_PATH, taken while the service runs. Exit 0 done, 1 the backup failed (no file was
 * left under the name given), 2 usage or configuration.
 */
async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run db:backup -- <backup-file>');
    return 2;
  }
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  if (config.database.type !== 'sqlite') {
    console.error('db:backup is for SQLite; back PostgreSQL up with pg_dump');
    return 2;
  }
  const report = await backupSqlite(config.database.path, target);
  console.log(
    `backed up ${config.database.path} to ${report.path}: ${report.transactions} transactions of ` +
      `${report.communities.length} ${report.communities.length === 1 ? 'community' : 'communities'} verified, ` +
      `${(report.bytes / 1e6).toFixed(1)} MB, copy ${report.copySeconds.toFixed(1)} s, total ${report.seconds.toFixed(1)} s`,
  );
  for (const c of report.communities) {
    console.log(`  ${c.code}: ${c.transactions} transactions, last hash ${c.lastHash}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('backup failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
