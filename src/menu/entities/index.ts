import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type MenuItemStatus = 'active' | 'withdrawn';

/** A service a team offers on the community's menu (服务菜单), scored as a standard item. */
@Entity('menu_items')
export class MenuItem {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ name: 'team_id', type: 'integer' }) teamId!: number;
  @Column({ name: 'item_code', type: 'varchar' }) itemCode!: string;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** When it is offered, as the team says it (每周六上午). */
  @Column({ type: 'varchar' }) availability!: string;
  @Column({ type: 'varchar' }) status!: MenuItemStatus;
  @Column({ name: 'created_by', type: 'varchar' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar' }) updatedAt!: string;
  @Column({ name: 'withdrawn_at', type: 'varchar', nullable: true }) withdrawnAt!: string | null;
}

export type OrderStatus = 'placed' | 'accepted' | 'declined' | 'done' | 'cancelled';

/**
 * A resident's order (点单) of a menu item: a volunteer's own (`memberId`) or a household's placed
 * by a clerk or admin (`householdId`). `teamId` is the menu item's team when ordered.
 */
@Entity('service_orders')
export class ServiceOrder {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'community_id', type: 'integer' }) communityId!: number;
  @Column({ name: 'menu_item_id', type: 'integer' }) menuItemId!: number;
  @Column({ name: 'team_id', type: 'integer' }) teamId!: number;
  @Column({ name: 'member_id', type: 'integer', nullable: true }) memberId!: number | null;
  @Column({ name: 'household_id', type: 'integer', nullable: true }) householdId!: number | null;
  @Column({ name: 'preferred_time', type: 'varchar' }) preferredTime!: string;
  @Column({ type: 'varchar' }) place!: string;
  @Column({ type: 'varchar', nullable: true }) note!: string | null;
  @Column({ type: 'varchar' }) status!: OrderStatus;
  @Column({ name: 'ordered_by', type: 'varchar' }) orderedBy!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'accepted_by', type: 'varchar', nullable: true }) acceptedBy!: string | null;
  @Column({ name: 'accepted_at', type: 'varchar', nullable: true }) acceptedAt!: string | null;
  @Column({ name: 'decline_reason', type: 'varchar', nullable: true }) declineReason!:
    string | null;
  @Column({ name: 'declined_by', type: 'varchar', nullable: true }) declinedBy!: string | null;
  @Column({ name: 'declined_at', type: 'varchar', nullable: true }) declinedAt!: string | null;
  /** The local date the order was served on (its records' service date). */
  @Column({ name: 'service_date', type: 'varchar', nullable: true }) serviceDate!: string | null;
  @Column({ name: 'done_by', type: 'varchar', nullable: true }) doneBy!: string | null;
  @Column({ name: 'done_at', type: 'varchar', nullable: true }) doneAt!: string | null;
  @Column({ name: 'cancelled_by', type: 'varchar', nullable: true }) cancelledBy!: string | null;
  @Column({ name: 'cancelled_at', type: 'varchar', nullable: true }) cancelledAt!: string | null;
  @Column({ type: 'integer', nullable: true }) rating!: number | null;
  @Column({ name: 'rating_comment', type: 'varchar', nullable: true }) ratingComment!:
    string | null;
  @Column({ name: 'rated_by', type: 'varchar', nullable: true }) ratedBy!: string | null;
  @Column({ name: 'rated_at', type: 'varchar', nullable: true }) ratedAt!: string | null;
}

/** A team member sent to serve an order; `serviceRecordId` once the order is done. */
@Entity('service_order_assignees')
export class ServiceOrderAssignee {
  @PrimaryColumn({ name: 'order_id', type: 'integer' }) orderId!: number;
  @PrimaryColumn({ name: 'member_id', type: 'integer' }) memberId!: number;
  @Column({ name: 'service_record_id', type: 'integer', nullable: true }) serviceRecordId!:
    number | null;
}

export const menuEntities = [MenuItem, ServiceOrder, ServiceOrderAssignee];
