import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsNewPassword, IsUsername, USERNAME_RE } from '../../auth/dto/login.dto';
import { COMMUNITY_CODE } from '../../communities/communities.service';
import { CommunityContactDto, CommunityViewDto } from '../../communities/dto/community-contact.dto';

export { CommunityViewDto };
import { PASSWORD_MIN, TEXT_MAX } from '../../common/limits';
import { STAFF_ROLES, StaffRole } from '../../common/principal';
import { YEAR_MAX, YEAR_MIN } from '../../ratings/star-ratings.service';

export class CreateCommunityDto {
  @ApiProperty({
    pattern: COMMUNITY_CODE.source,
    example: 'paoya',
    description: 'its folder under config/communities/ and its public pages (?community=)',
  })
  @IsString()
  @MaxLength(TEXT_MAX.communityCode)
  code!: string;

  @ApiProperty({ example: '泡崖社区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.name)
  name!: string;

  @ApiPropertyOptional({ example: '泡崖社区志愿服务站', description: 'default "<name>志愿服务站"' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.name)
  issuer?: string;
}

export class UpdateCommunityDto extends CommunityContactDto {
  @ApiPropertyOptional({ example: '泡崖社区' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.name)
  name?: string;

  @ApiPropertyOptional({ example: '泡崖社区志愿服务站' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.name)
  issuer?: string;
}

export class CreateCommunityAdminDto {
  @ApiProperty({ pattern: USERNAME_RE.source })
  @IsUsername()
  username!: string;

  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsNewPassword()
  password!: string;
}

export class OverviewQueryDto {
  @ApiProperty({ example: 2026, minimum: YEAR_MIN, maximum: YEAR_MAX })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number like 2026' })
  @Min(YEAR_MIN, { message: `year must be between ${YEAR_MIN} and ${YEAR_MAX}` })
  @Max(YEAR_MAX, { message: `year must be between ${YEAR_MIN} and ${YEAR_MAX}` })
  year!: number;

  @ApiPropertyOptional({ example: 2, description: '1-4; without it, the whole year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'quarter must be 1, 2, 3 or 4' })
  @Min(1, { message: 'quarter must be 1, 2, 3 or 4' })
  @Max(4, { message: 'quarter must be 1, 2, 3 or 4' })
  quarter?: number;
}

export class CommunityListDto {
  @ApiProperty({ type: [CommunityViewDto] }) items!: CommunityViewDto[];
}

export class CommunityAdminDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: STAFF_ROLES, example: 'admin' }) role!: StaffRole;
  @ApiProperty() communityId!: number;
}

export class FiguresDto {
  @ApiProperty({ description: 'active members (registered volunteers)' }) volunteers!: number;
  @ApiProperty({ description: 'members with verified service in the period' })
  servingVolunteers!: number;
  @ApiProperty() teams!: number;
  @ApiProperty({ example: '120.00', description: 'verified service hours in the period' })
  hours!: string;
  @ApiProperty({
    example: '300.00',
    description: 'earn entries dated in the period less reversals',
  })
  earned!: string;
  @ApiProperty({ example: '80.00' }) redeemed!: string;
  @ApiProperty({ example: '20.00' }) donated!: string;
  @ApiProperty({ example: '500.00', description: 'points held in passbooks at the period end' })
  outstanding!: string;
}

export class VerifyStatusDto {
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional() transactions?: number;
  @ApiPropertyOptional() lastHash?: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) firstBadSeq?: number | null;
  @ApiPropertyOptional() reason?: string;
}

export class CommunityFiguresDto {
  @ApiProperty({ type: CommunityViewDto }) community!: CommunityViewDto;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
  @ApiProperty({ type: VerifyStatusDto }) verify!: VerifyStatusDto;
}

class OverviewPeriodDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: Number, nullable: true, example: 2 }) quarter!: number | null;
  @ApiProperty({ example: '2026-04-01' }) from!: string;
  @ApiProperty({ example: '2026-06-30' }) to!: string;
}

export class OverviewDto {
  @ApiProperty({ type: OverviewPeriodDto }) period!: OverviewPeriodDto;
  @ApiProperty({ type: [CommunityFiguresDto] }) communities!: CommunityFiguresDto[];
  @ApiProperty({ type: FiguresDto, description: 'the communities summed' }) total!: FiguresDto;
  @ApiProperty({ description: 'every community verifies' }) verifiedAll!: boolean;
}

class CommunityVerifyDto {
  @ApiProperty({ type: CommunityViewDto }) community!: CommunityViewDto;
  @ApiProperty({ type: VerifyStatusDto }) verify!: VerifyStatusDto;
}

export class OfficeVerifyDto {
  @ApiProperty({ description: 'every community verifies' }) ok!: boolean;
  @ApiProperty({ type: [CommunityVerifyDto] }) communities!: CommunityVerifyDto[];
}
