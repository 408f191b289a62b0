import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { RatingsModule } from '../ratings/ratings.module';
import { StandardModule } from '../standard/standard.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ServiceRecordsController } from './service-records.controller';
import { ServiceRecordsService } from './service-records.service';

@Module({
  imports: [LedgerModule, StandardModule, RatingsModule],
  controllers: [ServiceRecordsController, ActivitiesController],
  providers: [ServiceRecordsService, ActivitiesService],
  exports: [ServiceRecordsService],
})
export class ServiceRecordsModule {}
