import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import {
  CreatedHouseholdDto,
  HouseholdPageDto,
  HouseholdViewDto,
} from './dto/people-responses.dto';
import { CreateHouseholdDto, ListHouseholdsQueryDto, UpdateHouseholdDto } from './dto/people.dto';
import { HouseholdsService } from './households.service';

@ApiTags('households')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  /** Registered by an admin, who has verified the hardship. */
  @Post()
  @Route({ roles: ['admin'], created: CreatedHouseholdDto })
  async create(@Body() dto: CreateHouseholdDto, @CurrentPrincipal() principal: Principal) {
    const household = await this.households.createHousehold({
      ...dto,
      communityId: communityOf(principal),
    });
    return {
      id: household.id,
      passbookNo: household.passbookNo,
      name: household.name,
      hardship: household.hardship,
      verified: household.verified,
    };
  }

  @Get()
  @Route({ roles: ['admin', 'clerk', 'volunteer'], ok: HouseholdPageDto })
  list(@Query() query: ListHouseholdsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.households.listHouseholds(principal, query);
  }

  @Get(':id')
  @Route({ roles: ['admin', 'clerk'], ok: HouseholdViewDto })
  get(@Param('id', idParam('household')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.households.householdView(id, principal);
  }

  @Patch(':id')
  @Route({ roles: ['admin'], ok: HouseholdViewDto })
  update(
    @Param('id', idParam('household')) id: number,
    @Body() dto: UpdateHouseholdDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.households.updateHousehold(id, dto, principal);
  }
}
