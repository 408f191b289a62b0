import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional } from 'class-validator';
import { IsIds } from '../../common/id-param.pipe';
import { DECISION_IDS_MAX } from '../../common/limits';
import { IsReason } from '../../common/validation';
import { CONFIRM_DUPLICATE_DOC } from '../../service-records/dto/create-service-record.dto';
import { ServiceRecordViewDto } from '../../service-records/dto/service-record-responses.dto';
import { EventViewDto } from './event-responses.dto';

export class CloseEventDto {
  @ApiPropertyOptional(CONFIRM_DUPLICATE_DOC)
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}

export class DecideEventRecordsDto {
  @ApiPropertyOptional({
    type: [Number],
    maxItems: DECISION_IDS_MAX,
    description: "Some of the event's records only; without it, all of its pending records",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DECISION_IDS_MAX)
  @IsIds()
  recordIds?: number[];
}

export class RejectEventRecordsDto extends DecideEventRecordsDto {
  @ApiProperty({ description: 'Why the records are not credited; kept with each' })
  @IsReason()
  reason!: string;
}

/** What a close answers (OpenAPI only): the event as it now is and the records it was closed into. */
export class EventClosedDto {
  @ApiProperty({
    type: EventViewDto,
    description: 'the event, now closed (as GET /api/events/:id)',
  })
  event!: EventViewDto;

  @ApiProperty({ type: [ServiceRecordViewDto] }) records!: ServiceRecordViewDto[];
}
