import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Route } from '../common/route';
import {
  LoginResponseDto,
  MeResponseDto,
  PassbookLoginResponseDto,
} from './dto/auth-responses.dto';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, PassbookLoginDto } from './dto/login.dto';
import { ChangePinDto } from './dto/pin.dto';
import { CurrentPrincipal, Principal, Public, Roles } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() dto: LoginDto, @Ip() address: string) {
    const { token, user } = await this.auth.login(dto.username, dto.password, address);
    return {
      ...token,
      user: {
        id: user.id,
        username: user.username,
        role: user.role,
        mustChangePassword: Boolean(user.mustChangePassword),
      },
    };
  }

  @Post('passbook-login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: PassbookLoginResponseDto })
  async passbookLogin(@Body() dto: PassbookLoginDto, @Ip() address: string) {
    const { token, member } = await this.auth.passbookLogin(dto.passbookNo, dto.pin, address);
    return {
      ...token,
      member: { id: member.id, passbookNo: member.passbookNo, name: member.name },
    };
  }

  @Post('logout')
  @Roles('admin', 'leader', 'clerk', 'office', 'volunteer')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@Headers('authorization') authorization: string): Promise<void> {
    await this.auth.revokeToken(authorization.replace(/^Bearer\s+/i, ''));
  }

  @Post('password')
  @Roles('admin', 'leader', 'clerk', 'office')
  @ApiBearerAuth()
  @HttpCode(204)
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
    @Ip() address: string,
  ): Promise<void> {
    await this.auth.changePassword(principal.userId, dto.currentPassword, dto.newPassword, address);
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Route({ roles: ['admin', 'leader', 'clerk', 'office', 'volunteer'], ok: MeResponseDto })
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.describe(principal);
  }

  @Post('pin')
  @Roles('volunteer')
  @HttpCode(204)
  async changePin(
    @Body() dto: ChangePinDto,
    @CurrentPrincipal() principal: Principal & { kind: 'member' },
    @Ip() address: string,
  ): Promise<void> {
    await this.auth.changePin(principal.memberId, dto.currentPin, dto.newPin, address);
  }
}
