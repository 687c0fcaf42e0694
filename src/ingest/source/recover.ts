import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import Papa from 'papaparse';
import { UserError } from '../../errors.js';
import { linesAt } from './byte-scan.js';
import type { PreparedSource } from './prepare.js';
import type { RecordShape } from './shape-scan.js';
import { abandonWrite } from './abandon-write.js';
import { CR_PLACEHOLDER } from './rewrite.js';

/** The longest field replybench stores. DuckDB reads lines up to this size when told to; longer ones are rejected. */
export const FIELD_LIMIT_BYTES = 64 * 1024 * 1024;
/** A record this long is not read at all: the file is refused (a JavaScript string could not even hold it twice). */
export const RECORD_LIMIT_BYTES = 256 * 1024 * 1024;
/** How much of a rejected row over the field limit import_rejects keeps. */
const KEPT_RAW_CHARACTERS = 64 * 1024;

/** A row the recovery pass could not keep: where it starts in the original file, why, and its text. */
export interface StructuralReject {
  line: number;
  /** Its place among the file's records (0 = the first after the header; empty lines are none), as DuckDB numbers the records it reads. */
  record: number;
  reason: string;
  raw: string;
}

export interface Recovery {
  /** The rows that fit, rewritten one per record, with the original line of each (`recordLines`). */
  source: PreparedSource;
  rejects: StructuralReject[];
  /** The longest kept record, in bytes: DuckDB must be told to read lines that long. */
  maxRecordBytes: number;
}

interface Columns {
  delimiter: string;
  headerLine: number;
  names: readonly string[];
}

/** The reason a row with more cells than the header is rejected with. */
export function tooManyCellsReason(columns: number, delimiter: string): string {
  const name = delimiter === '\t' ? 'TAB' : delimiter === ';' ? 'semicolon' : delimiter === ',' ? 'comma' : `"${delimiter}"`;
  return `more cells than the header's ${columns} (a ${name} inside an unquoted text?): its values would land in the wrong columns`;
}

export const FIELD_TOO_LONG_REASON = 'a field is longer than 64 MB, the most replybench reads';

function countOf(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count += 1;
  return count;
}

function fieldTooLong(cells: readonly string[]): boolean {
  // A character is at most 3 bytes in UTF-8 (4 for a surrogate pair, which is 2 characters).
  return cells.some((cell) => cell.length * 3 > FIELD_LIMIT_BYTES && Buffer.byteLength(cell) > FIELD_LIMIT_BYTES);
}

function keptRaw(placeheld: string): string {
  // The text as the file holds it: the bare CRs the rewrite stood a placeholder in for (CR_PLACEHOLDER) are CRs again.
  const raw = placeheld.split(CR_PLACEHOLDER).join('\r');
  return raw.length <= KEPT_RAW_CHARACTERS ? raw : `${raw.slice(0, KEPT_RAW_CHARACTERS)} [... ${(raw.length - KEPT_RAW_CHARACTERS).toLocaleString('en-US')} more characters not kept]`;
}

/** A file that ends inside its last row: the export was cut short, and the row (and what followed it) is lost. */
export function cutShortError(path: string, line: number, cells: number, width: number): UserError {
  return new UserError(`${path}:${line}: the file ends inside this row (${cells} of the header's ${width} cells, and no line end), so the export was cut short; export it again.`);
}

/**
 * The row-by-row path for files DuckDB's reader cannot take whole: rows with
 * more cells than the header (a delimiter inside an unquoted text shifts
 * every value after it) and fields over DuckDB's line limit. papaparse reads
 * every record; the records that fit the header are written, one per
 * record, to a new file that DuckDB then reads, each with the line where it
 * starts in the original; the others become rejects with their line, reason
 * and text. Extra cells that are all empty on most rows are the file's own
 * trailing delimiter, not damage: those rows keep their first cells.
 */
