import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

/** One gift from a volunteer's passbook to a hardship household; `transactionId` moved the points. */
@Entity('donations')
export class Donation {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'transaction_id', type: 'varchar' }) transactionId!: string;
  @Column({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'household_id', type: 'integer' }) householdId!: number;
  /** Hundredths. */
  @Column({ type: 'bigint', transformer: bigintTransformer }) points!: number;
  /** Who recorded it: the volunteer themself ("member:12") or an admin on their behalf ("user:3"). */
  @Column({ type: 'varchar' }) actor!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  /** The wish (微心愿) the gift is toward, if any: its household is the gift's. */
  @Column({ name: 'wish_id', type: 'integer', nullable: true }) wishId!: number | null;
}
