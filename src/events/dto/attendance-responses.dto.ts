import { ApiProperty } from '@nestjs/swagger';

// What the attendance routes answer (OpenAPI only): attendance.service.ts's attendanceView.

const METHODS = ['scan', 'name', 'self', 'corrected'];

export class AttendanceCorrectionDto {
  @ApiProperty({ example: '手机没电，未能签到' }) reason!: string;
  @ApiProperty({ example: 'user:3' }) by!: string;
  @ApiProperty({ example: '2026-12-13T04:00:00.000Z' }) at!: string;
}

export class AttendanceViewDto {
  @ApiProperty() memberId!: number;
  @ApiProperty({ example: '张志愿' }) name!: string;
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'event_security',
    description: 'null until chosen when the event has several items',
  })
  itemCode!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '3.00',
    description: 'set by hand; null: from the times (hourly items) or one time (per-time items)',
  })
  quantity!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-13T00:40:00.000Z' })
  checkInAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: METHODS }) checkInMethod!: string | null;
  @ApiProperty({ type: String, nullable: true }) checkOutAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: METHODS }) checkOutMethod!: string | null;
  @ApiProperty({
    type: AttendanceCorrectionDto,
    nullable: true,
    description: '补录: the times were set by hand, why, by whom, when',
  })
  correction!: AttendanceCorrectionDto | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2.25',
    description: 'the hours closing the event will count; null while that cannot be told yet',
  })
  hours!: string | null;
}

export class AttendanceListDto {
  @ApiProperty({ type: [AttendanceViewDto] }) items!: AttendanceViewDto[];
}

export class CheckinCodeDto {
  @ApiProperty({ example: 'K7M2Q9XA' }) code!: string;
  @ApiProperty({ example: '/me/check-in?event=12&code=K7M2Q9XA' }) path!: string;
  @ApiProperty({ example: '2026-12-13T00:47:00.000Z', description: 'accepted until then' })
  validUntil!: string;
  @ApiProperty({ example: 60 }) rotatesEverySeconds!: number;
}
