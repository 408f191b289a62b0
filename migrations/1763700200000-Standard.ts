import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Versions of the scoring standard, team activities logged at once, and the star-rating table whose
 * published rows close a year to new service records.
 */
export class Standard1763700200000 implements MigrationInterface {
  name = 'Standard1763700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'standard_versions',
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'effective_from', type: 'varchar', length: '10' },
          { name: 'content_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'content', type: 'text' },
          { name: 'loaded_at', type: 'varchar', length: '32' },
        ],
        indices: [{ name: 'idx_standard_versions_effective', columnNames: ['effective_from'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activities',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'team_id', type: 'integer' },
          { name: 'item_code', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'service_date', type: 'varchar', length: '10' },
          { name: 'standard_version', type: 'integer' },
          { name: 'participants', type: 'integer' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          { columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'] },
          {
            columnNames: ['standard_version'],
            referencedTableName: 'standard_versions',
            referencedColumnNames: ['version'],
          },
        ],
        indices: [{ name: 'idx_activities_team_date', columnNames: ['team_id', 'service_date'] }],
      }),
    );
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'idx_service_records_activity', columnNames: ['activity_id'] }),
    );
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'idx_service_records_team', columnNames: ['team_id'] }),
    );
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

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('star_ratings');
    await q.dropIndex('service_records', 'idx_service_records_team');
    await q.dropIndex('service_records', 'idx_service_records_activity');
    await q.dropTable('activities');
    await q.dropTable('standard_versions');
  }
}
