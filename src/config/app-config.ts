import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import type { HttpLimits } from '../common/http-edge';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0') {
    return false;
  }
  return value;
};

const ONE_LINE_60 = /^[^\p{Cc}\u2028\u2029]{1,60}$/u;

const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY must be false, true, or a comma-separated list of proxy addresses (CIDR allowed)';

/** Every environment variable the service reads, validated once at boot. */
export class EnvironmentVariables {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsString() HOST = '0.0.0.0';
  @IsOptional() @IsString() @MinLength(1) DATABASE_PATH = 'data/passbook.sqlite';
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres://' })
  DATABASE_URL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100) DATABASE_POOL_SIZE = 10;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000) DATABASE_STATEMENT_TIMEOUT_MS =
    15_000;
  @IsOptional() @Transform(toBool) @IsBoolean() DATABASE_SSL = false;
  @IsOptional() @IsIn(['FULL', 'NORMAL']) SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';
  @IsOptional() @IsString() COMMUNITY_TZ = 'Asia/Shanghai';
  @IsOptional()
  @Matches(ONE_LINE_60, { message: 'COMMUNITY_NAME must be one line of at most 60 characters' })
  COMMUNITY_NAME?: string;
  @IsOptional()
  @Matches(ONE_LINE_60, { message: 'NOTICE_ISSUER must be one line of at most 60 characters' })
  NOTICE_ISSUER?: string;
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    message:
      'PUBLIC_URL must be an http:// or https:// address such as https://passbook.example.cn',
  })
  PUBLIC_URL?: string;
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;
  @IsOptional() @IsIn(['error', 'warn', 'log', 'debug', 'verbose']) LOG_LEVEL = 'log';
  @IsOptional() @IsString() @MinLength(1) WEB_DIR = 'web/dist';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) RATE_LIMIT_PER_MINUTE = 1200;
  @IsOptional() @Transform(toInt) @IsInt() @Min(60) @Max(30 * 86400) TOKEN_TTL_SECONDS = 12 * 3600;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60) SESSION_CACHE_SECONDS = 5;
  @IsOptional() @IsString() CONFIG_DIR = 'config';
  @IsOptional() @Transform(toBool) @IsBoolean() SCHEDULER_ENABLED = true;
  @IsOptional()
  @Matches(/^(false|true|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, {
    message: TRUST_PROXY_MESSAGE,
  })
  TRUST_PROXY = 'false';
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000) HTTP_IDLE_TIMEOUT_MS = 10_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000) HTTP_HEADERS_TIMEOUT_MS = 10_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000) HTTP_REQUEST_TIMEOUT_MS = 30_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600_000) HTTP_KEEP_ALIVE_TIMEOUT_MS =
    5_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100_000) HTTP_MAX_CONNECTIONS = 1_000;
  // Scheduled SQLite backups (off while BACKUP_DIR is unset) and how long retry records are kept.
  @IsOptional() @IsString() @MinLength(1) BACKUP_DIR?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(44_640) BACKUP_INTERVAL_MINUTES = 1440;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1000) BACKUP_KEEP = 14;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3650) IDEMPOTENCY_RETENTION_DAYS = 7;
  /** The certificate signing keys and the identity-document key: beside the database, never in it. */
  @IsOptional() @IsString() @MinLength(1) CERTIFICATE_KEY_DIR = 'data/keys';
}

export interface AppConfig {
  port: number;
  host: string;
  database:
    | { type: 'sqlite'; path: string; synchronous: 'FULL' | 'NORMAL' }
    | { type: 'postgres'; url: string; poolSize: number; statementTimeoutMs: number; ssl: boolean };
  timeZone: string;
  /** What the pages and the public notice call the community, and who issues the notice. */
  community: { name: string | null; issuer: string | null };
  /** The address volunteers check their passbook at (printed passbook, QR code); null: the page's own. */
  publicUrl: string | null;
  adminPassword?: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Folder of the built web pages served at `/` (none served when it holds no index.html). */
  webDir: string;
  rateLimitPerMinute: number;
  tokenTtlSeconds: number;
  /**
   * How long this instance trusts a checked bearer token without asking the database again (0: never);
   * what another instance revokes is seen here at most this late.
   */
  sessionCacheSeconds: number;
  configDir: string;
  schedulerEnabled: boolean;
  /**
   * Which reverse proxies' X-Forwarded-For to believe for the client address (lockout per address,
   * rate limit): false (none, the socket's address), true (any), or the proxies' addresses.
   */
  trustProxy: boolean | string[];
  http: HttpLimits;
  /** Scheduled backups of the SQLite file; null when BACKUP_DIR is unset. */
  backup: { dir: string; intervalMinutes: number; keep: number } | null;
  /** Idempotency records younger than this are kept, so a retry within it replays. */
  idempotencyRetentionDays: number;
  /** Folder of the certificate signing key pair and the identity-document key (see KeyRing). */
  certificateKeyDir: string;
}

