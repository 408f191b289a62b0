import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import {
  AcceptOrderDto,
  DeclineOrderDto,
  HouseholdOrderDto,
  ListOrdersQueryDto,
  MyOrderDto,
  MyOrdersQueryDto,
  OrderDoneDto,
  RateOrderDto,
} from './dto/menu.dto';
import { OrderDoneViewDto, OrderPageDto, OrderViewDto } from './dto/menu-responses.dto';
import { OrdersService } from './orders.service';

const orderId = () => idParam('order');
type VolunteerPrincipal = Principal & { kind: 'member' };

@ApiTags('menu')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Route({
    roles: ['admin', 'clerk'],
    summary: 'Order a menu service for a household (a clerk or an admin)',
    created: OrderViewDto,
  })
  place(@Body() dto: HouseholdOrderDto, @CurrentPrincipal() principal: Principal) {
    return this.orders.placeForHousehold(principal, dto);
  }

  @Get()
  @Route({
    roles: ['admin', 'leader', 'clerk'],
    summary:
      "Orders newest first: an admin's community's, a clerk's households', a leader's teams'",
    ok: OrderPageDto,
  })
  list(@Query() query: ListOrdersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.orders.list(principal, query);
  }

  @Get(':id')
  @Route({
    roles: ['admin', 'leader', 'clerk'],
    summary: 'One order, with its assignees and rating',
    ok: OrderViewDto,
  })
  get(@Param('id', orderId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.orders.getOne(principal, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: "Accept a placed order (接单), sending members of the item's team",
    ok: OrderViewDto,
  })
  accept(
    @Param('id', orderId()) id: number,
    @Body() dto: AcceptOrderDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.orders.accept(principal, id, dto.memberIds);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Decline a placed order, with the reason the orderer sees',
    ok: OrderViewDto,
  })
  decline(
    @Param('id', orderId()) id: number,
    @Body() dto: DeclineOrderDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.orders.decline(principal, id, dto.reason);
  }

  @Post(':id/done')
  @Route({
    roles: ['admin', 'leader'],
    idempotent: true,
    summary:
      "Confirm an accepted order done: each serving volunteer's record logged under the item (pending when approval is on for a leader)",
    created: OrderDoneViewDto,
  })
  done(
    @Param('id', orderId()) id: number,
    @Body() dto: OrderDoneDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.orders.done(principal, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'clerk'],
    summary: "Cancel a household's order before it is done",
    ok: OrderViewDto,
  })
  cancel(@Param('id', orderId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.orders.cancel(principal, id);
  }

  @Post(':id/rating')
  @Route({
    roles: ['admin', 'clerk'],
    summary: "Rate a household's done order on its behalf (1–5), once",
    created: OrderViewDto,
  })
  rate(
    @Param('id', orderId()) id: number,
    @Body() dto: RateOrderDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.orders.rate(principal, id, dto);
  }
}

/** The volunteer's own orders: ordering from the menu, following, cancelling and rating them. */
@ApiTags('menu')
@ApiBearerAuth()
@Controller('me/orders')
export class MyOrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  @Route({
    roles: ['volunteer'],
    summary: 'Order a menu service for oneself (点单)',
    created: OrderViewDto,
  })
  place(@Body() dto: MyOrderDto, @CurrentPrincipal() principal: VolunteerPrincipal) {
    return this.orders.placeForMember(principal, dto);
  }

  @Get()
  @Route({
    roles: ['volunteer'],
    summary: "The volunteer's orders, newest first, with their state",
    ok: OrderPageDto,
  })
  mine(@Query() query: MyOrdersQueryDto, @CurrentPrincipal() principal: VolunteerPrincipal) {
    return this.orders.list(principal, query);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Route({
    roles: ['volunteer'],
    summary: 'Cancel one of my orders before it is done',
    ok: OrderViewDto,
  })
  cancel(@Param('id', orderId()) id: number, @CurrentPrincipal() principal: VolunteerPrincipal) {
    return this.orders.cancel(principal, id);
  }

  @Post(':id/rating')
  @Route({
    roles: ['volunteer'],
    summary: 'Rate the service of one of my done orders (1–5), once',
    created: OrderViewDto,
  })
  rate(
    @Param('id', orderId()) id: number,
    @Body() dto: RateOrderDto,
    @CurrentPrincipal() principal: VolunteerPrincipal,
  ) {
    return this.orders.rate(principal, id, dto);
  }
}
