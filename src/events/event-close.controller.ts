import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { DecisionResultDto } from '../service-records/dto/service-record-responses.dto';
import {
  CloseEventDto,
  DecideEventRecordsDto,
  EventClosedDto,
  RejectEventRecordsDto,
} from './dto/close-event.dto';
import { EventCloseService } from './event-close.service';

const eventId = () => idParam('event');

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventCloseController {
  constructor(private readonly close: EventCloseService) {}

  @Post(':id/close')
  @Route({
    roles: ['admin', 'leader'],
    idempotent: true,
    summary:
      "Close the event into its participants' service records, all or none (pending when approval is on for a leader)",
    created: EventClosedDto,
  })
  closeEvent(
    @Param('id', eventId()) id: number,
    @Body() dto: CloseEventDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.close.close(principal, id, dto);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary: "Credit the event's pending records (or the given ones) at once",
    ok: DecisionResultDto,
  })
  approve(
    @Param('id', eventId()) id: number,
    @Body() dto: DecideEventRecordsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.close.approve(principal, id, dto.recordIds);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary: "Reject the event's pending records (or the given ones) at once",
    ok: DecisionResultDto,
  })
  reject(
    @Param('id', eventId()) id: number,
    @Body() dto: RejectEventRecordsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.close.reject(principal, id, dto.reason, dto.recordIds);
  }
}
