import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OfficeController } from './office.controller';
import { OfficeService } from './office.service';

/** The street office's endpoints; it owns no entities (communities are CommunitiesModule's). */
@Module({
  imports: [AuthModule, LedgerModule],
  controllers: [OfficeController],
  providers: [OfficeService],
})
export class OfficeModule {}
