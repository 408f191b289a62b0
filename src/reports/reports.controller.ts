import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { DomainError } from '../common/errors';
import { Route } from '../common/route';
import { yearPipe } from '../ratings/year.pipe';
import { QuarterReportDto } from './dto/quarter-report.dto';
import { AnnualReportDto, GrowthReportDto } from './dto/annual-report.dto';
import { GrowthQuery, ReportFormatQuery } from './dto/report-format.dto';
import {
  annualReportCsv,
  annualReportCsvZh,
  quarterReportCsv,
  quarterReportCsvZh,
} from './quarter-report.csv';
import { ReportsService } from './reports.service';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('quarter/:year/:quarter')
  @Route({
    roles: ['admin', 'office'],
    summary:
      "Quarterly report of the admin's community (a street-office user names one with ?community=<code>): points earned by category and team, redeemed, donated, volunteers, stock given out, outstanding points (?format=csv for a spreadsheet with English codes as before; &lang=zh for Chinese headers and names)",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(QuarterReportDto)
  @ApiOkResponse({
    description: 'the report as JSON, or with ?format=csv as a CSV file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(QuarterReportDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async quarter(
    @Param('year', yearPipe()) year: number,
    @Param(
      'quarter',
      new ParseIntPipe({
        exceptionFactory: () =>
          DomainError.validation('quarter must be 1, 2, 3 or 4', { field: 'quarter' }),
      }),
    )
    quarter: number,
    @Query() query: ReportFormatQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
    @CurrentPrincipal() principal: Principal,
  ) {
    const report = await this.reports.quarterFor(principal, year, quarter, query.community);
    if (query.format !== 'csv') {
      return report;
    }
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header(
      'content-disposition',
      `attachment; filename="passbook-report-${year}-Q${quarter}.csv"`,
    );
    return query.lang === 'zh' ? quarterReportCsvZh(report) : quarterReportCsv(report);
  }

  @Get('year/:year')
  @Route({
    roles: ['admin', 'office'],
    summary:
      "Annual report of the admin's community (a street-office user names one with ?community=<code>): the quarter's figures over the calendar year, hours, the twelve months and the year's published star rating by grade (?format=csv, &lang=zh as for the quarter)",
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(AnnualReportDto)
  @ApiOkResponse({
    description: 'the report as JSON, or with ?format=csv as a CSV file',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportDto) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async year(
    @Param('year', yearPipe()) year: number,
    @Query() query: ReportFormatQuery,
    @Res({ passthrough: true }) reply: HeaderReply,
    @CurrentPrincipal() principal: Principal,
  ) {
    const report = await this.reports.yearFor(principal, year, query.community);
    if (query.format !== 'csv') {
      return report;
    }
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="passbook-report-${year}.csv"`);
    return query.lang === 'zh' ? annualReportCsvZh(report) : annualReportCsv(report);
  }

  @Get('growth')
  @Route({
    roles: ['admin', 'office'],
    summary:
      "Volunteer growth per month from ?from=YYYY-MM to ?to=YYYY-MM (at most 120 months): registered at the month's end, active, joined and left in it (a street-office user names the community with ?community=)",
    ok: GrowthReportDto,
  })
  growth(@Query() query: GrowthQuery, @CurrentPrincipal() principal: Principal) {
    return this.reports.growthFor(principal, query, query.community);
  }
}
