import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { StandardModule } from '../standard/standard.module';
import { ActivitiesController } from './activities.controller';
import { PeriodService } from './period.service';
import { ServiceRecordsController } from './service-records.controller';
import { ServiceRecordsService } from './service-records.service';

@Module({
  imports: [LedgerModule, StandardModule],
  controllers: [ServiceRecordsController, ActivitiesController],
  providers: [PeriodService, ServiceRecordsService],
  exports: [ServiceRecordsService, PeriodService],
})
export class ServiceRecordsModule {}
