import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

type Mode = 'read' | 'write';
interface Ambient {
  em: EntityManager;
  mode: Mode;
}

/**
 * The one way feature code touches the database.
 *
 * `write(fn)` runs fn in one database transaction; `read(fn)` sees only committed data. Calls nested
 * inside another `write`/`read` join it, so a handler wrapped by the idempotency interceptor and the
 * ledger it calls share one transaction.
 *
 * SQLite (one connection per process in TypeORM) needs every unit of work to go through one FIFO
 * queue: concurrent transactions would collide, and a read interleaved into an open transaction
 * would see rows that may still roll back. PostgreSQL runs units concurrently and retries
 * serialization failures and deadlocks.
 */
export abstract class Database {
  protected readonly ambient = new AsyncLocalStorage<Ambient>();

  constructor(readonly dataSource: DataSource) {}

  abstract readonly dialect: 'sqlite' | 'postgres';

  abstract write<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  abstract read<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;

  /** The manager of the enclosing write; throws when called outside one (a programming error). */
  writeManager(): EntityManager {
    const store = this.ambient.getStore();
    if (!store || store.mode !== 'write') {
      throw new Error('a ledger write must run inside Database.write()');
    }
    return store.em;
  }

  /**
   * Serialises concurrent writes that share a name (an idempotency key) until the transaction ends.
   * SQLite's queue already runs one write at a time.
   */
  async lockName(name: string): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.writeManager().query('SELECT pg_advisory_xact_lock(1, hashtext($1))', [name]);
    }
  }

  inWrite(): boolean {
    return this.ambient.getStore()?.mode === 'write';
  }

  protected joinable(mode: Mode): EntityManager | undefined {
    const store = this.ambient.getStore();
    if (!store) {
      return undefined;
    }
    if (mode === 'write' && store.mode === 'read') {
      throw new Error('cannot start a write inside a read');
    }
    return store.em;
  }

  protected withAmbient<T>(
    em: EntityManager,
    mode: Mode,
    work: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    // async: a work function that throws before its first await still rejects, never escapes the queue.
    return this.ambient.run({ em, mode }, async () => work(em));
  }
}

interface Job {
  mode: Mode;
  work: (em: EntityManager) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Most writes one SQLite transaction commits together. */
const GROUP_COMMIT_MAX = 64;

/**
 * One queue for every unit of work. Writes waiting together are committed together (group
 * commit): one SQLite transaction, a savepoint each so a refused write rolls back alone, and no
 * write is answered before the commit, so with synchronous=FULL each answer still means "on disk"
 * while the disk is waited on once per group instead of once per write.
 */
export class SqliteDatabase extends Database {
  readonly dialect = 'sqlite' as const;
  private readonly jobs: Job[] = [];
  private draining = false;

  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.joinable('write');
    if (joined) {
      return work(joined);
    }
    return this.enqueue('write', work);
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.joinable('read');
    if (joined) {
      return work(joined);
    }
    return this.enqueue('read', work);
  }

  private enqueue<T>(mode: Mode, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push({ mode, work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  /**
   * Reads waiting are served first (each sees only committed data: no transaction is open between
   * units), then every write waiting goes into one group. Letting waiting reads go ahead of waiting
   * writes reorders only requests that were concurrent anyway: a request's own read after its write
   * is queued only once that write has committed.
   */
  private async drain(): Promise<void> {
    try {
      while (this.jobs.length > 0) {
        await this.runReads();
        if (!this.jobs.some((j) => j.mode === 'write')) {
          continue;
        }
        // better-sqlite3 commits synchronously, so without a turn of the event loop here no other
        // request would ever get as far as queueing its write: one turn lets the requests that
        // arrived meanwhile join this group and share its commit.
        await new Promise((resolve) => setImmediate(resolve));
        await this.runReads();
        await this.commitGroup(this.take('write', GROUP_COMMIT_MAX));
      }
    } finally {
      this.draining = false;
    }
  }

  private async runReads(): Promise<void> {
    for (const job of this.take('read', Number.MAX_SAFE_INTEGER)) {
      await this.withAmbient(this.dataSource.manager, 'read', job.work).then(
        job.resolve,
        job.reject,
      );
    }
  }

  /** Removes and returns up to `max` waiting jobs of one mode, oldest first. */
  private take(mode: Mode, max: number): Job[] {
    const taken: Job[] = [];
    for (let i = 0; i < this.jobs.length && taken.length < max;) {
      if (this.jobs[i].mode === mode) {
        taken.push(...this.jobs.splice(i, 1));
      } else {
        i++;
      }
    }
    return taken;
  }

  private async commitGroup(group: Job[]): Promise<void> {
    if (group.length === 1) {
      const [job] = group;
      await this.dataSource
        .transaction((em) => this.withAmbient(em, 'write', job.work))
        .then(job.resolve, job.reject);
      return;
    }
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await this.dataSource.transaction(async (em) => {
        for (const job of group) {
          await em.query('SAVEPOINT unit');
          try {
            const value = await this.withAmbient(em, 'write', job.work);
            await em.query('RELEASE SAVEPOINT unit');
            outcomes.push({ ok: true, value });
          } catch (err) {
            await em.query('ROLLBACK TO SAVEPOINT unit');
            await em.query('RELEASE SAVEPOINT unit');
            outcomes.push({ ok: false, value: err });
          }
        }
      });
    } catch (err) {
      // The commit itself failed: nothing of the group is on disk, so every write is refused.
      for (const job of group) {
        job.reject(err);
      }
      return;
    }
    group.forEach((job, i) =>
      outcomes[i].ok ? job.resolve(outcomes[i].value) : job.reject(outcomes[i].value),
    );
  }
}

const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);
const ATTEMPTS_MAX = 8;

export class PostgresDatabase extends Database {
  readonly dialect = 'postgres' as const;
  private readonly logger = new Logger('Database');

  async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.joinable('write');
    if (joined) {
      return work(joined);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', (em) =>
          this.withAmbient(em, 'write', work),
        );
      } catch (err) {
        if (attempt >= ATTEMPTS_MAX || !isRetryable(err)) {
          throw err;
        }
        this.logger.debug(`retrying write after ${pgCode(err)} (attempt ${attempt})`);
        await sleep(Math.floor(Math.random() * 10 * attempt) + 1);
      }
    }
  }

  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.joinable('read');
    if (joined) {
      return work(joined);
    }
    return this.withAmbient(this.dataSource.manager, 'read', work);
  }
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.driverError?.code ?? e?.code;
}

/** Deadlocks, serialization failures and a lost race on an idempotency key are safe to run again. */
function isRetryable(err: unknown): boolean {
  const code = pgCode(err);
  if (code && RETRYABLE_PG_CODES.has(code)) {
    return true;
  }
  const constraint = (err as { driverError?: { constraint?: string } })?.driverError?.constraint;
  return code === '23505' && constraint === 'pk_idempotency_keys';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Converts `?` placeholders to `$n` for PostgreSQL so hand-written SQL runs on both stores. */
export function sql(db: Database, text: string): string {
  if (db.dialect === 'sqlite') {
    return text;
  }
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
