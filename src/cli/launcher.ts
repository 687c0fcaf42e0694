import { existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout's root (src/cli/ and the bundle in dist/cli-bundle/ both sit two folders below it). */
export const CHECKOUT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

const SCRIPT = join(CHECKOUT, 'bin', 'replybench.js');

/**
 * How to type replybench in `dir` so that it runs as printed, and runs this
 * copy: `npx replybench` inside this checkout or where it is installed in a
 * node_modules of the folder or one above it (npx finds it there),
 * `replybench` where the one on the PATH is this one (after `npm link`),
 * else node with the full path of its script (elsewhere, npx would ask the
 * registry for a package of that name).
 */
export function commandIn(dir: string): string {
  const inside = relative(CHECKOUT, dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return 'npx replybench';
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    if (isThisScript(join(folder, 'node_modules', '.bin', 'replybench'))) return 'npx replybench';
    if (dirname(folder) === folder) break;
  }
  // A node_modules/.bin folder on the PATH is npm's, for this run only: `npx replybench` puts a link to this script in
  // one of its own (~/.npm/_npx/<hash>/node_modules/.bin), which the user's shell does not have.
  const onPath = (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && !isNpmRunFolder(folder) && isThisScript(join(folder, 'replybench')));
  if (onPath) return 'replybench';
  return `node ${shellQuoted(SCRIPT)}`;
}

/** A folder npm puts on the PATH of the command it runs (a node_modules/.bin), not one of the user's shell. */
function isNpmRunFolder(folder: string): boolean {
  return /(^|[\\/])node_modules[\\/]\.bin[\\/]?$/.test(folder);
}

/** Whether a command file is (a link to) this checkout's script, not another install of another version. */
function isThisScript(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return realpathSync(path) === realpathSync(SCRIPT);
  } catch {
    return false;
  }
}

/** A path as a POSIX shell reads it back whole: quoted when it holds a space or a character the shell treats specially. */
function shellQuoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
