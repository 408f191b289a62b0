import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { createAppendOnlyTriggers } from '../src/common/db/append-only';

/**
 * The year-end notice period (公示): a published rating is open for objections from
 * `notice_starts_at` to `notice_ends_at`, then finalized (`final`). Ratings published before this
 * migration stay `published`, with a notice period that is already over (it starts and ends at
 * their publication), so an admin can finalize them. `ref_salt` keys each entry's opaque public
 * `ref`. Objections and restatements (corrections of a final year) get tables of their own;
 * restatements are append-only.
 */
export class YearEndNotice1764020000000 implements MigrationInterface {
  name = 'YearEndNotice1764020000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    await q.addColumns('star_ratings', [
      new TableColumn({
        name: 'notice_starts_at',
        type: 'varchar',
        length: '32',
        isNullable: true,
      }),
      new TableColumn({ name: 'notice_ends_at', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'notice_days', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'finalized_at', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'finalized_by', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'ref_salt', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await q.query(
      `UPDATE star_ratings SET notice_starts_at = published_at, notice_ends_at = published_at,
         notice_days = 0 WHERE status = 'published'`,
    );
    await q.query(
      `UPDATE star_ratings SET ref_salt = ${postgres ? 'md5(random()::text || clock_timestamp()::text)' : 'lower(hex(randomblob(16)))'}`,
    );
    await q.createTable(
      new Table({
        name: 'star_rating_objections',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'community_id', type: 'integer' },
          { name: 'year', type: 'integer' },
          { name: 'member_id', type: 'integer' },
          { name: 'about', type: 'varchar', length: '32' },
          { name: 'about_member_id', type: 'integer' },
          { name: 'reason', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'resolved_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'resolved_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'reply', type: 'text', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_objections_year_status', columnNames: ['community_id', 'year', 'status'] },
          { name: 'idx_objections_member', columnNames: ['member_id', 'id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'star_rating_restatements',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'community_id', type: 'integer' },
          { name: 'year', type: 'integer' },
          { name: 'transaction_id', type: 'varchar', length: '36' },
          { name: 'member_id', type: 'integer' },
          { name: 'earned_before', type: 'bigint' },
          { name: 'earned_after', type: 'bigint' },
          { name: 'stars_before', type: 'integer' },
          { name: 'stars_after', type: 'integer' },
          { name: 'reason', type: 'text' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['transaction_id'],
            referencedTableName: 'ledger_transactions',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'idx_restatements_year', columnNames: ['community_id', 'year', 'id'] }],
      }),
    );
    await createAppendOnlyTriggers(q, ['star_rating_restatements']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('star_rating_restatements');
    await q.dropTable('star_rating_objections');
    for (const c of [
      'ref_salt',
      'finalized_by',
      'finalized_at',
      'notice_days',
      'notice_ends_at',
      'notice_starts_at',
    ]) {
      await q.dropColumn('star_ratings', c);
    }
  }
}
