import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ObjectionStatus = 'open' | 'accepted' | 'rejected';

/** A volunteer's objection (异议) to an entry of a published rating, and the admin's answer. */
@Entity('star_rating_objections')
export class StarRatingObjection {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ type: 'integer' }) year!: number;
  /** Who objects. */
  @Column({ name: 'member_id', type: 'integer' }) memberId!: number;
  /** "self" or the public notice's `ref` of the entry objected to. */
  @Column({ type: 'varchar' }) about!: string;
  /** The member whose entry it is about (the objector for "self"); never shown to the objector. */
  @Column({ name: 'about_member_id', type: 'integer' }) aboutMemberId!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'varchar' }) status!: ObjectionStatus;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'resolved_at', type: 'varchar', nullable: true }) resolvedAt!: string | null;
  @Column({ name: 'resolved_by', type: 'varchar', nullable: true }) resolvedBy!: string | null;
  @Column({ type: 'text', nullable: true }) reply!: string | null;
}
