import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import {
  CurrentWindowDto,
  WindowPageDto,
  WindowViewDto,
  WindowWithEventsDto,
} from './dto/shop-responses.dto';
import { CloseWindowDto, CreateWindowDto, ListQueryDto } from './dto/shop.dto';
import { idParam } from '../common/id-param.pipe';
import { communityOf } from '../access/access.policy';
import { RedemptionWindowsService } from './redemption-windows.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('redemption-windows')
export class RedemptionWindowsController {
  constructor(private readonly windows: RedemptionWindowsService) {}

  @Get('current')
  @Roles('admin', 'leader', 'clerk', 'volunteer')
  @ApiOkResponse({ type: CurrentWindowDto })
  current(@CurrentPrincipal() principal: Principal) {
    return this.windows.current(communityOf(principal));
  }

  @Get()
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: WindowPageDto })
  list(@Query() query: ListQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.windows.list(query, communityOf(principal));
  }

  /** A window with its log of creation, rescheduling, opening and closing. */
  @Get(':id')
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: WindowWithEventsDto })
  get(
    @Param('id', idParam('redemption window')) id: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.windows.get(id, communityOf(principal));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WindowViewDto })
  create(@Body() dto: CreateWindowDto, @CurrentPrincipal() principal: Principal) {
    return this.windows.createAdHoc(dto, actorOf(principal), communityOf(principal));
  }

  @Post(':id/close')
  @Roles('admin')
  @ApiCreatedResponse({ type: WindowViewDto })
  close(
    @Param('id', idParam('redemption window')) id: number,
    @Body() dto: CloseWindowDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.windows.close(id, actorOf(principal), communityOf(principal), dto.note);
  }
}
