import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Hardship = 'elderly_alone' | 'disabled' | 'low_income' | 'other';
export const HARDSHIPS: Hardship[] = ['elderly_alone', 'disabled', 'low_income', 'other'];

@Entity('households')
export class Household {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'account_id', type: 'integer' }) accountId!: number;
  @Column({ name: 'passbook_no', type: 'varchar' }) passbookNo!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar' }) hardship!: Hardship;
  @Column({ type: 'varchar', nullable: true }) address!: string | null;
  @Column({ type: 'varchar', nullable: true }) contact!: string | null;
  @Column({ type: 'boolean' }) verified!: boolean;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
