import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the star-rating routes answer (OpenAPI only): StarRatingsService's views.

class ThresholdDto {
  @ApiProperty({ example: 1 }) stars!: number;
  @ApiProperty({ example: '20.00', description: 'points earned in the year for that many stars' })
  points!: string;
}

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'number' },
  example: { '0': 3, '1': 10, '2': 4 },
} as const;

class SummaryDto {
  @ApiProperty({ description: 'members rated (everyone with an earn dated in the year)' })
  members!: number;
  @ApiProperty({ ...COUNTS, description: 'how many got each number of stars' })
  byStars!: Record<string, number>;
}

class RatingLineDto {
  @ApiProperty() memberId!: number;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '45.00' }) earned!: string;
  @ApiProperty() stars!: number;
}

export class RatingViewDto {
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty({ type: [ThresholdDto] }) thresholds!: ThresholdDto[];
  @ApiProperty() computedAt!: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedBy!: string | null;
  @ApiProperty({ type: SummaryDto }) summary!: SummaryDto;
  @ApiProperty({ type: [RatingLineDto] }) ratings!: RatingLineDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'only when a page was asked for with `limit`',
  })
  nextCursor?: string | null;
}

class PublicRatingDto {
  @ApiProperty() name!: string;
  @ApiProperty() stars!: number;
}

export class NoticeCommunityDto {
  @ApiProperty({ example: 'lingnan' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区志愿服务站' })
  issuer!: string | null;
}

export class PublicNoticeDto {
  @ApiProperty({ type: NoticeCommunityDto, description: 'the community whose notice this is' })
  community!: NoticeCommunityDto;
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: [ThresholdDto] }) thresholds!: ThresholdDto[];
  @ApiProperty({ ...COUNTS, description: 'how many got each number of stars' })
  counts!: Record<string, number>;
  @ApiProperty({ type: [PublicRatingDto] }) ratings!: PublicRatingDto[];
}
