import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('idempotency_keys')
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'varchar' }) principal!: string;
  @PrimaryColumn({ type: 'varchar' }) key!: string;
  @Column({ name: 'request_hash', type: 'varchar' }) requestHash!: string;
  @Column({ name: 'status_code', type: 'integer' }) statusCode!: number;
  @Column({ name: 'response_body', type: 'text' }) responseBody!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
