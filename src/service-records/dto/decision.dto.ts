import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';

export class RejectServiceRecordDto {
  @ApiProperty({
    description: 'Why the record is not credited; kept with it',
    maxLength: TEXT_MAX.reason,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.reason)
  reason!: string;
}
