import { ApiProperty } from '@nestjs/swagger';

// The quarterly report as JSON (OpenAPI only): the fields of ReportsService's QuarterReport.

class PeriodDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 2 }) quarter!: number;
  @ApiProperty({ example: '2026-04-01' }) from!: string;
  @ApiProperty({ example: '2026-06-30' }) to!: string;
}

class EarnedLineDto {
  @ApiProperty({ example: '120.00' }) points!: string;
  @ApiProperty({ example: '40.00' }) hours!: string;
  @ApiProperty() records!: number;
  @ApiProperty() volunteers!: number;
}

export class EarnedByCategoryDto extends EarnedLineDto {
  @ApiProperty({ example: 'repair' }) categoryCode!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'from the standard in force on the last day; null: not in it',
  })
  categoryName!: string | null;
}

export class EarnedByTeamDto extends EarnedLineDto {
  @ApiProperty({ type: Number, nullable: true }) teamId!: number | null;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
}

export class EarnedDto {
  @ApiProperty({ example: '300.00', description: 'earn entries in the quarter less reversals' })
  points!: string;
  @ApiProperty({ type: [EarnedByCategoryDto] }) byCategory!: EarnedByCategoryDto[];
  @ApiProperty({ type: [EarnedByTeamDto] }) byTeam!: EarnedByTeamDto[];
  @ApiProperty({ example: '0.00', description: 'earned points not backed by a service record' })
  notFromServiceRecords!: string;
}

export class RedeemedDto {
  @ApiProperty({ example: '80.00' }) points!: string;
  @ApiProperty({ example: '60.00' }) byMembers!: string;
  @ApiProperty({ example: '20.00' }) byHouseholds!: string;
  @ApiProperty() redemptions!: number;
}

export class DonatedDto {
  @ApiProperty({ example: '20.00' }) points!: string;
  @ApiProperty() donations!: number;
  @ApiProperty() donors!: number;
  @ApiProperty() households!: number;
}

export class StockLineDto {
  @ApiProperty() catalogItemId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['goods', 'service_coupon'] }) kind!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '40.00' }) points!: string;
}

class MonthDto {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({ example: '100.00' }) earned!: string;
  @ApiProperty({ example: '30.00' }) redeemed!: string;
  @ApiProperty({ example: '10.00' }) donated!: string;
}

export class OutstandingDto {
  @ApiProperty({ example: '500.00' }) total!: string;
  @ApiProperty({ example: '450.00' }) members!: string;
  @ApiProperty({ example: '50.00' }) households!: string;
  @ApiProperty({ example: '2026-06-30' }) asOf!: string;
}

export class QuarterReportDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ example: '2026-07-01T02:00:00.000Z' }) generatedAt!: string;
  @ApiProperty({ type: EarnedDto }) earned!: EarnedDto;
  @ApiProperty({ type: RedeemedDto }) redeemed!: RedeemedDto;
  @ApiProperty({ type: DonatedDto }) donated!: DonatedDto;
  @ApiProperty({ description: 'members with a verified service record in the quarter' })
  activeVolunteers!: number;
  @ApiProperty({ description: 'members who joined in the quarter (their joinedOn)' })
  newVolunteers!: number;
  @ApiProperty({ description: 'wishes (微心愿) confirmed fulfilled in the quarter' })
  wishesFulfilled!: number;
  @ApiProperty({
    description: 'service menu orders (点单) done in the quarter, by the date served',
  })
  ordersServed!: number;
  @ApiProperty({ type: [StockLineDto] }) stockGivenOut!: StockLineDto[];
  @ApiProperty({ type: [MonthDto] }) byMonth!: MonthDto[];
  @ApiProperty({ type: OutstandingDto, description: 'points held in passbooks at the end' })
  outstandingPoints!: OutstandingDto;
}
