import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TEXT_MAX } from '../../common/limits';
import { LIMIT_MAX, pageQueryOf } from '../../common/pagination';
import { IsCommunityParam, IsReason } from '../../common/validation';
import { YEAR_MAX, YEAR_MIN } from '../star-ratings.service';

export class FileObjectionDto {
  @ApiProperty({ example: 2026, description: 'the year of the published rating objected to' })
  @IsInt()
  @Min(YEAR_MIN)
  @Max(YEAR_MAX)
  year!: number;

  @ApiProperty({
    example: 'self',
    description: '"self" for one\'s own entry, or the `ref` of an entry on the public notice',
    maxLength: TEXT_MAX.objectionAbout,
  })
  @IsString()
  @MaxLength(TEXT_MAX.objectionAbout)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'about must be "self" or a ref from the notice' })
  about!: string;

  @ApiProperty({ description: 'What is wrong, in one line', maxLength: TEXT_MAX.objection })
  @IsReason(TEXT_MAX.objection)
  reason!: string;
}

export class ResolveObjectionDto {
  @ApiProperty({ enum: ['accepted', 'rejected'] })
  @IsIn(['accepted', 'rejected'])
  decision!: 'accepted' | 'rejected';

  @ApiProperty({
    description: 'The answer the volunteer reads, in one line',
    maxLength: TEXT_MAX.objection,
  })
  @IsReason(TEXT_MAX.objection)
  reply!: string;
}

export class ObjectionListQuery extends pageQueryOf(LIMIT_MAX) {
  @ApiPropertyOptional({ enum: ['open', 'accepted', 'rejected'] })
  @IsOptional()
  @IsIn(['open', 'accepted', 'rejected'])
  status?: 'open' | 'accepted' | 'rejected';

  @ApiPropertyOptional({
    description:
      'A street-office user names one of their communities by code; others read their own',
  })
  @IsCommunityParam()
  community?: string;
}

export class MyObjectionDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 'self', description: '"self" or the ref of the entry objected to' })
  about!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['open', 'accepted', 'rejected'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the admin's answer" })
  reply!: string | null;
}

class PersonRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() passbookNo!: string;
  @ApiProperty() name!: string;
}

export class ObjectionDto extends MyObjectionDto {
  @ApiProperty({ type: PersonRefDto, description: 'who objects' }) member!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto, description: 'whose entry it is about' })
  aboutMember!: PersonRefDto;
  @ApiProperty({ type: String, nullable: true }) resolvedBy!: string | null;
}
