import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { UserError } from '../../errors.js';

type CellValue = ExcelJS.CellValue;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A cell as the text a CSV export of the same sheet would hold. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // Excel dates carry no zone: exceljs hands the wall-clock time over as UTC fields.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result);
  return '';
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams the first worksheet of an .xlsx workbook into a UTF-8 CSV, one
 * line per sheet row: row numbers stay line numbers, because a missing
 * (empty) row is written as an empty cell rather than skipped. Returns how
 * many further worksheets held rows and were not read.
 */
export async function xlsxToCsv(input: string, output: string, name = input): Promise<{ rows: number; ignoredSheets: number }> {
  const out = createWriteStream(output);
  const closed = once(out, 'close');
  let rows = 0;
  let ignoredSheets = 0;
  let sheet = 0;
  try {
    // Loaded on demand: exceljs takes a noticeable part of a second to load, and most imports are CSV.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
    for await (const worksheet of reader) {
      sheet += 1;
      let nextRow = 1;
      for await (const row of worksheet) {
        if (sheet > 1) {
          ignoredSheets += 1;
          break;
        }
        let text = '';
        for (; nextRow < row.number; nextRow += 1) text += '""\n';
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        // row.values is 1-based: index 0 is always empty.
        for (let column = 1; column < values.length; column += 1) cells.push(csvField(cellText(values[column])));
        text += `${cells.length ? cells.join(',') : '""'}\n`;
        nextRow = row.number + 1;
        rows = row.number;
        if (!out.write(text)) await once(out, 'drain');
      }
    }
  } catch (error) {
    out.destroy();
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(`${name}: cannot read this Excel workbook (${reason}). Open it in Excel and save it again as .xlsx, or export CSV.`);
  }
  out.end();
  await closed;
  if (rows === 0) throw new UserError(`${name}: the first worksheet of this workbook is empty. Put the export on the first sheet, or export CSV.`);
  return { rows, ignoredSheets };
}
