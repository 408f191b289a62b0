import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { DaySummaryDto } from './dto/shop-responses.dto';
import { DaySummaryQueryDto } from './dto/shop.dto';
import { RedemptionsService } from './redemptions.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('counter')
export class CounterController {
  constructor(private readonly redemptions: RedemptionsService) {}

  @Get('day-summary')
  @Roles('clerk', 'admin')
  @ApiOperation({ summary: "The counter's day: redemptions, cancellations, items, coupons used" })
  @ApiOkResponse({ type: DaySummaryDto })
  daySummary(@Query() query: DaySummaryQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.redemptions.daySummary(query.date, communityOf(principal));
  }
}
