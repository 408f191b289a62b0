import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId, IsIds } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { pageQueryOf, LIMIT_MAX } from '../../common/pagination';
import { IsReason } from '../../common/validation';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import type { OrderStatus } from '../entities';

/** A team sends at most this many volunteers to one order. */
export const ORDER_ASSIGNEES_MAX = 20;
export const ORDER_STATUSES: OrderStatus[] = [
  'placed',
  'accepted',
  'declined',
  'done',
  'cancelled',
];

export class CreateMenuItemDto {
  @ApiProperty({ example: 3, description: 'the team that takes its orders' })
  @IsId()
  teamId!: number;

  @ApiProperty({ example: 'haircut', description: 'an item of the standard in force today' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemCode)
  itemCode!: string;

  @ApiProperty({ example: '上门理发', maxLength: TEXT_MAX.menuTitle })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.menuTitle)
  title!: string;

  @ApiPropertyOptional({ example: '为行动不便的老人上门理发', maxLength: TEXT_MAX.menuDescription })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.menuDescription)
  description?: string;

  @ApiProperty({ example: '每周六上午', maxLength: TEXT_MAX.availability })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.availability)
  availability!: string;
}

export class UpdateMenuItemDto {
  @ApiPropertyOptional({ example: 'haircut' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemCode)
  itemCode?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.menuTitle })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.menuTitle)
  title?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.menuDescription })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.menuDescription)
  description?: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.availability })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.availability)
  availability?: string;
}

export class ListMenuQueryDto {
  @ApiPropertyOptional({ description: 'staff: also withdrawn items' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  includeWithdrawn?: boolean;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsId() teamId?: number;
}

export class MyOrderDto {
  @ApiProperty({ example: 5 }) @IsId() menuItemId!: number;

  @ApiProperty({
    example: '2026-06-20T09:00',
    description: 'a local date-time or free text (周六上午)',
    maxLength: TEXT_MAX.preferredTime,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.preferredTime)
  preferredTime!: string;

  @ApiProperty({ example: '岭南小区3号楼2单元501', maxLength: TEXT_MAX.orderPlace })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.orderPlace)
  place!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.note })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;
}

export class HouseholdOrderDto extends MyOrderDto {
  @ApiProperty({ example: 2, description: 'the household ordered for' })
  @IsId()
  householdId!: number;
}

export class AcceptOrderDto {
  @ApiProperty({ type: [Number], example: [12, 13], description: "the team's members sent" })
  @IsArray()
  @IsIds()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_ASSIGNEES_MAX)
  memberIds!: number[];
}

export class DeclineOrderDto {
  @ApiProperty({ example: '本周队员都不在社区', maxLength: TEXT_MAX.reason })
  @IsReason()
  reason!: string;
}

export class ServedVolunteerDto {
  @ApiProperty({ example: 12 }) @IsId() memberId!: number;
  @ApiProperty({
    description: 'hours for an hourly item, times for a per-time item (at most two places)',
    oneOf: [
      { type: 'string', example: '1.50' },
      { type: 'number', example: 1.5 },
    ],
  })
  @IsDefined()
  quantity!: string | number;
}

export class OrderDoneDto {
  @ApiPropertyOptional({ example: '2026-06-15', description: 'the service date (default today)' })
  @IsOptional()
  @IsLocalDate()
  serviceDate?: string;

  @ApiProperty({ type: [ServedVolunteerDto], minItems: 1, maxItems: ORDER_ASSIGNEES_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORDER_ASSIGNEES_MAX)
  @ValidateNested({ each: true })
  @Type(() => ServedVolunteerDto)
  volunteers!: ServedVolunteerDto[];

  @ApiPropertyOptional({
    description: 'log although a volunteer has a record of the item that day',
  })
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}

export class RateOrderDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 }) @IsInt() @Min(1) @Max(5) rating!: number;

  @ApiPropertyOptional({ example: '师傅手艺好，很耐心', maxLength: TEXT_MAX.ratingComment })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.ratingComment)
  comment?: string;
}

export class ListOrdersQueryDto extends pageQueryOf(LIMIT_MAX) {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsId() householdId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsId() teamId?: number;
}

export class MyOrdersQueryDto extends pageQueryOf(LIMIT_MAX) {}
