import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
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
  async create(@Body() dto: CreateHouseholdDto) {
    const household = await this.households.createHousehold(dto);
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
  list(@Query() query: ListHouseholdsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.households.listHouseholds(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'clerk')
  get(@Param('id', idParam('household')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.households.householdView(id, principal);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', idParam('household')) id: number,
    @Body() dto: UpdateHouseholdDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.households.updateHousehold(id, dto, principal);
  }
}
