import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { PageQueryDto } from '../common/pagination';
import { Route } from '../common/route';
import { AdjustmentDto, PassbookSearchQueryDto } from './dto/passbook.dto';
import {
  AdjustmentResultDto,
  PassbookMatchPageDto,
  PassbookViewDto,
} from './dto/passbook-view.dto';
import { PassbookService } from './passbook.service';

@ApiTags('passbooks')
@ApiBearerAuth()
@Controller()
export class PassbooksController {
  constructor(private readonly passbooks: PassbookService) {}

  /** The counter finds a person who forgot their passbook: by name or a phone's last four digits. */
  @Get('passbooks')
  @Route({ roles: ['admin', 'clerk'], ok: PassbookMatchPageDto })
  search(@Query() query: PassbookSearchQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.passbooks.search(principal, query);
  }

  /** Anyone who may not see the passbook gets 404, so numbers cannot be probed. */
  @Get('passbooks/:passbookNo')
  @Route({ roles: ['admin', 'clerk', 'leader', 'volunteer'], ok: PassbookViewDto })
  get(
    @Param('passbookNo') passbookNo: string,
    @Query() page: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.passbooks.view(principal, passbookNo, page);
  }

  @Get('me/passbook')
  @Route({ roles: ['volunteer'], ok: PassbookViewDto })
  mine(@Query() page: PageQueryDto, @CurrentPrincipal() principal: Principal & { kind: 'member' }) {
    return this.passbooks.view(principal, principal.passbookNo, page);
  }

  /** Opening balances from paper passbooks and corrections, always with a reason. */
  @Post('ledger/adjustments')
  @Route({ roles: ['admin'], idempotent: true, created: AdjustmentResultDto })
  adjust(@Body() dto: AdjustmentDto, @CurrentPrincipal() principal: Principal) {
    return this.passbooks.adjust(dto, principal);
  }
}
