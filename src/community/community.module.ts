import { Module } from '@nestjs/common';
import { CommunityController, MyCommunityController } from './community.controller';
import { CommunityInfoService } from './community.service';

/** What the pages show of a community: GET /api/public/community and GET /api/me/community. */
@Module({
  controllers: [CommunityController, MyCommunityController],
  providers: [CommunityInfoService],
})
export class CommunityModule {}
