import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/**
 * Events (活动) as they happen on the square: a date with start and end times, several teams and
 * several items, optional sign-up, check-in and check-out, photos. A service record gains the event
 * it came from, the times it was served (check-in to check-out) and where its hours came from, so a
 * member cannot be in two timed records that overlap and a likely duplicate is confirmed on record.
 * Existing records keep what they had: no event, no times, hours as recorded.
 */
export class Events1764019000000 implements MigrationInterface {
  name = 'Events1764019000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'events',
        columns: [
          id,
          { name: 'community_id', type: 'integer' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'place', type: 'varchar', length: '100' },
          { name: 'event_date', type: 'varchar', length: '10' },
          { name: 'starts_at', type: 'varchar', length: '5' },
          { name: 'ends_at', type: 'varchar', length: '5' },
          // planned → closed (records created) or cancelled; never back.
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'signup_audience', type: 'varchar', length: '16', isNullable: true },
          { name: 'capacity', type: 'integer', isNullable: true },
          { name: 'signup_deadline', type: 'varchar', length: '32', isNullable: true },
          { name: 'description', type: 'varchar', length: '500', isNullable: true },
          // Secret of the rotating self check-in code; never leaves the service.
          { name: 'checkin_secret', type: 'varchar', length: '64' },
          { name: 'created_by', type: 'varchar', length: '80' },
          { name: 'created_at', type: 'varchar', length: '32' },
          { name: 'closed_by', type: 'varchar', length: '80', isNullable: true },
          { name: 'closed_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'cancel_reason', type: 'varchar', length: '200', isNullable: true },
        ],
        indices: [
          { name: 'idx_events_community_date', columnNames: ['community_id', 'event_date'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'event_teams',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          { name: 'team_id', type: 'integer', isPrimary: true },
        ],
        indices: [{ name: 'idx_event_teams_team', columnNames: ['team_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'event_items',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          { name: 'item_code', type: 'varchar', length: '40', isPrimary: true },
          { name: 'position', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'event_signups',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          // signed_up | withdrawn; signing up again after withdrawing reuses the row.
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'signed_up_at', type: 'varchar', length: '32' },
          { name: 'withdrawn_at', type: 'varchar', length: '32', isNullable: true },
        ],
        indices: [{ name: 'idx_event_signups_member', columnNames: ['member_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'event_attendance',
        columns: [
          { name: 'event_id', type: 'integer', isPrimary: true },
          { name: 'member_id', type: 'integer', isPrimary: true },
          { name: 'item_code', type: 'varchar', length: '40', isNullable: true },
          // Hundredths; null: from the times (hourly items) or one time (per-time items).
          { name: 'quantity', type: 'bigint', isNullable: true },
          { name: 'check_in_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'check_in_method', type: 'varchar', length: '16', isNullable: true },
          { name: 'check_out_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'check_out_method', type: 'varchar', length: '16', isNullable: true },
          // 补录: a time the leader set by hand, with the reason, by whom and when.
          { name: 'correction_reason', type: 'varchar', length: '200', isNullable: true },
          { name: 'corrected_by', type: 'varchar', length: '80', isNullable: true },
          { name: 'corrected_at', type: 'varchar', length: '32', isNullable: true },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '80' },
          { name: 'updated_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'event_photos',
        columns: [
          id,
          { name: 'community_id', type: 'integer' },
          { name: 'event_id', type: 'integer' },
          { name: 'content_type', type: 'varchar', length: '32' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          // Base64 of the image: one text column on both stores, inside the database's backups.
          { name: 'data', type: 'text' },
          { name: 'uploaded_by', type: 'varchar', length: '80' },
          { name: 'uploaded_at', type: 'varchar', length: '32' },
        ],
        indices: [{ name: 'idx_event_photos_event', columnNames: ['event_id'] }],
      }),
    );
    await q.addColumns('service_records', [
      new TableColumn({ name: 'event_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'started_at', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'ended_at', type: 'varchar', length: '32', isNullable: true }),
      // item (quantity or hoursPerTime) | times (check-in to check-out) | corrected (补录)
      new TableColumn({ name: 'hours_source', type: 'varchar', length: '16', isNullable: true }),
      // The record a leader confirmed this one is not a duplicate of.
      new TableColumn({ name: 'confirmed_distinct_from', type: 'integer', isNullable: true }),
    ]);
    await q.createIndex(
      'service_records',
      new TableIndex({ name: 'idx_service_records_event', columnNames: ['event_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['confirmed_distinct_from', 'hours_source', 'ended_at', 'started_at']) {
      await q.dropColumn('service_records', column);
    }
    await q.dropIndex('service_records', 'idx_service_records_event');
    await q.dropColumn('service_records', 'event_id');
    for (const t of [
      'event_photos',
      'event_attendance',
      'event_signups',
      'event_items',
      'event_teams',
      'events',
    ]) {
      await q.dropTable(t);
    }
  }
}
