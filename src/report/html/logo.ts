import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../../errors.js';

const MIME_BY_EXTENSION: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/**
 * The agency logo as a data URL for an <img>. An SVG logo is never inlined as
 * markup: inside <img> a browser runs no script and loads nothing it names.
 */
export function logoDataUrl(path: string | undefined, baseDir: string, source?: string): string | null {
  if (!path) return null;
  const full = isAbsolute(path) ? path : resolve(baseDir, path);
  const key = source ? `${source}: report.agency.logo` : 'report.agency.logo';
  const mime = MIME_BY_EXTENSION[extname(full).toLowerCase()];
  if (!mime) throw new UserError(`${key}: "${path}" is not a PNG, JPEG, GIF, WebP or SVG file; convert the logo to one of these.`);
  let size: number;
  try {
    size = statSync(full).size;
  } catch {
    throw new UserError(`${key}: "${full}" not found; fix the path (relative to the config file) or remove the key.`);
  }
  if (size > MAX_LOGO_BYTES) throw new UserError(`${key}: "${full}" is larger than 2 MB; use a smaller image.`);
  return `data:${mime};base64,${readFileSync(full).toString('base64')}`;
}
