import { fileChunks } from './file-chunks.js';

/** Where each CSV record of a file starts, and what is structurally wrong with the file, found by a quote-aware pass. */
export interface RecordFacts {
  /** Records DuckDB reads after the header (completely empty lines are not records unless the file has one column). */
  records: number;
  /**
   * Line of record `record` is `line + (record - breakpoint.record)` for the
   * last breakpoint at or before it; a new breakpoint follows every record
   * that spans several lines and every run of empty lines.
   */
  breakpoints: Array<{ record: number; line: number }>;
  emptyLines: number;
  longRecords: { count: number; first: RecordProblem | null };
  shortRecords: { count: number; first: RecordProblem | null };
  /** Line where a quoted field opens that the file never closes. */
  unterminatedQuoteLine: number | null;
  /** First line with text right after a closing quote (`"abc"def`). */
  strayQuoteLine: number | null;
  /**
   * The last record, when the file ends inside it: no line end after it, and
   * fewer cells than the header while every record before it had them all (an
   * export cut short, not one that leaves out trailing empty cells).
   */
  cutShort: RecordProblem | null;
}

/** A record whose number of cells differs from the header's: its first line, its 0-based index, its cell count. */
export interface RecordProblem {
  line: number;
  record: number;
  fields: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * Walks the records of a UTF-8 delimited file after its header line
 * (`headerLine`, 1-based), following the same rules as the DuckDB reader the
 * import uses: fields quoted with `"` (doubled inside), LF or CRLF line ends,
 * empty lines skipped when there is more than one column. Only used when line
 * numbers or a structural error must be reported, so it favours being exact
 * over being fast.
 */
export async function scanRecords(path: string, options: { delimiter: string; headerLine: number; columns: number }): Promise<RecordFacts> {
  const delimiter = options.delimiter.charCodeAt(0);
  const facts: RecordFacts = {
    records: 0,
    breakpoints: [{ record: 0, line: options.headerLine + 1 }],
    emptyLines: 0,
    longRecords: { count: 0, first: null },
    shortRecords: { count: 0, first: null },
    unterminatedQuoteLine: null,
    strayQuoteLine: null,
    cutShort: null,
  };
  let line = 1;
  let inQuotes = false;
  let afterQuote = false;
  let fieldStart = true;
  let hasContent = false;
  let fields = 1;
  let recordLine = options.headerLine + 1;
  let quoteLine = 0;

  const endRecord = (): void => {
    if (!hasContent && options.columns > 1) {
      facts.emptyLines += 1;
    } else {
      const last = facts.breakpoints[facts.breakpoints.length - 1] ?? { record: 0, line: 0 };
      if (last.line + (facts.records - last.record) !== recordLine) facts.breakpoints.push({ record: facts.records, line: recordLine });
      if (fields > options.columns) {
        facts.longRecords.count += 1;
        facts.longRecords.first ??= { line: recordLine, record: facts.records, fields };
      } else if (fields < options.columns && hasContent) {
        facts.shortRecords.count += 1;
        facts.shortRecords.first ??= { line: recordLine, record: facts.records, fields };
      }
      facts.records += 1;
    }
    fields = 1;
    fieldStart = true;
    hasContent = false;
    afterQuote = false;
  };

  for await (const chunk of fileChunks(path)) {
    const length = chunk.length;
    let at = 0;
    while (line <= options.headerLine && at < length) {
      const next = chunk.indexOf(LF, at);
      if (next === -1) {
        at = length;
        break;
      }
      line += 1;
      at = next + 1;
    }
    for (; at < length; at += 1) {
      const byte = chunk[at];
      if (inQuotes) {
        if (byte === QUOTE) {
          inQuotes = false;
          afterQuote = true;
        } else if (byte === LF) line += 1;
        continue;
      }
      if (afterQuote) {
        afterQuote = false;
        if (byte === QUOTE) {
          inQuotes = true;
          continue;
        }
        if (byte !== delimiter && byte !== LF && byte !== CR) facts.strayQuoteLine ??= line;
      }
      if (byte === delimiter) {
        fields += 1;
        fieldStart = true;
        hasContent = true;
      } else if (byte === LF) {
        line += 1;
        endRecord();
        recordLine = line;
      } else if (byte === QUOTE && fieldStart) {
        inQuotes = true;
        quoteLine = line;
        fieldStart = false;
        hasContent = true;
      } else if (byte !== CR) {
        fieldStart = false;
        hasContent = true;
      }
    }
  }
  if (inQuotes) facts.unterminatedQuoteLine = quoteLine;
  else if (hasContent) {
    if (fields < options.columns && facts.shortRecords.count === 0) facts.cutShort = { line: recordLine, record: facts.records, fields };
    endRecord();
  }
  return facts;
}

/** The line of record `record` (0-based, in DuckDB's order) according to `facts`. */
export function lineOfRecord(facts: Pick<RecordFacts, 'breakpoints'>, record: number): number {
  let low = 0;
  let high = facts.breakpoints.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((facts.breakpoints[middle]?.record ?? 0) <= record) low = middle;
    else high = middle - 1;
  }
  const point = facts.breakpoints[low] ?? { record: 0, line: 1 };
  return point.line + (record - point.record);
}
