import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { AttendanceService } from './attendance.service';
import {
  AttendanceListDto,
  AttendanceViewDto,
  CheckinCodeDto,
} from './dto/attendance-responses.dto';
import {
  CheckInDto,
  CorrectAttendanceDto,
  PutAttendanceDto,
  SelfCheckInDto,
} from './dto/attendance.dto';

const eventId = () => idParam('event');
const memberId = () => idParam('member');

@ApiTags('events')
@ApiBearerAuth()
@Controller('events/:id')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('attendance')
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Who came, when, for which item, and the hours closing will count',
    ok: AttendanceListDto,
  })
  list(@Param('id', eventId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.attendance.list(principal, id);
  }

  @Post('check-in')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Check a volunteer in now: a scanned passbook or a tapped name',
    ok: AttendanceViewDto,
  })
  checkIn(
    @Param('id', eventId()) id: number,
    @Body() dto: CheckInDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.leaderCheck(principal, id, dto, 'in');
  }

  @Post('check-out')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Check a volunteer out now',
    ok: AttendanceViewDto,
  })
  checkOut(
    @Param('id', eventId()) id: number,
    @Body() dto: CheckInDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.leaderCheck(principal, id, dto, 'out');
  }

  @Put('attendance/:memberId')
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Log a participant by hand, or set their item, quantity or note',
    ok: AttendanceViewDto,
  })
  put(
    @Param('id', eventId()) id: number,
    @Param('memberId', memberId()) member: number,
    @Body() dto: PutAttendanceDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.put(principal, id, member, dto);
  }

  @Post('attendance/:memberId/correction')
  @HttpCode(200)
  @Route({
    roles: ['admin', 'leader'],
    summary: '补录: set check-in or check-out times by hand, with the reason',
    ok: AttendanceViewDto,
  })
  correct(
    @Param('id', eventId()) id: number,
    @Param('memberId', memberId()) member: number,
    @Body() dto: CorrectAttendanceDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.correct(principal, id, member, dto);
  }

  @Delete('attendance/:memberId')
  @HttpCode(204)
  @Route({
    roles: ['admin', 'leader'],
    summary: 'Remove a participant of a planned event (checked in by mistake)',
  })
  async remove(
    @Param('id', eventId()) id: number,
    @Param('memberId', memberId()) member: number,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.attendance.remove(principal, id, member);
  }

  @Get('check-in-code')
  @Route({
    roles: ['admin', 'leader'],
    summary: "The self check-in code the leader's screen shows; it rotates every minute",
    ok: CheckinCodeDto,
  })
  code(@Param('id', eventId()) id: number, @CurrentPrincipal() principal: Principal) {
    return this.attendance.checkinCode(principal, id);
  }
}

@ApiTags('events')
@ApiBearerAuth()
@Controller('me/events/:id')
export class MyAttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('check-in')
  @HttpCode(200)
  @Route({
    roles: ['volunteer'],
    summary: "Check myself in with the code on the leader's screen",
    ok: AttendanceViewDto,
  })
  checkIn(
    @Param('id', eventId()) id: number,
    @Body() dto: SelfCheckInDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.selfCheck(principal, id, dto.code, 'in');
  }

  @Post('check-out')
  @HttpCode(200)
  @Route({
    roles: ['volunteer'],
    summary: "Check myself out with the code on the leader's screen",
    ok: AttendanceViewDto,
  })
  checkOut(
    @Param('id', eventId()) id: number,
    @Body() dto: SelfCheckInDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.selfCheck(principal, id, dto.code, 'out');
  }
}
