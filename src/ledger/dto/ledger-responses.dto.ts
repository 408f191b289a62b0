import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// What the ledger's routes answer (OpenAPI only).

/** The community whose books an answer is about (each community's ledger is a chain of its own). */
export class CommunityRefDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'default' }) code!: string;
}

/** The chain check: `ok` with the count and last hash, or not `ok` with where and why it broke. */
export class VerifyResultDto {
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'when ok: transactions checked' }) transactions?: number;
  @ApiPropertyOptional({ description: 'when ok: the hash of the last transaction' })
  lastHash?: string;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'when not ok: the first transaction that fails',
  })
  firstBadSeq?: number | null;
  @ApiPropertyOptional({ description: 'when not ok: what is wrong' }) reason?: string;
  @ApiProperty({
    type: CommunityRefDto,
    description: "the caller's community, whose chain this is",
  })
  community!: CommunityRefDto;
}

export class TrialBalanceDto {
  @ApiProperty({ description: 'every account balances and the sum is zero' }) ok!: boolean;
  @ApiProperty({ example: '0.00' }) sum!: string;
  @ApiProperty({ description: 'accounts checked' }) accounts!: number;
  @ApiProperty({
    type: CommunityRefDto,
    description: "the caller's community, whose books these are",
  })
  community!: CommunityRefDto;
}

export class ReversalResultDto {
  @ApiProperty({ format: 'uuid', description: 'the reversal transaction' }) transactionId!: string;
  @ApiProperty({ format: 'uuid', description: 'the transaction it reverses' }) reverses!: string;
  @ApiProperty() seq!: number;
}
