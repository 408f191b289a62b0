import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsId } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

/** Who checks in or out: a scanned passbook (method "scan") or a tapped name (method "name"). */
export class CheckInDto {
  @ApiPropertyOptional({
    example: 'V7K2MQ9X',
    description:
      'the scanned passbook number (or the address its QR code holds, ending in the number); or give memberId',
    maxLength: TEXT_MAX.scannedPassbook,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.scannedPassbook)
  passbookNo?: string;

  @ApiPropertyOptional({ example: 12, description: 'the member tapped in the list of names' })
  @IsOptional()
  @IsId()
  memberId?: number;

  @ApiPropertyOptional({
    example: 'haircut',
    description:
      "the item they serve, one of the event's items (default: the event's only item; with several, chosen later)",
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemCode)
  itemCode?: string;
}

/** A participant logged by hand, or the item and quantity of one checked in. */
export class PutAttendanceDto {
  @ApiPropertyOptional({ example: 'haircut', description: "one of the event's items" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemCode)
  itemCode?: string;

  @ApiPropertyOptional({
    description:
      'hours (hourly items; default: the time between check-in and check-out) or whole times (per-time items; default 1); null clears it',
    oneOf: [
      { type: 'string', example: '3' },
      { type: 'number', example: 3 },
    ],
    nullable: true,
  })
  @IsOptional()
  quantity?: string | number | null;

  @ApiPropertyOptional({ type: String, maxLength: TEXT_MAX.note, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(TEXT_MAX.note)
  note?: string | null;
}

/** 补录: times the leader sets by hand, with the reason, on the event's date. */
export class CorrectAttendanceDto {
  @ApiPropertyOptional({
    example: '2026-12-13T08:30:00+08:00',
    description: 'when they came, with its offset; on the event date',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'checkInAt must carry its offset, e.g. +08:00' })
  @MaxLength(TEXT_MAX.dateTime)
  checkInAt?: string;

  @ApiPropertyOptional({
    example: '2026-12-13T11:30:00+08:00',
    description: 'when they left, with its offset; on the event date, after checkInAt',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'checkOutAt must carry its offset, e.g. +08:00' })
  @MaxLength(TEXT_MAX.dateTime)
  checkOutAt?: string;

  @ApiProperty({ example: '手机没电，未能签到', maxLength: TEXT_MAX.reason })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.reason)
  reason!: string;
}

/** A volunteer's own check-in or check-out with the code on the leader's screen. */
export class SelfCheckInDto {
  @ApiProperty({ example: 'K7M2Q9XA', maxLength: TEXT_MAX.checkinCode })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.checkinCode)
  code!: string;
}
