import { QueryRunner } from 'typeorm';

/**
 * The one home of the append-only protection: which tables only grow, the triggers that refuse
 * UPDATE and DELETE on them, and the check that puts them back. Migrations create the triggers with
 * these definitions and every start checks them (see schema.ts), so a table rebuilt by a migration
 * (SQLite's addColumn, changeColumn and dropColumn copy the table and drop the old one, and its
 * triggers with it) or a trigger dropped by hand does not leave history open to rewriting.
 */
export const APPEND_ONLY_TABLES = [
  'ledger_transactions',
  'postings',
  'stock_movements',
  'redemption_window_events',
  'redemption_returns',
  'redemption_return_lines',
  'redemption_return_coupons',
  'star_rating_restatements',
  'certificates',
  'certificate_revocations',
] as const;

const OPERATIONS = ['UPDATE', 'DELETE'] as const;
type Operation = (typeof OPERATIONS)[number];
type Dialect = 'sqlite' | 'postgres';

const PG_FUNCTION = 'refuse_change';
const PG_FUNCTION_BODY = `
      BEGIN
        RAISE EXCEPTION 'append-only table %: % refused', TG_TABLE_NAME, TG_OP;
      END;
      `;
/** pg_trigger.tgtype bits: ROW (1) | BEFORE (2) | DELETE (8) or UPDATE (16). */
const PG_TRIGGER_TYPE: Record<Operation, number> = { UPDATE: 1 | 2 | 16, DELETE: 1 | 2 | 8 };

interface TriggerDef {
  name: string;
  table: string;
  op: Operation;
}

