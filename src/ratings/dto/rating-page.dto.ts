import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RATINGS_PAGE_MAX } from '../star-ratings.service';

export class RatingPageQuery {
  @ApiPropertyOptional({
    description: 'Page size; without it the whole rating sheet is returned',
    minimum: 1,
    maximum: RATINGS_PAGE_MAX,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(RATINGS_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}
