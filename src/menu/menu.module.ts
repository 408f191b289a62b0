import { Module } from '@nestjs/common';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { StandardModule } from '../standard/standard.module';
import { MenuController, PublicMenuController } from './menu.controller';
import { MenuService } from './menu.service';
import { MyOrdersController, OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/**
 * The service menu (服务菜单 / 点单): what the teams offer, residents' orders, the team taking
 * them, and the service records logged when an order is done.
 */
@Module({
  imports: [StandardModule, ServiceRecordsModule],
  controllers: [MenuController, PublicMenuController, OrdersController, MyOrdersController],
  providers: [MenuService, OrdersService],
})
export class MenuModule {}
