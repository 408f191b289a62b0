import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { localDate } from '../src/common/clock';

/**
 * When a volunteer joined (`joined_on`, a local date an admin may set to the paper record's) and
 * when they were deactivated (`deactivated_on`, set by the deactivation; null while active), for the
 * volunteer-growth report. `joined_on` is backfilled from `created_at` in the community's zone
 * (COMMUNITY_TZ); members deactivated before this migration get no `deactivated_on` (nothing
 * recorded the day), and the report counts them as still registered.
 */
export class MemberJoinDate1764020200000 implements MigrationInterface {
  name = 'MemberJoinDate1764020200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('members', [
      new TableColumn({ name: 'joined_on', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'deactivated_on', type: 'varchar', length: '10', isNullable: true }),
    ]);
    const timeZone = process.env.COMMUNITY_TZ || 'Asia/Shanghai';
    const rows: { id: unknown; created_at: string }[] = await q.query(
      'SELECT id, created_at FROM members',
    );
    const byDay = new Map<string, number[]>();
    for (const r of rows) {
      const day = localDate(new Date(r.created_at), timeZone);
      byDay.set(day, [...(byDay.get(day) ?? []), Number(r.id)]);
    }
    const pg = q.connection.options.type === 'postgres';
    for (const [day, ids] of byDay) {
      for (let i = 0; i < ids.length; i += 500) {
        const slice = ids.slice(i, i + 500);
        const marks = slice.map((_, j) => (pg ? `$${j + 2}` : '?')).join(', ');
        await q.query(`UPDATE members SET joined_on = ${pg ? '$1' : '?'} WHERE id IN (${marks})`, [
          day,
          ...slice,
        ]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('members', 'deactivated_on');
    await q.dropColumn('members', 'joined_on');
  }
}
