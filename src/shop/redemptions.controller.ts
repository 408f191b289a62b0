import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
import { RedemptionPageDto, RedemptionViewDto, ReturnResultDto } from './dto/shop-responses.dto';
import {
  CancelRedemptionDto,
  RedeemDto,
  RedemptionListQueryDto,
  ReturnRedemptionDto,
} from './dto/shop.dto';
import { idParam } from '../common/id-param.pipe';
import { communityOf } from '../access/access.policy';
import { RedemptionsService } from './redemptions.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('redemptions')
export class RedemptionsController {
  constructor(private readonly redemptions: RedemptionsService) {}

  @Post()
  @Route({ roles: ['clerk', 'admin'], idempotent: true, created: RedemptionViewDto })
  redeem(@Body() dto: RedeemDto, @CurrentPrincipal() principal: Principal) {
    return this.redemptions.redeem(
      dto,
      actorOf(principal),
      communityOf(principal),
      principal.kind === 'user' ? principal.username : null,
    );
  }

  @Get()
  @Route({ roles: ['clerk', 'admin'], ok: RedemptionPageDto })
  list(@Query() query: RedemptionListQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.redemptions.list(query, communityOf(principal));
  }

  @Get(':id')
  @Route({ roles: ['clerk', 'admin'], ok: RedemptionViewDto })
  get(@Param('id', idParam('redemption')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.redemptions.get(id, communityOf(principal));
  }

  @Post(':id/cancel')
  @Route({ roles: ['clerk', 'admin'], idempotent: true, created: RedemptionViewDto })
  cancel(
    @Param('id', idParam('redemption')) id: number,
    @Body() dto: CancelRedemptionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.redemptions.cancel(id, dto.reason, principal);
  }

  @Post(':id/returns')
  @Route({
    roles: ['clerk', 'admin'],
    idempotent: true,
    summary: 'Return part of a redemption: some units of some lines',
    description:
      'Stock back (movement kind "return"), the points of exactly the returned units credited back in one ' +
      '`redeem_return` ledger transaction, the coupons of returned coupon units voided. Clerk while the ' +
      "redemption's window is open, admin at any time (REDEMPTION_WINDOW_CLOSED). Refused, changing nothing: " +
      'a cancelled redemption (409 ALREADY_REVERSED); more units than not yet returned (409 CONFLICT, ' +
      'details.reason RETURN_EXCEEDS_REMAINING); a unit whose coupon was used (409 COUPON_ALREADY_USED, ' +
      'details.returnable); an item not in the redemption or a quantity that is not a whole number from 1 ' +
      '(400 VALIDATION_FAILED). Answers the return with the redemption as it now stands.',
    created: ReturnResultDto,
  })
  returnPart(
    @Param('id', idParam('redemption')) id: number,
    @Body() dto: ReturnRedemptionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.redemptions.returnPart(id, dto, principal);
  }
}
