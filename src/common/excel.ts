import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first spreadsheet read or written rather than at start: it is some 15 MB
 * of resident memory (7 MB of heap) that a service never asked for a spreadsheet does not need.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
