import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';

export class ReversalDto {
  @ApiProperty({
    description: 'Why the transaction is reversed; kept in the ledger',
    maxLength: TEXT_MAX.reason,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.reason)
  reason!: string;
}
