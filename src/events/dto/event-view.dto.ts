import { ApiProperty } from '@nestjs/swagger';

// What the event routes answer (OpenAPI only): EventsService.view's shape (EventView).

class EventTeamRefDto {
  @ApiProperty() id!: number;
  @ApiProperty({ type: String, nullable: true, example: '雷锋号服务队' }) name!: string | null;
}

class EventItemRefDto {
  @ApiProperty({ example: 'leifeng_fair' }) code!: string;
  @ApiProperty({ type: String, nullable: true, example: '雷锋号便民大集' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['hour', 'time'] }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3.00' }) pointsPerUnit!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '3.00',
    description: 'per-time items: the hours one time stands for; null for hourly items',
  })
  hoursPerTime!: string | null;
}

class EventSignupViewDto {
  @ApiProperty({ enum: ['teams', 'community'] }) audience!: string;
  @ApiProperty({ type: Number, nullable: true, example: 30 }) capacity!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-12T10:00:00.000Z' })
  deadline!: string | null;
  @ApiProperty({ example: 12, description: 'volunteers signed up now' }) signedUp!: number;
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
  @ApiProperty({ type: EventSignupViewDto, nullable: true }) signup!: EventSignupViewDto | null;
  @ApiProperty({ example: 'user:3' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
}
