import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import { UserPageDto, UserViewDto } from './dto/auth-responses.dto';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/login.dto';
import { CurrentPrincipal, Principal } from './principal';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Route({ roles: ['admin'], created: UserViewDto })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.users.create(principal, dto);
  }

  @Get()
  @Route({ roles: ['admin'], ok: UserPageDto })
  list(@Query() query: ListUsersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.users.list(principal, query);
  }

  @Get(':id')
  @Route({ roles: ['admin'], ok: UserViewDto })
  get(@Param('id', idParam('user')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.users.get(principal, id);
  }

  @Patch(':id')
  @Route({ roles: ['admin'], ok: UserViewDto })
  update(
    @Param('id', idParam('user')) id: number,
    @Body() dto: UpdateUserDto,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
  ) {
    return this.users.update(principal, id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Route({ roles: ['admin'], ok: UserViewDto })
  deactivate(
    @Param('id', idParam('user')) id: number,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
  ) {
    return this.users.setActive(principal, id, false);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Route({ roles: ['admin'], ok: UserViewDto })
  activate(
    @Param('id', idParam('user')) id: number,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
  ) {
    return this.users.setActive(principal, id, true);
  }
}
