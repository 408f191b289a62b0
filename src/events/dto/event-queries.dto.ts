import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { IsReason } from '../../common/validation';
import { TEXT_MAX } from '../../common/limits';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import type { EventStatus } from '../entities';

export const EVENT_STATUSES: EventStatus[] = ['planned', 'closed', 'cancelled'];

/** `GET /api/events`: newest date first, filtered by status and a range of dates. */
export class ListEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_STATUSES })
  @IsOptional()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  @ApiPropertyOptional({ description: 'First event date, YYYY-MM-DD' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last event date, YYYY-MM-DD' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

export class CancelEventDto {
  @ApiProperty({
    description: 'Why the event does not take place; shown with it',
    maxLength: TEXT_MAX.reason,
  })
  @IsReason()
  reason!: string;
}
