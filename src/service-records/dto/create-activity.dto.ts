import { IsId } from '../../common/id-param.pipe';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TEXT_MAX } from '../../common/limits';
import { IsLocalDate } from '../../standard/dto/local-date.decorator';
import { CONFIRM_DUPLICATE_DOC, ParticipantDto } from './create-service-record.dto';

/** Participants of one activity: the monthly fair has about a hundred. */
export const PARTICIPANTS_MAX = 500;

export class CreateActivityDto {
  @ApiProperty({ example: 3 }) @IsId() teamId!: number;

  @ApiProperty({ example: 'leifeng_fair' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.itemCode)
  itemCode!: string;

  @ApiProperty({ example: '六月雷锋号便民大集', maxLength: TEXT_MAX.activityTitle })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.activityTitle)
  title!: string;

  @ApiProperty({ example: '2026-06-14' }) @IsLocalDate() serviceDate!: string;

  @ApiProperty({ type: [ParticipantDto], minItems: 1, maxItems: PARTICIPANTS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTICIPANTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => ParticipantDto)
  participants!: ParticipantDto[];

  @ApiPropertyOptional(CONFIRM_DUPLICATE_DOC)
  @IsOptional()
  @IsBoolean()
  confirmDuplicate?: boolean;
}
