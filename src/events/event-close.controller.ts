import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { DecisionResultDto } from '../service-records/dto/service-record-responses.dto';
import { CloseEventDto, DecideEventRecordsDto, RejectEventRecordsDto } from './dto/close-event.dto';
import { EventCloseService } from './event-close.service';

const eventId = () => idParam('event');

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventCloseController {
  constructor(private readonly close: EventCloseService) {}

  @Post(':id/close')
  @Roles('admin', 'leader')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      "Close the event into its participants' service records, all or none (pending when approval is on for a leader)",
  })
  @ApiCreatedResponse({ description: '{event, records}' })
  closeEvent(
    @Param('id', eventId()) id: number,
    @Body() dto: CloseEventDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.close.close(principal, id, dto);
  }

  @Post(':id/approve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Credit the event's pending records (or the given ones) at once" })
  @ApiOkResponse({ type: DecisionResultDto })
  approve(
    @Param('id', eventId()) id: number,
    @Body() dto: DecideEventRecordsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.close.approve(principal, id, dto.recordIds);
  }

  @Post(':id/reject')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: "Reject the event's pending records (or the given ones) at once" })
  @ApiOkResponse({ type: DecisionResultDto })
  reject(
    @Param('id', eventId()) id: number,
    @Body() dto: RejectEventRecordsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.close.reject(principal, id, dto.reason, dto.recordIds);
  }
}
