import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { PublicCommunityQuery } from '../ratings/dto/rating-page.dto';
import { CreateMenuItemDto, ListMenuQueryDto, UpdateMenuItemDto } from './dto/menu.dto';
import { MenuItemViewDto, MenuListDto, PublicMenuDto } from './dto/menu-responses.dto';
import { MenuService } from './menu.service';

const menuItemId = () => idParam('menu item');

@ApiTags('menu')
@ApiBearerAuth()
@Controller('menu-items')
export class MenuController {
  constructor(private readonly menu: MenuService) {}

  @Post()
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Publish a service on the menu (an admin; a leader for a team they lead)',
    created: MenuItemViewDto,
  })
  create(@Body() dto: CreateMenuItemDto, @CurrentPrincipal() principal: Principal) {
    return this.menu.create(principal, dto);
  }

  @Get()
  @Route({
    roles: ['admin', 'leader', 'clerk', 'volunteer'],
    summary: "The community's service menu (staff: withdrawn items too on request)",
    ok: MenuListDto,
  })
  list(@Query() query: ListMenuQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.menu.list(principal, query);
  }

  @Patch(':id')
  @Route({
    roles: ['admin', 'leader'],
    summary: "Edit a menu item's title, description, availability or item",
    ok: MenuItemViewDto,
  })
  update(
    @Param('id', menuItemId()) id: number,
    @Body() dto: UpdateMenuItemDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.menu.update(principal, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Withdraw a menu item: no new orders; open ones are finished',
    ok: MenuItemViewDto,
  })
  withdraw(@Param('id', menuItemId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.menu.withdraw(principal, id);
  }
}

@ApiTags('public')
@Controller('public/menu')
export class PublicMenuController {
  constructor(private readonly menu: MenuService) {}

  @Get()
  @Public()
  @Route({
    summary:
      'The service menu of the community named by ?community=<code> (without it the first community), with no people data',
    ok: PublicMenuDto,
  })
  menuOf(@Query() query: PublicCommunityQuery) {
    return this.menu.publicMenu(query.community);
  }
}
