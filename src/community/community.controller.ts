import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { Clock, localDate } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** GET /api/public/community: what every page needs before it shows a date or an address. */
export interface CommunityInfo {
  name: string | null;
  issuer: string | null;
  timeZone: string;
  /** Today in the community's zone, by the service's clock (the pages do not trust the device's). */
  today: string;
  publicUrl: string | null;
}

@ApiTags('public')
@Controller('public/community')
export class CommunityController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "The community as the pages show it: name, notice issuer, time zone (COMMUNITY_TZ), today's local date, public address (PUBLIC_URL)",
  })
  @ApiOkResponse({
    schema: {
      example: {
        name: '岭南社区',
        issuer: '岭南社区志愿服务站',
        timeZone: 'Asia/Shanghai',
        today: '2026-06-15',
        publicUrl: 'https://passbook.example.cn',
      },
    },
  })
  community(): CommunityInfo {
    return {
      name: this.config.community.name,
      issuer: this.config.community.issuer,
      timeZone: this.config.timeZone,
      today: localDate(this.clock.now(), this.config.timeZone),
      publicUrl: this.config.publicUrl,
    };
  }
}
