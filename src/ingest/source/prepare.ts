import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { CRASH_STEPS, crashPoint } from '../../crash-point.js';
import { makeTempFolder } from '../../temp-files.js';
import { type ImportNotice, NAMES_SHOWN } from '../notices.js';
import { endsWithLineEnd, linesAt, scanBytes, type ByteFacts, utf8Evidence } from './byte-scan.js';
import { rewriteAsUtf8, type RewriteOptions, type TextEncoding } from './rewrite.js';
import { NotAnExport, readHeadBytes, sniffFile } from './sniff.js';
import { xlsxToCsv } from './xlsx.js';

/** The encoding a file was read in, as reported to the user and stored in import_batches. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'macintosh' | 'xlsx';

/** A file made ready for DuckDB's CSV reader, with what was learnt on the way. */
export interface PreparedSource {
  /** The path the user gave. */
  path: string;
  /** The UTF-8 file DuckDB reads: the original when it needed no change, else a temporary rewrite. */
  readPath: string;
  encoding: SourceEncoding;
  sha256: string;
  /** `row` for workbooks: positions are sheet rows, which multi-line cells do not shift. */
  lineUnit: 'line' | 'row';
  /** Bare carriage returns stand as a placeholder in `readPath`; staging turns them back. */
  hasCrPlaceholder: boolean;
  /** Rows may have fewer cells than the header (workbooks do). */
  ragged: boolean;
  /**
   * Set when `readPath` is a rewrite that left rows out (see recoverRecords):
   * the original line of each record, as breakpoints (record `r` starts on
   * `line + r - record` of the last breakpoint at or before it).
   */
  recordLines?: Array<{ record: number; line: number }>;
  /** The start of `readPath` as text, and whether it is the whole file. */
  head: { text: string; complete: boolean };
  warnings: ImportNotice[];
  /** Rewrites the original with CRLF turned into LF, warning of the `cause` that made DuckDB's reader need it; returns the new source. */
  normalizeLineEnds(cause: Extract<ImportNotice, { code: 'line-ends' }>['cause']): Promise<PreparedSource>;
  /**
   * A copy whose lines above the header (1-based `headerLine`) end as the header does, the rest byte for byte: the lines
   * of a title, which hold no post, changed, the texts' line breaks kept; the source itself where they cannot be found.
   */
  alignLinesAbove(headerLine: number): Promise<PreparedSource>;
  /** A path in the source's temporary folder (removed by `cleanup`). */
  tempPath(name: string): string;
  /** Deletes the temporary files. */
  cleanup(): void;
}

const HEAD_TEXT_BYTES = 256 * 1024;

/**
 * UTF-8 unless the evidence says otherwise: Windows-1252 when the file has
 * more broken UTF-8 sequences than valid multi-byte ones (counted in a second
 * pass, only for a file with invalid bytes). A UTF-8 file with a few stray
 * bytes stays UTF-8 (they become U+FFFD): reading it all as Windows-1252
 * would garble every other non-ASCII letter. A Windows-1252 file can hold a
 * valid sequence by chance ("ß“" are the bytes of a UTF-8 letter), which one
 * such pair must not make UTF-8. Such a file whose lines end in CR is Mac Roman:
 * what Excel for Mac's "CSV (Macintosh)" writes, old Mac line ends and all.
 */
async function chooseTextEncoding(file: string, facts: ByteFacts): Promise<TextEncoding> {
  if (facts.invalidUtf8.count === 0) return 'utf-8';
  const { sequences, broken } = await utf8Evidence(file);
  if (broken <= sequences) return 'utf-8';
  return carriageReturnEndsLines(facts) ? 'macintosh' : 'windows-1252';
}

/** The warning for a UTF-8 file with a few invalid bytes, naming their lines. */
async function invalidBytesWarning(path: string, facts: ByteFacts): Promise<ImportNotice> {
  const lines = [...new Set(await linesAt(path, facts.invalidUtf8.offsets))];
  return { code: 'invalid-bytes', count: facts.invalidUtf8.count, lines, more: facts.invalidUtf8.count - facts.invalidUtf8.offsets.length };
}

/**
 * The warning for a text export (read as UTF-8) whose last byte ends no line: most exports end with one, and a
 * download that stopped leaves a last row whose end is lost, which reads as a whole row with a shorter last value
 * (an id of 1193 for 119333). Null when the file ends with a line end, or is empty.
 */
async function lastLineWithoutEnd(path: string): Promise<ImportNotice | null> {
  if (endsWithLineEnd(path)) return null;
  const [line] = await linesAt(path, [statSync(path).size - 1]);
  // A header alone has no row to lose: the import says it holds none.
  return line === undefined || line === 1 ? null : { code: 'no-final-line-end', line };
}

