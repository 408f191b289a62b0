import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { CancelRedemptionDto, RedeemDto, RedemptionListQueryDto } from './dto/shop.dto';
import { idParam } from '../common/id-param.pipe';
import { RedemptionsService } from './redemptions.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('redemptions')
export class RedemptionsController {
  constructor(private readonly redemptions: RedemptionsService) {}

  @Post()
  @Roles('clerk', 'admin')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  redeem(@Body() dto: RedeemDto, @CurrentPrincipal() principal: Principal) {
    return this.redemptions.redeem(dto, actorOf(principal));
  }

  @Get()
  @Roles('clerk', 'admin')
  list(@Query() query: RedemptionListQueryDto) {
    return this.redemptions.list(query);
  }

  @Get(':id')
  @Roles('clerk', 'admin')
  get(@Param('id', idParam('redemption')) id: number) {
    return this.redemptions.get(id);
  }

  @Post(':id/cancel')
  @Roles('clerk', 'admin')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  cancel(
    @Param('id', idParam('redemption')) id: number,
    @Body() dto: CancelRedemptionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.redemptions.cancel(id, dto.reason, principal);
  }
}
