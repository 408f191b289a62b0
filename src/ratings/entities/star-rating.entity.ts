import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * `draft` → publish → `published` (the notice period, 公示, is open for objections) → finalize →
 * `final` (stars granted). From publication on the year is closed to new service records.
 */
export type StarRatingStatus = 'draft' | 'published' | 'final';

/** One year's rating; once published the year is closed to new service records. */
@Entity('star_ratings')
export class StarRating {
  @PrimaryColumn({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar' }) status!: StarRatingStatus;
  /** JSON: the points needed for one to five stars, as used for this year. */
  @Column({ type: 'text' }) thresholds!: string;
  @Column({ name: 'computed_at', type: 'varchar' }) computedAt!: string;
  @Column({ name: 'published_at', type: 'varchar', nullable: true }) publishedAt!: string | null;
  @Column({ name: 'published_by', type: 'varchar', nullable: true }) publishedBy!: string | null;
  @Column({ name: 'notice_starts_at', type: 'varchar', nullable: true })
  noticeStartsAt!: string | null;
  @Column({ name: 'notice_ends_at', type: 'varchar', nullable: true })
  noticeEndsAt!: string | null;
  @Column({ name: 'notice_days', type: 'integer', nullable: true }) noticeDays!: number | null;
  @Column({ name: 'finalized_at', type: 'varchar', nullable: true }) finalizedAt!: string | null;
  @Column({ name: 'finalized_by', type: 'varchar', nullable: true }) finalizedBy!: string | null;
  /** Keys the opaque `ref` of each entry on the public notice; never shown. */
  @Column({ name: 'ref_salt', type: 'varchar', nullable: true }) refSalt!: string | null;
}
