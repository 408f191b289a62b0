import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { PeopleModule } from '../people/people.module';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { CounterController } from './counter.controller';
import { CouponsController } from './coupons.controller';
import { CouponsService } from './coupons.service';
import { RedemptionWindowsController } from './redemption-windows.controller';
import { RedemptionWindowsJob } from './redemption-windows.job';
import { RedemptionWindowsService } from './redemption-windows.service';
import { RedemptionsController } from './redemptions.controller';
import { RedemptionsService } from './redemptions.service';

/** The public-benefit shop: catalog and stock, redemption windows, redemptions and coupons. */
@Module({
  imports: [LedgerModule, PeopleModule],
  controllers: [
    CatalogController,
    RedemptionWindowsController,
    RedemptionsController,
    CouponsController,
    CounterController,
  ],
  providers: [
    CatalogService,
    RedemptionWindowsService,
    RedemptionWindowsJob,
    RedemptionsService,
    CouponsService,
  ],
  exports: [CatalogService, RedemptionWindowsService, RedemptionsService, CouponsService],
})
export class ShopModule {}
