import type { Readable } from 'node:stream';
import { linkOfType, WorkbookPackage } from './package.js';
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
  name: string;
  rows(): AsyncGenerator<SheetRow>;
}

export interface OpenWorkbook {
  /** The worksheets in the order of the workbook's tabs, hidden ones last (Excel opens on the first shown); chart and dialog sheets left out. */
  sheets: Worksheet[];
  close(): void;
}

async function readSharedStrings(part: Readable): Promise<string[]> {
  const strings: string[] = [];
  let item: StringItem | null = null;
  await readXml(part, {
    open: (name) => {
      if (name === 'si') item = new StringItem();
      else item?.open(name);
    },
    text: (text) => item?.append(text),
    close: (name) => {
      if (name === 'si' && item) {
        strings.push(item.take());
        item = null;
      } else item?.close(name);
    },
  });
  return strings;
}

async function readStyleKinds(part: Readable): Promise<NumberKind[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellFormats = false;
  await readXml(part, {
    open: (name, attributes) => {
      if (name === 'numFmt') custom.set(Number(attribute(attributes, 'numFmtId')), attribute(attributes, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) formats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellFormats = false;
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
    await readXml(await zip.text(workbookPart, true), {
      open: (name, attributes) => {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(attributes, 'date1904') ?? '');
        if (name !== 'sheet') return;
        const state = attribute(attributes, 'state');
        tabs.push({ name: attribute(attributes, 'name') ?? '', shown: state === undefined || state === 'visible', link: attribute(attributes, 'id') ?? '' });
      },
      close: () => undefined,
    });
    // Some writers leave these links out: the usual names then.
    const shared = linkOfType(links, 'sharedStrings')?.part ?? 'xl/sharedStrings.xml';
    const styles = linkOfType(links, 'styles')?.part ?? 'xl/styles.xml';
    const context: WorkbookContext = {
      sharedStrings: zip.has(shared) ? await readSharedStrings(await zip.text(shared, true)) : [],
      styleKinds: zip.has(styles) ? await readStyleKinds(await zip.text(styles, true)) : [],
      date1904,
    };
    const sheets = [...tabs.filter((tab) => tab.shown), ...tabs.filter((tab) => !tab.shown)].flatMap((tab): Worksheet[] => {
      const link = links.get(tab.link);
      if (!link?.type.endsWith('/worksheet')) return [];
      return [{ name: tab.name, rows: async function* () {
        yield* readSheetRows(await zip.text(link.part, false), context);
      } }];
    });
    return { sheets, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}
