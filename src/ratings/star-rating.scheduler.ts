import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { StarRatingsService } from './star-ratings.service';

/**
 * Drafts last year's star rating of every community on 1 January (local time). The check runs every hour rather than
 * once at midnight so it fires in the community's time zone whatever the server's, and it runs at
 * start so an instance that was down over New Year catches up.
 */
@Injectable()
export class StarRatingScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(StarRatingScheduler.name);

  constructor(
    private readonly ratings: StarRatingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.schedulerEnabled) {
      await this.tick();
    }
  }

  @Cron('0 5 * * * *', { name: 'star-rating-year-end', waitForCompletion: true })
  async onSchedule(): Promise<void> {
    if (this.config.schedulerEnabled) {
      await this.tick();
    }
  }

  /**
   * One run of the job: the ids of the communities whose rating it drafted. Never throws, so a
   * failed tick is logged and retried the next hour (communities already drafted stay drafted).
   */
  async tick(): Promise<number[]> {
    try {
      return await this.ratings.draftLastYearEverywhere();
    } catch (err) {
      this.logger.error(
        `year-end star rating failed; retrying next hour: ${err instanceof Error ? err.message : String(err)}`,
      );
      return [];
    }
  }
}
