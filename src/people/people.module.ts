import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LedgerModule } from '../ledger/ledger.module';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { PassbookNumbers } from './passbook-numbers.service';
import { PeopleService } from './people.service';
import { RosterService } from './roster.service';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';
import { TransfersController } from './transfers.controller';
import { TransfersService } from './transfers.service';

@Module({
  imports: [LedgerModule, AuthModule],
  controllers: [MembersController, TeamsController, HouseholdsController, TransfersController],
  providers: [
    PeopleService,
    MembersService,
    HouseholdsService,
    TeamsService,
    PassbookNumbers,
    RosterService,
    TransfersService,
  ],
  exports: [PeopleService, TransfersService],
})
export class PeopleModule {}
