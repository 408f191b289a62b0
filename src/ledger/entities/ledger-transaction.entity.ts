import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

export type TransactionKind =
  'earn' | 'redeem' | 'redeem_return' | 'donation' | 'reversal' | 'adjust';
export const TRANSACTION_KINDS: TransactionKind[] = [
  'earn',
  'redeem',
  'redeem_return',
  'donation',
  'reversal',
  'adjust',
];

@Entity('ledger_transactions')
export class LedgerTransaction {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryColumn({ type: 'varchar' }) id!: string;
  @Column({ type: 'bigint', transformer: bigintTransformer }) seq!: number;
  @Column({ type: 'varchar' }) kind!: TransactionKind;
  @Column({ name: 'effective_date', type: 'varchar' }) effectiveDate!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ type: 'varchar' }) actor!: string;
  @Column({ type: 'varchar', nullable: true }) reverses!: string | null;
  @Column({ type: 'varchar' }) description!: string;
  @Column({ type: 'text', nullable: true }) meta!: string | null;
  @Column({ name: 'prev_hash', type: 'varchar' }) prevHash!: string;
  @Column({ type: 'varchar' }) hash!: string;
}

@Entity('postings')
export class Posting {
  @PrimaryColumn({ name: 'transaction_id', type: 'varchar' }) transactionId!: string;
  @PrimaryColumn({ name: 'account_id', type: 'integer' }) accountId!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) seq!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) amount!: number;
  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintTransformer })
  balanceAfter!: number;
}
