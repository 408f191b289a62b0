import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsIds } from '../../common/id-param.pipe';
import { PASSWORD_MIN, TEXT_MAX } from '../../common/limits';
import { PageQueryDto } from '../../common/pagination';
import { STAFF_ROLES, StaffRole } from '../entities/user.entity';

export class LoginDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX.username) username!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX.password) password!: string;
}

export class PassbookLoginDto {
  @ApiProperty({ example: 'V7K2MQ9X', description: 'as printed; case, spaces and dashes ignored' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.passbookNo)
  passbookNo!: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX.pin)
  pin!: string;
}

/** A staff username: the API and the operator command accept the same. */
export const USERNAME_RE = /^[A-Za-z0-9_.-]{3,64}$/;

/** A new staff user's username (3-64 letters, digits, dots, dashes or underscores). */
export const IsUsername = (): PropertyDecorator =>
  // Bottom-up, in the order the stacked checks it replaces registered.
  applyDecorators(
    Matches(USERNAME_RE, {
      message: 'username must be 3-64 letters, digits, dots, dashes or underscores',
    }),
    IsString(),
  );

/** A password a staff user sets: PASSWORD_MIN to TEXT_MAX.password characters. */
export const IsNewPassword = (): PropertyDecorator =>
  applyDecorators(MaxLength(TEXT_MAX.password), MinLength(PASSWORD_MIN), IsString());
const TEAM_IDS_MAX = 100;

class TeamIdsDto {
  @ApiPropertyOptional({ type: [Number], description: 'teams a leader leads' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TEAM_IDS_MAX)
  @IsIds()
  teamIds?: number[];
}

export class CreateUserDto extends TeamIdsDto {
  @ApiProperty({ pattern: USERNAME_RE.source })
  @IsUsername()
  username!: string;

  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsNewPassword()
  password!: string;

  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES) role!: StaffRole;
}

export class UpdateUserDto extends TeamIdsDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN,
    description: 'a new password; ends the user’s sessions',
  })
  @IsOptional()
  @IsNewPassword()
  password?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES }) @IsOptional() @IsIn(STAFF_ROLES) role?: StaffRole;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT_MAX.password) currentPassword!: string;
  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsNewPassword()
  newPassword!: string;
}
