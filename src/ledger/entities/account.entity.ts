import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

export type AccountKind = 'issuance' | 'shop' | 'member' | 'household';
/** Accounts of people may never go below zero; system accounts carry the other side. */
export const OWNED_ACCOUNT_KINDS: AccountKind[] = ['member', 'household'];

@Entity('accounts')
export class Account {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) kind!: AccountKind;
  @Column({ name: 'passbook_no', type: 'varchar', nullable: true }) passbookNo!: string | null;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

@Entity('balances')
export class Balance {
  @Column({ name: 'account_id', type: 'integer', primary: true }) accountId!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) balance!: number;
}
