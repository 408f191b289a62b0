import { IsId } from '../../common/id-param.pipe';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';

export class CreateDonationDto {
  @ApiProperty({ description: 'The hardship household that receives the points', example: 3 })
  @IsId()
  householdId!: number;

  @ApiProperty({
    description: 'Points to give: a decimal string or number with at most two decimal places',
    oneOf: [
      { type: 'string', example: '5.00' },
      { type: 'number', example: 5 },
    ],
  })
  @IsDefined()
  points!: string | number;

  @ApiPropertyOptional({
    description:
      "The giver's passbook number: required when an administrator records a gift on a volunteer's behalf; a volunteer may leave it out (it must be their own)",
    example: 'V7K2MQ9X',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo?: string;

  @ApiPropertyOptional({
    description:
      'The wish (微心愿) the gift is toward: its household must be `householdId`, and it must not be fulfilled yet',
    example: 4,
  })
  @IsOptional()
  @IsId()
  wishId?: number;
}
