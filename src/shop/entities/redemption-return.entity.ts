import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

/** Units of a redemption given back at the counter, with the points credited back; rows only grow. */
@Entity('redemption_returns')
export class RedemptionReturn {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'redemption_id', type: 'integer' }) redemptionId!: number;
  /** The `redeem_return` ledger transaction that credited the points back. */
  @Column({ name: 'transaction_id', type: 'varchar' }) transactionId!: string;
  @Column({ type: 'bigint', transformer: bigintTransformer }) points!: number;
  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintTransformer })
  balanceAfter!: number;
  @Column({ type: 'varchar' }) reason!: string;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

/** How many units of one redemption line a return gave back, at the redemption's unit price. */
@Entity('redemption_return_lines')
export class RedemptionReturnLine {
  @PrimaryColumn({ name: 'return_id', type: 'integer' }) returnId!: number;
  @PrimaryColumn({ name: 'catalog_item_id', type: 'integer' }) catalogItemId!: number;
  @Column({ name: 'redemption_id', type: 'integer' }) redemptionId!: number;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'unit_price', type: 'bigint', transformer: bigintTransformer })
  unitPrice!: number;
  @Column({ type: 'bigint', transformer: bigintTransformer }) amount!: number;
}

/** A coupon voided because its unit was returned. */
@Entity('redemption_return_coupons')
export class RedemptionReturnCoupon {
  @PrimaryColumn({ name: 'return_id', type: 'integer' }) returnId!: number;
  @PrimaryColumn({ name: 'coupon_id', type: 'integer' }) couponId!: number;
}
