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
import { RedemptionWindowsService } from './redemption-windows.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('redemption-windows')
export class RedemptionWindowsController {
  constructor(private readonly windows: RedemptionWindowsService) {}

  @Get('current')
  @Roles('admin', 'leader', 'clerk', 'volunteer')
  @ApiOkResponse({ type: CurrentWindowDto })
  current() {
    return this.windows.current();
  }

  @Get()
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: WindowPageDto })
  list(@Query() query: ListQueryDto) {
    return this.windows.list(query);
  }

  /** A window with its log of creation, rescheduling, opening and closing. */
  @Get(':id')
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: WindowWithEventsDto })
  get(@Param('id', idParam('redemption window')) id: number) {
    return this.windows.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WindowViewDto })
  create(@Body() dto: CreateWindowDto, @CurrentPrincipal() principal: Principal) {
    return this.windows.createAdHoc(dto, actorOf(principal));
  }

  @Post(':id/close')
  @Roles('admin')
  @ApiCreatedResponse({ type: WindowViewDto })
  close(
    @Param('id', idParam('redemption window')) id: number,
    @Body() dto: CloseWindowDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.windows.close(id, actorOf(principal), dto.note);
  }
}
