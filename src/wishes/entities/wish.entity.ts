import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

export const WISH_CATEGORIES = ['goods', 'transport', 'repair', 'company', 'other'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const WISH_STATUSES = ['open', 'claimed', 'fulfilled'] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

/**
 * A small wish (微心愿) of a hardship household (posted by staff on its behalf) or of a volunteer
 * for themself; claimed by one volunteer or one team at a time, confirmed fulfilled by staff.
 */
@Entity('wishes')
export class Wish {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ name: 'household_id', type: 'integer', nullable: true }) householdId!: number | null;
  @Column({ name: 'member_id', type: 'integer', nullable: true }) memberId!: number | null;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ type: 'varchar' }) category!: WishCategory;
  /** Local date (YYYY-MM-DD) it is wished by. */
  @Column({ name: 'needed_by', type: 'varchar' }) neededBy!: string;
  /** Hundredths of points it needs (goods from the shop), if any. */
  @Column({ name: 'points_needed', type: 'bigint', nullable: true, transformer: bigintTransformer })
  pointsNeeded!: number | null;
  @Column({ type: 'varchar' }) status!: WishStatus;
  @Column({ name: 'claim_member_id', type: 'integer', nullable: true })
  claimMemberId!: number | null;
  @Column({ name: 'claim_team_id', type: 'integer', nullable: true }) claimTeamId!: number | null;
  @Column({ name: 'claimed_by', type: 'varchar', nullable: true }) claimedBy!: string | null;
  @Column({ name: 'claimed_at', type: 'varchar', nullable: true }) claimedAt!: string | null;
  /** Local date the fulfilment was confirmed (the reports count by it). */
  @Column({ name: 'fulfilled_on', type: 'varchar', nullable: true }) fulfilledOn!: string | null;
  @Column({ name: 'fulfilled_at', type: 'varchar', nullable: true }) fulfilledAt!: string | null;
  @Column({ name: 'fulfilled_by', type: 'varchar', nullable: true }) fulfilledBy!: string | null;
  @Column({ name: 'fulfil_note', type: 'varchar', nullable: true }) fulfilNote!: string | null;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

/** A volunteer credited for a fulfilled wish, and the service record that credits them. */
@Entity('wish_helpers')
export class WishHelper {
  @PrimaryColumn({ name: 'wish_id', type: 'integer' }) wishId!: number;
  @PrimaryColumn({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'service_record_id', type: 'integer' }) serviceRecordId!: number;
}
