import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ReversalResultDto, TrialBalanceDto, VerifyResultDto } from './dto/ledger-responses.dto';
import { ReversalDto } from './dto/reversal.dto';
import { LedgerService } from './ledger.service';
import { DomainError } from '../common/errors';
import { communityOf } from '../access/access.policy';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('verify')
  @Roles('admin')
  @ApiOkResponse({ type: VerifyResultDto })
  verify(@CurrentPrincipal() principal: Principal) {
    return this.ledger.verify(communityOf(principal));
  }

  @Get('trial-balance')
  @Roles('admin')
  @ApiOkResponse({ type: TrialBalanceDto })
  async trialBalance(@CurrentPrincipal() principal: Principal) {
    const { ok, sum, accounts, community } = await this.ledger.trialBalance(communityOf(principal));
    return { ok, sum, accounts, community };
  }

  @Post('transactions/:id/reversal')
  @Roles('admin')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiCreatedResponse({ type: ReversalResultDto })
  async reverse(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('transaction') }))
    id: string,
    @Body() dto: ReversalDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const posted = await this.ledger.reverseByAdmin(id, {
      communityId: communityOf(principal),
      actor: actorOf(principal),
      reason: dto.reason,
      correction: { objectionId: dto.objectionId, restatement: dto.restatement },
    });
    return { transactionId: posted.id, reverses: posted.reverses, seq: posted.seq };
  }
}
