import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { Route } from '../common/route';
import { CommunityContactDto, CommunityViewDto } from '../communities/dto/community-contact.dto';
import { CommunityInfo, CommunityInfoService, MyCommunity } from './community.service';

export type { CommunityInfo } from './community.service';

@ApiTags('public')
@Controller('public/community')
export class CommunityController {
  constructor(private readonly info: CommunityInfoService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "The community as the pages show it (?community=<code>; without it the first community): name, notice issuer, time zone (COMMUNITY_TZ), today's local date, public address (PUBLIC_URL)",
  })
  @ApiQuery({ name: 'community', required: false, example: 'paoya' })
  @ApiOkResponse({
    schema: {
      example: {
        code: 'default',
        name: '岭南社区',
        issuer: '岭南社区志愿服务站',
        timeZone: 'Asia/Shanghai',
        today: '2026-06-15',
        publicUrl: 'https://passbook.example.cn',
      },
    },
  })
  community(@Query('community') code?: string): Promise<CommunityInfo> {
    return this.info.publicInfo(typeof code === 'string' ? code : undefined);
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me/community')
export class MyCommunityController {
  constructor(private readonly info: CommunityInfoService) {}

  @Get()
  @Route({
    roles: ['admin', 'leader', 'clerk', 'office', 'volunteer'],
    summary:
      "The caller's community (its name for the pages); for a street-office user their street office and its communities",
  })
  @ApiOkResponse({
    schema: {
      example: {
        community: {
          id: 1,
          code: 'default',
          name: '岭南社区',
          issuer: '岭南社区志愿服务站',
          timeZone: 'Asia/Shanghai',
          today: '2026-06-15',
          publicUrl: null,
        },
        streetOffice: { id: 1, name: '泡崖街道' },
        communities: [{ id: 1, code: 'default', name: '岭南社区', issuer: '岭南社区志愿服务站' }],
      },
    },
  })
  mine(@CurrentPrincipal() principal: Principal): Promise<MyCommunity> {
    return this.info.mine(principal);
  }

  @Patch()
  @Route({
    roles: ['admin'],
    summary:
      "What the community's certificates (志愿服务记录证明) print of it: the person in charge (负责人) and the contact; null removes one",
    ok: CommunityViewDto,
  })
  updateContact(@Body() dto: CommunityContactDto, @CurrentPrincipal() principal: Principal) {
    return this.info.updateContact(principal, dto);
  }
}
