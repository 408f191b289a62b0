import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { PageQueryDto } from '../common/pagination';
import {
  CreatedTeamDto,
  TeamMembershipDto,
  TeamPageDto,
  TeamViewDto,
} from './dto/people-responses.dto';
import { AddTeamMemberDto, CreateTeamDto, UpdateTeamDto } from './dto/people.dto';
import { TeamsService } from './teams.service';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreatedTeamDto })
  async create(@Body() dto: CreateTeamDto, @CurrentPrincipal() principal: Principal) {
    const { team, leaderUserIds } = await this.teams.createTeam({
      ...dto,
      communityId: communityOf(principal),
    });
    return { id: team.id, name: team.name, serviceType: team.serviceType, leaderUserIds };
  }

  @Get()
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: TeamPageDto })
  list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.teams.listTeams(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: TeamViewDto })
  get(@Param('id', idParam('team')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.teams.teamView(id, principal);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: TeamViewDto })
  update(
    @Param('id', idParam('team')) id: number,
    @Body() dto: UpdateTeamDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.teams.updateTeam(principal, id, dto);
  }

  @Post(':id/members')
  @Roles('admin', 'leader')
  @ApiCreatedResponse({ type: TeamMembershipDto })
  addMember(
    @Param('id', idParam('team')) id: number,
    @Body() dto: AddTeamMemberDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.teams.addTeamMemberAs(principal, id, dto.memberId);
  }

  @Delete(':id/members/:memberId')
  @Roles('admin', 'leader')
  @HttpCode(204)
  async removeMember(
    @Param('id', idParam('team')) id: number,
    @Param('memberId', idParam('member')) memberId: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.teams.removeTeamMember(principal, id, memberId);
  }
}
