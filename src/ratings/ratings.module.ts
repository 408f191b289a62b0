import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { MyObjectionsController } from './my-objections.controller';
import { ObjectionsService } from './objections.service';
import { PublicStarRatingsController } from './public-star-ratings.controller';
import { ServiceHoursService } from './service-hours.service';
import { StarRatingScheduler } from './star-rating.scheduler';
import { StarRatingsController } from './star-ratings.controller';
import { StarRatingsService } from './star-ratings.service';

@Module({
  imports: [LedgerModule],
  controllers: [StarRatingsController, PublicStarRatingsController, MyObjectionsController],
  providers: [StarRatingsService, ObjectionsService, ServiceHoursService, StarRatingScheduler],
  exports: [StarRatingsService, ServiceHoursService],
})
export class RatingsModule {}
