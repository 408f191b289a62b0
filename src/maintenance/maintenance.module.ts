import { Module } from '@nestjs/common';
import { BackupJob } from './backup.job';
import { RetentionJob } from './retention.job';
import { RetentionService } from './retention.service';

/** The store's housekeeping jobs: scheduled SQLite backups and pruning of expired records. */
@Module({
  providers: [BackupJob, RetentionService, RetentionJob],
  exports: [BackupJob, RetentionService],
})
export class MaintenanceModule {}
