import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReversalDto {
  @ApiProperty({
    description: 'Why the transaction is reversed; kept in the ledger',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}
