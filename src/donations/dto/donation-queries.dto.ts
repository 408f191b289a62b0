import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsId } from '../../common/id-param.pipe';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

export class PageQuery {
  @ApiPropertyOptional({ default: PAGE_DEFAULT, minimum: 1, maximum: PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class ListDonationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only gifts to this household (administrators)' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  householdId?: number;

  @ApiPropertyOptional({
    description: "Only gifts from this volunteer's passbook (administrators)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  passbookNo?: string;
}
