import { backupSqlite } from '../common/db/backup';
import { loadConfig } from '../config/app-config';

/** `npm run db:backup -- <file>`: online backup of the SQLite database named by DATABASE_PATH. */
async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run db:backup -- <backup-file>');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  if (config.database.type !== 'sqlite') {
    console.error('db:backup is for SQLite; back PostgreSQL up with pg_dump');
    process.exit(2);
  }
  const pages = await backupSqlite(config.database.path, target);
  console.log(`backed up ${config.database.path} to ${target} (${pages} pages)`);
}

main().catch((err: unknown) => {
  console.error('backup failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
