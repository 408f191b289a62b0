import { idParam } from '../common/id-param.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { Route } from '../common/route';
import { ClosedYearCorrectionDto } from '../ledger/dto/closed-year-correction.dto';
import { ReversalDto } from '../ledger/dto/reversal.dto';
import { CreateServiceRecordDto } from './dto/create-service-record.dto';
import {
  DecideServiceRecordsDto,
  RejectServiceRecordDto,
  RejectServiceRecordsDto,
} from './dto/decision.dto';
import { ListServiceRecordsDto } from './dto/list-service-records.dto';
import {
  DecisionResultDto,
  RecordReversalDto,
  ServiceRecordPageDto,
  ServiceRecordSettingsDto,
  ServiceRecordViewDto,
} from './dto/service-record-responses.dto';
import { ServiceRecordsService } from './service-records.service';

const recordId = () => idParam('service record');

@ApiTags('service records')
@ApiBearerAuth()
@Controller('service-records')
export class ServiceRecordsController {
  constructor(private readonly records: ServiceRecordsService) {}

  @Post()
  @Route({
    roles: ['admin', 'leader'],
    idempotent: true,
    summary: "Log one member's service; scored by the standard in force that day",
    created: ServiceRecordViewDto,
  })
  create(@Body() dto: CreateServiceRecordDto, @CurrentPrincipal() principal: Principal) {
    return this.records.logOne(principal, dto);
  }

  @Get()
  @Route({
    roles: ['admin', 'leader'],
    summary: 'What was logged, newest first (a leader sees their teams’ members)',
    ok: ServiceRecordPageDto,
  })
  list(@Query() query: ListServiceRecordsDto, @CurrentPrincipal() principal: Principal) {
    return this.records.list(principal, query);
  }

  @Get('settings')
  @Route({
    roles: ['admin', 'leader'],
    summary:
      "The logging rules in force in the caller's community: back-dating, daily hours, approval",
    ok: ServiceRecordSettingsDto,
  })
  settings(@CurrentPrincipal() principal: Principal) {
    return this.records.settingsView(principal);
  }

  @Post('approve')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      'Credit many pending records in one transaction; those already decided are reported unchanged',
    ok: DecisionResultDto,
  })
  approveMany(@Body() dto: DecideServiceRecordsDto, @CurrentPrincipal() principal: Principal) {
    return this.records.approveMany(principal, dto.ids);
  }

  @Post('reject')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      'Keep many pending records uncredited, with one reason, in one transaction; those already decided are reported unchanged',
    ok: DecisionResultDto,
  })
  rejectMany(@Body() dto: RejectServiceRecordsDto, @CurrentPrincipal() principal: Principal) {
    return this.records.rejectMany(principal, dto.ids, dto.reason);
  }

  @Get(':id')
  @Route({ roles: ['admin', 'leader'], ok: ServiceRecordViewDto })
  get(@Param('id', recordId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.records.getOne(principal, id);
  }

  @Post(':id/approve')
  @Route({
    roles: ['admin'],
    summary:
      'Credit a pending record (approving a credited record changes nothing); dated in a closed year, name an open objection or a restatement',
    created: ServiceRecordViewDto,
  })
  approve(
    @Param('id', recordId()) id: number,
    @Body() dto: ClosedYearCorrectionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.records.approve(principal, id, {
      objectionId: dto?.objectionId,
      restatement: dto?.restatement,
    });
  }

  @Post(':id/reject')
  @Route({
    roles: ['admin'],
    summary: 'Keep a pending record uncredited, with the reason',
    created: ServiceRecordViewDto,
  })
  reject(
    @Param('id', recordId()) id: number,
    @Body() dto: RejectServiceRecordDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.records.reject(principal, id, dto.reason);
  }

  @Post(':id/reversal')
  @Route({
    roles: ['admin'],
    idempotent: true,
    summary: 'Correct a wrong credited record by reversing its earn, with a reason',
    created: RecordReversalDto,
  })
  reverse(
    @Param('id', recordId()) id: number,
    @Body() dto: ReversalDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.records.reverse(principal, id, dto.reason, {
      objectionId: dto.objectionId,
      restatement: dto.restatement,
    });
  }
}
