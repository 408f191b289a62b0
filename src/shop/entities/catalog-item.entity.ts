import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from '../../common/points';

export type CatalogItemKind = 'goods' | 'service_coupon';
export const CATALOG_ITEM_KINDS: CatalogItemKind[] = ['goods', 'service_coupon'];

/** price is hundredths of a point; stock is whole units and changes only with a StockMovement. */
@Entity('catalog_items')
export class CatalogItem {
  /** The community (社区) the row belongs to. */
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ type: 'varchar' }) kind!: CatalogItemKind;
  @Column({ type: 'bigint', transformer: bigintTransformer }) price!: number;
  @Column({ type: 'integer' }) stock!: number;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar' }) updatedAt!: string;
}

export type StockMovementKind =
  'initial' | 'restock' | 'redemption' | 'cancellation' | 'return' | 'adjustment';

/** One change of an item's stock, with who and why; rows are never updated or deleted. */
@Entity('stock_movements')
export class StockMovement {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'catalog_item_id', type: 'integer' }) catalogItemId!: number;
  @Column({ type: 'varchar' }) kind!: StockMovementKind;
  /** Signed whole units: positive in, negative out. */
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'stock_after', type: 'integer' }) stockAfter!: number;
  @Column({ name: 'redemption_id', type: 'integer', nullable: true }) redemptionId!: number | null;
  @Column({ type: 'varchar' }) actor!: string;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
