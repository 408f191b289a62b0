import { ApiProperty } from '@nestjs/swagger';
import {
  DonatedDto,
  EarnedDto,
  OutstandingDto,
  RedeemedDto,
  StockLineDto,
} from './quarter-report.dto';

// The annual report and the volunteer growth as JSON (OpenAPI only): ReportsService's AnnualReport
// and GrowthReport.

class YearPeriodDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: '2026-01-01' }) from!: string;
  @ApiProperty({ example: '2026-12-31' }) to!: string;
}

class YearMonthDto {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({ example: '100.00' }) earned!: string;
  @ApiProperty({ example: '30.00' }) redeemed!: string;
  @ApiProperty({ example: '10.00' }) donated!: string;
  @ApiProperty({ example: '24.00', description: 'verified service hours of the month' })
  hours!: string;
}

class YearStarsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    example: { '5': 1, '4': 3, '3': 8, '2': 20, '1': 40, '0': 12 },
    description: 'members per number of stars in the published rating; null until it is published',
  })
  byStars!: Record<string, number> | null;
  @ApiProperty({ type: Number, nullable: true }) members!: number | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['NO_RATING', 'RATING_NOT_PUBLISHED', null],
    description: 'why byStars is null: no rating of the year yet, or only a draft',
  })
  why!: 'NO_RATING' | 'RATING_NOT_PUBLISHED' | null;
}

class YearEarnedDto extends EarnedDto {
  @ApiProperty({ example: '120.00', description: 'verified service hours of the year' })
  hours!: string;
}

export class AnnualReportDto {
  @ApiProperty({ type: YearPeriodDto }) period!: YearPeriodDto;
  @ApiProperty({ example: '2027-01-05T02:00:00.000Z' }) generatedAt!: string;
  @ApiProperty({ type: YearEarnedDto }) earned!: YearEarnedDto;
  @ApiProperty({ type: RedeemedDto }) redeemed!: RedeemedDto;
  @ApiProperty({ type: DonatedDto }) donated!: DonatedDto;
  @ApiProperty({ description: 'members with a verified service record in the year' })
  activeVolunteers!: number;
  @ApiProperty({ description: 'members who joined in the year (their joinedOn)' })
  newVolunteers!: number;
  @ApiProperty({ description: 'wishes (微心愿) confirmed fulfilled in the year' })
  wishesFulfilled!: number;
  @ApiProperty({ description: 'service menu orders (点单) done in the year, by the date served' })
  ordersServed!: number;
  @ApiProperty({ type: [StockLineDto] }) stockGivenOut!: StockLineDto[];
  @ApiProperty({ type: [YearMonthDto], description: 'the twelve months' }) byMonth!: YearMonthDto[];
  @ApiProperty({ type: OutstandingDto, description: 'points held in passbooks at the end' })
  outstandingPoints!: OutstandingDto;
  @ApiProperty({ type: YearStarsDto }) stars!: YearStarsDto;
}

class GrowthMonthDto {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({ description: 'joined on or before the last day, not deactivated by then' })
  registered!: number;
  @ApiProperty({ description: 'with a credited service record in the month' }) active!: number;
  @ApiProperty({ description: 'joined in the month' }) joined!: number;
  @ApiProperty({ description: 'deactivated in the month' }) left!: number;
}

export class GrowthReportDto {
  @ApiProperty({ example: '2025-07' }) from!: string;
  @ApiProperty({ example: '2026-06' }) to!: string;
  @ApiProperty({ example: '2026-07-01T02:00:00.000Z' }) generatedAt!: string;
  @ApiProperty({ type: [GrowthMonthDto] }) months!: GrowthMonthDto[];
}
