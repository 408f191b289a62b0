import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { CreateEventDto } from './dto/create-event.dto';
import { CancelEventDto, ListEventsQueryDto } from './dto/event-queries.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Plan an event: date, times, teams, items, optional sign-up' })
  create(@Body() dto: CreateEventDto, @CurrentPrincipal() principal: Principal) {
    return this.events.create(principal, dto);
  }

  @Get()
  @Roles('admin', 'leader')
  @ApiOperation({
    summary: "Events newest first: an admin's community's, a leader's those of the teams they lead",
  })
  list(@Query() query: ListEventsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.events.list(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'One event, for an admin or a leader of one of its teams' })
  get(@Param('id', idParam('event')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.events.getOne(principal, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Cancel a planned event, with the reason' })
  cancel(
    @Param('id', idParam('event')) id: number,
    @Body() dto: CancelEventDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.events.cancel(principal, id, dto);
  }

  @Get(':id/signups')
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'Who signed up for the event, and who withdrew' })
  signups(@Param('id', idParam('event')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.events.signups(principal, id);
  }
}
