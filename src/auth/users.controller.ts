import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { CreateUserDto } from './dto/login.dto';
import { Roles } from './principal';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @Roles('admin')
  async create(@Body() dto: CreateUserDto) {
    const user = await this.auth.createUser(dto.username, dto.password, dto.role);
    return { id: user.id, username: user.username, role: user.role, teamIds: [] as number[] };
  }
}
