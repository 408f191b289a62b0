import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public } from '../auth/principal';
import { Route } from '../common/route';
import { CertificatesService } from './certificates.service';
import {
  CertificateCheckDto,
  CertificateKeyDto,
  CertificatePageDto,
  CertificateViewDto,
} from './dto/certificate-responses.dto';
import {
  IssueCertificateDto,
  ListCertificatesQueryDto,
  NationalExportQueryDto,
  RevokeCertificateDto,
} from './dto/certificate.dto';
import { NationalExportFormat, NationalExportService } from './national-export.service';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  @Route({
    roles: ['admin'],
    idempotent: true,
    summary:
      'Issues a signed certificate of the volunteer’s verified service in the period (志愿服务记录证明)',
    created: CertificateViewDto,
  })
  issue(@Body() dto: IssueCertificateDto, @CurrentPrincipal() principal: Principal) {
    return this.certificates.issue(principal, dto);
  }

  @Get()
  @Route({
    roles: ['admin', 'office'],
    summary:
      'The register of issued certificates (street-office users name the community: ?community=)',
    ok: CertificatePageDto,
  })
  list(@Query() query: ListCertificatesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.certificates.list(principal, query);
  }

  @Get(':number')
  @Route({ roles: ['admin'], ok: CertificateViewDto })
  get(@Param('number') number: string, @CurrentPrincipal() principal: Principal) {
    return this.certificates.get(principal, number);
  }

  @Post(':number/revoke')
  @HttpCode(200)
  @Route({
    roles: ['admin'],
    summary: 'Revokes a certificate: its check then answers revoked',
    ok: CertificateViewDto,
  })
  revoke(
    @Param('number') number: string,
    @Body() dto: RevokeCertificateDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.certificates.revoke(principal, number, dto.reason);
  }
}

@ApiTags('public')
@Controller('public/certificates')
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('key')
  @Public()
  @Route({
    summary: 'The public key certificates are signed with (PEM) and its fingerprint',
    ok: CertificateKeyDto,
  })
  key() {
    return this.certificates.publicKey();
  }

  @Get(':number')
  @Public()
  @Route({
    summary:
      'Checks a certificate by its number: valid, revoked, or invalid (its stored content does not match its signature)',
    ok: CertificateCheckDto,
  })
  check(@Param('number') number: string) {
    return this.certificates.check(number);
  }
}

const CONTENT_TYPES: Record<NationalExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: NationalExportService) {}

  @Get('national-service-records.xlsx')
  @Route({
    roles: ['admin', 'office'],
    summary:
      'Verified service records of the period in the national record system’s fields, identity numbers in clear (street-office users: ?community=)',
  })
  @ApiProduces(CONTENT_TYPES.xlsx)
  @ApiOkResponse({
    description: 'the spreadsheet',
    content: { [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } },
  })
  xlsx(
    @Query() query: NationalExportQueryDto,
    @Res({ passthrough: true }) reply: HeaderReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Buffer> {
    return this.send(principal, query, 'xlsx', reply);
  }

  @Get('national-service-records.csv')
  @Route({ roles: ['admin', 'office'], summary: 'The same as a CSV file (UTF-8 with BOM)' })
  @ApiProduces(CONTENT_TYPES.csv)
  @ApiOkResponse({
    description: 'the CSV file',
    content: { [CONTENT_TYPES.csv]: { schema: { type: 'string' } } },
  })
  csv(
    @Query() query: NationalExportQueryDto,
    @Res({ passthrough: true }) reply: HeaderReply,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Buffer> {
    return this.send(principal, query, 'csv', reply);
  }

  private async send(
    principal: Principal,
    query: NationalExportQueryDto,
    format: NationalExportFormat,
    reply: HeaderReply,
  ): Promise<Buffer> {
    const { file, name } = await this.exports.file(principal, query, format);
    reply.header('content-type', CONTENT_TYPES[format]);
    reply.header('content-disposition', `attachment; filename="${name}"`);
    return file;
  }
}
