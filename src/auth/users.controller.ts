import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { idParam } from '../common/id-param.pipe';
import { UserPageDto, UserViewDto } from './dto/auth-responses.dto';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/login.dto';
import { CurrentPrincipal, Principal, Roles } from './principal';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserViewDto })
  create(@Body() dto: CreateUserDto, @CurrentPrincipal() principal: Principal) {
    return this.users.create(principal, dto);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.users.list(principal, query);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserViewDto })
  get(@Param('id', idParam('user')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.users.get(principal, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserViewDto })
  update(
    @Param('id', idParam('user')) id: number,
    @Body() dto: UpdateUserDto,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
  ) {
    return this.users.update(principal, id, dto);
  }

  @Post(':id/deactivate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  deactivate(
    @Param('id', idParam('user')) id: number,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
  ) {
    return this.users.setActive(principal, id, false);
  }

  @Post(':id/activate')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  activate(
    @Param('id', idParam('user')) id: number,
    @CurrentPrincipal() principal: Principal & { kind: 'user' },
  ) {
    return this.users.setActive(principal, id, true);
  }
}
