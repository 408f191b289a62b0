import { Column, Entity, PrimaryColumn } from 'typeorm';

export type StarRatingStatus = 'draft' | 'published';

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
}
