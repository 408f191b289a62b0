import Database from 'better-sqlite3';

/**
 * SQLite's online backup API: a consistent copy page by page while the service keeps running
 * (WAL lets it read beside the writer). Restoring is copying the file back while the service is stopped.
 */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<number> {
  const db = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(targetPath);
    return result.totalPages;
  } finally {
    db.close();
  }
}