export async function recoverRecords(source: PreparedSource, columns: Columns, shape: RecordShape): Promise<Recovery> {
  if (shape.maxRecordBytes > RECORD_LIMIT_BYTES) {
    const [line] = await linesAt(source.readPath, [shape.maxRecordOffset]);
    throw new UserError(
      `${source.path}:${line ?? '?'}: this row is ${Math.round(shape.maxRecordBytes / 1024 / 1024)} MB long, more than replybench can read (fields up to 64 MB); a quote may be missing. Fix the row, or export the file again.`,
    );
  }
  // Records end at LF; the CR of a CRLF end is taken off the last cell below (bare CRs are placeholders by now).
  const newline = '\n';
  const width = columns.names.length;
  const trailingDelimiterStyle = shape.longRecords * 2 > shape.records;
  const target = source.tempPath('recovered.csv');
  const out = createWriteStream(target);
  const closed = once(out, 'close');

  const rejects: StructuralReject[] = [];
  const recordLines: Array<{ record: number; line: number }> = [];
  const short = { count: 0, firstLine: 0 };
  let written = 0;
  let records = 0;
  let maxRecordBytes = 0;
  let line = columns.headerLine + 1;
  let sheetRow = columns.headerLine + 1;
  let pendingOutput: string[][] = [];
  let failure: UserError | null = null;

  const flush = async (): Promise<void> => {
    if (pendingOutput.length === 0) return;
    const text = `${Papa.unparse(pendingOutput, { delimiter: columns.delimiter, newline: '\n' })}\n`;
    pendingOutput = [];
    if (!out.write(text)) await once(out, 'drain');
  };

  const handleRow = (cells: string[], raw: string): void => {
    const recordLine = source.lineUnit === 'row' ? sheetRow : line;
    sheetRow += 1;
    line += countOf(raw, '\n');
    const text = raw.endsWith('\r\n') ? raw.slice(0, -2) : raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    const last = cells.length - 1;
    // papaparse takes the CR of a CRLF end for part of an unquoted last cell (after a quoted one, it skips it).
    if (raw.endsWith('\r\n') && cells[last]?.endsWith('\r')) cells[last] = (cells[last] ?? '').slice(0, -1);
    // An empty line is not a record (DuckDB skips it), except in a one-column file.
    if (text === '' && width > 1) return;
    const record = records++;
    let reason: string | null = null;
    if (fieldTooLong(cells)) reason = FIELD_TOO_LONG_REASON;
    else if (cells.length > width) {
      const extrasEmpty = cells.slice(width).every((cell) => cell.trim() === '');
      if (extrasEmpty && trailingDelimiterStyle) cells = cells.slice(0, width);
      else reason = tooManyCellsReason(width, columns.delimiter);
    }
    if (reason) {
      rejects.push({ line: recordLine, record, reason, raw: keptRaw(text) });
      return;
    }
    // Only the file's last record can lack its line end: short too, the only short one, the file ends inside it.
    if (cells.length < width && short.count === 0 && !raw.endsWith('\n') && !failure) failure = cutShortError(source.path, recordLine, cells.length, width);
    if (cells.length < width) {
      if (short.count === 0) short.firstLine = recordLine;
      short.count += 1;
      while (cells.length < width) cells.push('');
    }
    const breakpoint = recordLines[recordLines.length - 1];
    if (!breakpoint || breakpoint.line + (written - breakpoint.record) !== recordLine) recordLines.push({ record: written, line: recordLine });
    written += 1;
    maxRecordBytes = Math.max(maxRecordBytes, text.length * 3 > 1_000_000 ? Buffer.byteLength(text) : text.length);
    pendingOutput.push(cells);
  };

  let aggregate = '';
  let consumed = 0;
  const parser = new Papa.Parser({
    delimiter: columns.delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    // The low-level parser hands each step the rows since the last one: exactly one.
    step: (results: Papa.ParseStepResult<string[][]>) => {
      const cursor = results.meta.cursor;
      const raw = aggregate.slice(consumed, cursor);
      consumed = cursor;
      const error = results.errors[0];
      if (error && !failure) {
        failure = new UserError(
          error.code === 'MissingQuotes'
            ? `${source.path}:${line}: a quoted field starts here and is never closed (the file may be cut short, or a " is missing). Export the file again, or fix the quote on that line.`
            : `${source.path}:${line}: text follows a closing quote ("abc"def), so the quoting is broken. Fix the quotes on that line, or export the file again.`,
        );
      }
      if (!failure) handleRow(results.data[0] ?? [], raw);
    },
  });

  try {
    const reader = createReadStream(source.readPath, { encoding: 'utf8', highWaterMark: Math.min(RECORD_LIMIT_BYTES, Math.max(1 << 20, shape.maxRecordBytes * 2)) });
    let headerLinesLeft = columns.headerLine;
    let headerText = '';
    for await (const raw of reader) {
      let chunk = raw as string;
      while (headerLinesLeft > 0 && chunk !== '') {
        const end = chunk.indexOf('\n');
        const upTo = end === -1 ? chunk.length : end + 1;
        // Header lines keep their text but end in LF, like every record written after them.
        headerText += chunk.slice(0, upTo).replace(/\r\n$/, '\n');
        chunk = chunk.slice(upTo);
        if (end !== -1) headerLinesLeft -= 1;
      }
      if (headerText !== '') {
        // The header lines are copied as they are, so the rewrite is read with the same layout.
        if (!out.write(headerText)) await once(out, 'drain');
        headerText = '';
      }
      aggregate = aggregate.slice(consumed) + chunk;
      consumed = 0;
      // The last record of the text may be cut: it waits for the next chunk.
      parser.parse(aggregate, 0, true);
      if (failure) throw failure;
      await flush();
    }
    aggregate = aggregate.slice(consumed);
    consumed = 0;
    if (aggregate !== '') parser.parse(aggregate, 0, false);
    if (failure) throw failure;
    await flush();
    out.end();
    await closed;
  } catch (error) {
    abandonWrite(out, closed);
    throw error;
  }

  const warnings = [...source.warnings];
  if (short.count > 0) warnings.push({ code: 'short-rows', count: short.count, width, unit: source.lineUnit, line: short.firstLine });
  const recovered: PreparedSource = {
    ...source,
    readPath: target,
    ragged: false,
    warnings,
    recordLines,
    // Every record of the rewrite ends in LF already.
    normalizeLineEnds: async () => recovered,
    alignLinesAbove: async () => recovered,
  };
  return { source: recovered, rejects, maxRecordBytes };
}
