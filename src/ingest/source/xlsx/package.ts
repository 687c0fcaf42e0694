import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { attribute, readXml } from './xml.js';

/**
 * The parts other than worksheets are held in memory whole (the shared
 * strings hold every text of the workbook): past this size once unzipped,
 * the workbook is refused before any of it is read.
 */
export const MAX_HELD_PART_BYTES = 1024 ** 3;

/**
 * Items of those parts, counted as they are read: a small part can list
 * millions of empty ones (<si/> is five bytes), and past about 130 million
 * a JavaScript array cannot grow (V8 aborts the process, no error to catch).
 * Excel itself allows 64,000 cell formats.
 */
export const MAX_HELD_ITEMS = 50_000_000;

export class PartTooLarge extends Error {
  constructor(
    readonly part: string,
    /** What is too large, as the end of a sentence about the part: "is 1.5 GB once unzipped, …". */
    readonly excess: string,
  ) {
    super(`${part} ${excess}`);
  }
}

/** Counts a held part's items, and stops the read past MAX_HELD_ITEMS. */
export function countHeldItem(part: string, count: number): void {
  if (count > MAX_HELD_ITEMS) throw new PartTooLarge(part, `holds more than ${MAX_HELD_ITEMS.toLocaleString('en-US')} items, more than replybench reads from a workbook`);
}

export interface Relationship {
  type: string;
  /** The part it leads to, as a path in the zip. */
  part: string;
}

/**
 * A workbook's zip, its parts found by the zip's central directory (yauzl),
 * whatever their order in the file, each read as UTF-8 text decoded across
 * chunks. Part names are case-insensitive in such a package, so a link may
 * not spell a part as the zip does.
 */
export class WorkbookPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(path: string): Promise<WorkbookPackage> {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    try {
      const entries = new Map<string, yauzl.Entry>();
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
      return new WorkbookPackage(zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The text of a part read into memory whole (links, the workbook, shared strings, styles), its size bounded. */
  heldText(name: string): Promise<Readable> {
    const entry = this.entry(name);
    // The size the zip declares: yauzl stops a part that unzips to more than it declared.
    if (entry.uncompressedSize > MAX_HELD_PART_BYTES) throw new PartTooLarge(name, `is ${gigabytes(entry.uncompressedSize)} once unzipped, more than the ${gigabytes(MAX_HELD_PART_BYTES)} replybench reads from a workbook`);
    return this.open(entry);
  }

  /** The text of a part read as a stream (a worksheet). */
  streamedText(name: string): Promise<Readable> {
    return this.open(this.entry(name));
  }

  private entry(name: string): yauzl.Entry {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw new Error(`it has no ${name}`);
    if (entry.isEncrypted()) throw new Error(`${name} is encrypted`);
    return entry;
  }

  private async open(entry: yauzl.Entry): Promise<Readable> {
    const stream = await this.zip.openReadStreamPromise(entry);
    stream.setEncoding('utf8');
    return stream;
  }

  /** The links of a part (its .rels beside it, in _rels/), targets resolved to paths in the zip. */
  async relationships(source: string): Promise<Map<string, Relationship>> {
    const folder = posix.dirname(source);
    const rels = posix.join(folder, '_rels', `${posix.basename(source)}.rels`);
    const found = new Map<string, Relationship>();
    if (!this.has(rels)) return found;
    await readXml(await this.heldText(rels), {
      open: (name, attributes) => {
        const id = attribute(attributes, 'Id');
        const target = attribute(attributes, 'Target');
        if (name !== 'Relationship' || !id || !target || attribute(attributes, 'TargetMode') === 'External') return;
        found.set(id, { type: attribute(attributes, 'Type') ?? '', part: resolveTarget(folder, target) });
      },
      close: () => undefined,
    });
    return found;
  }

  close(): void {
    this.zip.close();
  }
}

/** A link's target as a path in the zip: relative to the linking part's folder unless it starts at the root; %20 and the like decoded. */
function resolveTarget(folder: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all (a lone %): the name as written.
  }
  return decoded.startsWith('/') ? posix.normalize(decoded.slice(1)) : posix.join(folder, decoded);
}

/** Whether a link is of a type (`officeDocument`, `worksheet`): types differ in their prefix between strict and transitional files. */
export function isOfType(link: Relationship | undefined, type: string): link is Relationship {
  return link?.type.endsWith(`/${type}`) ?? false;
}

export function linkOfType(links: Map<string, Relationship>, type: string): Relationship | undefined {
  for (const link of links.values()) if (isOfType(link, type)) return link;
  return undefined;
}

function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toLocaleString('en-US', { maximumFractionDigits: 1 })} GB`;
}
