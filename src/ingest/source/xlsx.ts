import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type ExcelJS from 'exceljs';
import { isDiskFull } from '../../disk-full.js';
import { UserError } from '../../errors.js';
import { SwappedDatesWatch } from './xlsx-swapped-dates.js';
import { MAX_HELD_PART_BYTES, openWorkbookParts, PartTooLarge, type WorkbookParts } from './xlsx-parts.js';

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

/** Excel's own limits: a sheet row or column past them was not written by a spreadsheet program. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class SheetTooLarge extends Error {
  constructor(
    readonly where: string,
    readonly limit: string,
  ) {
    super(`${where}: ${limit}`);
  }
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
  let workbook: WorkbookParts | null = null;
  const dates = new SwappedDatesWatch();
  try {
    workbook = await openWorkbookParts(input);
    const [first, ...others] = workbook.sheets;
    if (first) {
      let nextRow = 1;
      for await (const row of await first()) {
        // Row numbers come from the file: one past Excel's last row would pad the sheet with a line per missing row, and never end.
        if (row.number > EXCEL_MAX_ROWS) throw new SheetTooLarge(`row ${row.number.toLocaleString('en-US')}`, `Excel's last row is ${EXCEL_MAX_ROWS.toLocaleString('en-US')}`);
        const values = Array.isArray(row.values) ? row.values : [];
        if (values.length - 1 > EXCEL_MAX_COLUMNS) throw new SheetTooLarge(`column ${(values.length - 1).toLocaleString('en-US')} of row ${row.number.toLocaleString('en-US')}`, `Excel's last column is ${EXCEL_MAX_COLUMNS.toLocaleString('en-US')}`);
        let text = '';
        for (; nextRow < row.number; nextRow += 1) text += '""\n';
        const cells: string[] = [];
        // row.values is 1-based: index 0 is always empty.
        for (let column = 1; column < values.length; column += 1) {
          dates.see(column, row.number, values[column]);
          cells.push(csvField(cellText(values[column])));
        }
        text += `${cells.length ? cells.join(',') : '""'}\n`;
        nextRow = row.number + 1;
        rows = row.number;
        if (!out.write(text)) await once(out, 'drain');
      }
    }
    for (const sheet of others) {
      for await (const _row of await sheet()) {
        ignoredSheets += 1;
        break;
      }
    }
  } catch (error) {
    // A write still pending fails once the stream is destroyed: that failure is not the one to report.
    closed.catch(() => undefined);
    out.destroy();
    // A full disk under the temporary copy is said as such by the import, naming the disk.
    if (isDiskFull(error)) throw error;
    if (error instanceof SheetTooLarge) {
      throw new UserError(`${name}: the first worksheet has a cell at ${error.where}, but ${error.limit}: the workbook is damaged or was not made by a spreadsheet program. Open it in Excel and save it again, or export CSV.`);
    }
    if (error instanceof PartTooLarge) {
      throw new UserError(`${name}: its ${error.part} is ${gigabytes(error.bytes)} once unzipped, more than the ${gigabytes(MAX_HELD_PART_BYTES)} replybench reads from a workbook. Export the mentions as CSV instead.`);
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(`${name}: cannot read this Excel workbook (${reason}). Open it in Excel and save it again as .xlsx, or export CSV.`);
  } finally {
    workbook?.close();
  }
  out.end();
  await closed;
  if (rows === 0) throw new UserError(`${name}: the first worksheet of this workbook is empty. Put the export on the first sheet, or export CSV.`);
  const swapped = dates.swapped();
  if (swapped) {
    throw new UserError(
      `${name}: column ${swapped.column} mixes dates the spreadsheet converted (row ${swapped.dateRow}) with dates it left as text (row ${swapped.textRow}: "${swapped.text}"): it read the export's dates day and month the other way round, so every converted date is wrong. Import the original CSV export, or open it with that column as text before saving.`,
    );
  }
  return { rows, ignoredSheets };
}
