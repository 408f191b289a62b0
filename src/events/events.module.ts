import { Module } from '@nestjs/common';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { StandardModule } from '../standard/standard.module';
import { EventPhotosController } from './event-photos.controller';
import { EventPhotosService } from './event-photos.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/**
 * Events (活动) from planning to closing: sign-up, check-in and check-out, photos, and the records
 * they close into. Each part has its own service and controller file.
 */
@Module({
  imports: [StandardModule, ServiceRecordsModule],
  controllers: [EventsController, EventPhotosController],
  providers: [EventsService, EventPhotosService],
  exports: [EventsService],
})
export class EventsModule {}
