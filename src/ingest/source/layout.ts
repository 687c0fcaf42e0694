import { CR_PLACEHOLDER } from './rewrite.js';

/** A line that may be the header row, with the delimiter that splits it. */
export interface HeaderCandidate {
  delimiter: string;
  /** 1-based physical line (LF-counted) of the header row. */
  line: number;
  /** Header cells as read: trimmed, byte-order mark and CR placeholder undone. */
  cells: string[];
}

export const DELIMITERS = [',', ';', '\t'] as const;

interface HeadRecord {
  line: number;
  cells: string[];
}

/**
 * Splits the start of a file into records (RFC 4180 quoting with `"`).
 * `complete` says the text is the whole file; otherwise the last record,
 * which may be cut, is dropped.
 */
export function parseHeadRecords(text: string, delimiter: string, maxRecords: number, complete: boolean): HeadRecord[] {
  const records: HeadRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  for (let at = 0; at < text.length && records.length < maxRecords; at += 1) {
    const char = text[at];
    if (inQuotes) {
      if (char === '"') {
        if (text[at + 1] === '"') {
          cell += '"';
          at += 1;
        } else inQuotes = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') inQuotes = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n') {
      cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else cell += char;
  }
  if (complete && records.length < maxRecords && (cell !== '' || cells.length > 0)) records.push({ line: recordLine, cells: [...cells, cell] });
  return records;
}

/** The delimiter a first line `sep=<character>` names (Excel's): comma, semicolon, TAB or |, the ones a mapping may name too; else null. */
export function excelSeparator(headText: string): string | null {
  return /^\uFEFF?sep=([,;|\t])\r?(\n|$)/i.exec(headText)?.[1] ?? null;
}

function cleanCell(cell: string, first: boolean): string {
  const restored = cell.split(CR_PLACEHOLDER).join('\r');
  return (first ? restored.replace(/^\uFEFF/, '') : restored).trim();
}

function isEmptyRecord(record: HeadRecord): boolean {
  return record.cells.every((cell) => cell.trim() === '');
}

/** The most lines of one filled cell a title above a header is taken to have. */
const TITLE_LINES = 3;

/**
 * The rows that may be the header, best first. The first non-empty line is
 * the usual header; exports such as Brandwatch's put report metadata first
 * and end it with a line of delimiters (an empty row in a workbook), so the
 * line after each such separator (in the first 40 records) is a candidate too, and so is the line after
 * a title, the first lines of one filled cell each (TITLE_LINES at most). Delimiters are ranked by
 * how many columns the first line, or the line after the first separator, splits into. A first line
 * `sep=;`, which Excel writes and reads to name a CSV's delimiter, names it (unless `delimiters` is the
 * one the user gave) and is no header.
 */
export function headerCandidates(headText: string, complete: boolean, delimiters: readonly string[] = DELIMITERS): HeaderCandidate[] {
  const named = excelSeparator(headText);
  const tried = named !== null && delimiters === DELIMITERS ? [named] : delimiters;
  const perDelimiter = tried.map((delimiter) => {
    const records = parseHeadRecords(headText, delimiter, 60, complete);
    const found: HeaderCandidate[] = [];
    const firstIndex = records.findIndex((record) => !isEmptyRecord(record) && !(named !== null && record.line === 1));
    const first = records[firstIndex];
    if (first) found.push({ delimiter, line: first.line, cells: first.cells.map((cell, index) => cleanCell(cell, first.line === 1 && index === 0)) });
    // After each separator: a preamble may hold an empty line of its own before the one that ends it.
    const starts = new Set<HeadRecord>();
    records.forEach((record, index) => {
      if (firstIndex === -1 || index <= firstIndex || index >= 40 || !isEmptyRecord(record)) return;
      const next = records.slice(index + 1).find((candidate) => !isEmptyRecord(candidate));
      if (next) starts.add(next);
    });
    // A title of a line or a few right above the header ("Customer care export", "October 2017": one cell filled each): the
    // first line of two cells or more after them is a candidate too.
    const filled = (record: HeadRecord) => record.cells.filter((cell) => cell.trim() !== '').length;
    const lines = firstIndex === -1 ? [] : records.slice(firstIndex).filter((record) => !isEmptyRecord(record));
    const titleLines = lines.findIndex((record) => filled(record) >= 2);
    const afterTitle = titleLines >= 1 && titleLines <= TITLE_LINES ? lines[titleLines] : undefined;
    if (afterTitle) starts.add(afterTitle);
    for (const start of starts) found.push({ delimiter, line: start.line, cells: start.cells.map((cell) => cleanCell(cell, false)) });
    // The delimiter is judged on the first line and the one after the first separator only: rows of data after empty
    // lines, a text full of semicolons among them, would make a comma file look semicolon-separated.
    const width = Math.max(0, ...found.slice(0, 2).map((candidate) => candidate.cells.length));
    return { width, found };
  });
  return perDelimiter
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.width - a.width || a.order - b.order)
    .flatMap((entry) => entry.found);
}

/** The 1-based positions of the header cells that name `column` (trimmed, case-insensitive): more than one when the header repeats it. */
export function positionsOf(cells: readonly string[], column: string): number[] {
  const wanted = column.trim().toLowerCase();
  return cells.flatMap((cell, index) => (cell.trim().toLowerCase() === wanted ? [index + 1] : []));
}

/**
 * Names for the staging table's columns: the header cells, with an empty
 * cell named `column<N>` (its 0-based position, as DuckDB and pandas do for
 * unnamed columns) and a repeated name suffixed `_2`, `_3`, ...
 */
export function stagingNames(cells: readonly string[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell === '' ? `column${index}` : cell;
    let name = base;
    for (let copy = 2; used.has(name.toLowerCase()); copy += 1) name = `${base}_${copy}`;
    used.add(name.toLowerCase());
    return name;
  });
}
