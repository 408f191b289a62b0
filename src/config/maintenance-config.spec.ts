import { ConfigError, loadConfig } from './app-config';

describe('backup and retention settings', () => {
  it('should leave scheduled backups off and keep idempotency records 7 days by default', () => {
    const config = loadConfig({});
    expect(config.backup).toBeNull();
    expect(config.idempotencyRetentionDays).toBe(7);
  });

  it('should read BACKUP_DIR, BACKUP_INTERVAL_MINUTES and BACKUP_KEEP', () => {
    const config = loadConfig({
      BACKUP_DIR: 'backups',
      BACKUP_INTERVAL_MINUTES: '360',
      BACKUP_KEEP: '28',
      IDEMPOTENCY_RETENTION_DAYS: '30',
    });
    expect(config.backup).toEqual({ dir: 'backups', intervalMinutes: 360, keep: 28 });
    expect(config.idempotencyRetentionDays).toBe(30);
    expect(loadConfig({ BACKUP_DIR: 'b' }).backup).toEqual({
      dir: 'b',
      intervalMinutes: 1440,
      keep: 14,
    });
  });

  it.each([
    ['BACKUP_INTERVAL_MINUTES', '0'],
    ['BACKUP_INTERVAL_MINUTES', 'hourly'],
    ['BACKUP_KEEP', '0'],
    ['BACKUP_KEEP', '2.5'],
    ['IDEMPOTENCY_RETENTION_DAYS', '0'],
    ['IDEMPOTENCY_RETENTION_DAYS', 'forever'],
  ])('should stop at boot naming %s for %p', (name, value) => {
    expect(() => loadConfig({ BACKUP_DIR: 'b', [name]: value })).toThrow(
      new RegExp(`^Invalid environment:\\n  ${name}: `),
    );
  });

  it('should refuse BACKUP_DIR with PostgreSQL, naming the variable', () => {
    expect(() => loadConfig({ BACKUP_DIR: 'b', DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ BACKUP_DIR: 'b', DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /BACKUP_DIR: .*pg_dump/,
    );
  });
});
