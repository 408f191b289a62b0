import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ResetPinDto } from '../auth/dto/pin.dto';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { CreateMemberDto, ListMembersQueryDto, UpdateMemberDto } from './dto/people.dto';
import { PeopleService } from './people.service';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @Roles('admin')
  async create(@Body() dto: CreateMemberDto) {
    const { member, generatedPin } = await this.people.createMember(dto);
    return {
      id: member.id,
      passbookNo: member.passbookNo,
      name: member.name,
      kind: member.kind,
      balance: '0.00',
      ...(generatedPin !== undefined ? { pin: generatedPin } : {}),
    };
  }

  @Get()
  @Roles('admin', 'leader')
  list(@Query() query: ListMembersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.people.listMembers(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  get(@Param('id', idParam('member')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.people.memberView(id, principal);
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id', idParam('member')) id: number,
    @Body() dto: UpdateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.people.updateMember(id, dto, principal);
  }

  /** A forgotten PIN: set one, or leave `pin` out to get a generated one shown once. */
  @Post(':id/pin')
  @Roles('admin')
  @HttpCode(200)
  resetPin(@Param('id', idParam('member')) id: number, @Body() dto: ResetPinDto) {
    return this.people.resetPin(id, dto.pin);
  }
}
