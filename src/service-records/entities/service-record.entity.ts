import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

export type ServiceRecordStatus = 'posted' | 'pending' | 'rejected';
/** Where a record's hours came from: the item (quantity or hoursPerTime), check-in to check-out, or a time the leader set by hand (补录). */
export type HoursSource = 'item' | 'times' | 'corrected';

/**
 * quantity, hours and points are hundredths. hours equals quantity for `hour` items and times x
 * `hoursPerTime` for `time` items (0 under a standard version without it), or the time served from
 * check-in to check-out at an event, so service hours can be totalled beside points. A posted record's earn transaction
 * may later be reversed in the ledger; the record itself is never edited.
 */
@Entity('service_records')
export class ServiceRecord {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'team_id', type: 'integer', nullable: true }) teamId!: number | null;
  @Column({ name: 'activity_id', type: 'integer', nullable: true }) activityId!: number | null;
  @Column({ name: 'item_code', type: 'varchar' }) itemCode!: string;
  @Column({ name: 'category_code', type: 'varchar' }) categoryCode!: string;
  @Column({ name: 'standard_version', type: 'integer' }) standardVersion!: number;
  @Column({ type: 'varchar' }) unit!: 'hour' | 'time';
  @Column({ type: 'bigint', transformer: bigintTransformer }) quantity!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) hours!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) points!: number;
  @Column({ name: 'service_date', type: 'varchar' }) serviceDate!: string;
  @Column({ type: 'varchar' }) status!: ServiceRecordStatus;
  @Column({ name: 'transaction_id', type: 'varchar', nullable: true }) transactionId!:
    string | null;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ name: 'reject_reason', type: 'varchar', nullable: true }) rejectReason!: string | null;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'decided_by', type: 'varchar', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'varchar', nullable: true }) decidedAt!: string | null;
  /** The event (活动) the record came from, when it was closed from one. */
  @Column({ name: 'event_id', type: 'integer', nullable: true }) eventId!: number | null;
  /** When the service started and ended (ISO instants), for records of timed service. */
  @Column({ name: 'started_at', type: 'varchar', nullable: true }) startedAt!: string | null;
  @Column({ name: 'ended_at', type: 'varchar', nullable: true }) endedAt!: string | null;
  /** Null for records logged before events existed (their hours came from the item). */
  @Column({ name: 'hours_source', type: 'varchar', nullable: true })
  hoursSource!: HoursSource | null;
  /** The earlier record of the same member, item and day the logger confirmed this is not a copy of. */
  @Column({ name: 'confirmed_distinct_from', type: 'integer', nullable: true })
  confirmedDistinctFrom!: number | null;
}
