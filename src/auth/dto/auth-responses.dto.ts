import { ApiProperty } from '@nestjs/swagger';
import { pageDtoOf } from '../../common/pagination';
import { STAFF_ROLES } from '../entities/user.entity';

const MUST_CHANGE =
  'true while the password was chosen by someone else (generated for the first admin, reset by ' +
  'an admin or with `npm run user:reset-password`); the pages show only the account page until ' +
  'the user changes it (POST /api/auth/password), which clears it. The service itself does not ' +
  'refuse other requests.';

class LoginUserDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: string;
  @ApiProperty({ description: MUST_CHANGE }) mustChangePassword!: boolean;
}

export class LoginResponseDto {
  @ApiProperty() token!: string;
  @ApiProperty({ example: '2026-06-15T14:00:00.000Z' }) expiresAt!: string;
  @ApiProperty({ type: LoginUserDto }) user!: LoginUserDto;
}

/** `GET /api/me` for staff; a volunteer gets `{kind: "member", id, passbookNo, name}`. */
export class MeResponseDto {
  @ApiProperty({ enum: ['user', 'member'] }) kind!: string;
  @ApiProperty() id!: number;
  @ApiProperty({ required: false, description: 'staff' }) username?: string;
  @ApiProperty({ required: false, enum: STAFF_ROLES, description: 'staff' }) role?: string;
  @ApiProperty({ required: false, type: [Number], description: 'staff: teams led' })
  teamIds?: number[];
  @ApiProperty({ required: false, description: `staff: ${MUST_CHANGE}` })
  mustChangePassword?: boolean;
  @ApiProperty({ required: false, description: 'volunteer' }) passbookNo?: string;
  @ApiProperty({ required: false, description: 'volunteer' }) name?: string;
}

class PassbookLoginMemberDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'V7K2MQ9X' }) passbookNo!: string;
  @ApiProperty() name!: string;
}

export class PassbookLoginResponseDto {
  @ApiProperty() token!: string;
  @ApiProperty({ example: '2026-06-15T14:00:00.000Z' }) expiresAt!: string;
  @ApiProperty({ type: PassbookLoginMemberDto }) member!: PassbookLoginMemberDto;
}

/** A staff account as admins manage it. */
export class UserViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [Number], description: 'teams led' }) teamIds!: number[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: MUST_CHANGE }) mustChangePassword!: boolean;
}
export const UserPageDto = pageDtoOf(UserViewDto);
