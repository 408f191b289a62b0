import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Year-end star ratings. `star_ratings` is also created by the service-records migration (it refuses
 * records in a published year), so it is created here only when missing, with the same columns.
 */
export class StarRatings1763700401000 implements MigrationInterface {
  name = 'StarRatings1763700401000';

  async up(q: QueryRunner): Promise<void> {
    if (!(await q.hasTable('star_ratings'))) {
      await q.createTable(
        new Table({
          name: 'star_ratings',
          columns: [
            { name: 'year', type: 'integer', isPrimary: true },
            { name: 'status', type: 'varchar', length: '16' },
            { name: 'thresholds', type: 'text' },
            { name: 'computed_at', type: 'varchar', length: '32' },
            { name: 'published_at', type: 'varchar', length: '32', isNullable: true },
            { name: 'published_by', type: 'varchar', length: '64', isNullable: true },
          ],
        }),
      );
    }
    await q.createTable(
      new Table({
        name: 'star_rating_entries',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          { name: 'earned', type: 'bigint' },
          { name: 'stars', type: 'integer' },
        ],
        foreignKeys: [
          {
            columnNames: ['year'],
            referencedTableName: 'star_ratings',
            referencedColumnNames: ['year'],
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'idx_star_rating_entries_year_stars', columnNames: ['year', 'stars'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // star_ratings may belong to the service-records migration as well; it is left in place.
    await q.dropTable('star_rating_entries');
  }
}
