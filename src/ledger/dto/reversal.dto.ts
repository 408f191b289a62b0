import { IsReason } from '../../common/validation';
import { ApiProperty } from '@nestjs/swagger';
import { TEXT_MAX } from '../../common/limits';

export class ReversalDto {
  @ApiProperty({
    description: 'Why the transaction is reversed; kept in the ledger',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}
