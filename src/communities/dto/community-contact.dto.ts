import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, ValidateIf } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';
import { IsOneLine, Trim } from '../../common/validation';

/** A mobile or a landline with its area code (0411-84561234), as printed on a certificate. */
export const CONTACT_PHONE_RE = /^[0-9+\-() ]{5,30}$/;

/**
 * What a community's certificates (志愿服务记录证明) print of it besides its name: the person in
 * charge (负责人) and the contact (联系电话, 地址). Each optional; null removes it.
 */
export class CommunityContactDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEXT_MAX.name,
    example: '王建国',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsOneLine('personInCharge', TEXT_MAX.name, { notBlank: true })
  personInCharge?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0411-84561234' })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @Trim()
  @IsString()
  @Matches(CONTACT_PHONE_RE, {
    message: 'contactPhone must be a phone number (digits, spaces, dashes, + and brackets)',
  })
  contactPhone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEXT_MAX.address,
    example: '大连市甘井子区泡崖街道岭南社区服务中心',
  })
  @ValidateIf((_o, v) => v !== undefined && v !== null)
  @IsOneLine('contactAddress', TEXT_MAX.address, { notBlank: true })
  contactAddress?: string | null;
}

/** A community as the office and its admin see it, contact for its certificates included. */
export class CommunityViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'paoya' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '泡崖社区' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '泡崖社区志愿服务站' })
  issuer!: string | null;
  @ApiProperty({ example: '2026-06-15T02:00:00.000Z' }) created!: string;
  @ApiProperty({ type: String, nullable: true, description: '负责人, on its certificates' })
  personInCharge!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactAddress!: string | null;
}