function dialectOf(q: QueryRunner): Dialect {
  return q.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

function triggersOf(tables: readonly string[]): TriggerDef[] {
  return tables.flatMap((table) =>
    OPERATIONS.map((op) => ({ name: `${table}_no_${op.toLowerCase()}`, table, op })),
  );
}

function createTriggerSql(dialect: Dialect, t: TriggerDef): string {
  return dialect === 'postgres'
    ? `CREATE TRIGGER ${t.name} BEFORE ${t.op} ON ${t.table} FOR EACH ROW EXECUTE FUNCTION ${PG_FUNCTION}()`
    : `CREATE TRIGGER ${t.name} BEFORE ${t.op} ON ${t.table} BEGIN SELECT RAISE(ABORT, 'append-only table ${t.table}: ${t.op} refused'); END`;
}

async function createPgFunction(q: QueryRunner): Promise<void> {
  await q.query(
    `CREATE OR REPLACE FUNCTION ${PG_FUNCTION}() RETURNS trigger AS $$${PG_FUNCTION_BODY}$$ LANGUAGE plpgsql`,
  );
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Creates the triggers of tables that were just created (migrations). */
export async function createAppendOnlyTriggers(
  q: QueryRunner,
  tables: readonly string[],
): Promise<void> {
  const dialect = dialectOf(q);
  if (dialect === 'postgres') {
    await createPgFunction(q);
  }
  for (const t of triggersOf(tables)) {
    await q.query(createTriggerSql(dialect, t));
  }
}

/**
 * For migration authors: runs a change to append-only tables (addColumn, changeColumn, …) and puts
 * back whatever protection the change removed, in the migration's own transaction, e.g.
 * `await keepAppendOnly(q, ['postings'], () => q.addColumn('postings', column))`.
 */
export async function keepAppendOnly<T>(
  q: QueryRunner,
  tables: readonly string[],
  change: () => Promise<T>,
): Promise<T> {
  const result = await change();
  await restoreAppendOnlyTriggers(q, tables);
  return result;
}

/**
 * Read-only: what of the protection of the given tables (default: all append-only tables) is
 * missing, disabled or not the definition above, as trigger names (and `refuse_change()` on
 * PostgreSQL). Tables that do not exist (yet) are skipped. For checks that must change nothing.
 */
export async function damagedAppendOnlyProtection(
  q: QueryRunner,
  tables: readonly string[] = APPEND_ONLY_TABLES,
): Promise<string[]> {
  return (await damaged(q, tables)).map((d) => (d === 'function' ? `${PG_FUNCTION}()` : d.name));
}

/** Re-creates whatever damagedAppendOnlyProtection finds; returns the names it restored. */
export async function restoreAppendOnlyTriggers(
  q: QueryRunner,
  tables: readonly string[] = APPEND_ONLY_TABLES,
): Promise<string[]> {
  const dialect = dialectOf(q);
  const restored: string[] = [];
  for (const d of await damaged(q, tables)) {
    if (d === 'function') {
      await createPgFunction(q);
      restored.push(`${PG_FUNCTION}()`);
      continue;
    }
    await q.query(
      dialect === 'postgres'
        ? `DROP TRIGGER IF EXISTS ${d.name} ON ${d.table}`
        : `DROP TRIGGER IF EXISTS ${d.name}`,
    );
    await q.query(createTriggerSql(dialect, d));
    restored.push(d.name);
  }
  return restored;
}

async function damaged(
  q: QueryRunner,
  tables: readonly string[],
): Promise<('function' | TriggerDef)[]> {
  const dialect = dialectOf(q);
  const existing = await existingTables(q, dialect, tables);
  const wanted = triggersOf(tables.filter((t) => existing.has(t)));
  if (wanted.length === 0) {
    return [];
  }
  const found: ('function' | TriggerDef)[] = [];
  if (dialect === 'postgres') {
    const fn: { prosrc: string }[] = await q.query(
      `SELECT prosrc FROM pg_proc WHERE proname = $1 AND pronamespace = current_schema()::regnamespace`,
      [PG_FUNCTION],
    );
    if (fn.length !== 1 || squash(fn[0].prosrc) !== squash(PG_FUNCTION_BODY)) {
      found.push('function');
    }
  }
  const intact = await intactTriggers(q, dialect, wanted);
  return [...found, ...wanted.filter((t) => !intact.has(t.name))];
}

async function existingTables(
  q: QueryRunner,
  dialect: Dialect,
  tables: readonly string[],
): Promise<Set<string>> {
  const rows: { name: string }[] =
    dialect === 'postgres'
      ? await q.query(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)`,
          [tables],
        )
      : await q.query(`SELECT name FROM sqlite_master WHERE type = 'table'`);
  return new Set(rows.map((r) => r.name).filter((n) => tables.includes(n)));
}

/** Names of the wanted triggers that exist on the right table, enabled and as defined here. */
async function intactTriggers(
  q: QueryRunner,
  dialect: Dialect,
  wanted: TriggerDef[],
): Promise<Set<string>> {
  if (dialect === 'sqlite') {
    const rows: { name: string; tbl_name: string; sql: string | null }[] = await q.query(
      `SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`,
    );
    return new Set(
      wanted
        .filter((t) =>
          rows.some(
            (r) =>
              r.name === t.name &&
              r.tbl_name === t.table &&
              squash(r.sql ?? '') === squash(createTriggerSql(dialect, t)),
          ),
        )
        .map((t) => t.name),
    );
  }
  const rows: { name: string; table: string; fn: string; type: number; enabled: string }[] =
    await q.query(
      `SELECT t.tgname AS name, c.relname AS "table", p.proname AS fn, t.tgtype AS type,
              t.tgenabled AS enabled
         FROM pg_trigger t
         JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
          AND t.tgname = ANY($1)`,
      [wanted.map((t) => t.name)],
    );
  return new Set(
    wanted
      .filter((t) =>
        rows.some(
          (r) =>
            r.name === t.name &&
            r.table === t.table &&
            r.fn === PG_FUNCTION &&
            Number(r.type) === PG_TRIGGER_TYPE[t.op] &&
            // O: fires in normal sessions, A: always; D (disabled) and R (replica only) do not.
            (r.enabled === 'O' || r.enabled === 'A'),
        ),
      )
      .map((t) => t.name),
  );
}
