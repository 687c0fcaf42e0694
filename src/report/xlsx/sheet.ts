import type ExcelJS from 'exceljs';
import type { Cell, CellKind } from '../model/cells.js';
import { plainText, readsAsFormula } from '../../plain-text.js';

const NUMBER_FORMATS: Record<CellKind, string | null> = {
  text: null,
  count: '#,##0',
  share: '0.0%',
  points: '+0.0;-0.0;0.0',
  relativeChange: '+0.0%;-0.0%;0.0%',
  minutes: '0.0',
  ratio: '0.00',
  dateTime: 'yyyy-mm-dd hh:mm',
  day: 'yyyy-mm-dd',
  month: 'mmm yyyy',
  boolean: null,
};

/** Characters a number or date of each kind takes on screen, for column widths. */
const SHOWN_WIDTH: Partial<Record<CellKind, number>> = { share: 7, relativeChange: 7, dateTime: 16, day: 10, month: 8, boolean: 6 };

/** Decimals each number format shows, counted on the cell's value (a share of 0.0% shows three). */
const SHOWN_DECIMALS: Partial<Record<CellKind, number>> = { share: 3, points: 1, relativeChange: 3, minutes: 1, ratio: 2 };

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * Text as it goes into a cell: what XML cannot hold is dropped (plainText).
 * A text that a spreadsheet would read as a formula (leading = + - @) stays
 * a string cell, never a formula: exceljs writes every string as a shared
 * string, and such cells get the Text number format, so Excel keeps them
 * text even when someone edits them.
 */
export function cellText(text: string): { text: string; formulaLike: boolean } {
  const plain = Array.from(plainText(text)).slice(0, MAX_CELL_TEXT).join('');
  return { text: plain, formulaLike: readsAsFormula(plain) };
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
export function sheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = Array.from(plainText(wanted).replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31).join('');
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return name;
}

/**
 * One table on its own sheet: a bold header row that stays frozen while
 * scrolling, a filter on every column, real numbers and dates with their
 * formats, columns as wide as what they show, and a print setup.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly Cell[][]): ExcelJS.Worksheet {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  const sheet = workbook.addWorksheet(sheetName(name, taken), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const widths = headers.map((header) => Math.min(Math.max(longestWord(header), Math.min(header.length, 24)), 40));
  const headerRow = sheet.addRow(headers.map((header) => cellText(header).text));
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'bottom', wrapText: true };
  for (const values of rows) {
    const row = sheet.addRow([]);
    values.forEach((value, index) => {
      const target = row.getCell(index + 1);
      widths[index] = Math.max(widths[index] ?? 8, shownWidth(value));
      if (value.value === null) return;
      if (typeof value.value === 'string') {
        const { text, formulaLike } = cellText(value.value);
        target.value = text;
        if (formulaLike) target.numFmt = '@';
        return;
      }
      target.value = typeof value.value === 'number' ? shownSign(value.value, value.kind) : value.value;
      const numFmt = NUMBER_FORMATS[value.kind];
      if (numFmt) target.numFmt = numFmt;
    });
  }
  const columnWidths = widths.map((width) => Math.min(Math.max(width + 2, 10), 60));
  columnWidths.forEach((width, index) => {
    // exceljs leaves a width of 9 (its default) out of the file; 10 is written.
    sheet.getColumn(index + 1).width = width;
  });
  wrapLongTexts(sheet, rows);
  const lines = Math.max(1, ...headers.map((header, index) => Math.ceil(header.length / Math.max(1, (widths[index] ?? 10) + 1))));
  headerRow.height = LINE_HEIGHT * Math.min(lines, MAX_HEADER_LINES);
  if (headers.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
  // Printed, the table fits the page width (as many pages down as it needs) with its header row on each page. A table
  // wider than a readable page (the leaderboard's 32 columns printed at about 3 pt on one) takes more pages across,
  // each with its first column (the brand) again.
  const landscape = headers.length > 6;
  const pagesWide = Math.max(1, Math.ceil(columnWidths.reduce((sum, width) => sum + width, 0) / (landscape ? READABLE_PAGE_WIDTH : READABLE_PORTRAIT_WIDTH)));
  sheet.pageSetup = {
    orientation: landscape ? 'landscape' : 'portrait',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    ...(pagesWide > 1 ? { printTitlesColumn: 'A:A' } : {}),
    horizontalCentered: true,
  };
  return sheet;
}

/** The columns' widths (in characters) an A4 landscape page prints at a readable size, about 7 pt. */
const READABLE_PAGE_WIDTH = 200;
/** The same on an A4 portrait page. */
const READABLE_PORTRAIT_WIDTH = 140;

/** Lines a header may wrap on: the longest, a flag column's in French, takes five. */
const MAX_HEADER_LINES = 6;
/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;
/** Points a wrapped line of text takes at the default font. */
const LINE_HEIGHT = 15;

/**
 * Texts longer than their column (a definition, a note) wrap inside it, from the top of a row tall enough for their
 * lines: unwrapped, each would run on one line across the next columns, and the page printed one page wide would be
 * unreadable. The height is set, not left to the spreadsheet: Excel does not fit a row to text it did not type itself.
 */
function wrapLongTexts(sheet: ExcelJS.Worksheet, rows: readonly Cell[][]): void {
  rows.forEach((values, index) => {
    const lines = values.map((value, column) => {
      if (typeof value.value !== 'string') return 1;
      const width = Math.max(1, (sheet.getColumn(column + 1).width ?? 10) - 2);
      return Math.ceil(Array.from(value.value).length / width);
    });
    const tallest = Math.max(1, ...lines);
    if (tallest === 1) return;
    const row = sheet.getRow(index + 2);
    row.height = Math.min(MAX_ROW_HEIGHT, LINE_HEIGHT * tallest);
    // The row's other cells from its top too, beside the text they go with.
    lines.forEach((needed, column) => {
      row.getCell(column + 1).alignment = needed > 1 ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
    });
  });
}

/** A negative number its format rounds to zero is written as 0: Excel would show -0.0 where the summary prints 0.0. */
function shownSign(value: number, kind: CellKind): number {
  const decimals = SHOWN_DECIMALS[kind];
  if (decimals === undefined || value >= 0) return value;
  return Math.round(-value * 10 ** decimals) === 0 ? 0 : value;
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => word.length));
}

function shownWidth(value: Cell): number {
  if (value.value === null) return 0;
  if (typeof value.value === 'string') return Math.min(Array.from(value.value).length, 60);
  const fixed = SHOWN_WIDTH[value.kind];
  if (fixed !== undefined) return fixed;
  if (typeof value.value === 'number') {
    const digits = value.kind === 'count' ? Math.round(value.value).toLocaleString('en-US') : value.value.toFixed(value.kind === 'ratio' ? 2 : 1);
    return digits.length;
  }
  return 10;
}
