import { AnnualReport, PeriodFigures, QuarterReport } from './reports.service';

const HEADER = ['section', 'key', 'name', 'points', 'hours', 'count'];

/**
 * The quarterly report as one CSV table (UTF-8 with BOM so spreadsheet programs show Chinese
 * names). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function quarterReportCsv(r: QuarterReport): string {
  const { year, quarter, from, to } = r.period;
  return table(periodRows(r, [`${year}-Q${quarter}`, `${from}..${to}`]));
}

/** The annual report in the quarter's table, with the year's hours, hours by month and stars. */
export function annualReportCsv(r: AnnualReport): string {
  const { year, from, to } = r.period;
  const hours = new Map(r.byMonth.map((m) => [m.month, m.hours]));
  const rows = periodRows(r, [String(year), `${from}..${to}`], {
    afterTotal: [['earned', 'hours', null, null, r.earned.hours, null]],
    month: (month) => [['month_hours', month, null, null, hours.get(month) ?? '0.00', null]],
  });
  const s = r.stars;
  if (s.byStars === null) {
    rows.push(['stars', 'none', s.why, null, null, null]);
  } else {
    for (const [stars, count] of Object.entries(s.byStars).sort((a, b) => +b[0] - +a[0])) {
      rows.push(['stars', stars, null, null, null, count]);
    }
  }
  return table(rows);
}

type CsvRow = (string | number | null)[];

/** The rows of the English table both reports share; `extra` adds the year's own. */
function periodRows(
  r: PeriodFigures,
  period: [string, string],
  extra: { afterTotal?: CsvRow[]; month?: (month: string) => CsvRow[] } = {},
): CsvRow[] {
  const rows: CsvRow[] = [HEADER];
  rows.push(['period', period[0], period[1], null, null, null]);
  rows.push(['earned', 'total', null, r.earned.points, null, null]);
  rows.push(...(extra.afterTotal ?? []));
  for (const c of r.earned.byCategory) {
    rows.push(['earned_by_category', c.categoryCode, c.categoryName, c.points, c.hours, c.records]);
  }
  for (const t of r.earned.byTeam) {
    rows.push(['earned_by_team', t.teamId ?? 'none', t.teamName, t.points, t.hours, t.records]);
  }
  rows.push([
    'earned',
    'not_from_service_records',
    null,
    r.earned.notFromServiceRecords,
    null,
    null,
  ]);
  rows.push(['redeemed', 'total', null, r.redeemed.points, null, r.redeemed.redemptions]);
  rows.push(['redeemed', 'members', null, r.redeemed.byMembers, null, null]);
  rows.push(['redeemed', 'households', null, r.redeemed.byHouseholds, null, null]);
  rows.push(['donated', 'total', null, r.donated.points, null, r.donated.donations]);
  rows.push(['donated', 'donors', null, null, null, r.donated.donors]);
  rows.push(['donated', 'households', null, null, null, r.donated.households]);
  rows.push(['volunteers', 'active', null, null, null, r.activeVolunteers]);
  rows.push(['volunteers', 'new', null, null, null, r.newVolunteers]);
  for (const s of r.stockGivenOut) {
    rows.push(['stock_given_out', s.catalogItemId, s.name, s.points, null, s.quantity]);
  }
  for (const m of r.byMonth) {
    rows.push(['month_earned', m.month, null, m.earned, null, null]);
    rows.push(['month_redeemed', m.month, null, m.redeemed, null, null]);
    rows.push(['month_donated', m.month, null, m.donated, null, null]);
    rows.push(...(extra.month?.(m.month) ?? []));
  }
  rows.push([
    'outstanding',
    'total',
    r.outstandingPoints.asOf,
    r.outstandingPoints.total,
    null,
    null,
  ]);
  rows.push(['outstanding', 'members', null, r.outstandingPoints.members, null, null]);
  rows.push(['outstanding', 'households', null, r.outstandingPoints.households, null, null]);
  return rows;
}

const HEADER_ZH = ['栏目', '项目', '名称', '积分', '服务时长（小时）', '数量', '人数'];

/**
 * The same report as the street office reads it: Chinese headers and row names, category and item
 * names, months and periods written so a spreadsheet keeps them as text (not as dates).
 */
export function quarterReportCsvZh(r: QuarterReport): string {
  const { year, quarter, from, to } = r.period;
  return tableZh(periodRowsZh(r, [`${year}年第${quarter}季度`, `${from} 至 ${to}`], '本季度'));
}