function readHead(path: string): { text: string; complete: boolean } {
  const bytes = readHeadBytes(path, HEAD_TEXT_BYTES);
  return { text: new TextDecoder('utf-8').decode(bytes), complete: bytes.length >= statSync(path).size };
}

/**
 * Turns an export into a UTF-8 file DuckDB can read. The file is rewritten
 * (streamed to a temporary file) only when it must be: a workbook, UTF-16,
 * text that is not valid UTF-8 (read as Windows-1252), or bare carriage
 * returns. Everything else is read in place, which keeps large imports fast.
 */
export async function prepareSource(file: string, onBytes?: (done: number, total: number) => void, name = file, onSheetRows?: (rows: number) => void): Promise<PreparedSource> {
  // `file` is read; `name` is how messages and results call it (an archive member's is archive.zip:member.csv).
  const path = name;
  const sniffed = sniffFile(file, name);
  const total = statSync(file).size;
  const original = await scanBytes(file, (done) => onBytes?.(done, total));
  let folder: ReturnType<typeof makeTempFolder> | null = null;
  const tempFile = (name: string): string => {
    folder ??= makeTempFolder('import');
    return join(folder.path, name);
  };
  const cleanup = (): void => folder?.remove();

  try {
    const warnings: ImportNotice[] = [];
    const finish = (
      readPath: string,
      encoding: SourceEncoding,
      extra: { lineUnit?: 'line' | 'row'; hasCrPlaceholder?: boolean; ragged?: boolean },
    ): PreparedSource => {
      const source: PreparedSource = {
        path,
        readPath,
        encoding,
        sha256: original.sha256,
        lineUnit: extra.lineUnit ?? 'line',
        hasCrPlaceholder: extra.hasCrPlaceholder ?? false,
        ragged: extra.ragged ?? false,
        head: readHead(readPath),
        warnings,
        normalizeLineEnds: async (cause) => {
          // readPath is UTF-8 already (placeholders included), so only the line ends change.
          const target = tempFile('normalized.csv');
          const { placeholders } = await rewriteAsUtf8(readPath, target, { encoding: 'utf-8', skipBytes: 0, bareCarriageReturn: 'placeholder', normalizeCrlf: true });
          warnings.push({ code: 'line-ends', cause });
          return { ...source, readPath: target, hasCrPlaceholder: source.hasCrPlaceholder || placeholders > 0, head: readHead(target) };
        },
        alignLinesAbove: async (headerLine) => {
          const aligned = await alignedAbove(readPath, headerLine, tempFile('aligned.csv'));
          return aligned === null ? source : { ...source, readPath: aligned, head: readHead(aligned) };
        },
        tempPath: tempFile,
        cleanup,
      };
      return source;
    };

    if (sniffed.kind === 'xlsx') {
      const target = tempFile('sheet.csv');
      const { readSheet, ignoredSheets, unreadableSheets, unsavedFormulas, mergedDown } = await xlsxToCsv(file, target, name, onSheetRows);
      crashPoint(CRASH_STEPS.importTempCopy);
      if (ignoredSheets.length > 0) warnings.push({ code: 'extra-sheets', read: readSheet, skipped: ignoredSheets });
      if (unreadableSheets > 0) warnings.push({ code: 'damaged-sheets', count: unreadableSheets });
      if (unsavedFormulas.count > 0) warnings.push({ code: 'unsaved-formulas', count: unsavedFormulas.count, line: unsavedFormulas.firstRow });
      if (mergedDown.length > 0) warnings.push({ code: 'merged-cells', count: mergedDown.length, ranges: mergedDown.slice(0, NAMES_SHOWN) });
      return finish(target, 'xlsx', { lineUnit: 'row', ragged: true });
    }

    const utf16Encoding = sniffed.bom === 'utf-16le' || sniffed.bom === 'utf-16be' ? sniffed.bom : (sniffed.utf16WithoutBom ?? null);
    const utf16 = utf16Encoding !== null;
    // A run of NULs the file ends with, no longer than its text, is a download padded where it stopped, not what makes a file
    // binary: removed as the others.
    const padding = paddingNuls(original.size, original.trailingNuls);
    if (!utf16 && original.nulBytes.count - padding > (original.size - padding) / 100) {
      throw new NotAnExport(`${path}: this is not a text file (${original.nulBytes.count.toLocaleString('en-US')} of its bytes are NUL). Import the CSV, TSV or XLSX export itself.`, 'not-text', path);
    }
    const textEncoding: TextEncoding = utf16Encoding ?? (await chooseTextEncoding(file, original));
    const encoding: SourceEncoding = textEncoding === 'utf-8' && sniffed.bom === 'utf-8' ? 'utf-8-bom' : textEncoding;
    if (textEncoding === 'windows-1252' || textEncoding === 'macintosh') {
      warnings.push({ code: textEncoding });
    } else if (!utf16 && original.invalidUtf8.count > 0) {
      warnings.push(await invalidBytesWarning(file, original));
    }
    // The header, and most line ends, ending CR CR LF: a CSV writer's CRLF row ends put through a text-mode file on Windows
    // (each LF written as CRLF). Read as one line end each; read as they are, the first CR of each would end every row's last
    // cell. A CRLF file whose texts hold CR CR LF keeps them: its header ends in CRLF.
    const doubledLineEnds = original.firstLineEnd === 'crcrlf' && original.crCrLf * 2 > original.crlf;
    const mustRewrite = textEncoding !== 'utf-8' || original.invalidUtf8.count > 0 || original.nulBytes.count > 0 || original.bareCarriageReturns > 0;
    if (!mustRewrite) {
      const cut = await lastLineWithoutEnd(file);
      if (cut !== null) warnings.push(cut);
      return finish(file, encoding, {});
    }

    const rewrite: Omit<RewriteOptions, 'normalizeCrlf'> = {
      encoding: textEncoding,
      // The byte-order mark, which the rewrite leaves out: none in UTF-16 told by its bytes.
      skipBytes: sniffed.bom === 'utf-8' ? 3 : sniffed.bom !== null ? 2 : 0,
      bareCarriageReturn: (utf16Encoding === null ? carriageReturnEndsLines(original) : utf16EndsLinesWithCr(file, utf16Encoding)) ? 'line-end' : 'placeholder',
    };
    const target = tempFile('utf8.csv');
    const rewritten = await rewriteAsUtf8(file, target, { ...rewrite, normalizeCrlf: false, collapseCrCrLf: doubledLineEnds });
    crashPoint(CRASH_STEPS.importTempCopy);
    if (doubledLineEnds) warnings.push({ code: 'line-ends', cause: 'doubled' });
    const replaced = rewritten.placeholders;
    if (replaced > 0) warnings.push({ code: 'carriage-returns', count: replaced });
    if (rewritten.nul > 0) {
      const [line] = rewritten.firstNulOffset === null ? [] : await linesAt(target, [rewritten.firstNulOffset]);
      warnings.push({ code: 'nul-removed', count: rewritten.nul, line: line ?? null });
    }
    const cut = await lastLineWithoutEnd(target);
    if (cut !== null) warnings.push(cut);
    return finish(target, encoding, { hasCrPlaceholder: replaced > 0 });
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * Whether a file uses CR as its line end (old Mac exports): its first line ends in a bare CR. Its line feeds, however
 * many, are then those of line breaks inside quoted texts (Excel for Mac's "CSV (Macintosh)" keeps them as LF). A file
 * whose lines end in LF or CRLF may hold bare CRs inside its texts; its first line ends as its others do.
 */
function carriageReturnEndsLines(facts: Pick<ByteFacts, 'firstLineEnd'>): boolean {
  return facts.firstLineEnd === 'cr';
}

/**
 * carriageReturnEndsLines for a UTF-16 file, judged on its first megabyte decoded: its bytes cannot tell, as a 0x0D or
 * 0x0A byte may be half of another character (an emoji's).
 */
function utf16EndsLinesWithCr(file: string, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const head = new TextDecoder(encoding).decode(readHeadBytes(file, 1 << 20));
  const first = /[\r\n]/.exec(head);
  const firstLineEnd = first === null ? null : head[first.index] === '\r' && head[first.index + 1] !== '\n' && !head.startsWith('\r\n', first.index + 1) ? 'cr' : 'lf';
  return carriageReturnEndsLines({ firstLineEnd });
}

/**
 * The NULs of a run a file of `size` bytes ends with (`run`) that are padding: a download padded where it stopped, its
 * text at least as long as the run. A longer run is counted as any other NULs: mostly NULs is no text.
 */
function paddingNuls(size: number, run: number): number {
  return run <= size - run ? run : 0;
}

/**
 * Writes `target`: `path` with the line ends of its lines above the header (`headerLine`) made the header's own (LF, or
 * CRLF), the rest copied byte for byte; null (nothing written) where those lines are not all in the file's head.
 */
async function alignedAbove(path: string, headerLine: number, target: string): Promise<string | null> {
  const head = readHeadBytes(path, HEAD_TEXT_BYTES);
  let start = 0;
  for (let line = 1; line < headerLine; line += 1) {
    const lf = head.indexOf(0x0a, start);
    if (lf === -1) return null;
    start = lf + 1;
  }
  const headerEnd = head.indexOf(0x0a, start);
  if (headerEnd === -1) return null;
  // Byte for byte (latin1 maps each byte to one character): only the line ends change.
  const above = head.subarray(0, start).toString('latin1');
  const ended = head[headerEnd - 1] === 0x0d ? above.replace(/\r?\n/g, '\r\n') : above.replace(/\r\n/g, '\n');
  const out = createWriteStream(target);
  out.write(Buffer.from(ended, 'latin1'));
  await pipeline(createReadStream(path, { start }), out);
  return target;
}
