import { Module } from '@nestjs/common';
import { PublicStarRatingsController } from './public-star-ratings.controller';
import { ServiceHoursService } from './service-hours.service';
import { StarRatingScheduler } from './star-rating.scheduler';
import { StarRatingsController } from './star-ratings.controller';
import { StarRatingsService } from './star-ratings.service';

@Module({
  controllers: [StarRatingsController, PublicStarRatingsController],
  providers: [StarRatingsService, ServiceHoursService, StarRatingScheduler],
  exports: [StarRatingsService, ServiceHoursService],
})
export class RatingsModule {}
