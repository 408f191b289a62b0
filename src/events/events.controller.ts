import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { CreateEventDto } from './dto/create-event.dto';
import { EventViewDto } from './dto/event-view.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Plan an event: date, times, teams, items, optional sign-up' })
  @ApiCreatedResponse({ type: EventViewDto })
  create(@Body() dto: CreateEventDto, @CurrentPrincipal() principal: Principal) {
    return this.events.create(principal, dto);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'One event, for an admin or a leader of one of its teams' })
  @ApiOkResponse({ type: EventViewDto })
  get(@Param('id', idParam('event')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.events.getOne(principal, id);
  }
}
