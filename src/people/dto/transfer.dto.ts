import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { COMMUNITY_CODE } from '../../communities/communities.service';
import { IsReason, Trim } from '../../common/validation';
import { TEXT_MAX } from '../../common/limits';

export class TransferMemberDto {
  @ApiProperty({ example: 'b', description: 'the code of the community the volunteer moves to' })
  @Trim()
  @IsString()
  @Matches(COMMUNITY_CODE, { message: 'toCommunity must be a community code' })
  toCommunity!: string;

  @ApiProperty({ maxLength: TEXT_MAX.reason, example: '搬家到B社区' })
  @IsReason()
  reason!: string;
}

export class TransferViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() memberId!: number;
  @ApiProperty({ example: 'default', description: 'code of the community left' })
  fromCommunity!: string;
  @ApiProperty({ example: 'b', description: 'code of the community joined' })
  toCommunity!: string;
  @ApiProperty({ example: 'V7K2MQ9X', description: 'the old passbook (closed, in the old books)' })
  fromPassbookNo!: string;
  @ApiProperty({ example: 'V3PQ8RTA', description: 'the new passbook, opened in the new books' })
  toPassbookNo!: string;
  @ApiProperty({ example: '40.00', description: 'verified service hours carried' })
  hours!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: 'user:1' }) createdBy!: string;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) date!: string;
}

export class TransferListDto {
  @ApiProperty({ type: [TransferViewDto], description: 'oldest first' })
  items!: TransferViewDto[];
}
