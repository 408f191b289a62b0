import { Module } from '@nestjs/common';
import { ServiceRecordsModule } from '../service-records/service-records.module';
import { StandardModule } from '../standard/standard.module';
import { AttendanceController, MyAttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { EventCloseController } from './event-close.controller';
import { EventCloseService } from './event-close.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { MeEventsController } from './me-events.controller';

/**
 * Events (活动) from planning to closing: sign-up, check-in and check-out, photos, and the records
 * they close into. Each part has its own service and controller file.
 */
@Module({
  imports: [StandardModule, ServiceRecordsModule],
  controllers: [
    EventsController,
    MeEventsController,
    EventCloseController,
    AttendanceController,
    MyAttendanceController,
  ],
  providers: [EventsService, EventCloseService, AttendanceService],
  exports: [EventsService],
})
export class EventsModule {}