export class ConfigError extends Error {}

/** Builds the typed config from an environment; a bad value throws naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  if (env.TZ === '') {
    // Empty is unset, as for every other variable; Node would take it as the zone "Etc/Unknown"
    // and the scheduler would refuse every date. Removed from the process's env (main.ts passes
    // process.env) so Node falls back to the system zone.
    delete env.TZ;
  }
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, string> = {};
  const unsetByDefault = [
    'DATABASE_URL',
    'ADMIN_PASSWORD',
    'BACKUP_DIR',
    'COMMUNITY_NAME',
    'NOTICE_ISSUER',
    'PUBLIC_URL',
  ];
  for (const name of [...known, ...unsetByDefault]) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      picked[name] = value;
    }
  }
  const vars = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  if (vars.HTTP_HEADERS_TIMEOUT_MS > vars.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'Invalid environment:\n  HTTP_HEADERS_TIMEOUT_MS: may not be longer than HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  if (!isTimeZone(vars.COMMUNITY_TZ)) {
    throw new ConfigError(
      `Invalid environment:\n  COMMUNITY_TZ: unknown time zone "${vars.COMMUNITY_TZ}"`,
    );
  }
  if (vars.BACKUP_DIR && vars.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment:\n  BACKUP_DIR: scheduled backups are for SQLite; back PostgreSQL up with pg_dump',
    );
  }
  return {
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL
      ? {
          type: 'postgres',
          url: vars.DATABASE_URL,
          poolSize: vars.DATABASE_POOL_SIZE,
          statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS,
          ssl: vars.DATABASE_SSL,
        }
      : { type: 'sqlite', path: vars.DATABASE_PATH, synchronous: vars.SQLITE_SYNCHRONOUS },
    timeZone: vars.COMMUNITY_TZ,
    community: {
      name: vars.COMMUNITY_NAME?.trim() || null,
      issuer:
        vars.NOTICE_ISSUER?.trim() ||
        (vars.COMMUNITY_NAME?.trim() ? `${vars.COMMUNITY_NAME.trim()}志愿服务站` : null),
    },
    publicUrl: vars.PUBLIC_URL ? vars.PUBLIC_URL.replace(/\/+$/, '') : null,
    adminPassword: vars.ADMIN_PASSWORD,
    logLevel: vars.LOG_LEVEL as AppConfig['logLevel'],
    webDir: vars.WEB_DIR,
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    tokenTtlSeconds: vars.TOKEN_TTL_SECONDS,
    sessionCacheSeconds: vars.SESSION_CACHE_SECONDS,
    configDir: vars.CONFIG_DIR,
    schedulerEnabled: vars.SCHEDULER_ENABLED,
    trustProxy: parseTrustProxy(vars.TRUST_PROXY),
    http: {
      idleTimeoutMs: vars.HTTP_IDLE_TIMEOUT_MS,
      headersTimeoutMs: vars.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: vars.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: vars.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: vars.HTTP_MAX_CONNECTIONS,
    },
    backup: vars.BACKUP_DIR
      ? {
          dir: vars.BACKUP_DIR,
          intervalMinutes: vars.BACKUP_INTERVAL_MINUTES,
          keep: vars.BACKUP_KEEP,
        }
      : null,
    idempotencyRetentionDays: vars.IDEMPOTENCY_RETENTION_DAYS,
    certificateKeyDir: vars.CERTIFICATE_KEY_DIR,
  };
}

function parseTrustProxy(text: string): boolean | string[] {
  if (text === 'false' || text === 'true') {
    return text === 'true';
  }
  const addresses = text.split(',').map((a) => a.trim());
  if (addresses.some((a) => isIP(a.replace(/\/\d{1,3}$/, '')) === 0)) {
    throw new ConfigError(`Invalid environment:\n  TRUST_PROXY: ${TRUST_PROXY_MESSAGE}`);
  }
  return addresses;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Injection token for the typed config. */
export const APP_CONFIG = Symbol('APP_CONFIG');
