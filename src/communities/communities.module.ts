import { Global, Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { CommunitiesService } from './communities.service';
import { CommunityRules } from './community-rules';

/** Communities, street offices and each community's rules; global, as every feature asks them. */
@Global()
@Module({
  imports: [LedgerModule],
  providers: [CommunitiesService, CommunityRules],
  exports: [CommunitiesService, CommunityRules],
})
export class CommunitiesModule {}
