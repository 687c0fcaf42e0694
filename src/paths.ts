import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Whether `path` is `folder` or lies under it (paths as given: resolve links first where they matter). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Whether `path` is a folder itself, not a link to one nor anything else. */
export function isRealFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Links followed before a path is taken for a loop of links. */
const MAX_LINKS = 40;

/**
 * The path with symbolic links resolved, as far as it exists (a file or folder about to be created keeps its new
 * part). A link whose target does not exist yet is followed too: a file written through it would land at the target.
 */
export function realPath(path: string, links = 0): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    if (links < MAX_LINKS && isLink(existing)) return realPath(join(resolve(dirname(existing), readlinkSync(existing)), ...rest), links + 1);
    rest.unshift(existing.slice(dirname(existing).length).replace(/^[\\/]+/, ''));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return resolve(path);
  }
}

/** Whether `path` is a symbolic link (dangling or not). */
export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
