import { idParam } from '../common/id-param.pipe';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
import { CreateActivityDto } from './dto/create-activity.dto';
import { ActivitiesService } from './activities.service';
import { ActivityViewDto } from './dto/service-record-responses.dto';

@ApiTags('service records')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @Route({
    roles: ['admin', 'leader'],
    idempotent: true,
    summary: "Log a team event's participants at once: all of them or none",
    created: ActivityViewDto,
  })
  create(@Body() dto: CreateActivityDto, @CurrentPrincipal() principal: Principal) {
    return this.activities.logActivity(principal, dto);
  }

  @Get(':id')
  @Route({ roles: ['admin', 'leader'], ok: ActivityViewDto })
  get(
    @Param('id', idParam('activity'))
    id: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.activities.getActivity(principal, id);
  }
}
