import { IsId } from '../../common/id-param.pipe';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';

const QUANTITY_DOC = {
  description:
    'Hours (for `hour` items) or times (for `time` items, whole numbers): a decimal string or number with at most two places',
  oneOf: [
    { type: 'string', example: '2.50' },
    { type: 'number', example: 2.5 },
  ],
};

export class CreateServiceRecordDto {
  @ApiProperty({ example: 12 }) @IsId() memberId!: number;

  @ApiProperty({ description: 'Item code of the scoring standard', example: 'appliance_repair' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemCode)
  itemCode!: string;

  @ApiProperty(QUANTITY_DOC) @IsDefined() quantity!: string | number;

  @ApiProperty({ description: 'Local date of the service, YYYY-MM-DD', example: '2026-06-14' })
  @IsLocalDate()
  serviceDate!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.note })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;

  @ApiPropertyOptional({
    description:
      'Team the service was done for; defaults to a team of the logging leader that the member belongs to',
  })
  @IsOptional()
  @IsId()
  teamId?: number;
}

export class ParticipantDto {
  @ApiProperty({ example: 12 }) @IsId() memberId!: number;
  @ApiProperty(QUANTITY_DOC) @IsDefined() quantity!: string | number;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.note })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string;
}
