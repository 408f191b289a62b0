import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bearer token, stored only as its SHA-256 so a leaked table grants nothing. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar' }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'integer', nullable: true }) userId!: number | null;
  @Column({ name: 'member_id', type: 'integer', nullable: true }) memberId!: number | null;
  @Column({ name: 'expires_at', type: 'varchar' }) expiresAt!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
