import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { communityOf } from '../access/access.policy';
import { ResetPinDto } from '../auth/dto/pin.dto';
import { CurrentPrincipal, Principal, Roles } from '../auth/principal';
import { idParam } from '../common/id-param.pipe';
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
  @Roles('admin')
  @ApiCreatedResponse({ type: CreatedMemberDto })
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
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: MemberPageDto })
  list(@Query() query: ListMembersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.members.listMembers(principal, query);
  }

  @Post('import')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Members (and their teams) from a roster: ?dryRun=true reports row by row and writes nothing; otherwise all valid rows in one transaction, none when a row is refused unless skipInvalid',
  })
  @ApiOkResponse({ type: ImportReportDto })
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
  @Roles('admin')
  @ApiProduces(CONTENT_TYPES.xlsx, CONTENT_TYPES.csv)
  @ApiOkResponse({
    description: 'the spreadsheet file',
    content: {
      [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
      [CONTENT_TYPES.csv]: { schema: { type: 'string' } },
    },
  })
  @ApiOperation({ summary: 'The member list as a spreadsheet (?format=xlsx, the default, or csv)' })
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
  @Roles('admin')
  @ApiOperation({
    summary: 'Passbooks already open for this name; samePhone marks the likely same person',
  })
  @ApiOkResponse({ type: SameNamedMembersDto })
  duplicates(@Query() query: DuplicateMembersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.members.sameNamedMembers(principal, query.name, query.phone);
  }

  @Get(':id')
  @Roles('admin', 'leader')
  @ApiOkResponse({ type: MemberViewDto })
  get(@Param('id', idParam('member')) id: number, @CurrentPrincipal() principal: Principal) {
    return this.members.memberView(id, principal);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: MemberViewDto })
  update(
    @Param('id', idParam('member')) id: number,
    @Body() dto: UpdateMemberDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.members.updateMember(id, dto, principal);
  }

  /** A forgotten PIN: set one, or leave `pin` out to get a generated one shown once. */
  @Post(':id/pin')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: PinResetDto })
  resetPin(
    @Param('id', idParam('member')) id: number,
    @Body() dto: ResetPinDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.members.resetPin(principal, id, dto.pin);
  }
}
