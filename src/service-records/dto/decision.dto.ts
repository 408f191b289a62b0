import { IsReason } from '../../common/validation';
import { ApiProperty } from '@nestjs/swagger';
import { TEXT_MAX } from '../../common/limits';

export class RejectServiceRecordDto {
  @ApiProperty({
    description: 'Why the record is not credited; kept with it',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}
