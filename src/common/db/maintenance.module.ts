import { Module } from '@nestjs/common';
import { BackupJob } from './backup.job';

/** The store's housekeeping jobs: scheduled SQLite backups and pruning of expired records. */
@Module({
  providers: [BackupJob],
  exports: [BackupJob],
})
export class MaintenanceModule {}
