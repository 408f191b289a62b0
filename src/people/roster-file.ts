import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../common/excel';
import { Readable } from 'node:stream';
import { DomainError } from '../common/errors';
import { SheetColumn, SheetFormat, writeSheet } from '../common/spreadsheet';

/** One roster row as read from a file (or sent as JSON): text cells, checked later. */
export interface RosterRow {
  /** The row's number in the sheet (the header is usually row 1). */
  row: number;
  name?: string;
  kind?: string;
  phone?: string;
  teams?: string;
  passbookNo?: string;
  pin?: string;
  /** 加入日期, as written; checked and read as a date later (`joinedOnText`). */
  joinedOn?: string;
}

export type RosterFormat = SheetFormat;
type Field = Exclude<keyof RosterRow, 'row'>;

/** Header words a community's own spreadsheet is likely to use, Chinese first. */
const HEADERS: Record<string, Field> = {
  姓名: 'name',
  名字: 'name',
  name: 'name',
  身份: 'kind',
  政治面貌: 'kind',
  类别: 'kind',
  kind: 'kind',
  电话: 'phone',
  手机: 'phone',
  手机号: 'phone',
  手机号码: 'phone',
  联系电话: 'phone',
  phone: 'phone',
  服务队: 'teams',
  所属服务队: 'teams',
  队伍: 'teams',
  teams: 'teams',
  team: 'teams',
  存折号: 'passbookNo',
  passbookno: 'passbookNo',
  密码: 'pin',
  pin: 'pin',
  加入日期: 'joinedOn',
  入队日期: 'joinedOn',
  加入时间: 'joinedOn',
  joinedon: 'joinedOn',
  joined_on: 'joinedOn',
};
export const ROSTER_ROWS_MAX = 2000;

const headerField = (text: string): Field | undefined =>
  HEADERS[text.replace(/[\s*（(].*$/, '').trim()] ?? HEADERS[text.trim().toLowerCase()];

function cellText(cell: ExcelJS.Cell, field: Field | undefined): string {
  const v = cell.value;
  if (v === null || v === undefined) {
    return '';
  }
  // A date cell: exceljs gives the day at UTC midnight.
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  }
  // A PIN typed as 012345 into a number cell comes back as 12345: its zeros are put back.
  if (typeof v === 'number') {
    return field === 'pin' && Number.isInteger(v) && v >= 0 && v < 1e6
      ? String(v).padStart(6, '0')
      : String(v);
  }
  return cell.text.trim();
}

/** UTF-8 (with or without BOM) or, as Excel saves CSV on a Chinese Windows, GB18030. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads the first sheet: the first non-empty row names the columns, every later one is a person. */
export async function readRoster(bytes: Buffer, format: RosterFormat): Promise<RosterRow[]> {
  const workbook = new (await loadExcelJS()).Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      // Cells stay text: a phone or a PIN must not become a number.
      sheet = await workbook.csv.read(Readable.from([decodeCsv(bytes)]), {
        map: (value: unknown) => value,
      });
    }
  } catch {
    throw DomainError.validation(`the file is not a readable ${format} spreadsheet`, {
      field: 'file',
      reason: 'UNREADABLE_FILE',
    });
  }
  const columns = new Map<number, Field>();
  const rows: RosterRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (columns.size === 0) {
      row.eachCell((cell, col) => {
        const field = headerField(cellText(cell, undefined));
        if (field && ![...columns.values()].includes(field)) {
          columns.set(col, field);
        }
      });
      if (![...columns.values()].includes('name')) {
        columns.clear();
      }
      return;
    }
    const out: RosterRow = { row: rowNumber };
    for (const [col, field] of columns) {
      const text = cellText(row.getCell(col), field);
      if (text) {
        out[field] = text;
      }
    }
    if (Object.keys(out).length > 1) {
      rows.push(out);
    }
  });
  if (columns.size === 0) {
    throw DomainError.validation('the first row must name the columns, 姓名 (name) among them', {
      field: 'file',
      reason: 'NO_NAME_COLUMN',
    });
  }
  if (rows.length > ROSTER_ROWS_MAX) {
    throw DomainError.validation(`a roster holds at most ${ROSTER_ROWS_MAX} rows`, {
      field: 'file',
      reason: 'TOO_MANY_ROWS',
    });
  }
  return rows;
}

export interface RosterExportRow {
  passbookNo: string;
  name: string;
  kind: string;
  phone: string;
  teams: string;
  balance: string;
  status: string;
  createdAt: string;
  joinedOn: string;
}

const EXPORT_COLUMNS: SheetColumn<RosterExportRow>[] = [
  { header: '存折号', key: 'passbookNo', width: 12 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份', key: 'kind', width: 8 },
  { header: '电话', key: 'phone', width: 14 },
  { header: '服务队', key: 'teams', width: 30 },
  { header: '余额', key: 'balance', width: 10 },
  { header: '状态', key: 'status', width: 8 },
  { header: '开户日期', key: 'createdAt', width: 12 },
  { header: '加入日期', key: 'joinedOn', width: 12 },
];

/** The member list as a spreadsheet whose columns read back in as an import's (姓名, 电话, 服务队…). */
export function writeRoster(rows: RosterExportRow[], format: RosterFormat): Promise<Buffer> {
  return writeSheet('志愿者', EXPORT_COLUMNS, rows, format);
}

/** A join date as a roster writes it (2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日) as YYYY-MM-DD. */
export function joinedOnText(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : text.trim();
}
