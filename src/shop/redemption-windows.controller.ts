import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
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
  @Route({ roles: ['admin', 'leader', 'clerk', 'volunteer'], ok: CurrentWindowDto })
  current(@CurrentPrincipal() principal: Principal) {
    return this.windows.current(communityOf(principal));
  }

  @Get()
  @Route({ roles: ['admin', 'clerk'], ok: WindowPageDto })
  list(@Query() query: ListQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.windows.list(query, communityOf(principal));
  }

  /** A window with its log of creation, rescheduling, opening and closing. */
  @Get(':id')
  @Route({ roles: ['admin', 'clerk'], ok: WindowWithEventsDto })
  get(
    @Param('id', idParam('redemption window')) id: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.windows.get(id, communityOf(principal));
  }

  @Post()
  @Route({ roles: ['admin'], created: WindowViewDto })
  create(@Body() dto: CreateWindowDto, @CurrentPrincipal() principal: Principal) {
    return this.windows.createAdHoc(dto, actorOf(principal), communityOf(principal));
  }

  @Post(':id/close')
  @Route({ roles: ['admin'], created: WindowViewDto })
  close(
    @Param('id', idParam('redemption window')) id: number,
    @Body() dto: CloseWindowDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.windows.close(id, actorOf(principal), communityOf(principal), dto.note);
  }
}
