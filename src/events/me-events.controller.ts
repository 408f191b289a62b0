import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { EventsService, VolunteerPrincipal } from './events.service';

/** The volunteer's own events: what they may take part in, signing up and withdrawing. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('me/events')
export class MeEventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @Roles('volunteer')
  @ApiOperation({
    summary: 'Planned events from today the volunteer may take part in, with their sign-up',
  })
  mine(@CurrentPrincipal() principal: VolunteerPrincipal) {
    return this.events.mine(principal);
  }

  @Post(':id/signup')
  @Roles('volunteer')
  @ApiOperation({ summary: 'Sign up for an event (报名), before its deadline, while places last' })
  signUp(
    @Param('id', idParam('event')) id: number,
    @CurrentPrincipal() principal: VolunteerPrincipal,
  ) {
    return this.events.signUp(principal, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('volunteer')
  @ApiOperation({ summary: 'Withdraw from an event before its deadline; the place frees' })
  withdraw(
    @Param('id', idParam('event')) id: number,
    @CurrentPrincipal() principal: VolunteerPrincipal,
  ) {
    return this.events.withdraw(principal, id);
  }
}
