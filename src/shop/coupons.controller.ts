import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { communityOf } from '../access/access.policy';
import { CouponsService } from './coupons.service';
import { CouponPageDto, CouponUsedDto, CouponViewDto } from './dto/shop-responses.dto';
import { CouponListQueryDto, UseCouponDto } from './dto/shop.dto';

@ApiTags('shop')
@ApiBearerAuth()
@Controller()
export class CouponsController {
  constructor(private readonly coupons: CouponsService) {}

  @Post('coupons/:code/use')
  @Roles('clerk', 'admin')
  @ApiCreatedResponse({ type: CouponUsedDto })
  use(
    @Param('code') code: string,
    @Body() dto: UseCouponDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.coupons.use(code, actorOf(principal), communityOf(principal), dto.note);
  }

  @Get('coupons/:code')
  @Roles('clerk', 'admin')
  @ApiOkResponse({ type: CouponViewDto })
  get(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.coupons.get(code, communityOf(principal));
  }

  @Get('passbooks/:passbookNo/coupons')
  @Roles('clerk', 'admin')
  @ApiOkResponse({ type: CouponPageDto })
  forPassbook(
    @Param('passbookNo') passbookNo: string,
    @Query() query: CouponListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.coupons.listForPassbook(passbookNo, query, communityOf(principal));
  }

  /** The volunteer's own coupons. */
  @Get('me/coupons')
  @Roles('volunteer')
  @ApiOkResponse({ type: CouponPageDto })
  mine(@Query() query: CouponListQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.coupons.listForPrincipal(principal, query);
  }
}
