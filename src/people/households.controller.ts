import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
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
  @Roles('admin')
  @ApiCreatedResponse({ type: CreatedHouseholdDto })
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
  @Roles('admin', 'clerk', 'volunteer')
  @ApiOkResponse({ type: HouseholdPageDto })
  list(@Query() query: ListHouseholdsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.households.listHouseholds(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: HouseholdViewDto })
  get(@Param('id', idParam('household')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.households.householdView(id, principal);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: HouseholdViewDto })
  update(
    @Param('id', idParam('household')) id: number,
    @Body() dto: UpdateHouseholdDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.households.updateHousehold(id, dto, principal);
  }
}
