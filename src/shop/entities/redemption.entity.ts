import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';
import { CatalogItemKind } from './catalog-item.entity';

export type RedemptionStatus = 'completed' | 'cancelled';
export type PassbookOwnerType = 'member' | 'household';

/** One exchange of points for goods and coupons at the counter; total and balances in hundredths. */
@Entity('redemptions')
export class Redemption {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'passbook_no', type: 'varchar' }) passbookNo!: string;
  @Column({ name: 'account_id', type: 'integer' }) accountId!: number;
  @Column({ name: 'owner_type', type: 'varchar' }) ownerType!: PassbookOwnerType;
  @Column({ name: 'window_id', type: 'integer' }) windowId!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) total!: number;
  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintTransformer })
  balanceAfter!: number;
  @Column({ name: 'transaction_id', type: 'varchar', nullable: true }) transactionId!:
    string | null;
  @Column({ type: 'varchar' }) status!: RedemptionStatus;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'cancel_transaction_id', type: 'varchar', nullable: true })
  cancelTransactionId!: string | null;
  @Column({ name: 'cancel_reason', type: 'varchar', nullable: true }) cancelReason!: string | null;
  @Column({ name: 'cancelled_by', type: 'varchar', nullable: true }) cancelledBy!: string | null;
  @Column({ name: 'cancelled_at', type: 'varchar', nullable: true }) cancelledAt!: string | null;
  @Column({
    name: 'balance_after_cancel',
    type: 'bigint',
    nullable: true,
    transformer: bigintTransformer,
  })
  balanceAfterCancel!: number | null;
}

/** What was taken, at the price of the day (the catalog price may change later). */
@Entity('redemption_lines')
export class RedemptionLine {
  @PrimaryColumn({ name: 'redemption_id', type: 'integer' }) redemptionId!: number;
  @PrimaryColumn({ name: 'catalog_item_id', type: 'integer' }) catalogItemId!: number;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar' }) kind!: CatalogItemKind;
  @Column({ name: 'unit_price', type: 'bigint', transformer: bigintTransformer })
  unitPrice!: number;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) amount!: number;
}

export type CouponStatus = 'issued' | 'used' | 'void';

/** A one-time code for one unit of a service item; used once, or void when its redemption is cancelled. */
@Entity('coupons')
export class Coupon {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ name: 'redemption_id', type: 'integer' }) redemptionId!: number;
  @Column({ name: 'catalog_item_id', type: 'integer' }) catalogItemId!: number;
  @Column({ name: 'passbook_no', type: 'varchar' }) passbookNo!: string;
  @Column({ type: 'varchar' }) status!: CouponStatus;
  @Column({ name: 'issued_at', type: 'varchar' }) issuedAt!: string;
  @Column({ name: 'used_at', type: 'varchar', nullable: true }) usedAt!: string | null;
  @Column({ name: 'used_by', type: 'varchar', nullable: true }) usedBy!: string | null;
  @Column({ name: 'use_note', type: 'varchar', nullable: true }) useNote!: string | null;
  @Column({ name: 'voided_at', type: 'varchar', nullable: true }) voidedAt!: string | null;
}
