import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
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
  @Route({
    roles: ['admin', 'clerk'],
    summary: "Post a wish (微心愿) on a hardship household's behalf",
    created: WishViewDto,
  })
  post(@Body() dto: HouseholdWishDto, @CurrentPrincipal() principal: Principal) {
    return this.wishes.postForHousehold(principal, dto);
  }

  @Post('me/wishes')
  @Route({
    roles: ['volunteer'],
    summary: 'A volunteer posts a wish of their own',
    created: WishViewDto,
  })
  postOwn(@Body() dto: OwnWishDto, @CurrentPrincipal() principal: Principal) {
    return this.wishes.postOwn(principal, dto);
  }

  @Get('wishes')
  @Route({
    roles: ['admin', 'clerk', 'leader', 'volunteer'],
    summary:
      'The wish wall: open wishes first by their date, then claimed, then fulfilled, newest first; names masked but for admins',
    ok: WishPageDto,
  })
  list(@Query() query: ListWishesQuery, @CurrentPrincipal() principal: Principal) {
    return this.wishes.list(principal, query);
  }

  @Get('wishes/:id')
  @Route({
    roles: ['admin', 'clerk', 'leader', 'volunteer'],
    summary: 'One wish of the community',
    ok: WishViewDto,
  })
  get(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.get(principal, id);
  }

  @Post('me/wishes/:id/claim')
  @HttpCode(200)
  @Route({
    roles: ['volunteer'],
    summary: 'A volunteer claims a wish (again: the same answer)',
    ok: WishViewDto,
  })
  claimOwn(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.claimAsVolunteer(principal, id);
  }

  @Post('wishes/:id/claim')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'A leader claims a wish for one of their teams (again: the same answer)',
    ok: WishViewDto,
  })
  claimForTeam(
    @Param('id', idParam('wish')) id: number,
    @Body() dto: TeamClaimDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.wishes.claimForTeam(principal, id, dto.teamId);
  }

  @Post('me/wishes/:id/release')
  @HttpCode(200)
  @Route({
    roles: ['volunteer'],
    summary: 'The volunteer who claimed a wish releases it',
    ok: WishViewDto,
  })
  releaseOwn(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.release(principal, id);
  }

  @Post('wishes/:id/release')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: "An admin, or a leader of the claiming team, releases a wish's claim",
    ok: WishViewDto,
  })
  release(@Param('id', idParam('wish')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.wishes.release(principal, id);
  }

  @Post('wishes/:id/fulfil')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'clerk'],
    idempotent: true,
    summary:
      'Staff who saw it done confirm a claimed wish fulfilled: each volunteer who did it gets a service record under the wish item',
    ok: WishFulfilmentDto,
  })
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
  @Route({
    summary:
      "The community's wish wall for everyone (?community=<code>): masked names, the wish, its status; no ids of people or contact data",
    ok: PublicWishPageDto,
  })
  list(@Query() query: PublicWishesQuery) {
    return this.wishes.publicList(query.community, query);
  }
}
