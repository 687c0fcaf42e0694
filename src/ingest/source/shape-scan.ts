import { fileChunks } from './file-chunks.js';

/** What DuckDB's reader does not say about a file's records: rows with too many cells, and how long the longest is. */
export interface RecordShape {
  /** Non-empty records after the header. */
  records: number;
  /**
   * Records with more cells than the header. DuckDB reads a record whose
   * extra cells are empty (`...,text,,` with a comma inside the text) as if
   * they were not there, every value after the comma shifted one column: only
   * a pass of its own finds them.
   */
  longRecords: number;
  /** Bytes of the longest record, and where it starts. */
  maxRecordBytes: number;
  maxRecordOffset: number;
}

const LF = 0x0a;
const QUOTE = 0x22;
const ONES = 0x01010101;
const HIGHS = 0x80808080;
const LOWS = 0x7f7f7f7f;

/**
 * One pass over a UTF-8 delimited file after its header line: counts the
 * cells of every record (quotes open a field only at its start, `""` inside
 * quotes is a quote) and measures each record. It runs on every import, so
 * it looks at four bytes at a time: a word without a line feed or a quote is
 * passed whole (the "has a zero byte" test on the word XORed with each), its
 * delimiters counted from the exact zero-byte mask, and quoted text is
 * skipped with a native search.
 */
export async function scanShape(path: string, options: { delimiter: string; headerLine: number; columns: number }): Promise<RecordShape> {
  const delimiter = options.delimiter.charCodeAt(0);
  const delimiterWord = Math.imul(ONES, delimiter) >>> 0;
  const lineFeedWord = Math.imul(ONES, LF) >>> 0;
  const quoteWord = Math.imul(ONES, QUOTE) >>> 0;
  const shape: RecordShape = { records: 0, longRecords: 0, maxRecordBytes: 0, maxRecordOffset: 0 };
  let headerLinesLeft = options.headerLine;
  let inQuotes = false;
  // A quote that ended a chunk inside quoted text: closing, or the first half of "".
  let quoteAtChunkEnd = false;
  let fields = 1;
  let recordStart = 0;
  let previous = LF;
  let position = 0;

  const endRecord = (end: number): void => {
    const bytes = end - recordStart;
    // An empty line (or a lone CR) is not a record.
    if (fields > 1 || bytes > 1 || (bytes === 1 && previous !== 0x0d)) {
      shape.records += 1;
      if (fields > options.columns) shape.longRecords += 1;
      if (bytes > shape.maxRecordBytes) {
        shape.maxRecordBytes = bytes;
        shape.maxRecordOffset = recordStart;
      }
    }
    fields = 1;
    recordStart = end + 1;
  };

  for await (const chunk of fileChunks(path)) {
    const length = chunk.length;
    let at = 0;
    while (headerLinesLeft > 0 && at < length) {
      const next = chunk.indexOf(LF, at);
      if (next === -1) at = length;
      else {
        at = next + 1;
        headerLinesLeft -= 1;
        recordStart = position + at;
      }
    }
    if (quoteAtChunkEnd && at < length) {
      quoteAtChunkEnd = false;
      if (chunk[at] === QUOTE) at += 1;
      else {
        inQuotes = false;
        previous = QUOTE;
      }
    }
    // A 4-byte-aligned view of the chunk from the first aligned byte on; word w is bytes firstWord + 4w .. + 3.
    const firstWord = Math.min(length, at + ((4 - ((chunk.byteOffset + at) & 3)) & 3));
    const words = firstWord < length ? new Uint32Array(chunk.buffer, chunk.byteOffset + firstWord, (length - firstWord) >> 2) : new Uint32Array(0);
    const wordCount = words.length;
    const wordsEnd = firstWord + wordCount * 4;
    while (at < length) {
      if (inQuotes) {
        const close = chunk.indexOf(QUOTE, at);
        if (close === -1) {
          at = length;
          break;
        }
        if (close + 1 === length) {
          quoteAtChunkEnd = true;
          at = length;
          break;
        }
        if (chunk[close + 1] === QUOTE) at = close + 2;
        else {
          inQuotes = false;
          previous = QUOTE;
          at = close + 1;
        }
        continue;
      }
      if (at >= firstWord && at < wordsEnd && ((at - firstWord) & 3) === 0) {
        let word = (at - firstWord) >> 2;
        for (; word < wordCount; word += 1) {
          const value = words[word] ?? 0;
          const b = value ^ lineFeedWord;
          const c = value ^ quoteWord;
          if ((((b - ONES) & ~b) | ((c - ONES) & ~c)) & HIGHS) break;
          // No line end and no quote: the delimiters are counted without looking at the bytes one by one.
          const a = value ^ delimiterWord;
          const zeros = ~(((a & LOWS) + LOWS) | a | LOWS) & HIGHS;
          if (zeros !== 0) fields += Math.imul(zeros >>> 7, ONES) >>> 24;
        }
        const next = firstWord + (word << 2);
        if (next > at) {
          previous = chunk[next - 1] ?? previous;
          at = next;
          if (at >= length) break;
        }
      }
      // Byte by byte up to the next word boundary, or until a quote opens.
      const stop = at < firstWord ? firstWord : Math.min(length, at + 4 - ((at - firstWord) & 3));
      for (; at < stop && !inQuotes; at += 1) {
        const byte = chunk[at] ?? 0;
        if (byte === delimiter) fields += 1;
        else if (byte === LF) {
          endRecord(position + at);
        } else if (byte === QUOTE && (previous === delimiter || previous === LF)) inQuotes = true;
        previous = byte;
      }
    }
    position += length;
  }
  if (headerLinesLeft === 0 && recordStart < position) endRecord(position);
  return shape;
}
