import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { CreateEventDto } from './dto/create-event.dto';
import { CancelEventDto, ListEventsQueryDto } from './dto/event-queries.dto';
import { EventPageDto, EventSignupListDto, EventViewDto } from './dto/event-responses.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Plan an event: date, times, teams, items, optional sign-up',
    created: EventViewDto,
  })
  create(@Body() dto: CreateEventDto, @CurrentPrincipal() principal: Principal) {
    return this.events.create(principal, dto);
  }

  @Get()
  @Route({
    roles: ['admin', 'leader'],
    summary: "Events newest first: an admin's community's, a leader's those of the teams they lead",
    ok: EventPageDto,
  })
  list(@Query() query: ListEventsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.events.list(principal, query);
  }

  @Get(':id')
  @Route({
    roles: ['admin', 'leader'],
    summary: 'One event, for an admin or a leader of one of its teams',
    ok: EventViewDto,
  })
  get(@Param('id', idParam('event')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.events.getOne(principal, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Cancel a planned event, with the reason',
    ok: EventViewDto,
  })
  cancel(
    @Param('id', idParam('event')) id: number,
    @Body() dto: CancelEventDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.events.cancel(principal, id, dto);
  }

  @Get(':id/signups')
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Who signed up for the event, and who withdrew',
    ok: EventSignupListDto,
  })
  signups(@Param('id', idParam('event')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.events.signups(principal, id);
  }
}
