import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { TransferListDto, TransferMemberDto, TransferViewDto } from './dto/transfer.dto';
import { TransfersService } from './transfers.service';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Post(':id/transfer')
  @Route({
    roles: ['admin'],
    idempotent: true,
    summary:
      'Moves a volunteer with a zero balance to another community of the street office: new passbook there, hours carried (记录转移接续)',
    created: TransferViewDto,
  })
  transfer(
    @Param('id', idParam('member')) id: number,
    @Body() dto: TransferMemberDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.transfers.transfer(principal, id, dto);
  }

  @Get(':id/transfers')
  @Route({ roles: ['admin'], ok: TransferListDto })
  list(@Param('id', idParam('member')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.transfers.list(principal, id);
  }
}
