import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanBytes } from './byte-scan.js';
import { rewriteAsUtf8, type RewriteOptions, type TextEncoding } from './rewrite.js';
import { readHeadBytes, sniffFile } from './sniff.js';
import { xlsxToCsv } from './xlsx.js';

/** The encoding a file was read in, as reported to the user and stored in import_batches. */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'xlsx';

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
  /** The start of `readPath` as text, and whether it is the whole file. */
  head: { text: string; complete: boolean };
  warnings: string[];
  /** Rewrites the original with CRLF turned into LF (for files that mix line ends); returns the new source. */
  normalizeLineEnds(): Promise<PreparedSource>;
  /** Deletes the temporary files. */
  cleanup(): void;
}

const HEAD_TEXT_BYTES = 256 * 1024;

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
export async function prepareSource(path: string, onBytes?: (done: number, total: number) => void): Promise<PreparedSource> {
  const sniffed = sniffFile(path);
  const total = statSync(path).size;
  const original = await scanBytes(path, (done) => onBytes?.(done, total));
  let folder: string | null = null;
  const tempFile = (name: string): string => {
    folder ??= mkdtempSync(join(tmpdir(), 'replybench-import-'));
    return join(folder, name);
  };
  const cleanup = (): void => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  };

  try {
    const warnings: string[] = [];
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
        normalizeLineEnds: async () => {
          // readPath is UTF-8 already (placeholders included), so only the line ends change.
          const target = tempFile('normalized.csv');
          const replaced = await rewriteAsUtf8(readPath, target, { encoding: 'utf-8', skipBytes: 0, bareCarriageReturn: 'placeholder', normalizeCrlf: true });
          warnings.push('the file mixes Windows (CRLF) and Unix (LF) line ends: read with every line end as LF');
          return { ...source, readPath: target, hasCrPlaceholder: source.hasCrPlaceholder || replaced > 0, head: readHead(target) };
        },
        cleanup,
      };
      return source;
    };

    if (sniffed.kind === 'xlsx') {
      const target = tempFile('sheet.csv');
      const { ignoredSheets } = await xlsxToCsv(path, target);
      if (ignoredSheets > 0) warnings.push('the workbook has more than one worksheet with data: only the first was read');
      return finish(target, 'xlsx', { lineUnit: 'row', ragged: true });
    }

    const utf16 = sniffed.bom === 'utf-16le' || sniffed.bom === 'utf-16be';
    const textEncoding: TextEncoding = utf16 ? (sniffed.bom as TextEncoding) : original.validUtf8 ? 'utf-8' : 'windows-1252';
    const encoding: SourceEncoding = textEncoding === 'utf-8' && sniffed.bom === 'utf-8' ? 'utf-8-bom' : textEncoding;
    if (textEncoding === 'windows-1252') {
      warnings.push('the file is not valid UTF-8: read as Windows-1252 (Excel\'s Western European encoding); check that accented letters look right');
    }
    const mustRewrite = textEncoding !== 'utf-8' || original.bareCarriageReturns > 0;
    if (!mustRewrite) return finish(path, encoding, {});

    const rewrite: Omit<RewriteOptions, 'normalizeCrlf'> = {
      encoding: textEncoding,
      skipBytes: sniffed.bom === 'utf-8' ? 3 : utf16 ? 2 : 0,
      // A file with carriage returns and not one line feed uses CR as its line end (old Mac exports).
      bareCarriageReturn: !utf16 && !original.hasLineFeed ? 'line-end' : 'placeholder',
    };
    const target = tempFile('utf8.csv');
    const replaced = await rewriteAsUtf8(path, target, { ...rewrite, normalizeCrlf: false });
    if (replaced > 0) warnings.push(`${replaced} carriage return${replaced === 1 ? '' : 's'} inside fields kept as text (not read as line breaks)`);
    return finish(target, encoding, { hasCrPlaceholder: replaced > 0 });
  } catch (error) {
    cleanup();
    throw error;
  }
}
