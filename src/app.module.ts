import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './auth/auth.module';
import { Clock, SystemClock } from './common/clock';
import { KeyRing, loadKeyRing } from './common/keys/key-ring';
import { AccessModule } from './access/access.module';
import { DatabaseModule } from './common/db/database.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { CommunityModule } from './community/community.module';
import { HealthController } from './health/health.controller';
import { LedgerModule } from './ledger/ledger.module';
import { PeopleModule } from './people/people.module';
import { ShopModule } from './shop/shop.module';

import { PassbooksModule } from './passbooks/passbooks.module';
import { StandardModule } from './standard/standard.module';
import { ServiceRecordsModule } from './service-records/service-records.module';
import { EventsModule } from './events/events.module';
import { MenuModule } from './menu/menu.module';
import { DonationsModule } from './donations/donations.module';
import { WishesModule } from './wishes/wishes.module';
import { RatingsModule } from './ratings/ratings.module';
import { ReportsModule } from './reports/reports.module';
import { CommunitiesModule } from './communities/communities.module';
import { checkSharedRuleFiles } from './communities/community-rules';
import { OfficeModule } from './office/office.module';
import { CertificatesModule } from './certificates/certificates.module';

export interface AppOptions {
  config: AppConfig;
  /** Tests pass a FixedClock to move time. */
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {
  static register(options: AppOptions): DynamicModule {
    // Read here, before Nest builds anything, so a bad shared rule file stops the start with its
    // one-line message (main.ts) rather than a stack trace from the injector; each community's own
    // files are checked by CommunityRules.loadAll at start.
    checkSharedRuleFiles(options.config.configDir);
    // Likewise a bad key file: its message names the file.
    const keys = loadKeyRing(options.config.certificateKeyDir);
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: KeyRing, useValue: keys },
      ],
      exports: [APP_CONFIG, Clock, KeyRing],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(options),
        DatabaseModule,
        AccessModule,
        MaintenanceModule,
        AuthModule,
        LedgerModule,
        CommunitiesModule,
        PeopleModule,
        ShopModule,

        PassbooksModule,
        StandardModule,
        ServiceRecordsModule,
        EventsModule,
        MenuModule,
        DonationsModule,
        WishesModule,
        RatingsModule,
        ReportsModule,
        CommunityModule,
        OfficeModule,
        CertificatesModule,
        // One scheduler for every @Cron job; tests run without it and call the jobs directly.
        ...(options.config.schedulerEnabled ? [ScheduleModule.forRoot()] : []),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
