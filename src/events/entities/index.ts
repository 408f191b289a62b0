import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

export type EventStatus = 'planned' | 'closed' | 'cancelled';
/** Who may sign up: members of the event's teams, or every volunteer of the community. */
export type SignupAudience = 'teams' | 'community';

/**
 * An event (活动) as it happens: a date with local start and end times (HH:MM in the community's
 * zone), the teams running it, the items served there. `planned` until its leader closes it, which
 * creates its service records in one transaction, or cancels it.
 */
@Entity('events')
export class Event {
  @PrimaryGeneratedColumn() id!: number;
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'varchar' }) place!: string;
  @Column({ name: 'event_date', type: 'varchar' }) eventDate!: string;
  @Column({ name: 'starts_at', type: 'varchar' }) startsAt!: string;
  @Column({ name: 'ends_at', type: 'varchar' }) endsAt!: string;
  @Column({ type: 'varchar' }) status!: EventStatus;
  /** Null: no sign-up, the leader brings the volunteers. */
  @Column({ name: 'signup_audience', type: 'varchar', nullable: true })
  signupAudience!: SignupAudience | null;
  @Column({ type: 'integer', nullable: true }) capacity!: number | null;
  /** ISO instant after which sign-up and withdrawal are closed. */
  @Column({ name: 'signup_deadline', type: 'varchar', nullable: true }) signupDeadline!:
    string | null;
  @Column({ type: 'varchar', nullable: true }) description!: string | null;
  /** Key of the rotating self check-in code (hex); never in a response. */
  @Column({ name: 'checkin_secret', type: 'varchar', select: false }) checkinSecret!: string;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'closed_by', type: 'varchar', nullable: true }) closedBy!: string | null;
  @Column({ name: 'closed_at', type: 'varchar', nullable: true }) closedAt!: string | null;
  @Column({ name: 'cancel_reason', type: 'varchar', nullable: true }) cancelReason!: string | null;
}

/** A team running an event; its leaders run the event. */
@Entity('event_teams')
export class EventTeam {
  @PrimaryColumn({ name: 'event_id', type: 'integer' }) eventId!: number;
  @PrimaryColumn({ name: 'team_id', type: 'integer' }) teamId!: number;
}

/** An item of the standard served at an event, in the order the leader listed them. */
@Entity('event_items')
export class EventItem {
  @PrimaryColumn({ name: 'event_id', type: 'integer' }) eventId!: number;
  @PrimaryColumn({ name: 'item_code', type: 'varchar' }) itemCode!: string;
  @Column({ type: 'integer' }) position!: number;
}

export type SignupStatus = 'signed_up' | 'withdrawn';

/** A volunteer's sign-up (报名) for an event; withdrawing keeps the row. */
@Entity('event_signups')
export class EventSignup {
  @PrimaryColumn({ name: 'event_id', type: 'integer' }) eventId!: number;
  @PrimaryColumn({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ type: 'varchar' }) status!: SignupStatus;
  @Column({ name: 'signed_up_at', type: 'varchar' }) signedUpAt!: string;
  @Column({ name: 'withdrawn_at', type: 'varchar', nullable: true }) withdrawnAt!: string | null;
}

/** How a time was taken: the leader scanned the passbook QR, tapped the name, the volunteer scanned the event's code, or the leader set it by hand (补录). */
export type AttendanceMethod = 'scan' | 'name' | 'self' | 'corrected';

/**
 * One participant of an event: what they served (item, quantity) and when (check-in, check-out).
 * Closing the event turns each row into a service record.
 */
@Entity('event_attendance')
export class EventAttendance {
  @PrimaryColumn({ name: 'event_id', type: 'integer' }) eventId!: number;
  @PrimaryColumn({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'item_code', type: 'varchar', nullable: true }) itemCode!: string | null;
  /** Hundredths; null: from the times (hourly items), one time (per-time items). */
  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer }) quantity!:
    number | null;
  @Column({ name: 'check_in_at', type: 'varchar', nullable: true }) checkInAt!: string | null;
  @Column({ name: 'check_in_method', type: 'varchar', nullable: true })
  checkInMethod!: AttendanceMethod | null;
  @Column({ name: 'check_out_at', type: 'varchar', nullable: true }) checkOutAt!: string | null;
  @Column({ name: 'check_out_method', type: 'varchar', nullable: true })
  checkOutMethod!: AttendanceMethod | null;
  @Column({ name: 'correction_reason', type: 'varchar', nullable: true })
  correctionReason!: string | null;
  @Column({ name: 'corrected_by', type: 'varchar', nullable: true }) correctedBy!: string | null;
  @Column({ name: 'corrected_at', type: 'varchar', nullable: true }) correctedAt!: string | null;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'updated_at', type: 'varchar' }) updatedAt!: string;
}

/** A photo of an event (evidence), stored with the data as base64. */
@Entity('event_photos')
export class EventPhoto {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ name: 'event_id', type: 'integer' }) eventId!: number;
  @Column({ name: 'content_type', type: 'varchar' }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'varchar' }) sha256!: string;
  @Column({ type: 'text', select: false }) data!: string;
  @Column({ name: 'uploaded_by', type: 'varchar' }) uploadedBy!: string;
  @Column({ name: 'uploaded_at', type: 'varchar' }) uploadedAt!: string;
}

export const eventEntities = [
  Event,
  EventTeam,
  EventItem,
  EventSignup,
  EventAttendance,
  EventPhoto,
];
