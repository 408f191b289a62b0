import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsId } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { PageQueryDto } from '../../common/pagination';
import { IsCommunityParam, IsOneLine, IsReason } from '../../common/validation';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';

export class IssueCertificateDto {
  @ApiProperty() @IsId() memberId!: number;

  @ApiProperty({ example: '2026-01-01', description: 'first service date the certificate covers' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({
    example: '2026-06-30',
    description: 'last service date it covers (not after today)',
  })
  @IsLocalDate()
  to!: string;

  @ApiProperty({ maxLength: TEXT_MAX.name, example: '李红', description: '经办人: who issues it' })
  @IsOneLine('handler', TEXT_MAX.name, { notBlank: true })
  handler!: string;

  @ApiPropertyOptional({ maxLength: TEXT_MAX.reason, example: '升学材料' })
  @IsOptional()
  @IsOneLine('purpose', TEXT_MAX.reason, { notBlank: true })
  purpose?: string;
}

export class RevokeCertificateDto {
  @ApiProperty({ maxLength: TEXT_MAX.reason, example: '证明期间填写有误，已重新开具' })
  @IsReason()
  reason!: string;
}

export class ListCertificatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'only this volunteer’s certificates' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  memberId?: number;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'periods ending on or after this date',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'periods starting on or before it' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({
    example: 'default',
    description: 'street-office users: the community (code or id) whose register to read',
  })
  @IsCommunityParam()
  community?: string;
}

export class NationalExportQueryDto {
  @ApiProperty({ example: '2026-04-01' }) @IsLocalDate() from!: string;
  @ApiProperty({ example: '2026-06-30' }) @IsLocalDate() to!: string;

  @ApiPropertyOptional({
    example: 'default',
    description: 'street-office users: the community (code or id) to export',
  })
  @IsCommunityParam()
  community?: string;
}
