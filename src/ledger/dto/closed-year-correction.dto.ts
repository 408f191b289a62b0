import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { IsId } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { IsReason } from '../../common/validation';

export class RestatementDto {
  @ApiProperty({
    description: 'Why a final year is corrected; kept on the restatement record',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}

/**
 * The fields of a correcting request dated in a closed year (service record, reversal): an open
 * objection during the notice period, or a restatement of a final year where the community allows
 * it. Without them such a year is closed (409 PERIOD_CLOSED, reason YEAR_CLOSED).
 */
export class ClosedYearCorrectionDto {
  @ApiPropertyOptional({
    description:
      'An open objection to the published rating of the year this corrects (admin, during the notice period)',
  })
  @IsOptional()
  @IsId()
  objectionId?: number;

  @ApiPropertyOptional({
    type: RestatementDto,
    description:
      'Correct a final year (admin, where config/star-rating.json sets closedYearCorrections: "restate")',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RestatementDto)
  restatement?: RestatementDto;
}
