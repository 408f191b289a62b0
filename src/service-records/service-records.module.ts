import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LedgerModule } from '../ledger/ledger.module';
import { StandardModule } from '../standard/standard.module';
import { ActivitiesController } from './activities.controller';
import { PeriodService } from './period.service';
import {
  loadServiceRecordsConfig,
  SERVICE_RECORDS_CONFIG,
  SERVICE_RECORDS_FILE,
} from './service-records.config';
import { ServiceRecordsController } from './service-records.controller';
import { ServiceRecordsService } from './service-records.service';

@Module({
  imports: [LedgerModule, StandardModule],
  controllers: [ServiceRecordsController, ActivitiesController],
  providers: [
    {
      provide: SERVICE_RECORDS_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        loadServiceRecordsConfig(join(config.configDir, SERVICE_RECORDS_FILE)),
    },
    PeriodService,
    ServiceRecordsService,
  ],
  exports: [ServiceRecordsService, PeriodService],
})
export class ServiceRecordsModule {}
