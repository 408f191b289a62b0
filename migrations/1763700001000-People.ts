import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** Members and hardship households (each with a passbook account), teams with leaders and members. */
export class People1763700001000 implements MigrationInterface {
  name = 'People1763700001000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'members',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'account_id', type: 'integer', isUnique: true },
          { name: 'passbook_no', type: 'varchar', length: '16', isUnique: true },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'pin_hash', type: 'varchar', length: '255' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'households',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'account_id', type: 'integer', isUnique: true },
          { name: 'passbook_no', type: 'varchar', length: '16', isUnique: true },
          { name: 'name', type: 'varchar', length: '50' },
          { name: 'hardship', type: 'varchar', length: '16' },
          { name: 'address', type: 'varchar', length: '200', isNullable: true },
          { name: 'contact', type: 'varchar', length: '50', isNullable: true },
          { name: 'verified', type: 'boolean', default: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          {
            columnNames: ['account_id'],
            referencedTableName: 'accounts',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'teams',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'name', type: 'varchar', length: '50', isUnique: true },
          { name: 'service_type', type: 'varchar', length: '50', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team_leaders',
        columns: [
          { name: 'team_id', type: 'integer', isPrimary: true },
          { name: 'user_id', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [
          { columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
        indices: [{ name: 'idx_team_leaders_user', columnNames: ['user_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team_members',
        columns: [
          { name: 'team_id', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          { columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'] },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'idx_team_members_member', columnNames: ['member_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['team_members', 'team_leaders', 'teams', 'households', 'members']) {
      await q.dropTable(t);
    }
  }
}
