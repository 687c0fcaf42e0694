import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { isInside } from '../../paths.js';
import { imageSize } from '../pptx/image.js';
import { logoIsWhole } from './logo-whole.js';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
/** The largest side a logo may have, in pixels: a bigger image only costs memory in the browser that prints it. */
const MAX_LOGO_SIDE = 4000;

export type LogoKind = 'image/png' | 'image/jpeg' | 'image/svg+xml';

const KIND_NAMES: Record<LogoKind, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' };

/** What the file's first bytes say it is: a logo is taken for what it is, not for its name. */
function kindOf(bytes: Buffer): LogoKind | null {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.readUInt32BE(4) === 0x0d0a1a0a) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/** The size an SVG declares on its root element (width/height in px or without a unit), or null when it declares none. */
function svgSize(bytes: Buffer): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/i.exec(bytes.subarray(0, 64 * 1024).toString('utf8'))?.[0] ?? '';
  const length = (name: string): number | null => {
    const value = new RegExp(`\\s${name}\\s*=\\s*["']\\s*([0-9.]+)\\s*(px)?\\s*["']`, 'i').exec(root)?.[1];
    return value === undefined ? null : Number(value);
  };
  const width = length('width');
  const height = length('height');
  return width === null && height === null ? null : { width: width ?? 0, height: height ?? 0 };
}

/**
 * The agency logo as a data URL for an <img>. A logo is a file from outside,
 * so it is read as data and nothing else: a regular file (no FIFO or device,
 * which would hang or never end, and no symbolic link out of the config's
 * folder, which could hand the report /etc/shadow), at most 2 MB, a PNG,
 * JPEG or SVG by its first bytes, at most 4,000 pixels a side. An SVG logo
 * is never inlined as markup: inside <img> a browser runs no script and
 * loads nothing it names.
 */
export function logoDataUrl(path: string | undefined, baseDir: string, source?: string): string | null {
  if (!path) return null;
  const full = isAbsolute(path) ? path : resolve(baseDir, path);
  const key = source ? `${source}: report.agency.logo` : 'report.agency.logo';
  const refuse = (why: string, todo: string): UserError => new UserError(`${key}: "${full}" ${why}; ${todo}.`);
  let target: string;
  try {
    lstatSync(full);
    target = realpathSync(full);
    // A path reached through a symbolic link (the file's or a folder's) must end inside the config's folder.
    const folder = realpathSync(baseDir);
    if (target !== resolve(full) && !isInside(target, folder)) throw refuse(`leads, through a symbolic link, to ${target}, outside the config's folder (${folder})`, 'copy the logo into that folder and name the copy');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw refuse('not found', 'fix the path (relative to the config file) or remove the key');
  }
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer for ever.
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch {
    throw refuse('cannot be read', 'fix the path (relative to the config file) or remove the key');
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refuse(`is not a regular file (${stat.isFIFO() ? 'a named pipe' : stat.isDirectory() ? 'a folder' : 'a device'})`, 'name an image file');
    if (stat.size > MAX_LOGO_BYTES) throw refuse('is larger than 2 MB', 'use a smaller image');
    // One byte more than the limit: a file that grows while it is read is caught too.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_LOGO_BYTES) + 1);
    let read = 0;
    for (let chunk = 1; chunk > 0 && read < buffer.length; read += chunk) chunk = readSync(fd, buffer, read, buffer.length - read, read);
    if (read > MAX_LOGO_BYTES) throw refuse('is larger than 2 MB', 'use a smaller image');
    bytes = buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  return `data:${checkedLogo(bytes, refuse)};base64,${bytes.toString('base64')}`;
}

/** What can be wrong with a logo's bytes. */
export type LogoProblem = 'not-an-image' | 'damaged' | 'too-many-pixels';

/**
 * The type of a logo's bytes, read from its content: a PNG, JPEG or SVG of at
 * most 4,000 pixels a side (each caller reads at most MAX_LOGO_BYTES). Anything
 * else is refused with `refuse(why, todo, problem)`, the caller's error (a
 * config key, an upload).
 */
export function checkedLogo(bytes: Buffer, refuse: (why: string, todo: string, problem: LogoProblem) => Error): LogoKind {
  const kind = kindOf(bytes);
  if (!kind) throw refuse('is not a PNG, JPEG or SVG image (by its content)', 'convert the logo to one of these', 'not-an-image');
  const size = kind === 'image/svg+xml' ? svgSize(bytes) : imageSize(bytes);
  if (kind !== 'image/svg+xml' && !size) throw refuse(`is a damaged ${KIND_NAMES[kind]} (its size cannot be read)`, 'export the logo again', 'damaged');
  if (!logoIsWhole(bytes, kind)) throw refuse(`is a damaged ${KIND_NAMES[kind]} (cut short, or with bytes changed)`, 'export the logo again', 'damaged');
  if (size && (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE)) {
    throw refuse(`is ${Math.round(size.width)} × ${Math.round(size.height)} pixels, more than 4,000 a side`, 'use a smaller image (a logo is printed a few centimetres wide)', 'too-many-pixels');
  }
  return kind;
}
