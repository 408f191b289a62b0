import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal } from '../auth/principal';
import { communityOf } from '../access/access.policy';
import { Route } from '../common/route';
import { CouponsService } from './coupons.service';
import { CouponPageDto, CouponUsedDto, CouponViewDto } from './dto/shop-responses.dto';
import { CouponListQueryDto, UseCouponDto } from './dto/shop.dto';

@ApiTags('shop')
@ApiBearerAuth()
@Controller()
export class CouponsController {
  constructor(private readonly coupons: CouponsService) {}

  @Post('coupons/:code/use')
  @Route({ roles: ['clerk', 'admin'], created: CouponUsedDto })
  use(
    @Param('code') code: string,
    @Body() dto: UseCouponDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.coupons.use(code, actorOf(principal), communityOf(principal), dto.note);
  }

  @Get('coupons/:code')
  @Route({ roles: ['clerk', 'admin'], ok: CouponViewDto })
  get(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.coupons.get(code, communityOf(principal));
  }

  @Get('passbooks/:passbookNo/coupons')
  @Route({ roles: ['clerk', 'admin'], ok: CouponPageDto })
  forPassbook(
    @Param('passbookNo') passbookNo: string,
    @Query() query: CouponListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.coupons.listForPassbook(passbookNo, query, communityOf(principal));
  }

  /** The volunteer's own coupons. */
  @Get('me/coupons')
  @Route({ roles: ['volunteer'], ok: CouponPageDto })
  mine(@Query() query: CouponListQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.coupons.listForPrincipal(principal, query);
  }
}
