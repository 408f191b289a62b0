import { TEXT_MAX } from '../../common/limits';
import { IsCommunityParam } from '../../common/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({
    enum: ['zh', 'en'],
    default: 'en',
    description:
      'CSV only: en (default, as before) is the machine-readable table with English codes; zh has Chinese headers and row names, to hand to the street office as it is (the report page downloads this one)',
  })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';

  @ApiPropertyOptional({
    description:
      "The community's code (or id): a street-office user names one of their communities; community staff read their own (another answers 404)",
    example: 'lingnan',
  })
  @IsCommunityParam()
  community?: string;
}

export class GrowthQuery {
  @ApiProperty({ example: '2025-07', description: 'the first month, YYYY-MM' })
  @IsString()
  @MaxLength(TEXT_MAX.month)
  from!: string;

  @ApiProperty({ example: '2026-06', description: 'the last month, YYYY-MM (at most 120 months)' })
  @IsString()
  @MaxLength(TEXT_MAX.month)
  to!: string;

  @ApiPropertyOptional({
    description:
      "The community's code (or id): a street-office user names one of their communities",
    example: 'lingnan',
  })
  @IsCommunityParam()
  community?: string;
}
