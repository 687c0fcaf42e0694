import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { isInside } from '../../paths.js';

/** How a file's bytes are laid out, judged from its first bytes. */
export type FileKind =
  | { kind: 'xlsx' }
  | { kind: 'text'; bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null; utf16WithoutBom?: 'utf-16le' | 'utf-16be' };

export const HEAD_BYTES = 64 * 1024;

/** `length` bytes of a file from `position`, its start by default (fewer when it is shorter). */
export function readHeadBytes(path: string, length = HEAD_BYTES, position = 0): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, position);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The directory of an old-container (OLE) file, where its streams are named:
 * often at the file's end, so it is read where the header says it starts
 * (its first sector's number at byte 48, the sector size as a power of two at
 * byte 30). Directories run to a few sectors; 64 KB from there holds them.
 */
function oleDirectory(path: string, head: Buffer): Buffer {
  if (head.length < 52) return head;
  const sectorSize = 2 ** head.readUInt16LE(30);
  const firstSector = head.readUInt32LE(48);
  if (sectorSize < 512 || sectorSize > 65_536 || firstSector >= 0xfffffffa) return head;
  return Buffer.concat([head, readHeadBytes(path, HEAD_BYTES, (firstSector + 1) * sectorSize)]);
}

/**
 * True when the start of a file holds more control bytes (NUL and the other
 * C0 codes that text does not use) than a damaged text would: a stray NUL in
 * an export is removed later, with a warning, but a picture or a database
 * is not text.
 */
/**
 * UTF-16 saved without its byte-order mark, told by its bytes: nearly every pair at the file's start is an ASCII
 * character beside a zero byte (a header row is ASCII), the zero second in little-endian order, first in big-endian.
 * Otherwise its zero bytes would make the file look binary.
 */
function utf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 8) return null;
  const ascii = (byte: number | undefined) => byte !== undefined && byte >= 0x09 && byte < 0x80;
  let little = 0;
  let big = 0;
  for (let pair = 0; pair < pairs; pair += 1) {
    const first = head[2 * pair];
    const second = head[2 * pair + 1];
    if (second === 0 && ascii(first)) little += 1;
    if (first === 0 && ascii(second)) big += 1;
  }
  return little >= pairs * 0.9 ? 'utf-16le' : big >= pairs * 0.9 ? 'utf-16be' : null;
}

function looksBinary(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) controls += 1;
  return controls > Math.max(2, head.length / 100);
}

function withoutTrailingNuls(bytes: Buffer): Buffer {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  return bytes.subarray(0, end);
}


const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const WORKBOOK_STREAM = Buffer.from('Workbook', 'utf16le');
const BOOK_STREAM = Buffer.from('Book', 'utf16le');

/**
 * The size of a file that may be read as an export, checked before any byte
 * of it is: a UserError for a missing file, a folder, a pipe or device (read
 * forever, or blocking the import before its first byte), or a link out of
 * its folder.
 */
export function readableExportSize(path: string, name = path): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UserError(`${name}: is a folder; give the export files themselves (e.g. ${name}/*.csv).`);
    if (!stat.isFile()) throw new UserError(`${name}: is not a regular file (a pipe, socket or device); save the export as a file and import that.`);
    refuseLinkOut(path, name);
    return stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${name}: file not found. Check the path.`);
  }
}

/**
 * An export is read where it lies: a file that is a symbolic link leading out
 * of the folder it lies in is refused, so an export folder's link to
 * /etc/passwd or to another client's data is not read.
 */
function refuseLinkOut(path: string, name: string): void {
  const target = realpathSync(path);
  const folder = realpathSync(dirname(resolve(path)));
  if (lstatSync(path).isSymbolicLink() && !isInside(target, folder)) {
    throw new UserError(`${name}: is a symbolic link to ${target}, outside its folder (${folder}); copy the export into the folder and import the copy.`);
  }
}

/**
 * A file that holds no export at all: empty, blank lines only, not text (a picture, a PDF renamed .csv), or a zip archive that is empty
 * or holds no CSV, TSV or XLSX file. `file` is the name it was given (an archive's member is archive.zip:member.csv).
 */
export class NotAnExport extends UserError {
  constructor(
    message: string,
    readonly problem: 'empty' | 'no-lines' | 'not-text' | 'markup' | 'empty-archive' | 'no-export-inside',
    readonly file: string,
  ) {
    super(message);
  }
}

/**
 * Tells an .xlsx workbook from delimited text and finds a byte-order mark.
 * Throws a UserError for what cannot be imported: a missing, empty, old-Excel
 * or binary file.
 */
export function sniffFile(path: string, name = path): FileKind {
  const size = readableExportSize(path, name);
  if (size === 0) throw new NotAnExport(`${name}: the file is empty (0 bytes). Export the data again.`, 'empty', name);
  const head = readHeadBytes(path);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { kind: 'xlsx' };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    // The old container holds either an .xls workbook (a Workbook or Book stream) or, when Excel saves a workbook
    // with a password, the encrypted .xlsx (EncryptionInfo and EncryptedPackage streams).
    const directory = oleDirectory(path, head);
    const encrypted = directory.includes(ENCRYPTION_INFO) || directory.includes(ENCRYPTED_PACKAGE);
    const oldWorkbook = directory.includes(WORKBOOK_STREAM) || directory.includes(BOOK_STREAM);
    if (encrypted || (!oldWorkbook && extname(path).toLowerCase() === '.xlsx')) {
      throw new UserError(`${name}: this workbook is protected by a password (Excel encrypts it), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again, or export CSV.`);
    }
    throw new UserError(`${name}: this is an old Excel .xls workbook, which replybench cannot read. Save it as .xlsx or CSV and import that.`);
  }
  if (extname(path).toLowerCase() === '.xlsx') {
    throw new UserError(`${name}: has the .xlsx extension but is not an Excel workbook (damaged or renamed?). Export it again.`);
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', bom: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', bom: 'utf-16be' };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8' : null;
  const utf16 = bom === null ? utf16WithoutBom(head) : null;
  if (utf16) return { kind: 'text', bom: null, utf16WithoutBom: utf16 };
  // A file that ends in NULs (a download padded where it stopped) is judged without the run its head ends with: the import
  // counts them all, and refuses the file where they are more than its text (prepare.ts, paddingNuls).
  if (looksBinary(readHeadBytes(path, 1, size - 1)[0] === 0 ? withoutTrailingNuls(head) : head)) {
    throw new NotAnExport(`${name}: this is not a text file (it contains binary bytes). Import the CSV, TSV or XLSX export itself.`, 'not-text', name);
  }
  if (MARKUP.test(head.subarray(bom === null ? 0 : 3).toString('utf8'))) {
    throw new NotAnExport(`${name}: this is an SVG picture, a web page or an XML file, not an export. Import the CSV, TSV or XLSX export itself.`, 'markup', name);
  }
  return { kind: 'text', bom };
}

/** The start of an SVG picture, an HTML page or an XML document (a logo or a saved web page renamed .csv): no header line of an export. */
const MARKUP = /^\s*<(?:\?xml\b|svg\b|!doctype\s+html\b|html\b)/i;
