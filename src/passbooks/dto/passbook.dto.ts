import { IsReason, Trim } from '../../common/validation';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';
import { PageQueryDto } from '../../common/pagination';

export class AdjustmentDto {
  @ApiProperty({ example: 'V7K2MQ9X' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    example: '+12.50',
    description: 'signed points with at most two decimals; negative takes points off',
  })
  @IsDefined()
  amount!: string | number;

  @ApiProperty({
    maxLength: TEXT_MAX.reason,
    example: '纸质存折结转 opening balance from the paper passbook',
  })
  @IsReason()
  reason!: string;
}

export class PassbookSearchQueryDto extends PageQueryDto {
  @ApiProperty({
    maxLength: TEXT_MAX.search,
    example: '王秀兰',
    description: 'part of a name, a passbook number, or the last four digits of a phone',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.search)
  q!: string;
}
