import { QuarterReport } from './reports.service';

const HEADER = ['section', 'key', 'name', 'points', 'hours', 'count'];

/**
 * The quarterly report as one CSV table (UTF-8 with BOM so spreadsheet programs show Chinese
 * names). Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function quarterReportCsv(r: QuarterReport): string {
  const rows: (string | number | null)[][] = [HEADER];
  const { year, quarter, from, to } = r.period;
  rows.push(['period', `${year}-Q${quarter}`, `${from}..${to}`, null, null, null]);
  rows.push(['earned', 'total', null, r.earned.points, null, null]);
  for (const c of r.earned.byCategory) {
    rows.push(['earned_by_category', c.categoryCode, null, c.points, c.hours, c.records]);
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
