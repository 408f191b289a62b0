import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { StandardQueryDto } from './dto/standard-query.dto';
import { StandardVersionsDto, StandardViewDto } from './dto/standard-responses.dto';
import { StandardService } from './standard.service';

@ApiTags('standard')
@ApiBearerAuth()
@Controller('standard')
export class StandardController {
  constructor(private readonly standard: StandardService) {}

  @Get()
  @Roles('admin', 'leader', 'clerk', 'volunteer')
  @ApiOperation({
    summary: "The caller's community's scoring standard in force on a date (default today)",
  })
  @ApiOkResponse({ type: StandardViewDto })
  inForce(@CurrentPrincipal() principal: Principal, @Query() query: StandardQueryDto) {
    return this.standard.viewOn(communityOf(principal), query.date);
  }

  @Get('versions')
  @Roles('admin')
  @ApiOperation({
    summary: "Every stored version of the community's scoring standard, newest first",
  })
  @ApiOkResponse({ type: StandardVersionsDto })
  versions(@CurrentPrincipal() principal: Principal) {
    return this.standard.listVersions(communityOf(principal));
  }
}
