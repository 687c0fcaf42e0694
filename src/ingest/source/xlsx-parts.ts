import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/**
 * exceljs's streaming WorkbookReader walks the zip front to back with
 * unzipper, whose end of input can end the list of parts early: under load,
 * one read in eight of a two-sheet workbook lost xl/workbook.xml (or the
 * shared strings, which leaves index numbers in the cells). It also decodes
 * each chunk of a part on its own, so a letter such as é split between two
 * chunks became two U+FFFD. Here yauzl finds every part by the zip's central
 * directory, each part is read in the order the parsers need it, and as text
 * decoded across chunks; exceljs's own parsers (its reader's methods, not
 * part of its documented interface: package.json pins exceljs to 4.4.0 for
 * them) still read the XML.
 */
interface WorkbookParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncGenerator<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Generator<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
  workbookRels?: Array<{ Id: string; Target: string; Type?: string }>;
  model?: { sheets?: Array<{ rId: string; state?: string }> };
}

/**
 * The parts other than worksheets are held in memory whole (the shared
 * strings hold every text of the workbook): past this size once unzipped,
 * the workbook is refused before any of it is read.
 */
export const MAX_HELD_PART_BYTES = 1024 ** 3;

export class PartTooLarge extends Error {
  constructor(
    readonly part: string,
    readonly bytes: number,
  ) {
    super(`${part} is ${bytes} bytes once unzipped`);
  }
}

export interface WorkbookParts {
  /** The worksheets' rows, in the order of the workbook's tabs, hidden ones last (Excel opens on the first shown). */
  sheets: Array<() => Promise<AsyncIterable<ExcelJS.Row>>>;
  close(): void;
}

const WORKBOOK = 'xl/workbook.xml';

/** A part the workbook links to, by its path in the zip: targets are relative to xl/ unless they start at the package's root. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(WORKBOOK), target);
}

export async function openWorkbookParts(path: string): Promise<WorkbookParts> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  try {
    // Part names are case-insensitive in a workbook's package: a link may not spell a part as the zip does.
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
    const part = async (name: string, held = true): Promise<Readable | null> => {
      const entry = entries.get(name.toLowerCase());
      if (!entry) return null;
      if (entry.isEncrypted()) throw new Error(`${name} is encrypted`);
      // The size the zip declares: yauzl stops a part that unzips to more than it declared.
      if (held && entry.uncompressedSize > MAX_HELD_PART_BYTES) throw new PartTooLarge(name, entry.uncompressedSize);
      const stream = await zip.openReadStreamPromise(entry);
      stream.setEncoding('utf8');
      return stream;
    };
    const required = async (name: string, held = true): Promise<Readable> => {
      const stream = await part(name, held);
      if (!stream) throw new Error(`it has no ${name}`);
      return stream;
    };

    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' }) as unknown as WorkbookParsers;
    await reader._parseRels(await required('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(await required(WORKBOOK));
    const rels = reader.workbookRels ?? [];
    const linked = (type: string, usual: string): string => {
      const target = rels.find((rel) => rel.Type?.endsWith(`/${type}`))?.Target;
      return target ? partName(target) : usual;
    };
    const sharedStrings = await part(linked('sharedStrings', 'xl/sharedStrings.xml'));
    // Read to its end: with sharedStrings 'cache', the strings are kept on the reader, nothing is yielded.
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings)) void _;
    const styles = await part(linked('styles', 'xl/styles.xml'));
    if (styles) await reader._parseStyles(styles);

    const tabs = reader.model?.sheets ?? [];
    const shown = (sheet: { state?: string }): boolean => sheet.state === undefined || sheet.state === 'visible';
    const sheets = [...tabs.filter(shown), ...tabs.filter((sheet) => !shown(sheet))].flatMap((sheet) => {
      const rel = rels.find((candidate) => candidate.Id === sheet.rId);
      // A chart sheet or a dialog sheet is a tab without cells.
      if (!rel?.Type?.endsWith('/worksheet')) return [];
      const name = partName(rel.Target);
      const sheetNo = /sheet(\d+)\.xml$/.exec(name)?.[1] ?? '0';
      return [
        async () => {
          const [emitted] = reader._parseWorksheet(await required(name, false), sheetNo);
          if (!emitted) throw new Error(`cannot parse ${name}`);
          return emitted.value;
        },
      ];
    });
    return { sheets, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}
