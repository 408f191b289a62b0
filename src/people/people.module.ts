import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LedgerModule } from '../ledger/ledger.module';
import { HouseholdsController } from './households.controller';
import { MembersController } from './members.controller';
import { PeopleService } from './people.service';
import { RosterService } from './roster.service';
import { TeamsController } from './teams.controller';

@Module({
  imports: [LedgerModule, AuthModule],
  controllers: [MembersController, TeamsController, HouseholdsController],
  providers: [PeopleService, RosterService],
  exports: [PeopleService],
})
export class PeopleModule {}
