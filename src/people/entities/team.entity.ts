import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity('teams')
export class Team {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ name: 'service_type', type: 'varchar', nullable: true }) serviceType!: string | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

@Entity('team_leaders')
export class TeamLeader {
  @PrimaryColumn({ name: 'team_id', type: 'integer' }) teamId!: number;
  @PrimaryColumn({ name: 'user_id', type: 'integer' }) userId!: number;
}

@Entity('team_members')
export class TeamMember {
  @PrimaryColumn({ name: 'team_id', type: 'integer' }) teamId!: number;
  @PrimaryColumn({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
