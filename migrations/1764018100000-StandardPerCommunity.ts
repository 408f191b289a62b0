import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';

/**
 * The scoring standard is versioned per community: each community's versions are numbered 1, 2, …
 * of its own, so `standard_versions` is rebuilt keyed by (community_id, version), its content hash
 * unique within the community only, and an activity points at the version of its own community.
 * The rows already here (all of community 1) are copied unchanged, so every record and activity
 * still names the version that scored it.
 */
export class StandardPerCommunity1764018100000 implements MigrationInterface {
  name = 'StandardPerCommunity1764018100000';

  async up(q: QueryRunner): Promise<void> {
    const activities = (await q.getTable('activities'))!;
    for (const fk of activities.foreignKeys.filter((k) =>
      k.referencedTableName.endsWith('standard_versions'),
    )) {
      await q.dropForeignKey('activities', fk);
    }
    await q.createTable(
      new Table({
        name: 'standard_versions_by_community',
        columns: [
          { name: 'community_id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'effective_from', type: 'varchar', length: '10' },
          { name: 'content_hash', type: 'varchar', length: '64' },
          { name: 'content', type: 'text' },
          { name: 'loaded_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.query(
      `INSERT INTO standard_versions_by_community
         (community_id, version, effective_from, content_hash, content, loaded_at)
       SELECT community_id, version, effective_from, content_hash, content, loaded_at
         FROM standard_versions`,
    );
    await q.dropTable('standard_versions');
    await q.renameTable('standard_versions_by_community', 'standard_versions');
    await q.query(
      'CREATE INDEX idx_standard_versions_effective ON standard_versions (community_id, effective_from)',
    );
    await q.query(
      'CREATE UNIQUE INDEX uq_standard_versions_community_content_hash ON standard_versions (community_id, content_hash)',
    );
    await q.createForeignKey(
      'activities',
      new TableForeignKey({
        columnNames: ['community_id', 'standard_version'],
        referencedTableName: 'standard_versions',
        referencedColumnNames: ['community_id', 'version'],
      }),
    );
  }

  async down(): Promise<void> {
    throw new Error('standard per community cannot be undone: restore the backup taken before');
  }
}
