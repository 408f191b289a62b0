import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { APPEND_ONLY_TABLES, keepAppendOnly } from '../src/common/db/append-only';

/** The append-only tables among `tables`: their triggers are put back after a rebuild. */
const appendOnly = (table: string): string[] => APPEND_ONLY_TABLES.filter((t) => t === table);

/** Rows that belong to one community: each gains `community_id`, 1 for everything already here. */
const COMMUNITY_OWNED = [
  'accounts',
  'ledger_transactions',
  'members',
  'households',
  'teams',
  'standard_versions',
  'catalog_items',
  'redemption_windows',
  'redemptions',
  'donations',
  'activities',
  'service_records',
] as const;

/** Unique within a community, no longer across the service: [table, column, old unique]. */
const UNIQUE_PER_COMMUNITY: [string, string][] = [
  ['ledger_transactions', 'seq'],
  ['teams', 'name'],
  ['catalog_items', 'name'],
  ['redemption_windows', 'period_key'],
  ['standard_versions', 'content_hash'],
];

/** The genesis hash every chain started from before communities (ledger-hash.ts, frozen here). */
const OLD_GENESIS = '0'.repeat(64);

/**
 * Many communities (社区) under street offices (街道) in one service. What was here becomes
 * community 1, "default", under street office 1: every community-owned row gets `community_id = 1`,
 * so passbook numbers, statements, seq and hashes stay exactly as they were and the verifier passes
 * before and after. Each community's ledger has its own gapless `seq` and its own hash chain from
 * its recorded `genesis_hash` (community 1 keeps the old all-zero genesis). Star ratings become per
 * community and year. Passbook numbers, usernames and coupon codes stay unique across the service,
 * so a login or a scan names its community by itself.
 */
export class Communities1764018000000 implements MigrationInterface {
  name = 'Communities1764018000000';

  async up(q: QueryRunner): Promise<void> {
    const now = new Date().toISOString();
    await q.createTable(
      new Table({
        name: 'street_offices',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'name', type: 'varchar', length: '60', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'communities',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'street_office_id', type: 'integer' },
          { name: 'code', type: 'varchar', length: '32', isUnique: true },
          { name: 'name', type: 'varchar', length: '60', isNullable: true },
          { name: 'issuer', type: 'varchar', length: '60', isNullable: true },
          { name: 'genesis_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['street_office_id'],
            referencedTableName: 'street_offices',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.query(`INSERT INTO street_offices (id, name, created_at) VALUES (1, NULL, '${now}')`);
    await q.query(
      `INSERT INTO communities (id, street_office_id, code, name, issuer, genesis_hash, created_at)
       VALUES (1, 1, 'default', NULL, NULL, '${OLD_GENESIS}', '${now}')`,
    );
    if (q.connection.driver.options.type === 'postgres') {
      await q.query(`SELECT setval('street_offices_id_seq', 1)`);
      await q.query(`SELECT setval('communities_id_seq', 1)`);
    }

    for (const table of COMMUNITY_OWNED) {
      await keepAppendOnly(q, appendOnly(table), () =>
        q.addColumn(
          table,
          new TableColumn({ name: 'community_id', type: 'integer', default: 1, isNullable: false }),
        ),
      );
      await q.createIndex(
        table,
        new TableIndex({ name: `idx_${table}_community`, columnNames: ['community_id'] }),
      );
    }
    for (const [table, column] of UNIQUE_PER_COMMUNITY) {
      const t = (await q.getTable(table))!;
      const old = t.findColumnByName(column)!;
      const changed = old.clone();
      changed.isUnique = false;
      await keepAppendOnly(q, appendOnly(table), () => q.changeColumn(t, old, changed));
      // SQLite's table rebuild keeps the column's UNIQUE constraint: drop what is left of it.
      const rebuilt = (await q.getTable(table))!;
      for (const unique of rebuilt.uniques.filter(
        (u) => u.columnNames.length === 1 && u.columnNames[0] === column,
      )) {
        await keepAppendOnly(q, appendOnly(table), () => q.dropUniqueConstraint(rebuilt, unique));
      }
      await q.createIndex(
        table,
        new TableIndex({
          name: `uq_${table}_community_${column}`,
          columnNames: ['community_id', column],
          isUnique: true,
        }),
      );
    }

    // Staff belong to one community; a street-office user (role office) to a street office instead.
    await q.addColumn(
      'users',
      new TableColumn({ name: 'community_id', type: 'integer', isNullable: true }),
    );
    await q.addColumn(
      'users',
      new TableColumn({ name: 'street_office_id', type: 'integer', isNullable: true }),
    );
    await q.query('UPDATE users SET community_id = 1');

    // A volunteer moved from one community to another (记录转移接续): who, from, to, when, why, and
    // the hours carried (their service records stay in the old community's books and reports).
    await q.createTable(
      new Table({
        name: 'member_transfers',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'member_id', type: 'integer' },
          { name: 'from_community_id', type: 'integer' },
          { name: 'to_community_id', type: 'integer' },
          { name: 'from_passbook_no', type: 'varchar', length: '16' },
          { name: 'to_passbook_no', type: 'varchar', length: '16' },
          { name: 'hours', type: 'bigint' },
          { name: 'reason', type: 'varchar', length: '200' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['from_community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['to_community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'idx_member_transfers_member', columnNames: ['member_id'] }],
      }),
    );

    // Star ratings per community and year: rebuilt with the community in their keys.
    await q.createTable(
      new Table({
        name: 'star_ratings_by_community',
        columns: [
          { name: 'community_id', type: 'integer', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'thresholds', type: 'text' },
          { name: 'computed_at', type: 'varchar', length: '32' },
          { name: 'published_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'published_by', type: 'varchar', length: '64', isNullable: true },
        ],
      }),
    );
    await q.query(
      `INSERT INTO star_ratings_by_community
         (community_id, year, status, thresholds, computed_at, published_at, published_by)
       SELECT 1, year, status, thresholds, computed_at, published_at, published_by FROM star_ratings`,
    );
    await q.createTable(
      new Table({
        name: 'star_rating_entries_by_community',
        columns: [
          { name: 'community_id', type: 'integer', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          { name: 'earned', type: 'bigint' },
          { name: 'stars', type: 'integer' },
        ],
        foreignKeys: [
          {
            columnNames: ['community_id', 'year'],
            referencedTableName: 'star_ratings_by_community',
            referencedColumnNames: ['community_id', 'year'],
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.query(
      `INSERT INTO star_rating_entries_by_community (community_id, year, member_id, earned, stars)
       SELECT 1, year, member_id, earned, stars FROM star_rating_entries`,
    );
    await q.dropTable('star_rating_entries');
    await q.dropTable('star_ratings');
    await q.renameTable('star_ratings_by_community', 'star_ratings');
    await q.renameTable('star_rating_entries_by_community', 'star_rating_entries');
    await q.createIndex(
      'star_rating_entries',
      new TableIndex({
        name: 'idx_star_rating_entries_year_stars',
        columnNames: ['community_id', 'year', 'stars'],
      }),
    );
  }

  async down(): Promise<void> {
    throw new Error('communities cannot be undone: restore the backup taken before the upgrade');
  }
}
