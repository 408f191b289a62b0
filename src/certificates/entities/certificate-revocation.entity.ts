import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The revocation of a certificate (append-only, like the certificate itself): its certificate's id
 * is the primary key, so a certificate is revoked at most once, and nothing takes it back.
 */
@Entity('certificate_revocations')
export class CertificateRevocation {
  @PrimaryColumn({ name: 'certificate_id', type: 'integer' }) certificateId!: number;
  @Column({ name: 'revoked_at', type: 'varchar' }) revokedAt!: string;
  @Column({ name: 'revoked_by', type: 'varchar' }) revokedBy!: string;
  @Column({ type: 'varchar' }) reason!: string;
}
