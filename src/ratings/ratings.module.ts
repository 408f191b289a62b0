import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PublicStarRatingsController } from './public-star-ratings.controller';
import { ServiceHoursService } from './service-hours.service';
import { loadStarRatingConfig, STAR_RATING_CONFIG } from './star-rating.config';
import { StarRatingScheduler } from './star-rating.scheduler';
import { StarRatingsController } from './star-ratings.controller';
import { StarRatingsService } from './star-ratings.service';

@Module({
  controllers: [StarRatingsController, PublicStarRatingsController],
  providers: [
    {
      provide: STAR_RATING_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loadStarRatingConfig(config.configDir),
    },
    StarRatingsService,
    ServiceHoursService,
    StarRatingScheduler,
  ],
  exports: [StarRatingsService, ServiceHoursService, STAR_RATING_CONFIG],
})
export class RatingsModule {}
