import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

/** A member's points earned in the year (hundredths) and the stars they give. */
@Entity('star_rating_entries')
export class StarRatingEntry {
  @PrimaryColumn({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @PrimaryColumn({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) earned!: number;
  @Column({ type: 'integer' }) stars!: number;
}
