import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { isDiskFull } from '../../disk-full.js';
import { UserError } from '../../errors.js';
import { PartTooLarge } from './xlsx/package.js';
import { type Cell, DamagedSheet, EXCEL_MAX_ROWS, SheetTooLarge } from './xlsx/sheet.js';
import { SwappedDatesWatch } from './xlsx/swapped-dates.js';
import { openWorkbook, type OpenWorkbook, type Worksheet } from './xlsx/workbook.js';
import { abandonWrite } from './abandon-write.js';

/** How often a long sheet says how far it is: a few times a second. */
const PROGRESS_ROWS = 10_000;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A cell as the text a CSV export of the same sheet would hold. A number past
 * 2^53 is not a whole number a cell can hold exactly (1.536378608205741e+18
 * for the id 1536378608205740996): written in full it would be an id no post
 * has, so it keeps its scientific notation, which the import knows as an id
 * the spreadsheet lost (excel-damage.ts).
 */
export function cellText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Math.abs(value) > Number.MAX_SAFE_INTEGER ? value.toExponential() : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // Excel dates carry no zone: the wall-clock time is held in UTC fields.
    return `${String(value.getUTCFullYear()).padStart(4, '0')}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  }
  return value.error;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function hasValue(cell: Cell): boolean {
  return cell !== null && cell !== '';
}

/** What a sheet that is not read holds, to say so: a value, nothing, or what cannot be read (it is damaged). */
async function contentOf(sheet: Worksheet): Promise<'data' | 'empty' | 'unreadable'> {
  try {
    for await (const row of sheet.rows()) if (row.cells.some(hasValue)) return 'data';
    return 'empty';
  } catch (error) {
    if (isDiskFull(error)) throw error;
    return 'unreadable';
  }
}

/**
 * Streams the first worksheet of an .xlsx workbook into a UTF-8 CSV, one
 * line per sheet row: row numbers stay line numbers, because a missing
 * (empty) row is written as an empty cell rather than skipped. Returns how
 * many further worksheets held data, and how many could not be read, none of
 * them imported.
 */
export async function xlsxToCsv(
  input: string,
  output: string,
  name = input,
  onRows?: (rows: number) => void,
): Promise<{ rows: number; readSheet: string; ignoredSheets: string[]; unreadableSheets: number; unsavedFormulas: { count: number; firstRow: number | null }; mergedDown: string[] }> {
  const out = createWriteStream(output);
  const closed = once(out, 'close');
  let rows = 0;
  let readSheet = '';
  const unsavedFormulas = { count: 0, firstRow: null as number | null };
  const merges: string[] = [];
  // The rows with a cell filled: a merged range matters only where a row below its first holds data.
  let filledRows = new Uint8Array(1024);
  const ignoredSheets: string[] = [];
  let unreadableSheets = 0;
  let workbook: OpenWorkbook | null = null;
  const dates = new SwappedDatesWatch();
  try {
    workbook = await openWorkbook(input);
    const [first, ...others] = workbook.sheets;
    if (first) {
      readSheet = first.name;
      let nextRow = 1;
      let nextReport = PROGRESS_ROWS;
      for await (const row of first.rows(merges)) {
        let text = '';
        for (; nextRow < row.number; nextRow += 1) text += '""\n';
        if (row.unsavedFormulas > 0) {
          unsavedFormulas.count += row.unsavedFormulas;
          unsavedFormulas.firstRow ??= row.number;
        }
        const cells: string[] = [];
        let filled = false;
        row.cells.forEach((cell, column) => {
          dates.see(column + 1, row.number, cell);
          const text = cellText(cell);
          filled ||= text !== '';
          cells.push(csvField(text));
        });
        if (filled) {
          if (row.number >= filledRows.length * 8) filledRows = grown(filledRows, row.number);
          filledRows[row.number >> 3] = (filledRows[row.number >> 3] ?? 0) | (1 << (row.number & 7));
        }
        text += `${cells.length ? cells.join(',') : '""'}\n`;
        nextRow = row.number + 1;
        rows = row.number;
        // Rows Excel leaves empty are not in the file: a report is due at the first row past each step.
        if (rows >= nextReport) {
          onRows?.(rows);
          nextReport = (Math.floor(rows / PROGRESS_ROWS) + 1) * PROGRESS_ROWS;
        }
        if (!out.write(text)) await once(out, 'drain');
      }
    }
    for (const sheet of others) {
      const content = await contentOf(sheet);
      if (content === 'data') ignoredSheets.push(sheet.name);
      else if (content === 'unreadable') unreadableSheets += 1;
    }
  } catch (error) {
    abandonWrite(out, closed);
    // A full disk under the temporary copy is said as such by the import, naming the disk.
    if (isDiskFull(error)) throw error;
    if (error instanceof SheetTooLarge) {
      throw new UserError(`${name}: the first worksheet has a cell at ${error.where}, but ${error.limit}: the workbook is damaged or was not made by a spreadsheet program. Open it in Excel and save it again, or export CSV.`);
    }
    if (error instanceof DamagedSheet) {
      throw new UserError(`${name}: the first worksheet is damaged (${error.message}). Open it in Excel and save it again, or export CSV.`);
    }
    if (error instanceof PartTooLarge) {
      throw new UserError(`${name}: its ${error.part} ${error.excess}. Export the mentions as CSV instead.`);
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
      `${name}: column ${swapped.column}${swapped.heading === null ? '' : ` (${swapped.heading})`} mixes dates the spreadsheet converted (row ${swapped.dateRow}) with dates it left as text (row ${swapped.textRow}: "${swapped.text}"): it read the export's dates day and month the other way round, so every converted date is wrong. Import the original CSV export, or open it with that column as text before saving.`,
    );
  }
  // A range merged over two rows or more holds its value in its first row only: the rows below read empty there, where
  // they hold data (a title merged across its row, or a header merged over an empty row below it, loses nothing).
  const isFilled = (row: number) => row < filledRows.length * 8 && ((filledRows[row >> 3] ?? 0) & (1 << (row & 7))) !== 0;
  const mergedDown = merges.filter((ref) => {
    const [from, to] = ref.split(':').map((corner) => Number(/[0-9]+$/.exec(corner)?.[0]));
    if (from === undefined || to === undefined || !Number.isInteger(from) || !Number.isInteger(to)) return false;
    for (let row = from + 1; row <= Math.min(to, EXCEL_MAX_ROWS); row += 1) if (isFilled(row)) return true;
    return false;
  });
  return { rows, readSheet, ignoredSheets, unreadableSheets, unsavedFormulas, mergedDown };
}

/** A bitmap of rows grown to hold `row`, its bits kept. */
function grown(bits: Uint8Array<ArrayBuffer>, row: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(Math.max(bits.length * 2, (row >> 3) + 1));
  bigger.set(bits);
  return bigger;
}
