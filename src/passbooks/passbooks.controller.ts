import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { PageQueryDto } from '../common/pagination';
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
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: PassbookMatchPageDto })
  search(@Query() query: PassbookSearchQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.passbooks.search(principal, query);
  }

  /** Anyone who may not see the passbook gets 404, so numbers cannot be probed. */
  @Get('passbooks/:passbookNo')
  @Roles('admin', 'clerk', 'leader', 'volunteer')
  @ApiOkResponse({ type: PassbookViewDto })
  get(
    @Param('passbookNo') passbookNo: string,
    @Query() page: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.passbooks.view(principal, passbookNo, page);
  }

  @Get('me/passbook')
  @Roles('volunteer')
  @ApiOkResponse({ type: PassbookViewDto })
  mine(@Query() page: PageQueryDto, @CurrentPrincipal() principal: Principal & { kind: 'member' }) {
    return this.passbooks.view(principal, principal.passbookNo, page);
  }

  /** Opening balances from paper passbooks and corrections, always with a reason. */
  @Post('ledger/adjustments')
  @Roles('admin')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: AdjustmentResultDto })
  adjust(@Body() dto: AdjustmentDto, @CurrentPrincipal() principal: Principal) {
    return this.passbooks.adjust(dto, principal);
  }
}
