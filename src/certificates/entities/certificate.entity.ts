import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

/**
 * A certificate of recorded service (志愿服务记录证明) as issued: `payload` is the canonical JSON that
 * was signed, kept byte for byte, and `signature` its Ed25519 signature; the columns beside them
 * only index the register. Nothing of it changes after issue (the table is append-only); a
 * revocation is a row of its own in `certificate_revocations`.
 */
@Entity('certificates')
export class Certificate {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ type: 'varchar' }) number!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'period_from', type: 'varchar' }) periodFrom!: string;
  @Column({ name: 'period_to', type: 'varchar' }) periodTo!: string;
  /** Hundredths of an hour. */
  @Column({ type: 'bigint', transformer: bigintTransformer }) hours!: number;
  @Column({ type: 'text' }) payload!: string;
  @Column({ type: 'varchar' }) signature!: string;
  @Column({ name: 'issued_by', type: 'varchar' }) issuedBy!: string;
  @Column({ name: 'issued_at', type: 'varchar' }) issuedAt!: string;
}
