import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Recent login attempts at one subject ("user:<username>" or "passbook:<number>"), or at one subject
 * from one client address ("user:<username>@<address>").
 */
@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar' }) subject!: string;
  @Column({ type: 'integer' }) failures!: number;
  @Column({ name: 'first_failed_at', type: 'varchar' }) firstFailedAt!: string;
  @Column({ name: 'last_failed_at', type: 'varchar' }) lastFailedAt!: string;
  @Column({ name: 'locked_until', type: 'varchar', nullable: true }) lockedUntil!: string | null;
}
