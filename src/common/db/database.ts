import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { StorageMonitor, storageFailureOf } from './storage-failure';

type Mode = 'read' | 'write';

/** One statement of Database.writeAll: `?` placeholders and their values. */
export interface WriteStatement {
  text: string;
  params: unknown[];
}
interface Ambient {
  em: EntityManager;
  mode: Mode;
  /** A write's callbacks to run once its transaction has committed (see afterCommit). */
  committed?: (() => void)[];
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
  /** Storage incidents (disk full, outage): turned into 503 refusals, logged once each. */
  readonly storage = new StorageMonitor();

  constructor(readonly dataSource: DataSource) {}

  abstract readonly dialect: 'sqlite' | 'postgres';

  abstract write<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
  abstract read<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;

  /**
   * Runs `fn` once the enclosing write has committed (never if it rolls back); at once outside a
   * write. For in-process state that must follow the database, e.g. a cache forgetting a revoked
   * session only when the revocation is visible to every later read.
   */
  afterCommit(fn: () => void): void {
    const store = this.ambient.getStore();
    if (store?.mode === 'write' && store.committed) {
      store.committed.push(fn);
    } else {
      fn();
    }
  }

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

  /**
   * lockName in shared mode: holders of the shared lock do not wait for one another, only for (and
   * hold off) a holder of lockName on the same name.
   */
  async lockNameShared(name: string): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.writeManager().query('SELECT pg_advisory_xact_lock_shared(1, hashtext($1))', [
        name,
      ]);
    }
  }

  /** lockName for many names in one round trip, taken in a fixed order (no deadlock between two lists). */
  async lockNames(names: string[]): Promise<void> {
    if (this.dialect === 'postgres' && names.length > 0) {
      await this.writeManager().query(
        'SELECT pg_advisory_xact_lock(1, hashtext(n)) FROM unnest($1::text[]) AS n ORDER BY hashtext(n)',
        [names],
      );
    }
  }

  /**
   * Serialises every write that takes this key (one bigint) until the transaction ends, across
   * instances; SQLite's queue already runs one write at a time.
   */
  async lockKey(key: number): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.writeManager().query('SELECT pg_advisory_xact_lock($1)', [key]);
    }
  }

  /** Serialises writes on each of these ids of one kind (`space`), taken in id order. */
  async lockEach(space: number, ids: number[]): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.writeManager().query(
        'SELECT pg_advisory_xact_lock($1, m) FROM unnest($2::int[]) AS m ORDER BY m',
        [space, ids],
      );
    }
  }

  /**
   * The tail of a SELECT that locks the rows it reads until the write ends (`of`: only that
   * table's rows): ' FOR UPDATE' on PostgreSQL inside a write, nothing on SQLite, whose writes
   * already run one at a time.
   */
  forUpdate(of?: string): string {
    return this.dialect === 'postgres' && this.inWrite()
      ? ` FOR UPDATE${of ? ` OF ${of}` : ''}`
      : '';
  }

  /** Like forUpdate, but other readers that share-lock are let through (' FOR SHARE'). */
  forShare(): string {
    return this.dialect === 'postgres' && this.inWrite() ? ' FOR SHARE' : '';
  }

  /**
   * Runs writes that do not read one another's effects, inside the enclosing write, in one round
   * trip where that saves one: on PostgreSQL one statement of data-modifying WITH clauses (each
   * runs once, all against the same snapshot, so no two may change the same row; foreign keys are
   * checked at the statement's end, so a row may refer to one inserted beside it), on SQLite one
   * after another (each a prepared statement, no round trip to save). Texts use `?` placeholders.
   */
  async writeAll(statements: WriteStatement[]): Promise<void> {
    const em = this.writeManager();
    if (this.dialect === 'sqlite' || statements.length === 1) {
      for (const s of statements) {
        await em.query(sql(this, s.text), s.params);
      }
      return;
    }
    let n = 0;
    const clauses = statements.map(
      (s, i) => `w${i} AS (${s.text.replace(/\?/g, () => `$${++n}`)})`,
    );
    await em.query(
      `WITH ${clauses.join(', ')} SELECT 1`,
      statements.flatMap((s) => s.params),
    );
  }

  /**
   * An UPDATE … RETURNING inside the enclosing write, answering the returned rows on both stores
   * (TypeORM's PostgreSQL driver answers an UPDATE as [rows, count], SQLite's as the rows).
   * `text` uses `?` placeholders.
   */
  async updateReturning<T>(text: string, params: unknown[]): Promise<T[]> {
    const raw: unknown = await this.writeManager().query(sql(this, text), params);
    return (this.dialect === 'postgres' ? (raw as [T[], number])[0] : raw) as T[];
  }

  /** A boolean as a query parameter: true/false on PostgreSQL, 1/0 in SQLite's integer columns. */
  bool(value: boolean): boolean | number {
    return this.dialect === 'postgres' ? value : value ? 1 : 0;
  }

  /** A boolean written into SQL text: TRUE/FALSE on PostgreSQL, 1/0 on SQLite. */
  boolSql(value: boolean): string {
    return this.dialect === 'postgres' ? (value ? 'TRUE' : 'FALSE') : value ? '1' : '0';
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
    committed?: (() => void)[],
  ): Promise<T> {
    // async: a work function that throws before its first await still rejects, never escapes the queue.
    return this.ambient.run({ em, mode, committed }, async () => work(em));
  }
}

