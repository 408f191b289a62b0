import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import {
  CommunityAdminDto,
  CommunityListDto,
  CommunityViewDto,
  CreateCommunityAdminDto,
  CreateCommunityDto,
  OfficeVerifyDto,
  OverviewDto,
  OverviewQueryDto,
  UpdateCommunityDto,
} from './dto/office.dto';
import { OfficeService } from './office.service';

/** The street office (街道): its communities, their admins, their figures and books. */
@ApiTags('office')
@ApiBearerAuth()
@Controller('office')
export class OfficeController {
  constructor(private readonly office: OfficeService) {}

  @Get('communities')
  @Route({ roles: ['office'], ok: CommunityListDto })
  list(@CurrentPrincipal() principal: Principal) {
    return this.office.list(principal);
  }

  @Post('communities')
  @Route({
    roles: ['office'],
    summary: 'A new community of the street office, with its own books',
    created: CommunityViewDto,
  })
  create(@Body() dto: CreateCommunityDto, @CurrentPrincipal() principal: Principal) {
    return this.office.create(principal, dto);
  }

  @Patch('communities/:id')
  @Route({ roles: ['office'], ok: CommunityViewDto })
  update(
    @Param('id', idParam('community')) id: number,
    @Body() dto: UpdateCommunityDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.office.update(principal, id, dto);
  }

  @Post('communities/:id/admins')
  @Route({
    roles: ['office'],
    summary: 'An administrator of the community (its first, or another)',
    created: CommunityAdminDto,
  })
  addAdmin(
    @Param('id', idParam('community')) id: number,
    @Body() dto: CreateCommunityAdminDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.office.addAdmin(principal, id, dto);
  }

  @Get('overview')
  @Route({
    roles: ['office'],
    summary:
      "Each community's volunteers, teams, hours and points earned, redeemed and donated in the year (or ?quarter=), outstanding points and verify status, side by side and summed",
    ok: OverviewDto,
  })
  overview(@Query() query: OverviewQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.office.overview(principal, query.year, query.quarter);
  }

  @Get('verify')
  @Route({
    roles: ['office'],
    summary: "Every community's ledger verified on its own",
    ok: OfficeVerifyDto,
  })
  verify(@CurrentPrincipal() principal: Principal) {
    return this.office.verify(principal);
  }
}
