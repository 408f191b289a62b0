import { idParam } from '../common/id-param.pipe';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { CreateActivityDto } from './dto/create-activity.dto';
import { ActivitiesService } from './activities.service';
import { ActivityViewDto } from './dto/service-record-responses.dto';

@ApiTags('service records')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post()
  @Roles('admin', 'leader')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: "Log a team event's participants at once: all of them or none" })
  @ApiCreatedResponse({ type: ActivityViewDto })
  create(@Body() dto: CreateActivityDto, @CurrentPrincipal() principal: Principal) {
    return this.activities.logActivity(principal, dto);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: ActivityViewDto })
  get(
    @Param('id', idParam('activity'))
    id: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.activities.getActivity(principal, id);
  }
}
