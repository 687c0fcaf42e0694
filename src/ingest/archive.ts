import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { freeBytes, freeMegabytes, megabytes } from '../disk-full.js';
import { UserError } from '../errors.js';
import { makeTempFolder } from '../temp-files.js';
import type { ImportNotice } from './notices.js';
import { NotAnExport, readableExportSize, readHeadBytes } from './source/sniff.js';

/** Members of an archive that are imported: the exports themselves. */
const EXPORT_EXTENSIONS = ['.csv', '.tsv', '.xlsx'];

/** How an archive's member is recorded as a file: the archive's path, a colon, the member's name (`/x/exports.zip:october/mentions.csv`). */
export function memberPath(archive: string, member: string): string {
  return `${archive}:${member}`;
}

/**
 * A recorded file's archive and member (memberPath), or the file alone. The member follows the first ".zip:" (a colon
 * in a folder's name, "Acme 2017:Q4/", or a drive's, "C:\", splits nothing; a member's own name may hold a colon). An
 * archive named otherwise (download.bin, told by its content) is not split: its member is named as a file.
 */
export function archiveOfMember(file: string): { archive: string; member: string } | null {
  const colon = file.search(/\.zip:(?![\\/])./i);
  return colon === -1 ? null : { archive: file.slice(0, colon + 4), member: file.slice(colon + 5) };
}

/** A recorded file's name without its folder; an archive's member keeps the archive's name (`exports.zip:october/mentions.csv`). */
export function fileName(file: string): string {
  const split = archiveOfMember(file);
  return split ? memberPath(basename(split.archive), split.member) : basename(file);
}

/** One export taken out of an archive into a temporary file. */
export interface ArchiveMember {
  /** The member's name inside the archive (`october/mentions.csv`). */
  name: string;
  /** The temporary file holding its bytes (same base name, so its extension still tells what it is). */
  file: string;
}

export interface ExpandedArchive {
  members: ArchiveMember[];
  /** Members that are not CSV, TSV or XLSX exports: listed, not read. */
  skipped: string[];
  cleanup(): void;
}

function zipError(path: string, error: unknown): UserError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new UserError(`${path}: cannot read this zip archive (${reason}). Download the export again, or unzip it and import its files.`);
}

/**
 * True when `path` is a zip archive of exports rather than an .xlsx
 * workbook (which is a zip too): named .zip, or a zip without a workbook
 * inside.
 */
export async function isExportArchive(path: string): Promise<boolean> {
  let head: Buffer;
  try {
    // Nothing of a file the import refuses is read here (its own error comes when it is read as an export).
    readableExportSize(path);
    head = readHeadBytes(path, 4);
  } catch {
    return false;
  }
  // PK\x03\x04 opens an archive's first member; an archive with none is only its end record, PK\x05\x06.
  const member = head[2] === 0x03 && head[3] === 0x04;
  const empty = head[2] === 0x05 && head[3] === 0x06;
  if (!(head[0] === 0x50 && head[1] === 0x4b && (member || empty))) return false;
  const extension = extname(path).toLowerCase();
  if (extension === '.zip') return true;
  if (extension === '.xlsx') return false;
  try {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName === '[Content_Types].xml' || entry.fileName === 'xl/workbook.xml') return false;
      }
      return true;
    } finally {
      zip.close();
    }
  } catch {
    // Not a zip yauzl can read: the workbook reader gives the message.
    return false;
  }
}

function isExport(name: string): boolean {
  const base = basename(name);
  // macOS adds a "._name" resource fork beside each file in __MACOSX/: binary, whatever its extension.
  if (name.startsWith('__MACOSX/') || base.startsWith('._')) return false;
  return EXPORT_EXTENSIONS.includes(extname(base).toLowerCase());
}

/**
 * The exports of an archive are all unzipped before the first is imported:
 * when the sizes they declare (yauzl stops a member that unzips to more) add
 * up to more than the temporary folder's disk has free, the archive is
 * refused before a byte is written, rather than once it has filled a disk the
 * store may share. (A workbook's text, written there later, is not counted.)
 */
