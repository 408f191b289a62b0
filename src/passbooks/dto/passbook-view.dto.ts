import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { ENTRY_KINDS } from '../../ledger/ledger.service';

/** The entry a reversal undoes, as it stands on this passbook (OpenAPI description only). */
export class ReversedEntryDto {
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty({ enum: ENTRY_KINDS }) kind!: string;
  @ApiProperty({ example: '+4.00', description: 'the original amount on this passbook' })
  amount!: string;
  @ApiProperty({ example: '2026-06-01' }) effectiveDate!: string;
  @ApiProperty({ example: '2026-06-15' }) postedDate!: string;
  @ApiProperty({ example: '家电维修 2小时' }) description!: string;
}

/** The reversal that corrected an entry. */
export class ReversalOfDto {
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty({ example: '2026-06-20' }) effectiveDate!: string;
  @ApiProperty({ example: '2026-06-20', description: 'local date it was posted' })
  postedDate!: string;
  @ApiProperty({ example: '2026-06-20T03:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, example: '记错人了' }) reason!: string | null;
}

export class StatementEntryDto {
  @ApiProperty({ description: 'the ledger position (internal; pages do not show it)' })
  seq!: number;
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty({ enum: ENTRY_KINDS }) kind!: string;
  @ApiProperty({ example: '+3.00' }) amount!: string;
  @ApiProperty({ example: '3.00' }) balanceAfter!: string;
  @ApiProperty({
    example: '2026-06-01',
    description: 'the date the points belong to (service date for earns)',
  })
  effectiveDate!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) createdAt!: string;
  @ApiProperty({
    example: '2026-06-15',
    description: "local date (COMMUNITY_TZ) the entry was posted: the statement's order",
  })
  postedDate!: string;
  @ApiProperty({ example: '家电维修 2小时' }) description!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the reason given with a reversal or an adjustment; null for other entries',
  })
  reason!: string | null;
  @ApiProperty({
    type: ReversedEntryDto,
    nullable: true,
    description: 'on a reversal: the entry it reverses (wherever it stands in the history)',
  })
  reversesEntry!: ReversedEntryDto | null;
  @ApiProperty({
    type: ReversalOfDto,
    nullable: true,
    description: 'on an entry that was reversed: when and why',
  })
  reversedBy!: ReversalOfDto | null;
}

class OwnerDto {
  @ApiProperty({ enum: ['member', 'household'] }) type!: string;
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

class HoursDto {
  @ApiProperty({ example: '12.50' }) thisYear!: string;
  @ApiProperty({ example: '40.00' }) total!: string;
}

class HoursGradeDto {
  @ApiProperty({ enum: ['national', 'dalian'] }) preset!: string;
  @ApiProperty() stars!: number;
  @ApiProperty({ type: String, nullable: true, example: '50.00' }) nextAtHours!: string | null;
}

class StarsThisYearDto {
  @ApiProperty() stars!: number;
  @ApiProperty({ type: String, nullable: true, example: '20.00' }) nextAtPoints!: string | null;
}

/** A move of the volunteer between communities (记录转移接续). */
class PassbookTransferDto {
  @ApiProperty({ example: 'default', description: 'code of the community left' })
  fromCommunity!: string;
  @ApiProperty({ example: 'b', description: 'code of the community joined' }) toCommunity!: string;
  @ApiProperty({ example: 'V7K2MQ9X' }) fromPassbookNo!: string;
  @ApiProperty({ example: 'V3PQ8RTA' }) toPassbookNo!: string;
  @ApiProperty({ example: '40.00', description: 'verified service hours carried' }) hours!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) date!: string;
}

export class PassbookViewDto {
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty({ type: OwnerDto }) owner!: OwnerDto;
  @ApiProperty({ example: '12.50' }) balance!: string;
  @ApiProperty({ example: '20.00' }) earnedThisYear!: string;
  @ApiProperty({ type: HoursDto }) hours!: HoursDto;
  @ApiProperty({ type: HoursGradeDto }) hoursGrade!: HoursGradeDto;
  @ApiProperty({ type: StarsThisYearDto }) starsThisYear!: StarsThisYearDto;
  @ApiProperty({
    type: [PassbookTransferDto],
    description:
      "the owner's moves between communities, oldest first; hours.total includes their hours",
  })
  transfers!: PassbookTransferDto[];
  @ApiProperty({ type: [StatementEntryDto], description: 'newest first' })
  entries!: StatementEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class MatchOwnerDto {
  @ApiProperty({ enum: ['member', 'household'] }) type!: string;
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

/** One hit of the counter's search: enough to tell two people of one name apart, no more. */
export class PassbookMatchDto {
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty({ type: MatchOwnerDto }) owner!: MatchOwnerDto;
  @ApiProperty({ type: String, nullable: true, description: 'always masked (138****5678)' })
  phone!: string | null;
  @ApiProperty({ type: [String], description: "names of the member's teams" }) teams!: string[];
  @ApiProperty() active!: boolean;
}
export const PassbookMatchPageDto = pageDtoOf(PassbookMatchDto);

export class AdjustmentResultDto {
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty({ example: '+5.00' }) amount!: string;
  @ApiProperty({ example: '17.50' }) balanceAfter!: string;
  @ApiProperty({ example: '2026-06-15' }) effectiveDate!: string;
  @ApiProperty() reason!: string;
}
