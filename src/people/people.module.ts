import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { PeopleService } from './people.service';

@Module({
  imports: [LedgerModule],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
