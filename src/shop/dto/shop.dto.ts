import { IsReason } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { LINE_QUANTITY_MAX } from '../redemptions.service';
import { LIMIT_DEFAULT, PageQueryDto } from '../../common/pagination';
import { CATALOG_ITEM_KINDS, CatalogItemKind } from '../entities/catalog-item.entity';
import { CouponStatus } from '../entities/redemption.entity';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';

/** Points: a decimal string or JSON number with at most two places; checked by parseCents. */
const POINTS = { oneOf: [{ type: 'string' }, { type: 'number' }], example: '12.50' };
/** Whole units: a JSON integer or a string like "3"; checked by parseUnits. */
const UNITS = { oneOf: [{ type: 'integer' }, { type: 'string' }], example: 3 };

/** The shop's lists: the common page query, with the default limit filled in. */
export class ListQueryDto extends PageQueryDto {
  override limit: number = LIMIT_DEFAULT;
}

export class CatalogListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: CATALOG_ITEM_KINDS })
  @IsOptional()
  @IsIn(CATALOG_ITEM_KINDS)
  kind?: CatalogItemKind;
}

export class CreateCatalogItemDto {
  @ApiProperty({ example: '大米 5kg', maxLength: TEXT_MAX.itemName })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemName)
  name!: string;

  @ApiProperty({ enum: CATALOG_ITEM_KINDS })
  @IsIn(CATALOG_ITEM_KINDS)
  kind!: CatalogItemKind;

  @ApiProperty({ ...POINTS, description: 'points per unit, greater than zero' })
  @IsDefined()
  price!: unknown;

  @ApiProperty({ ...UNITS, description: 'units on hand at the start (recorded as "initial")' })
  @IsDefined()
  stock!: unknown;
}

export class UpdateCatalogItemDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX.itemName })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemName)
  name?: string;

  @ApiPropertyOptional({ ...POINTS, description: 'applies to redemptions from now on' })
  @IsOptional()
  @IsDefined()
  price?: unknown;

  @ApiPropertyOptional({ description: 'false withdraws the item from the counter' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class RestockDto {
  @ApiProperty({ ...UNITS, description: 'units received, at least 1' })
  @IsDefined()
  quantity!: unknown;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.note, example: '街道捐赠' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;
}

export class StockAdjustmentDto {
  @ApiProperty({ ...UNITS, description: 'signed units: -2 for two broken, +1 for one found' })
  @IsDefined()
  quantity!: unknown;

  @ApiProperty({ maxLength: TEXT_MAX.reason, example: '盘点: 两袋破损' })
  @IsReason()
  reason!: string;
}

export class CreateWindowDto {
  @ApiProperty({
    example: '2026-07-01T09:00:00+08:00',
    description: 'ISO-8601; without an offset it is local time in COMMUNITY_TZ',
  })
  @IsString()
  @MaxLength(TEXT_MAX.dateTime)
  opensAt!: string;

  @ApiProperty({ example: '2026-07-03T18:00:00+08:00' })
  @IsString()
  @MaxLength(TEXT_MAX.dateTime)
  closesAt!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.note, example: '春节前加开' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;
}

export class CloseWindowDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX.note, example: '货品已兑完' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;
}

export class RedemptionLineDto {
  @ApiProperty({ minimum: 1 })
  @IsId()
  catalogItemId!: number;

  @ApiProperty({ ...UNITS, description: 'whole units, 1 to 1000' })
  @IsDefined()
  quantity!: unknown;
}

export class RedeemDto {
  @ApiProperty({ example: 'V7K2MQ9X', description: "a member's (V…) or household's (H…) passbook" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo!: string;

  @ApiProperty({ type: [RedemptionLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RedemptionLineDto)
  lines!: RedemptionLineDto[];
}

export class RedemptionListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'V7K2MQ9X' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  windowId?: number;

  @ApiPropertyOptional({
    example: '2026-12-25',
    description: 'only redemptions made on this local date (COMMUNITY_TZ)',
  })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class DaySummaryQueryDto {
  @ApiPropertyOptional({ example: '2026-12-25', description: 'local date (default today)' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class CancelRedemptionDto {
  @ApiProperty({ maxLength: TEXT_MAX.reason, example: '选错了商品' })
  @IsReason()
  reason!: string;
}

export class ReturnLineDto {
  @ApiProperty({ minimum: 1, description: 'the catalog item of a line of this redemption' })
  @IsId()
  catalogItemId!: number;

  @ApiProperty({ ...UNITS, description: 'whole units to give back, at least 1' })
  @IsDefined()
  quantity!: unknown;

  @ApiPropertyOptional({
    type: [String],
    maxItems: LINE_QUANTITY_MAX,
    description:
      'ADDED. A coupon line only: the codes of the coupons handed back, one per unit (as many as quantity); those are voided. Without it the oldest unused coupons of the line are voided',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LINE_QUANTITY_MAX)
  @IsString({ each: true })
  @MaxLength(TEXT_MAX.couponCode, { each: true })
  couponCodes?: string[];
}

export class ReturnRedemptionDto {
  @ApiProperty({ type: [ReturnLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines!: ReturnLineDto[];

  @ApiProperty({ maxLength: TEXT_MAX.reason, example: '大米受潮，退回一袋' })
  @IsReason()
  reason!: string;
}

export class UseCouponDto {
  @ApiPropertyOptional({ maxLength: TEXT_MAX.note, example: '王师傅上门保洁 2 小时' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;
}

const COUPON_STATUSES: CouponStatus[] = ['issued', 'used', 'void'];

export class CouponListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: COUPON_STATUSES })
  @IsOptional()
  @IsIn(COUPON_STATUSES)
  status?: CouponStatus;
}
