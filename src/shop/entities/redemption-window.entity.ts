import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RedemptionWindowKind = 'scheduled' | 'ad_hoc';

/**
 * A period in which the shop redeems. Open means opensAt <= now < closesAt, read from this row and
 * the clock only; closing early moves closesAt and records who did it.
 */
@Entity('redemption_windows')
export class RedemptionWindow {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) kind!: RedemptionWindowKind;
  /** "2026-Q1" for a scheduled window, so the job creates each period's window once. */
  @Column({ name: 'period_key', type: 'varchar', nullable: true }) periodKey!: string | null;
  @Column({ name: 'opens_at', type: 'varchar' }) opensAt!: string;
  @Column({ name: 'closes_at', type: 'varchar' }) closesAt!: string;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'closed_by', type: 'varchar', nullable: true }) closedBy!: string | null;
  @Column({ name: 'closed_at', type: 'varchar', nullable: true }) closedAt!: string | null;
}

export type RedemptionWindowEventKind = 'created' | 'rescheduled' | 'opened' | 'closed';

/** The log of a window: when it was created, moved, opened and closed; rows only grow. */
@Entity('redemption_window_events')
export class RedemptionWindowEvent {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'window_id', type: 'integer' }) windowId!: number;
  @Column({ type: 'varchar' }) kind!: RedemptionWindowEventKind;
  /** When it happened (the scheduled instant for an opening or closing found late). */
  @Column({ type: 'varchar' }) at!: string;
  @Column({ type: 'varchar' }) actor!: string;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ name: 'recorded_at', type: 'varchar' }) recordedAt!: string;
}
