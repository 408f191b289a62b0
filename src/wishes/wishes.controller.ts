import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import {
  FulfilWishDto,
  HouseholdWishDto,
  ListWishesQuery,
  OwnWishDto,
  PublicWishesQuery,
  TeamClaimDto,
} from './dto/wish-requests.dto';
import {
  PublicWishPageDto,
  WishFulfilmentDto,
  WishPageDto,
  WishViewDto,
} from './dto/wish-responses.dto';
import { WishesService } from './wishes.service';

@ApiTags('wishes')
@ApiBearerAuth()
@Controller()
export class WishesController {
  constructor(private readonly wishes: WishesService) {}

  @Post('wishes')
  @Roles('admin', 'clerk')
  @ApiOperation({ summary: "Post a wish (微心愿) on a hardship household's behalf" })
  @ApiCreatedResponse({ type: WishViewDto })
  post(@Body() dto: HouseholdWishDto, @CurrentPrincipal() principal: Principal) {
    return this.wishes.postForHousehold(principal, dto);
  }

  @Post('me/wishes')
  @Roles('volunteer')
  @ApiOperation({ summary: 'A volunteer posts a wish of their own' })
  @ApiCreatedResponse({ type: WishViewDto })
  postOwn(@Body() dto: OwnWishDto, @CurrentPrincipal() principal: Principal) {
    return this.wishes.postOwn(principal, dto);
  }

  @Get('wishes')
  @Roles('admin', 'clerk', 'leader', 'volunteer')
  @ApiOperation({
    summary:
      'The wish wall: open wishes first by their date, then claimed, then fulfilled, newest first; names masked but for admins',
  })
  @ApiOkResponse({ type: WishPageDto })
  list(@Query() query: ListWishesQuery, @CurrentPrincipal() principal: Principal) {
    return this.wishes.list(principal, query);
  }

  @Get('wishes/:id')
  @Roles('admin', 'clerk', 'leader', 'volunteer')
  @ApiOperation({ summary: 'One wish of the community' })
  @ApiOkResponse({ type: WishViewDto })
  get(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.get(principal, id);
  }

  @Post('me/wishes/:id/claim')
  @Roles('volunteer')
  @HttpCode(200)
  @ApiOperation({ summary: 'A volunteer claims a wish (again: the same answer)' })
  @ApiOkResponse({ type: WishViewDto })
  claimOwn(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.claimAsVolunteer(principal, id);
  }

  @Post('wishes/:id/claim')
  @Roles('admin', 'leader')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A leader claims a wish for one of their teams (again: the same answer)',
  })
  @ApiOkResponse({ type: WishViewDto })
  claimForTeam(
    @Param('id', idParam('wish')) id: number,
    @Body() dto: TeamClaimDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.wishes.claimForTeam(principal, id, dto.teamId);
  }

  @Post('me/wishes/:id/release')
  @Roles('volunteer')
  @HttpCode(200)
  @ApiOperation({ summary: 'The volunteer who claimed a wish releases it' })
  @ApiOkResponse({ type: WishViewDto })
  releaseOwn(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.release(principal, id);
  }

  @Post('wishes/:id/release')
  @Roles('admin', 'leader')
  @HttpCode(200)
  @ApiOperation({ summary: "An admin, or a leader of the claiming team, releases a wish's claim" })
  @ApiOkResponse({ type: WishViewDto })
  release(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.release(principal, id);
  }

  @Post('wishes/:id/fulfil')
  @Roles('admin', 'clerk')
  @Idempotent()
  @HttpCode(200)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Staff who saw it done confirm a claimed wish fulfilled: each volunteer who did it gets a service record under the wish item',
  })
  @ApiOkResponse({ type: WishFulfilmentDto })
  fulfil(
    @Param('id', idParam('wish')) id: number,
    @Body() dto: FulfilWishDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.wishes.fulfil(principal, id, dto);
  }
}

@ApiTags('public')
@Controller('public/wishes')
export class PublicWishesController {
  constructor(private readonly wishes: WishesService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "The community's wish wall for everyone (?community=<code>): masked names, the wish, its status; no ids of people or contact data",
  })
  @ApiOkResponse({ type: PublicWishPageDto })
  list(@Query() query: PublicWishesQuery) {
    return this.wishes.publicList(query.community, query);
  }
}