/** Runs the callbacks of a committed write; one that throws does not stop the others. */
function runCommitted(callbacks: (() => void)[]): void {
  for (const fn of callbacks) {
    try {
      fn();
    } catch {
      // A callback only mends in-process state; the write itself has committed and stands.
    }
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

/** What this file needs of better-sqlite3's handle: `inTransaction` is the truth about the connection. */
interface SqliteHandle {
  readonly inTransaction: boolean;
  exec(sql: string): unknown;
}

/**
 * One queue for every unit of work. Writes waiting together are committed together (group
 * commit): one SQLite transaction, a savepoint each so a refused write rolls back alone, and no
 * write is answered before the commit, so with synchronous=FULL each answer still means "on disk"
 * while the disk is waited on once per group instead of once per write.
 *
 * The transaction is begun, committed and rolled back here on the better-sqlite3 handle, not by
 * TypeORM: after SQLITE_FULL or an I/O error SQLite may have rolled back on its own, and TypeORM
 * would swallow the failing ROLLBACK and believe a transaction still open, so later writes would be
 * answered inside a transaction never committed. `inTransaction` is checked after every unit and
 * every group; a group whose transaction ended early is refused as a whole. `BEGIN IMMEDIATE` takes
 * the write lock at once, so another process holding it is waited for (busy_timeout), not failed.
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
      try {
        this.leaveTransaction();
        const value = await this.withAmbient(this.dataSource.manager, 'read', job.work);
        this.storage.succeeded(false);
        job.resolve(value);
      } catch (err) {
        job.reject(this.storage.refusal(err));
      }
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
    const runner = this.dataSource.createQueryRunner();
    const outcomes: { ok: boolean; value: unknown; committed: (() => void)[] }[] = [];
    // Set when the group's transaction cannot commit: every write of the group is then refused.
    let lost: unknown;
    try {
      this.leaveTransaction();
      this.handle.exec('BEGIN IMMEDIATE');
      markTransaction(runner, true);
    } catch (err) {
      lost = err;
    }
    for (const job of group) {
      if (lost !== undefined) {
        break;
      }
      try {
        this.handle.exec('SAVEPOINT unit');
        const committed: (() => void)[] = [];
        const value = await this.withAmbient(runner.manager, 'write', job.work, committed);
        this.handle.exec('RELEASE SAVEPOINT unit');
        outcomes.push({ ok: true, value, committed });
      } catch (err) {
        if (!this.handle.inTransaction) {
          // SQLite rolled the whole transaction back itself (disk full, I/O error).
          lost = err;
          break;
        }
        try {
          this.handle.exec('ROLLBACK TO SAVEPOINT unit');
          this.handle.exec('RELEASE SAVEPOINT unit');
        } catch (rollbackErr) {
          lost = storageFailureOf(err) ? err : rollbackErr;
          break;
        }
        outcomes.push({ ok: false, value: err, committed: [] });
      }
    }
    if (lost === undefined) {
      try {
        this.handle.exec('COMMIT');
      } catch (err) {
        lost = err;
      }
    }
    try {
      this.leaveTransaction();
    } catch (err) {
      lost ??= err;
    } finally {
      markTransaction(runner, false);
    }
    if (lost !== undefined) {
      const refusal = this.storage.failed(storageFailureOf(lost) ?? 'down', lost, group.length);
      for (const job of group) {
        job.reject(refusal);
      }
      return;
    }
    // A write refused for lack of space while others fitted: the incident goes on.
    if (!outcomes.some((o) => !o.ok && storageFailureOf(o.value))) {
      this.storage.succeeded(true);
    }
    for (const o of outcomes) {
      runCommitted(o.committed);
    }
    group.forEach((job, i) =>
      outcomes[i].ok
        ? job.resolve(outcomes[i].value)
        : job.reject(this.storage.refusal(outcomes[i].value)),
    );
  }

  private get handle(): SqliteHandle {
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteHandle })
      .databaseConnection;
  }

  /** Makes sure no transaction is open on the connection (rolling back one left over). */
  private leaveTransaction(): void {
    if (this.handle.inTransaction) {
      try {
        this.handle.exec('ROLLBACK');
      } catch {
        // the check below decides
      }
    }
    if (this.handle.inTransaction) {
      throw Object.assign(new Error('the SQLite connection is stuck in a transaction'), {
        code: 'SQLITE_IOERR',
      });
    }
  }
}

/**
 * Keeps TypeORM's one query runner in step with the transaction this file owns, so em.save() and
 * query builders inside a unit run in it (and a nested em.transaction() becomes a savepoint).
 */
function markTransaction(runner: QueryRunner, open: boolean): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = open;
  state.transactionDepth = open ? 1 : 0;
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
        const committed: (() => void)[] = [];
        const value = await this.dataSource.transaction('READ COMMITTED', (em) =>
          this.withAmbient(em, 'write', work, committed),
        );
        this.storage.succeeded(true);
        runCommitted(committed);
        return value;
      } catch (err) {
        if (attempt >= ATTEMPTS_MAX || !isRetryable(err)) {
          throw this.storage.refusal(err);
        }
        this.logger.debug(`retrying write after ${pgCode(err)} (attempt ${attempt})`);
        await sleep(Math.floor(Math.random() * 10 * attempt) + 1);
      }
    }
  }

  async read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const joined = this.joinable('read');
    if (joined) {
      return work(joined);
    }
    try {
      const value = await this.withAmbient(this.dataSource.manager, 'read', work);
      this.storage.succeeded(false);
      return value;
    } catch (err) {
      throw this.storage.refusal(err);
    }
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

/**
 * One write transaction on a bare DataSource (the command-line tools, outside the app's queue). On
 * SQLite it begins IMMEDIATE, so it waits (busy_timeout) for the service's write to finish instead
 * of failing when it tries to write after reading.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const sqlite = dataSource.options.type === 'better-sqlite3';
  try {
    if (sqlite) {
      await runner.query('BEGIN IMMEDIATE');
    } else {
      await runner.startTransaction('READ COMMITTED');
    }
    try {
      const result = await work(runner.manager);
      await (sqlite ? runner.query('COMMIT') : runner.commitTransaction());
      return result;
    } catch (err) {
      await (sqlite ? runner.query('ROLLBACK') : runner.rollbackTransaction());
      throw err;
    }
  } finally {
    await runner.release();
  }
}

/** Converts `?` placeholders to `$n` for PostgreSQL so hand-written SQL runs on both stores. */
export function sql(db: Database, text: string): string {
  if (db.dialect === 'sqlite') {
    return text;
  }
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
