import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { PageQueryDto } from '../../common/pagination';

export class ListDonationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only gifts to this household (administrators)' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  householdId?: number;

  @ApiPropertyOptional({
    description: "Only gifts from this volunteer's passbook (administrators)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo?: string;
}
