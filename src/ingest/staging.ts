import { structValue, type DuckDBValue } from '@duckdb/node-api';
import { UserError } from '../errors.js';
import type { Store } from '../store/database.js';
import { quoteIdentifier } from './formats/sql-helpers.js';
import { scanRecords, type RecordFacts } from './source/record-scan.js';
import { FIELD_LIMIT_BYTES, type Recovery } from './source/recover.js';
import type { RecordShape } from './source/shape-scan.js';
import { CR_PLACEHOLDER } from './source/rewrite.js';
import type { PreparedSource } from './source/prepare.js';

/** The header row chosen for a file. */
export interface Layout {
  delimiter: string;
  /** 1-based line (row for workbooks) of the header. */
  headerLine: number;
  /** Staging column names, one per header cell (unique; empty cells named `column<N>`). */
  names: string[];
  /** The header's cells as the file writes them: a row that repeats them is a header again, not a post. */
  cells: string[];
}

/** How a file was read successfully: the source (a normalised copy for files that mix line ends) and whether short rows were padded. */
export interface CsvRead {
  source: PreparedSource;
  padded: boolean;
  /** DuckDB's line limit, raised for files with records longer than its default. */
  maxLineSize?: number;
}

/** DuckDB's default line limit (max_line_size), in bytes. */
const DUCKDB_LINE_LIMIT = 2_000_000;

/**
 * True when DuckDB's reader cannot take the file whole: rows with more
 * cells than the header, or a record so long a field may pass the limit.
 * The row-by-row recovery (recoverRecords) reads such files.
 */
export function needsRecovery(shape: RecordShape): boolean {
  return shape.longRecords > 0 || shape.maxRecordBytes > FIELD_LIMIT_BYTES;
}

/**
 * True when a record is longer than the line limit the file was read with.
 * DuckDB's reader refuses such a record in the middle of a file, but drops a
 * last one without a word: the read must be done again with the limit raised.
 */
export function longerThanLineLimit(shape: RecordShape, read: CsvRead): boolean {
  const needed = shape.maxRecordBytes + 4096;
  return needed > DUCKDB_LINE_LIMIT && (read.maxLineSize ?? 0) < needed;
}

/** Thrown, inside a read's transaction, when longerThanLineLimit: the message is one readWithRetries takes for a reader error, and reads again. */
export class LongRecord extends Error {
  constructor() {
    super('CSV Reader: a record is longer than the line limit it was read with');
  }
}

/** Thrown when a file turns out to need the row-by-row recovery; carries how it was being read. */
export class NeedsRecovery extends Error {
  constructor(readonly read: CsvRead) {
    super('replybench: the file needs the row-by-row recovery');
  }
}

/** A table expression over the file's records: every column VARCHAR, named as in the header, in file order. */
export interface CsvRelation {
  sql: string;
  params: Record<string, DuckDBValue>;
}

export const STAGING_TABLE = 'staging';

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * DuckDB's CSV reader over the records after the header, with every option
 * explicit so its sniffer never guesses; bare carriage returns that stood in
 * as a placeholder are turned back into CR.
 */
export function csvRelation(read: CsvRead, layout: Layout): CsvRelation {
  const columns = structValue(Object.fromEntries(layout.names.map((name) => [name, 'VARCHAR'])));
  // null_padding cannot run in parallel with quoted line breaks, so it is asked for only when rows are short.
  const padding = read.padded ? ', null_padding = true, parallel = false' : '';
  // DuckDB's buffer defaults to 16 lines of max_line_size (1 GB for a 63 MB field, past the import's memory limit): two are enough.
  const lineSize = read.maxLineSize ? ', max_line_size = $csv_max_line_size, buffer_size = $csv_buffer_size' : '';
  // The file is text (sniffFile refused anything else): a name ending .gz or .zst must not make DuckDB decompress it.
  const reader = `read_csv($csv_path, auto_detect = false, header = false, skip = $csv_skip, delim = $csv_delim, quote = '"', escape = '"', compression = 'none', columns = $csv_columns${padding}${lineSize})`;
  const params: Record<string, DuckDBValue> = { csv_path: read.source.readPath, csv_skip: layout.headerLine, csv_delim: layout.delimiter, csv_columns: columns };
  if (read.maxLineSize) {
    params.csv_max_line_size = read.maxLineSize;
    params.csv_buffer_size = read.maxLineSize * 2;
  }
  if (!read.source.hasCrPlaceholder) return { sql: reader, params };
  params.csv_cr = CR_PLACEHOLDER;
  const restored = layout.names.map((name) => `replace(${quoteIdentifier(name)}, $csv_cr, chr(13)) AS ${quoteIdentifier(name)}`).join(', ');
  return { sql: `(SELECT ${restored} FROM ${reader})`, params };
}

/** How to read a prepared file before anything is known about its rows. */
export function firstRead(source: PreparedSource): CsvRead {
  return { source, padded: source.ragged };
}

/** How to read the rewrite of a recovered file. Written back as CSV, a record may grow (quotes are doubled): DuckDB is given room for twice its length. */
export function recoveredRead(recovery: Recovery): CsvRead {
  return { source: recovery.source, padded: false, ...(recovery.maxRecordBytes > 900_000 ? { maxLineSize: recovery.maxRecordBytes * 2 + 4096 } : {}) };
}

function isCsvError(message: string): boolean {
  // "The Parallel CSV Reader currently does not support a full read on this file": an unquoted field longer than its buffer, which a larger max_line_size reads.
  return /CSV Error|CSV Parser|CSV Reader|unterminated quote|Expected Number of Columns|CSV file|read_csv/i.test(message);
}

