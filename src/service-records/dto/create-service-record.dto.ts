import { IsId } from '../../common/id-param.pipe';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';
import { ClosedYearCorrectionDto } from '../../ledger/dto/closed-year-correction.dto';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';

const QUANTITY_DOC = {
  description:
    'Hours (for `hour` items) or times (for `time` items, whole numbers): a decimal string or number with at most two places',
  oneOf: [
    { type: 'string', example: '2.50' },
    { type: 'number', example: 2.5 },
  ],
};

/** The field a logger sends to say "this is a second real service", after 409 LIKELY_DUPLICATE. */
export const CONFIRM_DUPLICATE_DOC = {
  description:
    'true to log it although the same member already has a record of the same item on the same day (409 CONFLICT, reason LIKELY_DUPLICATE, without it): a second real service, kept on record as confirmed',
  example: false,
};

export class CreateServiceRecordDto extends ClosedYearCorrectionDto {
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

  @ApiPropertyOptional(CONFIRM_DUPLICATE_DOC)
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
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
