import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PruneResult, RetentionService } from './retention.service';

/** Prunes expired records every hour (at minute 23) when SCHEDULER_ENABLED; every run is idempotent. */
@Injectable()
export class RetentionJob {
  private readonly logger = new Logger('RetentionJob');

  constructor(
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron('0 23 * * * *', { name: 'retention', waitForCompletion: true })
  async tick(): Promise<PruneResult | null> {
    if (!this.config.schedulerEnabled) {
      return null;
    }
    try {
      const pruned = await this.retention.prune();
      if (pruned.idempotencyKeys + pruned.sessions + pruned.loginAttempts > 0) {
        this.logger.log(
          `pruned ${pruned.idempotencyKeys} idempotency records, ${pruned.sessions} expired sessions, ${pruned.loginAttempts} old login attempts`,
        );
      }
      return pruned;
    } catch (err) {
      // Nothing depends on a prune having run; the next hour tries again.
      this.logger.error(`retention failed: ${(err as Error).message}`);
      return null;
    }
  }
}
