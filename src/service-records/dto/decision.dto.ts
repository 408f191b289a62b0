import { IsReason } from '../../common/validation';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { IsIds } from '../../common/id-param.pipe';
import { DECISION_IDS_MAX, TEXT_MAX } from '../../common/limits';

export class RejectServiceRecordDto {
  @ApiProperty({
    description: 'Why the record is not credited; kept with it',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}

/** Many records decided at once (`POST /api/service-records/approve`). */
export class DecideServiceRecordsDto {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: DECISION_IDS_MAX, example: [41, 42] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DECISION_IDS_MAX)
  @IsIds()
  ids!: number[];
}

export class RejectServiceRecordsDto extends DecideServiceRecordsDto {
  @ApiProperty({
    description: 'Why the records are not credited; kept with each',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}
