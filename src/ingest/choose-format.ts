import { UserError } from '../errors.js';
import { detectFormat, FORMATS } from './formats/index.js';
import { missingFromLayout, namedColumns } from './formats/mapping-context.js';
import type { ExportFormat } from './formats/types.js';
import { DELIMITERS, headerCandidates, positionsOf, stagingNames, type HeaderCandidate } from './source/layout.js';
import type { PreparedSource } from './source/prepare.js';
import { NotAnExport } from './source/sniff.js';
import type { Layout } from './staging.js';

export interface FormatChoice {
  format: ExportFormat;
  layout: Layout;
}

function missingColumns(format: ExportFormat, names: readonly string[]): string[] {
  const present = namedColumns(names);
  return format.requiredColumns(names).filter((column) => !present.has(column.toLowerCase()));
}

/** A header that matches no layout replybench knows: the local web page maps its columns instead. */
export class UnknownLayout extends UserError {}

/**
 * A column the format requires, named twice in the header: which cell holds it
 * cannot be told (an inbound column renamed "text" would make every text
 * "True"), so the file is refused, naming both positions.
 */
function refuseRepeatedColumns(where: string, format: ExportFormat, cells: readonly string[]): void {
  for (const column of format.requiredColumns(cells)) {
    const positions = positionsOf(cells, column);
    if (positions.length > 1) {
      throw new UserError(`${where}: the header names "${column}" ${positions.length === 2 ? 'twice' : `${positions.length} times`} (columns ${positions.join(' and ')}), so which one holds it cannot be told; rename the wrong one in the header, or export the file again.`);
    }
  }
}

function quotedList(names: readonly string[], limit: number): string {
  const shown = names.slice(0, limit).map((name) => `"${name.length > 40 ? `${name.slice(0, 37)}...` : name}"`);
  return names.length > limit ? `${shown.join(', ')}, ... (${names.length} columns)` : shown.join(', ');
}

/**
 * The known layout that shares the largest part of its columns with the
 * header (ties: more shared columns, then registry order), and the columns it
 * lacks; null when no layout shares a column.
 */
export function closestLayout(names: readonly string[]): { format: ExportFormat; label: string; missing: string[] } | null {
  let best: { format: ExportFormat; label: string; missing: string[]; share: number; shared: number } | null = null;
  for (const format of FORMATS) {
    for (const layout of format.layouts) {
      const missing = missingFromLayout(names, layout);
      const shared = layout.columns.length - missing.length;
      const share = shared / layout.columns.length;
      if (shared > 0 && (!best || share > best.share || (share === best.share && shared > best.shared))) best = { format, label: layout.label, missing, share, shared };
    }
  }
  return best && { format: best.format, label: best.label, missing: best.missing };
}

function closestSentence(closest: ReturnType<typeof closestLayout>): string {
  if (!closest) return '';
  return ` The closest is ${closest.label} (--format ${closest.format.id}), which also needs the column${closest.missing.length > 1 ? 's' : ''} ${quotedList(closest.missing, 8)}.`;
}

/** The most columns a header may have: exports have a few dozen, and each column costs every query that reads the file. */
export const MAX_COLUMNS = 2000;

function tooManyColumns(where: string, columns: number, atLeast: boolean): UserError {
  return new UserError(
    `${where}: the header has ${atLeast ? 'more than ' : ''}${columns.toLocaleString('en-US')} columns, more than the ${MAX_COLUMNS.toLocaleString('en-US')} replybench reads; ` +
      'this is not a mention export, or it is split by the wrong delimiter. Export the data again with the columns you need.',
  );
}

function layoutOf(candidate: HeaderCandidate): Layout {
  return { delimiter: candidate.delimiter, headerLine: candidate.line, names: stagingNames(candidate.cells), cells: [...candidate.cells] };
}

/**
 * Picks the header row and the format: the one asked for (`format`), or the
 * first registered format whose signature matches a candidate header.
 */
