import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class AdjustmentDto {
  @ApiProperty({ example: 'V7K2MQ9X' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  passbookNo!: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    example: '+12.50',
    description: 'signed points with at most two decimals; negative takes points off',
  })
  @IsDefined()
  amount!: string | number;

  @ApiProperty({ maxLength: 200, example: '纸质存折结转 opening balance from the paper passbook' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(/^[^\p{Cc}\u2028\u2029]*$/u, { message: 'reason must be text on one line' })
  reason!: string;
}
