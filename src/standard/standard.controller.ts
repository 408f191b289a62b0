import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
import { StandardQueryDto } from './dto/standard-query.dto';
import { StandardVersionsDto, StandardViewDto } from './dto/standard-responses.dto';
import { StandardService } from './standard.service';

@ApiTags('standard')
@ApiBearerAuth()
@Controller('standard')
export class StandardController {
  constructor(private readonly standard: StandardService) {}

  @Get()
  @Route({
    roles: ['admin', 'leader', 'clerk', 'volunteer'],
    summary: "The caller's community's scoring standard in force on a date (default today)",
    ok: StandardViewDto,
  })
  inForce(@CurrentPrincipal() principal: Principal, @Query() query: StandardQueryDto) {
    return this.standard.viewOn(communityOf(principal), query.date);
  }

  @Get('versions')
  @Route({
    roles: ['admin'],
    summary: "Every stored version of the community's scoring standard, newest first",
    ok: StandardVersionsDto,
  })
  versions(@CurrentPrincipal() principal: Principal) {
    return this.standard.listVersions(communityOf(principal));
  }
}
