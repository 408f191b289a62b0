import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { PageQueryDto } from '../common/pagination';
import { Route } from '../common/route';
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
  @Route({ roles: ['admin'], created: CreatedTeamDto })
  async create(@Body() dto: CreateTeamDto, @CurrentPrincipal() principal: Principal) {
    const { team, leaderUserIds } = await this.teams.createTeam({
      ...dto,
      communityId: communityOf(principal),
    });
    return { id: team.id, name: team.name, serviceType: team.serviceType, leaderUserIds };
  }

  @Get()
  @Route({ roles: ['admin', 'leader'], ok: TeamPageDto })
  list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.teams.listTeams(principal, query);
  }

  @Get(':id')
  @Route({ roles: ['admin', 'leader'], ok: TeamViewDto })
  get(@Param('id', idParam('team')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.teams.teamView(id, principal);
  }

  @Patch(':id')
  @Route({ roles: ['admin'], ok: TeamViewDto })
  update(
    @Param('id', idParam('team')) id: number,
    @Body() dto: UpdateTeamDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.teams.updateTeam(principal, id, dto);
  }

  @Post(':id/members')
  @Route({ roles: ['admin', 'leader'], created: TeamMembershipDto })
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
