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

export class NoticePeriodDto {
  @ApiProperty({ description: 'when the notice period (公示期) began' }) startsAt!: string;
  @ApiProperty({ description: 'when it ends; objections are filed before then' }) endsAt!: string;
  @ApiProperty({ description: 'the days it was set to run at publication or its latest restart' })
  days!: number;
}

export class RestatedDto {
  @ApiProperty({ description: 'corrections of the final year' }) count!: number;
  @ApiProperty({ description: 'when the latest was made' }) lastAt!: string;
}

export class RatingViewDto {
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({
    enum: ['draft', 'published', 'final'],
    description: '`published`: the notice period is open or over; `final`: stars granted',
  })
  status!: string;
  @ApiProperty({ type: [ThresholdDto] }) thresholds!: ThresholdDto[];
  @ApiProperty() computedAt!: string;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedBy!: string | null;
  @ApiProperty({ type: NoticePeriodDto, nullable: true, description: 'null for a draft' })
  notice!: NoticePeriodDto | null;
  @ApiProperty({ type: String, nullable: true }) finalizedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) finalizedBy!: string | null;
  @ApiProperty({ type: RestatedDto, nullable: true, description: 'null when never restated' })
  restated!: RestatedDto | null;
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
  @ApiProperty({
    description: 'opaque, stable for the year; an objection about this entry names it',
    example: 'q3Zx8LmN0aBc',
  })
  ref!: string;
  @ApiProperty() name!: string;
  @ApiProperty() stars!: number;
}

export class NoticeCommunityDto {
  @ApiProperty({ example: 'lingnan' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '岭南社区志愿服务站' })
  issuer!: string | null;
}

class NoticeObjectionsDto {
  @ApiProperty({ description: 'objections are taken now (the notice period is running)' })
  open!: boolean;
  @ApiProperty({ example: '/me', description: 'the page a volunteer logs in to, to object' })
  page!: string;
}

export class PublicNoticeDto {
  @ApiProperty({ type: NoticeCommunityDto, description: 'the community whose notice this is' })
  community!: NoticeCommunityDto;
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({
    enum: ['published', 'final'],
    description: '`published`: 公示 (objections during the period); `final`: 已公布',
  })
  status!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: NoticePeriodDto }) notice!: NoticePeriodDto;
  @ApiProperty({ type: String, nullable: true }) finalizedAt!: string | null;
  @ApiProperty({ type: NoticeObjectionsDto }) objections!: NoticeObjectionsDto;
  @ApiProperty({ type: RestatedDto, nullable: true, description: '已更正: corrected after final' })
  restated!: RestatedDto | null;
  @ApiProperty({ type: [ThresholdDto] }) thresholds!: ThresholdDto[];
  @ApiProperty({ ...COUNTS, description: 'how many got each number of stars' })
  counts!: Record<string, number>;
  @ApiProperty({ type: [PublicRatingDto] }) ratings!: PublicRatingDto[];
}
