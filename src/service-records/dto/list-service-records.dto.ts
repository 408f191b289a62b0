import { IsId } from '../../common/id-param.pipe';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import { SERVICE_RECORD_STATUSES, ServiceRecordStatus } from '../service-record.view';

export class ListServiceRecordsDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsId() memberId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsId() teamId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsId() activityId?: number;
  @ApiPropertyOptional({ description: 'Records an event was closed into' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  eventId?: number;

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
}
