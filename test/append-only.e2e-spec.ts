import { INestApplicationContext } from '@nestjs/common';
import {
  DataSource,
  DataSourceOptions,
  MigrationInterface,
  QueryRunner,
  TableColumn,
} from 'typeorm';
import {
  APPEND_ONLY_TABLES,
  damagedAppendOnlyProtection,
  keepAppendOnly,
} from '../src/common/db/append-only';
import { createDataSource } from '../src/common/db/data-source';
import { Database } from '../src/common/db/database';
import { prepareSchema } from '../src/common/db/schema';
import { LedgerService } from '../src/ledger/ledger.service';
import { fixtures } from './support/fixtures';
import { startContext } from './support/test-app';
import { createTestStore, TestStore } from './support/test-db';

/**
 * The append-only triggers survive what routinely removes them: a migration that rebuilds a table
 * (SQLite's addColumn) and a trigger dropped or disabled by hand. Every start checks them.
 */
describe('append-only protection at start', () => {
  let store: TestStore;
  let isPg: boolean;
  let tablesWithTriggers: string[];

  const start = (): Promise<INestApplicationContext> => startContext(store.database);
  /** Works on the store directly, as a migration or an operator with a SQL shell would. */
  const withRawStore = async (work: (ds: DataSource) => Promise<void>): Promise<void> => {
    const ds = createDataSource(store.database);
    await ds.initialize();
    try {
      await work(ds);
    } finally {
      await ds.destroy();
    }
  };
  const tryUpdate = (ctx: INestApplicationContext, table = 'ledger_transactions') => {
    const set = table === 'postings' ? 'amount = amount' : 'description = description';
    return ctx.get(Database).write((em) => em.query(`UPDATE ${table} SET ${set}`));
  };

  beforeAll(async () => {
    store = await createTestStore();
    isPg = store.database.type === 'postgres';
    const ctx = await start();
    const member = await fixtures(ctx).newMember();
    await fixtures(ctx).earn(member.accountId, 500);
    await expect(tryUpdate(ctx)).rejects.toThrow(/append-only/);
    const rows: { name: string }[] = await ctx
      .get(Database)
      .read((em) =>
        em.query(
          isPg
            ? `SELECT DISTINCT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal ORDER BY 1`
            : `SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1`,
        ),
      );
    tablesWithTriggers = rows.map((r) => r.name);
    await ctx.close();
  });
  afterAll(() => store.drop());

  it('should refuse UPDATE on ledger_transactions after a migration rebuilt the table with addColumn', async () => {
    await runMigration(store, 'AddRoutineNote1764000300001', (q) =>
      q.addColumn(
        'ledger_transactions',
        new TableColumn({ name: 'routine_note', type: 'varchar', length: '20', isNullable: true }),
      ),
    );
    const ctx = await start();
    try {
      await expect(tryUpdate(ctx)).rejects.toThrow(/append-only table ledger_transactions/);
      await expect(tryUpdate(ctx, 'postings')).rejects.toThrow(/append-only table postings/);
      await expect(ctx.get(LedgerService).verify(1)).resolves.toMatchObject({ ok: true });
    } finally {
      await ctx.close();
    }
  });

  it('should keep the triggers through a table rebuild when the migration uses keepAppendOnly', async () => {
    await runMigration(store, 'AddKeptNote1764000300002', (q) =>
      keepAppendOnly(q, ['ledger_transactions'], () =>
        q.addColumn(
          'ledger_transactions',
          new TableColumn({ name: 'kept_note', type: 'varchar', length: '20', isNullable: true }),
        ),
      ),
    );
    await withRawStore(async (ds) => {
      await expect(ds.query(`UPDATE ledger_transactions SET kept_note = 'x'`)).rejects.toThrow(
        /append-only/,
      );
    });
    // Nothing left for the start-up check to restore.
    await withRawStore(async (ds) => {
      await expect(prepareSchema(ds, silentLogger())).resolves.toEqual({
        migrations: [],
        restored: [],
      });
    });
  });

  it('should restore a trigger dropped by hand, one disabled and one replaced, and log one line naming them', async () => {
    await withRawStore(async (ds) => {
      await ds.query(`DROP TRIGGER postings_no_update${isPg ? ' ON postings' : ''}`);
      if (isPg) {
        await ds.query('ALTER TABLE stock_movements DISABLE TRIGGER stock_movements_no_delete');
        await ds.query(
          'DROP TRIGGER ledger_transactions_no_delete ON ledger_transactions; ' +
            'CREATE TRIGGER ledger_transactions_no_delete AFTER DELETE ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION refuse_change()',
        );
      } else {
        await ds.query('DROP TRIGGER stock_movements_no_delete');
        await ds.query('DROP TRIGGER ledger_transactions_no_delete');
        await ds.query(
          'CREATE TRIGGER ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions BEGIN SELECT 1; END',
        );
      }
    });
    const logger = silentLogger();
    await withRawStore(async (ds) => {
      await expect(damagedAppendOnlyProtection(ds.createQueryRunner())).resolves.toEqual([
        'ledger_transactions_no_delete',
        'postings_no_update',
        'stock_movements_no_delete',
      ]);
      await expect(prepareSchema(ds, logger)).resolves.toEqual({
        migrations: [],
        restored: [
          'ledger_transactions_no_delete',
          'postings_no_update',
          'stock_movements_no_delete',
        ],
      });
    });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(
      /^append-only protection restored: ledger_transactions_no_delete, postings_no_update, stock_movements_no_delete /,
    );

    await withRawStore(async (ds) => {
      await ds.query(`DROP TRIGGER postings_no_update${isPg ? ' ON postings' : ''}`);
    });
    const ctx = await start();
    try {
      await expect(tryUpdate(ctx, 'postings')).rejects.toThrow(/append-only table postings/);
      const db = ctx.get(Database);
      await expect(db.write((em) => em.query('DELETE FROM ledger_transactions'))).rejects.toThrow(
        /append-only table ledger_transactions/,
      );
    } finally {
      await ctx.close();
    }
  });

  it('should restore a replaced refuse_change() function (PostgreSQL)', async () => {
    if (!isPg) {
      return;
    }
    await withRawStore(async (ds) => {
      await ds.query(
        `CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql`,
      );
      await expect(prepareSchema(ds, silentLogger())).resolves.toMatchObject({
        restored: ['refuse_change()'],
      });
    });
  });

  it('should check every table the migrations gave triggers', () => {
    expect([...APPEND_ONLY_TABLES].sort()).toEqual(tablesWithTriggers);
  });
});

function silentLogger() {
  const lines: string[] = [];
  const logger = {
    lines,
    warn: (m: string) => lines.push(m),
    log: () => undefined,
    error: (m: string) => lines.push(m),
  };
  return logger as unknown as Parameters<typeof prepareSchema>[1] & { lines: string[] };
}

/** Runs one more migration the way TypeORM runs any (a transaction, foreign keys off on SQLite). */
async function runMigration(
  store: TestStore,
  name: string,
  up: (q: QueryRunner) => Promise<unknown>,
): Promise<void> {
  const base = createDataSource(store.database);
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await up(q);
    }
    async down(): Promise<void> {}
  };
  Object.defineProperty(migration, 'name', { value: name });
  const ds = new DataSource({
    ...base.options,
    migrations: [...(base.options.migrations as unknown as MigrationInterface[]), migration],
  } as DataSourceOptions);
  await ds.initialize();
  try {
    await expect(ds.runMigrations({ transaction: 'each' })).resolves.toHaveLength(1);
  } finally {
    await ds.destroy();
  }
}
