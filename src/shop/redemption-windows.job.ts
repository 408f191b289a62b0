import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedemptionWindowsService, SyncResult } from './redemption-windows.service';

/**
 * Keeps the scheduled redemption windows in place and their log up to date. Runs at start and
 * every minute when SCHEDULER_ENABLED; every run is idempotent, so restarts, missed ticks and
 * several instances on one database change nothing.
 */
@Injectable()
export class RedemptionWindowsJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('RedemptionWindowsJob');

  constructor(
    private readonly windows: RedemptionWindowsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.schedulerEnabled) {
      await this.tick();
    }
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'redemption-windows', waitForCompletion: true })
  async tick(): Promise<void> {
    try {
      await this.run();
    } catch (err) {
      // The next tick tries again; whether the shop is open never depended on this run.
      this.logger.error(`redemption window sync failed: ${(err as Error).message}`);
    }
  }

  /** One pass of the job; tests call it after moving the clock. */
  run(): Promise<SyncResult> {
    return this.windows.sync();
  }
}
