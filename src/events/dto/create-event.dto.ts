import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsIds } from '../../common/id-param.pipe';
import { TEXT_MAX } from '../../common/limits';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';

/** The fair has ten teams and 36 kinds of service; more than this is surely a mistake. */
export const EVENT_TEAMS_MAX = 30;
export const EVENT_ITEMS_MAX = 40;
export const EVENT_CAPACITY_MAX = 10_000;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class EventSignupDto {
  @ApiProperty({
    enum: ['teams', 'community'],
    description: "who may sign up: the event's teams' members, or every volunteer of the community",
  })
  @IsIn(['teams', 'community'])
  audience!: 'teams' | 'community';

  @ApiPropertyOptional({ example: 30, description: 'most volunteers who may sign up' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(EVENT_CAPACITY_MAX)
  capacity?: number;

  @ApiPropertyOptional({
    example: '2026-12-12T18:00:00+08:00',
    description: 'sign-up and withdrawal close at this instant (default: when the event starts)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(TEXT_MAX.dateTime)
  deadline?: string;
}

export class CreateEventDto {
  @ApiProperty({ example: '十二月雷锋号便民大集', maxLength: TEXT_MAX.activityTitle })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.activityTitle)
  title!: string;

  @ApiProperty({ example: '社区文化广场', maxLength: TEXT_MAX.eventPlace })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.eventPlace)
  place!: string;

  @ApiProperty({ example: '2026-12-13', description: 'local date of the event' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: '08:30', description: 'local start time, HH:MM' })
  @Matches(HH_MM, { message: 'startsAt must be a time written HH:MM' })
  startsAt!: string;

  @ApiProperty({ example: '11:30', description: 'local end time, HH:MM, after the start' })
  @Matches(HH_MM, { message: 'endsAt must be a time written HH:MM' })
  endsAt!: string;

  @ApiProperty({ type: [Number], example: [3, 4], description: 'the teams running the event' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TEAMS_MAX)
  @IsIds()
  teamIds!: number[];

  @ApiProperty({
    type: [String],
    example: ['leifeng_fair', 'haircut', 'appliance_repair'],
    description: 'items of the standard served at the event',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_ITEMS_MAX)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(TEXT_MAX.itemCode, { each: true })
  itemCodes!: string[];

  @ApiPropertyOptional({ maxLength: TEXT_MAX.eventDescription })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.eventDescription)
  description?: string;

  @ApiPropertyOptional({ type: EventSignupDto, description: 'publish for sign-up (报名)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EventSignupDto)
  signup?: EventSignupDto;
}
