import type { Readable } from 'node:stream';
import { elapsedTime, isoCellDate, serialDate } from './serial-dates.js';
import { StringItem, unescapeText } from './strings.js';
import type { WorkbookContext } from './workbook.js';
import { attribute, xmlParser } from './xml.js';

/** Excel's own limits: a sheet row or column past them was not written by a spreadsheet program. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** A worksheet no spreadsheet program writes: rows out of order, a row numbered 0. */
export class DamagedSheet extends Error {}

export class SheetTooLarge extends Error {
  constructor(
    readonly where: string,
    readonly limit: string,
  ) {
    super(`${where}: ${limit}`);
  }
}

/** A cell as the workbook holds it: text, a number, a boolean, a date (wall clock in UTC fields), an error such as #N/A. */
export type Cell = string | number | boolean | Date | { error: string } | null;

export interface SheetRow {
  /** The sheet's row number (1 is the first). */
  number: number;
  /** Column A first; columns without a cell are null. */
  cells: Cell[];
  /** Cells holding a formula without its saved result (a workbook a program wrote and no spreadsheet saved): read empty. */
  unsavedFormulas: number;
}

/** Excel's name of a column: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A1 reference's column: A is 0, AA is 26; null when the reference has no letters. */
function columnOf(reference: string): number | null {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return index === 0 ? null : column - 1;
}

const DECIMAL = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const DIGITS = /^\s*\d+\s*$/;

interface CellBeingRead {
  column: number;
  type: string;
  style: number;
  value: string | null;
  /** The text of an inline string (<is>), and whether its element is still open. */
  inline: StringItem | null;
  inInline: boolean;
  /** Whether the cell holds a formula (<f>). */
  formula: boolean;
}

function cellValue(cell: CellBeingRead, context: WorkbookContext, row: number): Cell {
  const value = cell.value;
  switch (cell.type) {
    case 'inlineStr':
      return cell.inline ? cell.inline.take() : value === null ? null : unescapeText(value);
    case 's': {
      if (value === null || value.trim() === '') return null;
      const text = DIGITS.test(value) ? context.sharedStrings[Number(value)] : undefined;
      // A missing string would leave the cell empty without a word: the workbook is damaged.
      if (text === undefined) throw new Error(`cell ${columnLetters(cell.column + 1)}${row} refers to shared string ${value.trim()}, which the workbook does not hold`);
      return text;
    }
    case 'str':
      return value === null ? null : unescapeText(value);
    case 'b':
      return value === null || value.trim() === '' ? null : ['1', 'true'].includes(value.trim().toLowerCase());
    case 'e':
      return value === null || value === '' ? null : { error: value };
    case 'd':
      return value === null || value.trim() === '' ? null : isoCellDate(value);
    default: {
      if (value === null || value.trim() === '') return null;
      // Number() also takes 0x10 and Infinity, which no spreadsheet writes as a number.
      if (!DECIMAL.test(value)) return value;
      const number = Number(value);
      const kind = context.styleKinds[cell.style] ?? 'number';
      if (kind === 'date') return serialDate(number, context.date1904) ?? number;
      if (kind === 'duration') return elapsedTime(number);
      return number;
    }
  }
}

/**
 * Streams a worksheet's rows, in the file's order. A row or cell without its
 * position (r) follows the one before it, as the format allows. Only the text
 * of <v> and <t> is read: formulas and the whitespace of indented XML are not
 * values. The ranges of merged cells go into `merges` (once the rows are read:
 * the file holds them after).
 */
export async function* readSheetRows(part: Readable, context: WorkbookContext, merges?: string[]): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  let lastColumn = -1;
  let cell: CellBeingRead | null = null;
  let inValue = false;
  const parser = xmlParser({
    open: (name, attributes) => {
      if (cell?.inInline) {
        cell.inline?.open(name);
        return;
      }
      if (name === 'mergeCell') {
        // After the rows in the file: the ranges of merged cells, each "D7:D8", into `merges`.
        const ref = attribute(attributes, 'ref');
        if (ref !== undefined) merges?.push(ref);
      } else if (name === 'row') {
        const given = attribute(attributes, 'r');
        if (given !== undefined && !DIGITS.test(given)) throw new DamagedSheet(`${lastRow === 0 ? 'the first row' : `the row after row ${lastRow}`} is numbered "${given.slice(0, 20)}"`);
        const number = given === undefined ? lastRow + 1 : Number(given);
        if (number < 1) throw new DamagedSheet(`a row is numbered ${number}`);
        // Rows come in order, each once: sheet rows are the import's line numbers.
        if (number <= lastRow) throw new DamagedSheet(`row ${number.toLocaleString('en-US')} comes after row ${lastRow.toLocaleString('en-US')}`);
        // One past Excel's last row would pad the sheet with a line per missing row, and never end.
        if (number > EXCEL_MAX_ROWS) throw new SheetTooLarge(`row ${number.toLocaleString('en-US')}`, `Excel's last row is ${EXCEL_MAX_ROWS.toLocaleString('en-US')}`);
        row = { number, cells: [], unsavedFormulas: 0 };
        lastRow = number;
        lastColumn = -1;
      } else if (name === 'c' && row) {
        const column = columnOf(attribute(attributes, 'r') ?? '') ?? lastColumn + 1;
        if (column >= EXCEL_MAX_COLUMNS) {
          const where = Number.isFinite(column) ? (column + 1).toLocaleString('en-US') : 'past XFD';
          throw new SheetTooLarge(`column ${where} of row ${row.number.toLocaleString('en-US')}`, `Excel's last column is ${EXCEL_MAX_COLUMNS.toLocaleString('en-US')}`);
        }
        lastColumn = column;
        cell = { column, type: attribute(attributes, 't') ?? 'n', style: Number(attribute(attributes, 's') ?? 0), value: null, inline: null, inInline: false, formula: false };
      } else if (name === 'f' && cell) {
        cell.formula = true;
      } else if (name === 'v' && cell) {
        inValue = true;
        cell.value = '';
      } else if (name === 'is' && cell) {
        cell.inline = new StringItem();
        cell.inInline = true;
        cell.type = 'inlineStr';
      }
    },
    text: (text) => {
      if (inValue && cell) cell.value += text;
      else if (cell?.inInline) cell.inline?.append(text);
    },
    close: (name) => {
      if (cell?.inInline) {
        if (name === 'is') cell.inInline = false;
        else cell.inline?.close(name);
        return;
      }
      if (name === 'v') inValue = false;
      else if (name === 'c' && cell && row) {
        row.cells[cell.column] = cellValue(cell, context, row.number);
        if (cell.formula && cell.value === null) row.unsavedFormulas += 1;
        cell = null;
      } else if (name === 'row' && row) {
        const cells = row.cells;
        for (let index = 0; index < cells.length; index += 1) if (cells[index] === undefined) cells[index] = null;
        ready.push(row);
        row = null;
      }
    },
  });
  try {
    for await (const chunk of part) {
      parser.write(chunk as string);
      while (ready.length) yield ready.shift() as SheetRow;
    }
    parser.close();
    while (ready.length) yield ready.shift() as SheetRow;
  } finally {
    part.destroy();
  }
}
