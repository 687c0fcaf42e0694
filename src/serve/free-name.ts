import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isLink } from '../paths.js';

/** `name` in `folder`, or "name (2).ext", "name (3).ext"... when it is taken: a file the page adds never replaces one there. */
export function freeName(folder: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let index = 1; ; index += 1) {
    const candidate = join(folder, index === 1 ? name : `${stem} (${index})${extension}`);
    // A dangling link is taken too: a file written there would land where it points.
    if (!existsSync(candidate) && !isLink(candidate)) return candidate;
  }
}
