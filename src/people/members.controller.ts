import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { ResetPinDto } from '../auth/dto/pin.dto';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
import { Route } from '../common/route';
import {
  CreatedMemberDto,
  ImportReportDto,
  MemberPageDto,
  MemberViewDto,
  PinResetDto,
  SameNamedMembersDto,
} from './dto/people-responses.dto';
import {
  CreateMemberDto,
  DuplicateMembersQueryDto,
  ExportMembersQueryDto,
  ImportMembersDto,
  ImportMembersQueryDto,
  ListMembersQueryDto,
  UpdateMemberDto,
} from './dto/people.dto';
import { MembersService } from './members.service';
import { RosterService } from './roster.service';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly roster: RosterService,
  ) {}

  @Post()
  @Route({ roles: ['admin'], created: CreatedMemberDto })
  async create(@Body() dto: CreateMemberDto, @CurrentPrincipal() principal: Principal) {
    const { member, generatedPin } = await this.members.createMember({
      ...dto,
      communityId: communityOf(principal),
    });
    return {
      id: member.id,
      passbookNo: member.passbookNo,
      name: member.name,
      kind: member.kind,
      balance: '0.00',
      idDocument:
        member.idDocumentType && member.idDocumentMasked
          ? { type: member.idDocumentType, number: member.idDocumentMasked }
          : null,
      ...(generatedPin !== undefined ? { pin: generatedPin } : {}),
    };
  }

  @Get()
  @Route({ roles: ['admin', 'leader'], ok: MemberPageDto })
  list(@Query() query: ListMembersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.members.listMembers(principal, query);
  }

  @Post('import')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary:
      'Members (and their teams) from a roster: ?dryRun=true reports row by row and writes nothing; otherwise all valid rows in one transaction, none when a row is refused unless skipInvalid',
    ok: ImportReportDto,
  })
  import(
    @Body() dto: ImportMembersDto,
    @Query() query: ImportMembersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.roster.importFrom(communityOf(principal), dto, {
      dryRun: query.dryRun ?? false,
      skipInvalid: dto.skipInvalid ?? false,
    });
  }

  @Get('export')
  @Route({
    roles: ['admin'],
    summary: 'The member list as a spreadsheet (?format=xlsx, the default, or csv)',
  })
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOkResponse({
    description: 'the spreadsheet file',
    content: {
      [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
      [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
    },
  })
  async export(
    @Query() query: ExportMembersQueryDto,
    @Res({ passthrough: true }) reply: HeaderReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Buffer> {
    const format = query.format ?? 'xlsx';
    const file = await this.roster.exportFile(communityOf(principal), format);
    reply.header('content-type', CONTENT_TYPES[format]);
    reply.header('content-disposition', `attachment; filename="members.${format}"`);
    return file;
  }

  @Get('duplicates')
  @Route({
    roles: ['admin'],
    summary: 'Passbooks already open for this name; samePhone marks the likely same person',
    ok: SameNamedMembersDto,
  })
  duplicates(@Query() query: DuplicateMembersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.members.sameNamedMembers(principal, query.name, query.phone);
  }

  @Get(':id')
  @Route({ roles: ['admin', 'leader'], ok: MemberViewDto })
  get(@Param('id', idParam('member')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.members.memberView(id, principal);
  }

  @Patch(':id')
  @Route({ roles: ['admin'], ok: MemberViewDto })
  update(
    @Param('id', idParam('member')) id: number,
    @Body() dto: UpdateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.members.updateMember(id, dto, principal);
  }

  /** A forgotten PIN: set one, or leave `pin` out to get a generated one shown once. */
  @Post(':id/pin')
  @HttpCode(200)
  @Route({ roles: ['admin'], ok: PinResetDto })
  resetPin(
    @Param('id', idParam('member')) id: number,
    @Body() dto: ResetPinDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.members.resetPin(principal, id, dto.pin);
  }
}
