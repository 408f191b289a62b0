import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import { SERVICE_RECORD_STATUSES, ServiceRecordStatus } from '../service-record.view';

export class ListServiceRecordsDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) memberId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) teamId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) activityId?: number;

  @ApiPropertyOptional({ enum: SERVICE_RECORD_STATUSES })
  @IsOptional()
  @IsIn(SERVICE_RECORD_STATUSES)
  status?: ServiceRecordStatus;

  @ApiPropertyOptional({ description: 'First service date, YYYY-MM-DD' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last service date, YYYY-MM-DD' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) cursor?: string;
}
