import { idParam } from '../common/id-param.pipe';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
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
  @Roles('admin', 'leader')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: "Log one member's service; scored by the standard in force that day" })
  @ApiCreatedResponse({ type: ServiceRecordViewDto })
  create(@Body() dto: CreateServiceRecordDto, @CurrentPrincipal() principal: Principal) {
    return this.records.logOne(principal, dto);
  }

  @Get()
  @Roles('admin', 'leader')
  @ApiOperation({ summary: 'What was logged, newest first (a leader sees their teams’ members)' })
  @ApiOkResponse({ type: ServiceRecordPageDto })
  list(@Query() query: ListServiceRecordsDto, @CurrentPrincipal() principal: Principal) {
    return this.records.list(principal, query);
  }

  @Get('settings')
  @Roles('admin', 'leader')
  @ApiOperation({
    summary:
      "The logging rules in force in the caller's community: back-dating, daily hours, approval",
  })
  @ApiOkResponse({ type: ServiceRecordSettingsDto })
  settings(@CurrentPrincipal() principal: Principal) {
    return this.records.settingsView(principal);
  }

  @Post('approve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Credit many pending records in one transaction; those already decided are reported unchanged',
  })
  @ApiOkResponse({ type: DecisionResultDto })
  approveMany(@Body() dto: DecideServiceRecordsDto, @CurrentPrincipal() principal: Principal) {
    return this.records.approveMany(principal, dto.ids);
  }

  @Post('reject')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Keep many pending records uncredited, with one reason, in one transaction; those already decided are reported unchanged',
  })
  @ApiOkResponse({ type: DecisionResultDto })
  rejectMany(@Body() dto: RejectServiceRecordsDto, @CurrentPrincipal() principal: Principal) {
    return this.records.rejectMany(principal, dto.ids, dto.reason);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: ServiceRecordViewDto })
  get(@Param('id', recordId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.records.getOne(principal, id);
  }

  @Post(':id/approve')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Credit a pending record (approving a credited record changes nothing); dated in a closed year, name an open objection or a restatement',
  })
  @ApiCreatedResponse({ type: ServiceRecordViewDto })
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
  @Roles('admin')
  @ApiOperation({ summary: 'Keep a pending record uncredited, with the reason' })
  @ApiCreatedResponse({ type: ServiceRecordViewDto })
  reject(
    @Param('id', recordId()) id: number,
    @Body() dto: RejectServiceRecordDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.records.reject(principal, id, dto.reason);
  }

  @Post(':id/reversal')
  @Roles('admin')
  @Idempotent()
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Correct a wrong credited record by reversing its earn, with a reason' })
  @ApiCreatedResponse({ type: RecordReversalDto })
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
