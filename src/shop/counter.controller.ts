import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
import { DaySummaryDto } from './dto/shop-responses.dto';
import { DaySummaryQueryDto } from './dto/shop.dto';
import { RedemptionsService } from './redemptions.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('counter')
export class CounterController {
  constructor(private readonly redemptions: RedemptionsService) {}

  @Get('day-summary')
  @Route({
    roles: ['clerk', 'admin'],
    summary: "The counter's day: redemptions, cancellations, items, coupons used",
    ok: DaySummaryDto,
  })
  daySummary(@Query() query: DaySummaryQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.redemptions.daySummary(query.date, communityOf(principal));
  }
}