/** The annual report as the street office reads it (the quarter's Chinese table, and more). */
export function annualReportCsvZh(r: AnnualReport): string {
  const { year, from, to } = r.period;
  const hours = new Map(r.byMonth.map((m) => [m.month, m.hours]));
  const rows = periodRowsZh(r, [`${year}年`, `${from} 至 ${to}`], '本年度', {
    afterTotal: [['服务时长', '合计', null, undefined, r.earned.hours]],
    month: (month, label) => [['按月', label, '服务时长', undefined, hours.get(month) ?? '0.00']],
  });
  const s = r.stars;
  if (s.byStars === null) {
    const why = s.why === 'NO_RATING' ? '本年度尚未评定星级' : '星级评定尚未公布';
    rows.push(['星级评定', why, null]);
  } else {
    for (const [stars, count] of Object.entries(s.byStars).sort((a, b) => +b[0] - +a[0])) {
      rows.push(['星级评定', `${stars}星`, null, undefined, undefined, undefined, count]);
    }
  }
  return tableZh(rows);
}

type RowZh = [string, string, string | null, string?, string?, number?, number?];

function periodRowsZh(
  r: PeriodFigures,
  period: [string, string],
  periodWord: string,
  extra: { afterTotal?: RowZh[]; month?: (month: string, label: string) => RowZh[] } = {},
): RowZh[] {
  const rows: RowZh[] = [];
  rows.push(['统计期', period[0], period[1]]);
  rows.push(['服务获得积分', '合计', null, r.earned.points]);
  rows.push(...(extra.afterTotal ?? []));
  for (const c of r.earned.byCategory) {
    const name = c.categoryName ?? c.categoryCode;
    rows.push(['按服务类别', c.categoryCode, name, c.points, c.hours, c.records, c.volunteers]);
  }
  for (const t of r.earned.byTeam) {
    const id = t.teamId === null ? '' : String(t.teamId);
    rows.push(['按服务队', id, t.teamName ?? '未归队', t.points, t.hours, t.records, t.volunteers]);
  }
  rows.push([
    '服务获得积分',
    '非服务记录所得（如纸质存折转入）',
    null,
    r.earned.notFromServiceRecords,
  ]);
  const redeemed = r.redeemed;
  rows.push([
    '兑换积分',
    '合计（数量为兑换次数）',
    null,
    redeemed.points,
    undefined,
    redeemed.redemptions,
  ]);
  rows.push(['兑换积分', '志愿者兑换', null, redeemed.byMembers]);
  rows.push(['兑换积分', '困难家庭兑换', null, redeemed.byHouseholds]);
  rows.push([
    '捐赠积分',
    '合计（数量为捐赠笔数）',
    null,
    r.donated.points,
    undefined,
    r.donated.donations,
  ]);
  rows.push(['捐赠积分', '捐赠人', null, undefined, undefined, undefined, r.donated.donors]);
  rows.push([
    '捐赠积分',
    '受赠家庭（户）',
    null,
    undefined,
    undefined,
    undefined,
    r.donated.households,
  ]);
  rows.push([
    '志愿者',
    `活跃志愿者（${periodWord}有服务记录）`,
    null,
    undefined,
    undefined,
    undefined,
    r.activeVolunteers,
  ]);
  rows.push(['志愿者', '新登记志愿者', null, undefined, undefined, undefined, r.newVolunteers]);
  for (const s of r.stockGivenOut) {
    rows.push([
      '发出物品和服务券',
      String(s.catalogItemId),
      s.name,
      s.points,
      undefined,
      s.quantity,
    ]);
  }
  for (const m of r.byMonth) {
    const month = `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`;
    rows.push(['按月', month, '服务获得', m.earned]);
    rows.push(['按月', month, '兑换', m.redeemed]);
    rows.push(['按月', month, '捐赠', m.donated]);
    rows.push(...(extra.month?.(m.month, month) ?? []));
  }
  const o = r.outstandingPoints;
  rows.push(['未兑换积分（待兑付）', '合计', `截至 ${o.asOf}`, o.total]);
  rows.push(['未兑换积分（待兑付）', '志愿者', null, o.members]);
  rows.push(['未兑换积分（待兑付）', '困难家庭', null, o.households]);
  return rows;
}

function tableZh(rows: RowZh[]): string {
  const width = HEADER_ZH.length;
  return table([
    HEADER_ZH,
    ...rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null)),
  ]);
}

/** CSV in UTF-8 with a BOM (so Excel shows Chinese) and CRLF line ends. */
function table(rows: (string | number | null)[][]): string {
  return '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
