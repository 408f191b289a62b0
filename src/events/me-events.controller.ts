import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { MyEventListDto, MySignupDto, MyWithdrawalDto } from './dto/event-responses.dto';
import { EventsService, VolunteerPrincipal } from './events.service';

/** The volunteer's own events: what they may take part in, signing up and withdrawing. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('me/events')
export class MeEventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @Route({
    roles: ['volunteer'],
    summary: 'Planned events from today the volunteer may take part in, with their sign-up',
    ok: MyEventListDto,
  })
  mine(@CurrentPrincipal() principal: VolunteerPrincipal) {
    return this.events.mine(principal);
  }

  @Post(':id/signup')
  @Route({
    roles: ['volunteer'],
    summary: 'Sign up for an event (报名), before its deadline, while places last',
    created: MySignupDto,
  })
  signUp(
    @Param('id', idParam('event')) id: number,
    @CurrentPrincipal() principal: VolunteerPrincipal,
  ) {
    return this.events.signUp(principal, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Route({
    roles: ['volunteer'],
    summary: 'Withdraw from an event before its deadline; the place frees',
    ok: MyWithdrawalDto,
  })
  withdraw(
    @Param('id', idParam('event')) id: number,
    @CurrentPrincipal() principal: VolunteerPrincipal,
  ) {
    return this.events.withdraw(principal, id);
  }
}
