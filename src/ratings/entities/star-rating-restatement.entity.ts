import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

/** A correction of a final year (append-only): who, when, why, and the member's figures around it. */
@Entity('star_rating_restatements')
export class StarRatingRestatement {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'transaction_id', type: 'varchar' }) transactionId!: string;
  @Column({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'earned_before', type: 'bigint', transformer: bigintTransformer })
  earnedBefore!: number;
  @Column({ name: 'earned_after', type: 'bigint', transformer: bigintTransformer })
  earnedAfter!: number;
  @Column({ name: 'stars_before', type: 'integer' }) starsBefore!: number;
  @Column({ name: 'stars_after', type: 'integer' }) starsAfter!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'varchar' }) actor!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
