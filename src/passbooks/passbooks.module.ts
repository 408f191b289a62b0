import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { PeopleModule } from '../people/people.module';
import { RatingsModule } from '../ratings/ratings.module';
import { PassbookService } from './passbook.service';
import { PassbooksController } from './passbooks.controller';

@Module({
  imports: [LedgerModule, PeopleModule, RatingsModule],
  controllers: [PassbooksController],
  providers: [PassbookService],
  exports: [PassbookService],
})
export class PassbooksModule {}
