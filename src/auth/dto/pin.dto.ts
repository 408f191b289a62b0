import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';

/** Six digits: easy to key in on a phone, hard to guess within the lockout's few tries. */
export const PIN_RE = /^\d{6}$/;
const PIN_MESSAGE = 'PIN must be exactly 6 digits';

export class ChangePinDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX.pin) currentPin!: string;
  @ApiProperty({ pattern: PIN_RE.source })
  @IsString()
  @Matches(PIN_RE, { message: PIN_MESSAGE })
  newPin!: string;
}

export class ResetPinDto {
  @ApiPropertyOptional({
    pattern: PIN_RE.source,
    description: 'the new PIN; left out, one is generated and shown once',
  })
  @IsOptional()
  @IsString()
  @Matches(PIN_RE, { message: PIN_MESSAGE })
  pin?: string;
}

export { PIN_MESSAGE };