/**
 * Runs `create` over the file's records, adapting to what the file turns out
 * to be: rows shorter than the header are padded with empty cells, a file
 * that mixes line ends, or a CRLF file the reader stops on, is re-read from a
 * copy with LF line ends. Anything else the
 * reader refuses becomes a one-line UserError located by a quote-aware pass.
 * `create` also gets the way the file is being read, so a caller that stops
 * on an error of its own knows how to read the file next time.
 */
export async function readWithRetries(
  start: CsvRead,
  layout: Layout,
  create: (relation: CsvRelation, read: CsvRead) => Promise<void>,
  shape?: Promise<RecordShape>,
): Promise<CsvRead> {
  const read: CsvRead = { ...start };
  let normalised = false;
  // DuckDB reads no row, and says nothing, when the lines it skips above the header (a title) end otherwise than the
  // header's (a title ending in LF above CRLF lines): such a file is read from a copy whose lines above the header end as
  // the header does, its texts' line breaks kept.
  if (lineEndsChangeAtHeader(read.source.head.text, layout.headerLine)) read.source = await read.source.alignLinesAbove(layout.headerLine);
  for (;;) {
    try {
      await create(csvRelation(read, layout), read);
      if (!shape || !longerThanLineLimit(await shape, read)) return read;
      throw new LongRecord();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isCsvError(message)) throw error;
      // What the reader stumbled on may be what the shape pass found: too many cells, or a long record.
      if (shape) {
        const facts = await shape;
        if (needsRecovery(facts)) throw new NeedsRecovery(read);
        const needed = facts.maxRecordBytes + 4096;
        if (needed > DUCKDB_LINE_LIMIT && (read.maxLineSize ?? 0) < needed) {
          read.maxLineSize = needed;
          continue;
        }
      }
      const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
      if (columns && Number(columns[2]) < Number(columns[1]) && !read.padded) {
        read.padded = true;
        continue;
      }
      if (!normalised && /reached an invalid state/.test(message)) {
        normalised = true;
        read.source = await read.source.normalizeLineEnds('mixed');
        continue;
      }
      // DuckDB's reader also stops on Windows line ends after a run of blank lines longer than its line limit (2 MB), which it reads
      // whole as LF. Only a file whose own lines end in CRLF (its first line does) is read again so: in a file of LF lines, a CRLF
      // inside a quoted text is text, to keep as it is.
      if (!normalised && /^[^\n]*\r\n/.test(read.source.head.text)) {
        normalised = true;
        read.source = await read.source.normalizeLineEnds('crlf');
        continue;
      }
      throw await explainReadError(read.source, layout, error);
    }
  }
}

/** Whether one of the lines above the header (1-based `headerLine`) ends in CRLF where the header ends in LF, or the other way round. */
export function lineEndsChangeAtHeader(headText: string, headerLine: number): boolean {
  if (headerLine <= 1) return false;
  const lines = headText.split('\n').slice(0, headerLine);
  if (lines.length < headerLine) return false;
  const crlf = (line: string) => line.endsWith('\r');
  const header = crlf(lines[headerLine - 1] ?? '');
  return lines.slice(0, headerLine - 1).some((line) => crlf(line) !== header);
}

/** The raw records as the temporary table `staging` (rowid = record index), read the way `read` succeeded. */
export async function createStaging(store: Store, read: CsvRead, layout: Layout): Promise<void> {
  const relation = csvRelation(read, layout);
  await store.run(`CREATE OR REPLACE TEMP TABLE ${STAGING_TABLE} AS SELECT * FROM ${relation.sql}`, relation.params);
}

export async function dropStaging(store: Store): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
}

/** A one-line UserError for a file DuckDB could not read, located by a quote-aware pass over the file. */
async function explainReadError(source: PreparedSource, layout: Layout, error: unknown): Promise<UserError> {
  const cannotRead = new UserError(
    `${source.path}: cannot read the file as ${describeDelimiter(layout.delimiter)}-separated text (${firstLine(error)}). Check that it is a CSV/TSV export.`,
  );
  let facts: RecordFacts;
  try {
    facts = await scanRecords(source.readPath, { delimiter: layout.delimiter, headerLine: layout.headerLine, columns: layout.names.length });
  } catch {
    return cannotRead;
  }
  const at = (line: number, record: number): string => `${source.path}:${source.lineUnit === 'row' ? layout.headerLine + 1 + record : line}`;
  if (facts.unterminatedQuoteLine !== null) {
    return new UserError(
      `${source.path}:${facts.unterminatedQuoteLine}: a quoted field starts here and is never closed (the file may be cut short, or a " is missing). Export the file again, or fix the quote on that line.`,
    );
  }
  if (facts.strayQuoteLine !== null) {
    return new UserError(`${source.path}:${facts.strayQuoteLine}: text follows a closing quote ("abc"def), so the quoting is broken. Fix the quotes on that line, or export the file again.`);
  }
  const long = facts.longRecords.first;
  if (long) {
    return new UserError(
      `${at(long.line, long.record)}: this row has ${long.fields} cells but the header (line ${layout.headerLine}) has ${layout.names.length}` +
        `${facts.longRecords.count > 1 ? ` (${facts.longRecords.count} rows like this)` : ''}; a ${describeDelimiter(layout.delimiter)} inside an unquoted text? Fix the row, or export the file again with quoted texts.`,
    );
  }
  return cannotRead;
}

export function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'TAB' : delimiter === ';' ? 'semicolon' : delimiter === ',' ? 'comma' : `"${delimiter}"`;
}
