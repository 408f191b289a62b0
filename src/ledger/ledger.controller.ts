import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
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
  @Route({ roles: ['admin'], ok: VerifyResultDto })
  verify(@CurrentPrincipal() principal: Principal) {
    return this.ledger.verify(communityOf(principal));
  }

  @Get('trial-balance')
  @Route({ roles: ['admin'], ok: TrialBalanceDto })
  async trialBalance(@CurrentPrincipal() principal: Principal) {
    const { ok, sum, accounts, community } = await this.ledger.trialBalance(communityOf(principal));
    return { ok, sum, accounts, community };
  }

  @Post('transactions/:id/reversal')
  @Route({ roles: ['admin'], idempotent: true, created: ReversalResultDto })
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
