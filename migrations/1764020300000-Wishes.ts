import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * Wishes (微心愿): a small wish posted for a hardship household or by a volunteer for themself,
 * claimed by a volunteer or a team and confirmed fulfilled by staff. `wish_helpers` names the
 * volunteers credited for it and their service records; a donation may name the wish it is toward.
 */
export class Wishes1764020300000 implements MigrationInterface {
  name = 'Wishes1764020300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'wishes',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'community_id', type: 'integer' },
          { name: 'household_id', type: 'integer', isNullable: true },
          { name: 'member_id', type: 'integer', isNullable: true },
          { name: 'title', type: 'varchar', length: '60' },
          { name: 'detail', type: 'text', isNullable: true },
          { name: 'category', type: 'varchar', length: '16' },
          { name: 'needed_by', type: 'varchar', length: '10' },
          { name: 'points_needed', type: 'bigint', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'claim_member_id', type: 'integer', isNullable: true },
          { name: 'claim_team_id', type: 'integer', isNullable: true },
          { name: 'claimed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'claimed_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'fulfilled_on', type: 'varchar', length: '10', isNullable: true },
          { name: 'fulfilled_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'fulfilled_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'fulfil_note', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['household_id'],
            referencedTableName: 'households',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['claim_member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['claim_team_id'],
            referencedTableName: 'teams',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_wishes_status', columnNames: ['community_id', 'status', 'needed_by'] },
          { name: 'idx_wishes_fulfilled_on', columnNames: ['community_id', 'fulfilled_on'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'wish_helpers',
        columns: [
          { name: 'wish_id', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          { name: 'service_record_id', type: 'integer' },
        ],
        foreignKeys: [
          {
            columnNames: ['wish_id'],
            referencedTableName: 'wishes',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['service_record_id'],
            referencedTableName: 'service_records',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.addColumn(
      'donations',
      new TableColumn({ name: 'wish_id', type: 'integer', isNullable: true }),
    );
    await q.createIndex(
      'donations',
      new TableIndex({ name: 'idx_donations_wish', columnNames: ['wish_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('donations', 'idx_donations_wish');
    await q.dropColumn('donations', 'wish_id');
    await q.dropTable('wish_helpers');
    await q.dropTable('wishes');
  }
}
