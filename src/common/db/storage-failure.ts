import { Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../errors';

/** Why the store cannot take a request now: disk full, locked by another process, or unreachable. */
export type StorageFailure = 'full' | 'busy' | 'down';

// PostgreSQL: shutting down / starting / too many connections / connection exceptions (08xxx),
// disk full, I/O error, a read-only standby, a dropped database.
const PG_DOWN = new Set(['57P01', '57P02', '57P03', '53300', '58030', '25006', '3D000']);
const NET_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
// node-postgres reports a lost or refused connection without a code.
const PG_DOWN_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Connection ended/i;

/** Classifies a driver error (possibly wrapped by TypeORM) as a storage failure, or undefined. */
export function storageFailureOf(err: unknown): StorageFailure | undefined {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code?.startsWith('SQLITE_')) {
      if (code === 'SQLITE_FULL') {
        return 'full';
      }
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
        return 'busy';
      }
      // I/O errors, a read-only or vanished file, corruption: nothing can be written safely.
      if (/^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|NOMEM|PROTOCOL)/.test(code)) {
        return 'down';
      }
      continue;
    }
    if (code === '53100') {
      return 'full';
    }
    if (code && (PG_DOWN.has(code) || code.startsWith('08') || NET_DOWN.has(code))) {
      return 'down';
    }
    if (!code && typeof e.message === 'string' && PG_DOWN_MESSAGE.test(e.message)) {
      return 'down';
    }
  }
  return undefined;
}

function causes(err: unknown): { code?: unknown; message?: unknown }[] {
  const out: { code?: unknown; message?: unknown }[] = [];
  const todo = [err];
  while (todo.length && out.length < 8) {
    const e = todo.shift() as
      | {
          code?: unknown;
          message?: unknown;
          driverError?: unknown;
          cause?: unknown;
          errors?: unknown;
        }
      | null
      | undefined;
    if (!e || typeof e !== 'object') {
      continue;
    }
    out.push(e);
    todo.push(e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : []));
  }
  return out;
}

const WHAT: Record<StorageFailure, string> = {
  full: 'the database disk is full',
  busy: 'the database is busy (locked by another program)',
  down: 'the database cannot be reached',
};

export function storageUnavailable(reason: StorageFailure): DomainError {
  return new DomainError(
    ErrorCode.STORAGE_UNAVAILABLE,
    `${WHAT[reason]}; nothing was recorded. Try again in a minute.`,
    { reason },
  );
}

/** How long writes must go through without a refusal before an incident is over. */
export const SETTLE_MS = 5_000;

/**
 * One incident from the first storage failure until `SETTLE_MS` after a write went through with
 * no refusal since: logged once when it starts and once when it ends, whatever the number of
 * requests refused meanwhile. A nearly full disk takes a small write now and then and refuses the
 * next; those writes do not end the incident, or the log would flap with every one of them.
 */
export class StorageMonitor {
  private readonly logger = new Logger('Database');
  private incident?: {
    reason: StorageFailure;
    since: number;
    refused: number;
    /** When writes began to go through again with no refusal after; unset while refusing. */
    answering?: number;
  };

  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * The open incident's reason, or undefined. Health reports it until the incident is over (`SETTLE_MS`
   * after a write went through, with no refusal since), not flipping with every write that fits.
   */
  get failure(): StorageFailure | undefined {
    this.settle();
    return this.incident?.reason;
  }

  /** Turns a storage failure into the coded refusal (other errors pass unchanged). */
  refusal(err: unknown): unknown {
    const reason = storageFailureOf(err);
    return reason ? this.failed(reason, err) : err;
  }

  /** Counts `requests` refusals (a lost group commit refuses all its writes at once). */
  failed(reason: StorageFailure, err?: unknown, requests = 1): DomainError {
    this.settle();
    if (this.incident?.answering !== undefined && this.incident.reason !== reason) {
      this.end(this.incident.answering); // it had recovered, not for long: another kind of incident
    }
    if (!this.incident || this.incident.reason !== reason) {
      const code = causes(err)
        .map((e) => e.code)
        .find((c) => typeof c === 'string');
      this.logger.error(
        `storage unavailable: ${WHAT[reason]} (${String(code ?? 'no code')}); requests that need it are refused with 503 STORAGE_UNAVAILABLE until it recovers`,
      );
      this.incident = { reason, since: this.now(), refused: 0 };
    }
    this.incident.answering = undefined;
    this.incident.refused += requests;
    return storageUnavailable(reason);
  }

  /**
   * A unit of work succeeded. Reads go on while the disk is full or another program holds the
   * write lock, so only a committed write counts for those incidents; any success for an outage.
   */
  succeeded(wrote: boolean): void {
    this.settle();
    if (!this.incident || (this.incident.reason !== 'down' && !wrote)) {
      return;
    }
    this.incident.answering ??= this.now();
    this.settle();
  }

  /** Ends the incident `SETTLE_MS` after a write went through, if nothing was refused since. */
  private settle(): void {
    const answering = this.incident?.answering;
    if (answering !== undefined && this.now() - answering >= SETTLE_MS) {
      this.end(answering);
    }
  }

  private end(answering: number): void {
    const { since, refused } = this.incident!;
    const seconds = ((answering - since) / 1000).toFixed(1);
    const quiet = ((this.now() - answering) / 1000).toFixed(1);
    this.logger.log(
      `storage available again after ${seconds} s (${refused} requests refused; answering for ${quiet} s since)`,
    );
    this.incident = undefined;
  }
}