export function chooseFormat(source: PreparedSource, format: ExportFormat | 'auto', delimiter?: string): FormatChoice {
  const delimiters = delimiter ? [delimiter] : DELIMITERS;
  const candidates = headerCandidates(source.head.text, source.head.complete, delimiters);
  const first = candidates[0];
  if (!first) {
    // The start of the file read for the header ended inside its first line: a header that long is thousands of columns.
    if (!source.head.complete) {
      const columns = Math.max(...delimiters.map((mark) => source.head.text.split(mark).length));
      if (columns > MAX_COLUMNS) throw tooManyColumns(`${source.path}:1`, columns, true);
      // Few delimiters in it: one long run of text, or a header row whose quote is never closed, not a header.
      const read = Math.round(Buffer.byteLength(source.head.text) / 1024).toLocaleString('en-US');
      const why = /[\r\n]/.test(source.head.text) ? 'hold no complete header row (a quote opened and never closed?)' : 'hold no line break, so the file has no header row';
      throw new UserError(`${source.path}:1: the first ${read} KB ${why}; this is not a mention export. Export the data again as CSV, TSV or XLSX.`);
    }
    throw new NotAnExport(`${source.path}: no header row found (the file holds no text lines). Export the data again.`, 'no-lines', source.path);
  }
  const where = `${source.path}:${first.line}`;
  if (first.cells.length > MAX_COLUMNS) throw tooManyColumns(where, first.cells.length, false);

  if (format !== 'auto') {
    let refusal: UserError | null = null;
    for (const candidate of candidates) {
      const layout = layoutOf(candidate);
      try {
        if (missingColumns(format, layout.names).length === 0) {
          refuseRepeatedColumns(`${source.path}:${candidate.line}`, format, candidate.cells);
          return { format, layout };
        }
      } catch (error) {
        // A generic mapping names the column it misses itself; the next candidate header may still have it.
        if (!(error instanceof UserError)) throw error;
        refusal ??= error;
      }
    }
    if (refusal) throw refusal;
    const missing = missingColumns(format, layoutOf(first).names);
    const fault = `${where}: missing required column${missing.length > 1 ? 's' : ''} ${quotedList(missing, 8)} for the ${format.label} format (the header has ${quotedList(layoutOf(first).names, 6)}).${otherSheets(source)}`;
    throw new UserError(`${fault} Check --format, or map the columns with --format generic --mapping file.yaml.`, fault);
  }

  for (const candidate of candidates) {
    const layout = layoutOf(candidate);
    const detected = detectFormat(layout.names);
    if (!detected) continue;
    const missing = missingColumns(detected, layout.names);
    if (missing.length === 0) {
      refuseRepeatedColumns(`${source.path}:${candidate.line}`, detected, candidate.cells);
      return { format: detected, layout };
    }
    const fault = `${source.path}:${candidate.line}: looks like a ${detected.label} file but lacks the column${missing.length > 1 ? 's' : ''} ${quotedList(missing, 8)}.`;
    throw new UserError(`${fault} Export again with all columns, or map the file with --format generic --mapping file.yaml.`, fault);
  }
  const closest = closestLayout(layoutOf(first).names);
  const fault = `${where}: unknown export layout (header: ${quotedList(layoutOf(first).names, 5)}).${otherSheets(source)}`;
  throw new UnknownLayout(
    `${fault}${closestSentence(closest)} replybench recognises ${FORMATS.map((known) => known.id).join(', ')}; ` +
      'pass --format <name> if the file is one of these, or describe its columns in a mapping file and use --format generic --mapping file.yaml ' +
      '(replybench import --write-mapping mapping.yaml <file> writes one with the best guess of each column).',
    `${fault}${closest ? ` The closest known layout is ${closest.label}, which also needs the column${closest.missing.length > 1 ? 's' : ''} ${quotedList(closest.missing, 8)}.` : ''}`,
  );
}

/**
 * Where a workbook holds data on sheets after the first, which the import does not read: which sheet was read and which
 * others hold data, as a sentence that opens with a space (the export may be on another tab); else nothing.
 */
function otherSheets(source: PreparedSource): string {
  const sheets = source.warnings.find((warning) => warning.code === 'extra-sheets');
  if (sheets?.code !== 'extra-sheets' || sheets.read === undefined || sheets.skipped === undefined) return '';
  const others = quotedList(sheets.skipped, 5);
  return ` Only the workbook's first sheet, "${sheets.read}", was read; ${sheets.skipped.length === 1 ? 'its sheet' : 'its sheets'} ${others} ${sheets.skipped.length === 1 ? 'holds' : 'hold'} data too: if the export is there, move its tab first and save, or save that sheet as CSV.`;
}

