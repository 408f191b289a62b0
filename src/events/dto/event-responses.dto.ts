import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';

// What the events routes answer (OpenAPI only): the shapes of EventsService.views and friends.

class EventTeamRefDto {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, nullable: true, example: '理发服务队' }) name!: string | null;
}

class EventItemRefDto {
  @ApiProperty({ example: 'haircut' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '义务理发' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['hour', 'time'] }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2.00' }) pointsPerUnit!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.50',
    description: 'hours one time of a per-time item counts for; null for hourly items',
  })
  hoursPerTime!: string | null;
}

class EventSignupInfoDto {
  @ApiProperty({ enum: ['teams', 'community'] }) audience!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no limit' }) capacity!:
    number | null;
  @ApiProperty({ type: String, nullable: true, description: 'sign-up and withdrawal close then' })
  deadline!: string | null;
  @ApiProperty({ description: 'how many are signed up now' }) signedUp!: number;
}

export class EventViewDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '十二月雷锋号便民大集' }) title!: string;
  @ApiProperty({ example: '社区文化广场' }) place!: string;
  @ApiProperty({ example: '2026-12-13' }) date!: string;
  @ApiProperty({ example: '08:30' }) startsAt!: string;
  @ApiProperty({ example: '11:30' }) endsAt!: string;
  @ApiProperty({ enum: ['planned', 'closed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [EventTeamRefDto] }) teams!: EventTeamRefDto[];
  @ApiProperty({ type: [EventItemRefDto] }) items!: EventItemRefDto[];
  @ApiProperty({ type: EventSignupInfoDto, nullable: true, description: 'null: no sign-up' })
  signup!: EventSignupInfoDto | null;
  @ApiProperty({ example: 'user:3' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'who closed or cancelled it' })
  closedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
}
export const EventPageDto = pageDtoOf(EventViewDto);

class EventSignupRowDto {
  @ApiProperty() memberId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() passbookNo!: string;
  @ApiProperty({ enum: ['signed_up', 'withdrawn'] }) status!: string;
  @ApiProperty() signedUpAt!: string;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt!: string | null;
}

export class EventSignupListDto {
  @ApiProperty({ type: [EventSignupRowDto] }) items!: EventSignupRowDto[];
}

class MyAttendanceDto {
  @ApiProperty({ type: String, nullable: true }) checkInAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) checkOutAt!: string | null;
}

class MyEventDto extends EventViewDto {
  @ApiProperty({ type: String, nullable: true, enum: ['signed_up', 'withdrawn'] })
  mySignup!: string | null;
  @ApiProperty({ type: MyAttendanceDto, nullable: true }) myAttendance!: MyAttendanceDto | null;
}

export class MyEventListDto {
  @ApiProperty({ type: [MyEventDto] }) items!: MyEventDto[];
}

export class MySignupDto {
  @ApiProperty() eventId!: number;
  @ApiProperty({ enum: ['signed_up'] }) status!: string;
  @ApiProperty() signedUpAt!: string;
}

export class MyWithdrawalDto {
  @ApiProperty() eventId!: number;
  @ApiProperty({ enum: ['withdrawn'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) withdrawnAt!: string | null;
}