function refuseWhatCannotFit(path: string, exports: readonly yauzl.Entry[], folder: string): void {
  const needed = exports.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const free = freeBytes(folder);
  if (free === null || needed <= free) return;
  const what = exports.length === 1 ? `${exports[0]?.fileName} unzips` : `its ${exports.length} exports unzip`;
  throw new UserError(
    `${path}: ${what} to ${megabytes(needed)} MB, more than the ${freeMegabytes(free)} MB free on the disk of the temporary folder ${dirname(folder)}. Free up space there, or set TMPDIR to a folder on a larger disk, and import it again.`,
  );
}

/**
 * Takes every CSV, TSV and XLSX member of a zip archive out into a temporary
 * folder (streamed, never in memory), in archive order; lists the others.
 */
export async function expandArchive(path: string): Promise<ExpandedArchive> {
  const temp = makeTempFolder('archive');
  const folder = temp.path;
  const cleanup = (): void => temp.remove();
  const members: ArchiveMember[] = [];
  const skipped: string[] = [];
  try {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
    try {
      const exports: yauzl.Entry[] = [];
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue;
        // A symbolic link's content is the path it leads to, never followed: not an export, whatever its name.
        if (isExport(entry.fileName) && !isLink(entry)) exports.push(entry);
        else skipped.push(entry.fileName);
      }
      refuseWhatCannotFit(path, exports, folder);
      for (const entry of exports) {
        if (entry.isEncrypted()) throw new Error(`${entry.fileName} is encrypted`);
        // One folder per member: two members may share a base name (october/a.csv, november/a.csv).
        const memberFolder = join(folder, String(members.length));
        mkdirSync(memberFolder);
        const file = join(memberFolder, basename(entry.fileName));
        const out = createWriteStream(file);
        await pipeline(await zip.openReadStreamPromise(entry), out);
        if (!out.closed) await once(out, 'close');
        members.push({ name: entry.fileName, file });
      }
    } finally {
      zip.close();
    }
  } catch (error) {
    cleanup();
    throw error instanceof UserError ? error : zipError(path, error);
  }
  return { members, skipped, cleanup };
}

/** A member a Unix zip tool stored as a symbolic link (its mode, in the upper half of the external attributes). */
function isLink(entry: yauzl.Entry): boolean {
  return entry.versionMadeBy >>> 8 === 3 && ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

/** The refusal of an archive that holds no export: empty, or only files of other kinds. */
function noExportIn(path: string, skipped: readonly string[]): NotAnExport {
  const listed = skipped.slice(0, 8).join(', ');
  return listed === ''
    ? new NotAnExport(`${path}: this zip archive is empty: download the export again.`, 'empty-archive', path)
    : new NotAnExport(`${path}: this zip archive holds no CSV, TSV or XLSX export (it holds: ${listed}). Unzip it and import the exports.`, 'no-export-inside', path);
}

/** The note a member's import carries about the archive's other members. */
function skippedMembersWarning(archive: string, skipped: readonly string[]): ImportNotice | null {
  return skipped.length === 0 ? null : { code: 'skipped-members', archive, names: [...skipped] };
}

/** One export of an archive as the import and its dry run read it. */
export interface ArchiveExport {
  /** How it is named: archive.zip:member.csv, after the archive's path as given. */
  name: string;
  member: ArchiveMember;
  /** The note of the archive's other files, carried by its first export only. */
  notes: ImportNotice[];
}

/** The exports of an expanded archive, in archive order; an archive that holds none is refused (noExportIn). */
export function archiveExports(path: string, archive: ExpandedArchive): ArchiveExport[] {
  if (archive.members.length === 0) throw noExportIn(path, archive.skipped);
  const note = skippedMembersWarning(path, archive.skipped);
  return archive.members.map((member, index) => ({ name: memberPath(path, member.name), member, notes: index === 0 && note ? [note] : [] }));
}
