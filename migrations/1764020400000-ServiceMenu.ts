import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The service menu (点单): what a community's teams offer (`menu_items`, each tied to a standard
 * item and a team), residents' orders of them (`service_orders`, from `placed` to `done`, with the
 * rating given after), and who a team sent to serve each order (`service_order_assignees`, with
 * the service record the order's completion logged for them).
 */
export class ServiceMenu1764020400000 implements MigrationInterface {
  name = 'ServiceMenu1764020400000';

  async up(q: QueryRunner): Promise<void> {
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment' as const,
    };
    const ts = (name: string, isNullable = true) => ({
      name,
      type: 'varchar',
      length: '32',
      isNullable,
    });
    const actor = (name: string, isNullable = true) => ({
      name,
      type: 'varchar',
      length: '64',
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'menu_items',
        columns: [
          id,
          { name: 'community_id', type: 'integer' },
          { name: 'team_id', type: 'integer' },
          { name: 'item_code', type: 'varchar', length: '40' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'availability', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '16' },
          actor('created_by', false),
          ts('created_at', false),
          ts('updated_at', false),
          ts('withdrawn_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
          { columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'] },
        ],
        indices: [
          { name: 'idx_menu_items_community', columnNames: ['community_id', 'status', 'id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'service_orders',
        columns: [
          id,
          { name: 'community_id', type: 'integer' },
          { name: 'menu_item_id', type: 'integer' },
          { name: 'team_id', type: 'integer' },
          { name: 'member_id', type: 'integer', isNullable: true },
          { name: 'household_id', type: 'integer', isNullable: true },
          { name: 'preferred_time', type: 'varchar', length: '60' },
          { name: 'place', type: 'varchar', length: '200' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          actor('ordered_by', false),
          ts('created_at', false),
          actor('accepted_by'),
          ts('accepted_at'),
          { name: 'decline_reason', type: 'varchar', length: '200', isNullable: true },
          actor('declined_by'),
          ts('declined_at'),
          { name: 'service_date', type: 'varchar', length: '10', isNullable: true },
          actor('done_by'),
          ts('done_at'),
          actor('cancelled_by'),
          ts('cancelled_at'),
          { name: 'rating', type: 'integer', isNullable: true },
          { name: 'rating_comment', type: 'varchar', length: '200', isNullable: true },
          actor('rated_by'),
          ts('rated_at'),
        ],
        foreignKeys: [
          {
            columnNames: ['community_id'],
            referencedTableName: 'communities',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['menu_item_id'],
            referencedTableName: 'menu_items',
            referencedColumnNames: ['id'],
          },
          { columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'] },
          {
            columnNames: ['member_id'],
            referencedTableName: 'members',
            referencedColumnNames: ['id'],
          },
          {
            columnNames: ['household_id'],
            referencedTableName: 'households',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'idx_orders_community', columnNames: ['community_id', 'status', 'id'] },
          { name: 'idx_orders_team', columnNames: ['team_id', 'id'] },
          { name: 'idx_orders_member', columnNames: ['member_id', 'id'] },
          { name: 'idx_orders_household', columnNames: ['household_id', 'id'] },
          { name: 'idx_orders_done', columnNames: ['community_id', 'service_date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'service_order_assignees',
        columns: [
          { name: 'order_id', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          { name: 'service_record_id', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['order_id'],
            referencedTableName: 'service_orders',
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('service_order_assignees');
    await q.dropTable('service_orders');
    await q.dropTable('menu_items');
  }
}
