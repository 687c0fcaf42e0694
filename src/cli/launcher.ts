import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout's root (src/cli/ and the bundle in dist/cli-bundle/ both sit two folders below it). */
export const CHECKOUT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/**
 * How to type replybench in `dir` so that it runs as printed: `npx replybench`
 * inside this checkout (npx finds the package there), `replybench` where it is
 * on the PATH (after `npm link`), else node with the full path of its script
 * (outside the checkout, npx would look for a package on the registry).
 */
export function commandIn(dir: string): string {
  const inside = relative(CHECKOUT, dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return 'npx replybench';
  const onPath = (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, 'replybench')));
  if (onPath) return 'replybench';
  return `node ${shellQuoted(join(CHECKOUT, 'bin', 'replybench.js'))}`;
}

/** A path as a POSIX shell reads it back whole: quoted when it holds a space or a character the shell treats specially. */
function shellQuoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
