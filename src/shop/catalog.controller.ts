import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, roleOf } from '../auth/principal';
import { communityOf } from '../access/access.policy';
import { Route } from '../common/route';
import { CatalogService } from './catalog.service';
import {
  CatalogItemPageDto,
  CatalogItemViewDto,
  StockChangeResultDto,
  StockMovementPageDto,
} from './dto/shop-responses.dto';
import {
  CatalogListQueryDto,
  CreateCatalogItemDto,
  ListQueryDto,
  RestockDto,
  StockAdjustmentDto,
  UpdateCatalogItemDto,
} from './dto/shop.dto';
import { idParam } from '../common/id-param.pipe';

@ApiTags('shop')
@ApiBearerAuth()
@Controller('catalog-items')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Post()
  @Route({ roles: ['admin'], created: CatalogItemViewDto })
  create(@Body() dto: CreateCatalogItemDto, @CurrentPrincipal() principal: Principal) {
    return this.catalog.create(dto, actorOf(principal), communityOf(principal));
  }

  @Get()
  @Route({ roles: ['admin', 'leader', 'clerk', 'volunteer'], ok: CatalogItemPageDto })
  list(@Query() query: CatalogListQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.catalog.list(query, roleOf(principal), communityOf(principal));
  }

  @Get(':id')
  @Route({ roles: ['admin', 'leader', 'clerk', 'volunteer'], ok: CatalogItemViewDto })
  get(@Param('id', idParam('catalog item')) id: number, @CurrentPrincipal() p: Principal) {
    return this.catalog.get(id, roleOf(p), communityOf(p));
  }

  @Patch(':id')
  @Route({ roles: ['admin'], ok: CatalogItemViewDto })
  update(
    @Param('id', idParam('catalog item')) id: number,
    @Body() dto: UpdateCatalogItemDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.catalog.update(id, dto, communityOf(principal));
  }

  @Post(':id/restock')
  @Route({ roles: ['admin'], created: StockChangeResultDto })
  restock(
    @Param('id', idParam('catalog item')) id: number,
    @Body() dto: RestockDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.catalog.restock(id, dto, actorOf(principal), communityOf(principal));
  }

  @Post(':id/stock-adjustments')
  @Route({ roles: ['admin'], created: StockChangeResultDto })
  adjust(
    @Param('id', idParam('catalog item')) id: number,
    @Body() dto: StockAdjustmentDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.catalog.adjust(id, dto, actorOf(principal), communityOf(principal));
  }

  @Get(':id/stock-movements')
  @Route({ roles: ['admin', 'clerk'], ok: StockMovementPageDto })
  movements(
    @Param('id', idParam('catalog item')) id: number,
    @Query() query: ListQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.catalog.movements(id, query, communityOf(principal));
  }
}
