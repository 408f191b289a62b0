import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { StatementEntryDto } from '../../passbooks/dto/passbook-view.dto';
import { HARDSHIPS } from '../../people/entities/household.entity';

// What the donation routes answer (OpenAPI only): the fields of DonationsService's views.

export class DonationResultDto {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty({ example: 'V7K2MQ9X', description: "the giver's passbook" }) passbookNo!: string;
  @ApiProperty() householdId!: number;
  @ApiProperty({ example: '5.00' }) points!: string;
  @ApiProperty({ example: '7.50', description: "the giver's balance after the gift" })
  balanceAfter!: string;
  @ApiProperty() createdAt!: string;
}

export class DonationListItemDto {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'uuid' }) transactionId!: string;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() memberName!: string;
  @ApiProperty() householdId!: number;
  @ApiProperty({ description: 'masked for volunteers, in full for administrators' })
  householdName!: string;
  @ApiProperty({ example: '5.00' }) points!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() reversed!: boolean;
}

export const DonationPageDto = pageDtoOf(DonationListItemDto);

class GiverDto {
  @ApiProperty() memberId!: number;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() name!: string;
}

export class GiftEntryDto extends StatementEntryDto {
  @ApiPropertyOptional({ description: 'receive entries: the donation' }) donationId?: number;
  @ApiPropertyOptional({ type: GiverDto, description: 'receive entries, administrators only' })
  from?: GiverDto;
  @ApiProperty({ description: 'this entry was later reversed' }) reversed!: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'reversal entries: the transaction undone' })
  reverses?: string;
}

class GiftHouseholdDto {
  @ApiProperty() id!: number;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HARDSHIPS }) hardship!: string;
  @ApiProperty() verified!: boolean;
  @ApiProperty() active!: boolean;
}

class GiftTotalsDto {
  @ApiProperty({ example: '30.00' }) received!: string;
  @ApiProperty({ example: '20.00' }) redeemed!: string;
}

export class HouseholdGiftsDto {
  @ApiProperty({ type: GiftHouseholdDto }) household!: GiftHouseholdDto;
  @ApiProperty({ example: '10.00' }) balance!: string;
  @ApiProperty({ type: GiftTotalsDto, description: 'net of reversals' }) totals!: GiftTotalsDto;
  @ApiProperty({ type: [GiftEntryDto], description: 'newest first' }) entries!: GiftEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
