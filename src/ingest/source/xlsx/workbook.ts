import type { Readable } from 'node:stream';
import { countHeldItem, isOfType, linkOfType, WorkbookPackage } from './package.js';
import { type NumberKind, numberKind } from './number-formats.js';
import { readSheetRows, type SheetRow } from './sheet.js';
import { StringItem } from './strings.js';
import { attribute, readXml } from './xml.js';

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface WorkbookContext {
  sharedStrings: string[];
  /** By cell style index (a cell's s attribute). */
  styleKinds: NumberKind[];
  date1904: boolean;
}

export interface Worksheet {
  /** The name on its tab. */
  name: string;
  /** Its rows; its ranges of merged cells into `merges`, once they are read. */
  rows(merges?: string[]): AsyncGenerator<SheetRow>;
}

export interface OpenWorkbook {
  /** The worksheets in the order of the workbook's tabs, hidden ones last (Excel opens on the first shown); chart and dialog sheets left out. */
  sheets: Worksheet[];
  close(): void;
}

/**
 * A text held for the whole read, as a string of its own: the parser hands
 * over slices of its 64 KB chunks, which keep each chunk alive, two bytes a
 * character for the whole chunk when one emoji is in it. A copy is one byte a
 * character where it can be: the shared strings of a 100k-row workbook took
 * 23 MB of memory instead of 51 MB, in the same time.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

async function readSharedStrings(name: string, part: Readable): Promise<string[]> {
  const strings: string[] = [];
  let item: StringItem | null = null;
  await readXml(part, {
    open: (element) => {
      if (element === 'si') item = new StringItem();
      else item?.open(element);
    },
    text: (text) => item?.append(text),
    close: (element) => {
      if (element === 'si' && item) {
        countHeldItem(name, strings.length + 1);
        strings.push(ownCopy(item.take()));
        item = null;
      } else item?.close(element);
    },
  });
  return strings;
}

async function readStyleKinds(name: string, part: Readable): Promise<NumberKind[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  // Differential formats (<dxfs>, for conditional formatting) hold <numFmt> too: only the workbook's own list counts.
  let inNumberFormats = false;
  let inCellFormats = false;
  await readXml(part, {
    open: (element, attributes) => {
      if (element === 'numFmts') inNumberFormats = true;
      else if (element === 'cellXfs') inCellFormats = true;
      else if (element === 'numFmt' && inNumberFormats) custom.set(Number(attribute(attributes, 'numFmtId')), attribute(attributes, 'formatCode') ?? '');
      else if (element === 'xf' && inCellFormats) {
        countHeldItem(name, formats.length + 1);
        formats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
      }
    },
    close: (element) => {
      if (element === 'numFmts') inNumberFormats = false;
      else if (element === 'cellXfs') inCellFormats = false;
    },
  });
  return formats.map((id) => numberKind(id, custom));
}

/** Opens a workbook: its sheets' list, shared strings, styles and date system; the sheets' rows are read when asked for. */
export async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const zip = await WorkbookPackage.open(path);
  try {
    const workbookPart = linkOfType(await zip.relationships(''), 'officeDocument')?.part ?? 'xl/workbook.xml';
    const links = await zip.relationships(workbookPart);
    const tabs: Array<{ name: string; shown: boolean; link: string }> = [];
    let date1904 = false;
    await readXml(await zip.heldText(workbookPart), {
      open: (name, attributes) => {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
        if (name !== 'sheet') return;
        countHeldItem(workbookPart, tabs.length + 1);
        const state = attribute(attributes, 'state');
        tabs.push({ name: attribute(attributes, 'name') ?? '', shown: state === undefined || state === 'visible', link: attribute(attributes, 'id') ?? '' });
      },
      close: () => undefined,
    });
    // Some writers leave these links out: the usual names then.
    const shared = linkOfType(links, 'sharedStrings')?.part ?? 'xl/sharedStrings.xml';
    const styles = linkOfType(links, 'styles')?.part ?? 'xl/styles.xml';
    const context: WorkbookContext = {
      sharedStrings: zip.has(shared) ? await readSharedStrings(shared, await zip.heldText(shared)) : [],
      styleKinds: zip.has(styles) ? await readStyleKinds(styles, await zip.heldText(styles)) : [],
      date1904,
    };
    const sheets = [...tabs.filter((tab) => tab.shown), ...tabs.filter((tab) => !tab.shown)].flatMap((tab): Worksheet[] => {
      const link = links.get(tab.link);
      if (!isOfType(link, 'worksheet')) return [];
      const rows = async function* (merges?: string[]): AsyncGenerator<SheetRow> {
        yield* readSheetRows(await zip.streamedText(link.part), context, merges);
      };
      return [{ name: tab.name, rows }];
    });
    return { sheets, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}
