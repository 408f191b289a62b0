import { Module } from '@nestjs/common';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { PublicWishesController, WishesController } from './wishes.controller';
import { WishesService } from './wishes.service';

/** Wishes (微心愿): posted, claimed, released and confirmed fulfilled; credit through service records. */
@Module({
  imports: [ServiceRecordsModule],
  controllers: [WishesController, PublicWishesController],
  providers: [WishesService],
  exports: [WishesService],
})
export class WishesModule {}
