import { loadExcelJS } from './excel';

export type SheetFormat = 'xlsx' | 'csv';

/** A column of a written sheet; `numFmt`: in xlsx its cells are numbers in that format (hours). */
export interface SheetColumn<R> {
  header: string;
  key: keyof R & string;
  width: number;
  numFmt?: string;
}

/** A cell a spreadsheet would run as a formula gets an apostrophe (CSV has no text type). */
export const inertCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * Rows of text as one sheet with a bold header row: xlsx (text cells throughout, so an ID number
 * never becomes 1.1E+17; the `numFmt` columns numbers), or CSV with a BOM (Excel on Windows then
 * shows Chinese instead of mojibake) and every cell inert. The one writer of the exports.
 */
export async function writeSheet<R extends { [K in keyof R]: string }>(
  sheetName: string,
  columns: SheetColumn<R>[],
  rows: R[],
  format: SheetFormat,
): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  const numeric = columns.filter((c) => c.numFmt !== undefined);
  for (const r of rows) {
    const cells = r as Record<string, string>;
    if (format === 'csv') {
      sheet.addRow(Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, inertCell(v)])));
      continue;
    }
    const row = sheet.addRow({
      ...cells,
      ...Object.fromEntries(numeric.map((c) => [c.key, Number(cells[c.key])])),
    });
    for (const c of numeric) {
      row.getCell(c.key).numFmt = c.numFmt!;
    }
  }
  if (format === 'xlsx') {
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const csv = Buffer.from(await workbook.csv.writeBuffer());
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), csv]);
}
