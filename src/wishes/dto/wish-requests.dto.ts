import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IsId, IsIds } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { pageQueryOf } from '../../common/pagination';
import { IsCommunityParam, IsReason, Trim } from '../../common/validation';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import { WISH_CATEGORIES, WISH_STATUSES } from '../entities/wish.entity';

/** What a wish is: the same fields whoever posts it. */
export class OwnWishDto {
  @ApiProperty({ maxLength: TEXT_MAX.wishTitle, example: '一件过冬的棉衣' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.wishTitle)
  @Matches(/^[^\p{Cc}\u2028\u2029]*$/u, { message: 'title must be text on one line' })
  title!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.wishDetail, example: '身高一米六，怕冷' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.wishDetail)
  detail?: string;

  @ApiProperty({
    enum: WISH_CATEGORIES,
    description: '物品 goods, 出行 transport, 维修 repair, 陪伴 company, 其他 other',
  })
  @IsIn(WISH_CATEGORIES)
  category!: (typeof WISH_CATEGORIES)[number];

  @ApiProperty({
    description: 'Local date it is wished by, YYYY-MM-DD, not in the past',
    example: '2026-06-30',
  })
  @IsLocalDate()
  neededBy!: string;

  @ApiPropertyOptional({
    description: 'Points it needs (goods from the shop): a decimal string or number, > 0',
    oneOf: [
      { type: 'string', example: '30.00' },
      { type: 'number', example: 30 },
    ],
  })
  @IsOptional()
  @IsDefined()
  points?: string | number;
}

export class HouseholdWishDto extends OwnWishDto {
  @ApiProperty({ description: 'The hardship household the wish is for', example: 3 })
  @IsId()
  householdId!: number;
}

export class TeamClaimDto {
  @ApiProperty({ description: 'The team (one the leader leads) that claims the wish' })
  @IsId()
  teamId!: number;
}

export class FulfilWishDto {
  @ApiProperty({
    description: 'What staff saw done',
    maxLength: TEXT_MAX.note,
    example: '棉衣已送到',
  })
  @IsReason(TEXT_MAX.note)
  note!: string;

  @ApiPropertyOptional({
    type: [Number],
    description:
      'For a team claim: the members of the team who did it (required); for a volunteer claim leave it out',
  })
  @IsOptional()
  @IsArray()
  @IsIds()
  @ArrayMaxSize(50)
  memberIds?: number[];

  @ApiPropertyOptional({
    description: 'Quantity for each volunteer under the wish item (default 1: once, or one hour)',
    oneOf: [
      { type: 'string', example: '1' },
      { type: 'number', example: 1 },
    ],
  })
  @IsOptional()
  @IsDefined()
  quantity?: string | number;

  @ApiPropertyOptional({ description: 'true after 409 LIKELY_DUPLICATE: a second real service' })
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}

export class ListWishesQuery extends pageQueryOf(200) {
  @ApiPropertyOptional({ enum: WISH_STATUSES })
  @IsOptional()
  @IsIn(WISH_STATUSES)
  status?: (typeof WISH_STATUSES)[number];

  @ApiPropertyOptional({
    description: 'true: only open wishes whose date has passed with nobody claiming them',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  overdue?: boolean;
}

export class PublicWishesQuery extends pageQueryOf(200) {
  @ApiPropertyOptional({ description: "The community's code; without it the first community" })
  @IsCommunityParam()
  community?: string;
}
