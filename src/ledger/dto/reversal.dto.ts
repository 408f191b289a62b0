import { IsReason } from '../../common/validation';
import { ApiProperty } from '@nestjs/swagger';
import { TEXT_MAX } from '../../common/limits';
import { ClosedYearCorrectionDto } from './closed-year-correction.dto';

export class ReversalDto extends ClosedYearCorrectionDto {
  @ApiProperty({
    description: 'Why the transaction is reversed; kept in the ledger',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}
