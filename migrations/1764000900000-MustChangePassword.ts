import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A staff user whose password someone else chose (the generated first admin, an operator's or an
 * admin's reset) is asked by the pages to choose their own; existing users are not asked.
 */
export class MustChangePassword1764000900000 implements MigrationInterface {
  name = 'MustChangePassword1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'users',
      new TableColumn({ name: 'must_change_password', type: 'boolean', default: false }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'must_change_password');
  }
}
