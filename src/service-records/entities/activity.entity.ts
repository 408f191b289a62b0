import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A team's event (the monthly fair, a patrol night) whose participants were logged together. */
@Entity('activities')
export class Activity {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'team_id', type: 'integer' }) teamId!: number;
  @Column({ name: 'item_code', type: 'varchar' }) itemCode!: string;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ name: 'service_date', type: 'varchar' }) serviceDate!: string;
  @Column({ name: 'standard_version', type: 'integer' }) standardVersion!: number;
  @Column({ type: 'integer' }) participants!: number;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
