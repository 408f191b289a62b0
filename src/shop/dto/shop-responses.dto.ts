import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';

// What the shop's routes answer (OpenAPI only): the fields of the services' views.

const ITEM_KINDS = ['goods', 'service_coupon'];
const MOVEMENT_KINDS = ['initial', 'restock', 'redemption', 'cancellation', 'return', 'adjustment'];
const COUPON_STATUSES = ['issued', 'used', 'void'];
const OWNER_TYPES = ['member', 'household'];

export class CatalogItemViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '大米 5kg' }) name!: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: string;
  @ApiProperty({ example: '20.00' }) price!: string;
  @ApiProperty() stock!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) updatedAt!: string;
}
export const CatalogItemPageDto = pageDtoOf(CatalogItemViewDto);

export class StockMovementViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: MOVEMENT_KINDS }) kind!: string;
  @ApiProperty({ description: 'units in (positive) or out (negative)' }) quantity!: number;
  @ApiProperty() stockAfter!: number;
  @ApiProperty({ type: Number, nullable: true }) redemptionId!: number | null;
  @ApiProperty({ example: 'user:2' }) actor!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) createdAt!: string;
}
export const StockMovementPageDto = pageDtoOf(StockMovementViewDto);

/** A restock or stock adjustment: the item as it now stands and the movement written. */
export class StockChangeResultDto extends CatalogItemViewDto {
  @ApiProperty({ type: StockMovementViewDto }) movement!: StockMovementViewDto;
}

export class CouponViewDto {
  @ApiProperty({ example: 'K7M2-9QXF' }) code!: string;
  @ApiProperty() catalogItemId!: number;
  @ApiProperty({ example: '家政保洁 1小时' }) itemName!: string;
  @ApiProperty({ enum: COUPON_STATUSES }) status!: string;
  @ApiProperty() redemptionId!: number;
  @ApiProperty({ example: 'V0000012' }) passbookNo!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ type: String, nullable: true }) usedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) voidedAt!: string | null;
}
export const CouponPageDto = pageDtoOf(CouponViewDto);

export class CouponUsedDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['used'] }) status!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) usedAt!: string;
}

export class WindowClosedEarlyDto {
  @ApiProperty({ example: 'user:2' }) by!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) at!: string;
}

export class WindowViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['scheduled', 'ad_hoc'] }) kind!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-06' }) periodKey!: string | null;
  @ApiProperty({ example: '2026-06-15T01:00:00.000Z' }) opensAt!: string;
  @ApiProperty({ example: '2026-06-15T09:00:00.000Z' }) closesAt!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: WindowClosedEarlyDto, nullable: true })
  closedEarly!: WindowClosedEarlyDto | null;
}
export const WindowPageDto = pageDtoOf(WindowViewDto);

export class WindowEventViewDto {
  @ApiProperty({ enum: ['created', 'rescheduled', 'opened', 'closed'] }) kind!: string;
  @ApiProperty() at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() recordedAt!: string;
}

export class WindowWithEventsDto extends WindowViewDto {
  @ApiProperty({ type: [WindowEventViewDto] }) events!: WindowEventViewDto[];
}

export class CurrentWindowDto {
  @ApiProperty() open!: boolean;
  @ApiProperty({ type: WindowViewDto, nullable: true }) window!: WindowViewDto | null;
  @ApiProperty({ type: WindowViewDto, nullable: true }) next!: WindowViewDto | null;
}

export class RedemptionLineViewDto {
  @ApiProperty() catalogItemId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '20.00' }) unitPrice!: string;
  @ApiProperty({ example: '40.00' }) amount!: string;
  @ApiProperty({ description: 'units of this line given back by returns so far' })
  returnedQuantity!: number;
}

export class ReturnLineViewDto {
  @ApiProperty() catalogItemId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '20.00' }) unitPrice!: string;
  @ApiProperty({ example: '20.00' }) amount!: string;
}

export class RedemptionReturnViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() redemptionId!: number;
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty({ example: '20.00', description: 'points credited back to the passbook' })
  points!: string;
  @ApiProperty({ example: '60.00' }) balanceAfter!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ example: 'user:2' }) createdBy!: string;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ type: [ReturnLineViewDto] }) lines!: ReturnLineViewDto[];
  @ApiProperty({ type: [String], description: 'codes of the coupons voided with the units' })
  voidedCoupons!: string[];
}

export class RedemptionCouponDto {
  @ApiProperty() code!: string;
  @ApiProperty() catalogItemId!: number;
  @ApiProperty({ enum: COUPON_STATUSES }) status!: string;
}

export class CancellationDto {
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() cancelledAt!: string;
  @ApiProperty() cancelledBy!: string;
  @ApiProperty({ example: '80.00' }) balanceAfter!: string;
}

export class RedemptionViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'V0000012' }) passbookNo!: string;
  @ApiProperty({ enum: OWNER_TYPES }) ownerType!: string;
  @ApiProperty({ enum: ['completed', 'cancelled'] }) status!: string;
  @ApiProperty() windowId!: number;
  @ApiProperty({ example: '40.00' }) total!: string;
  @ApiProperty({ example: '60.00' }) balanceAfter!: string;
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ example: 'user:2' }) createdBy!: string;
  @ApiProperty({ type: String, nullable: true, description: "the clerk's username" })
  createdByName!: string | null;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ type: [RedemptionLineViewDto] }) lines!: RedemptionLineViewDto[];
  @ApiProperty({ type: [RedemptionCouponDto] }) coupons!: RedemptionCouponDto[];
  @ApiProperty({ type: CancellationDto, nullable: true }) cancellation!: CancellationDto | null;
  @ApiProperty({ example: '0.00' }) returnedPoints!: string;
  @ApiProperty({ type: [RedemptionReturnViewDto] }) returns!: RedemptionReturnViewDto[];
}
export const RedemptionPageDto = pageDtoOf(RedemptionViewDto);

/** A return: the return's receipt and the redemption as it now stands. */
export class ReturnResultDto extends RedemptionReturnViewDto {
  @ApiProperty({ type: RedemptionViewDto }) redemption!: RedemptionViewDto;
}

class CountPointsDto {
  @ApiProperty() count!: number;
  @ApiProperty({ example: '120.00' }) points!: string;
}

class ReturnsSummaryDto extends CountPointsDto {
  @ApiProperty() units!: number;
}

class DayItemDto {
  @ApiProperty() catalogItemId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '40.00' }) points!: string;
}

class CouponCountDto {
  @ApiProperty() catalogItemId!: number;
  @ApiProperty() count!: number;
}

class CouponsUsedDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [CouponCountDto] }) items!: CouponCountDto[];
}

export class DaySummaryDto {
  @ApiProperty({ example: '2026-06-15' }) date!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ example: '2026-06-14T16:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-06-15T16:00:00.000Z' }) to!: string;
  @ApiProperty({ type: CountPointsDto }) redemptions!: CountPointsDto;
  @ApiProperty({ type: CountPointsDto }) cancellations!: CountPointsDto;
  @ApiProperty({ type: ReturnsSummaryDto }) returns!: ReturnsSummaryDto;
  @ApiProperty({ example: '100.00' }) netPoints!: string;
  @ApiProperty({ type: [DayItemDto] }) items!: DayItemDto[];
  @ApiProperty({ type: CouponsUsedDto }) couponsUsed!: CouponsUsedDto;
}
