import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning, makeTempFolder } from '../temp-files.js';

/**
 * Where DuckDB spills what does not fit in memory while it works on the database at `path`: a folder of this process
 * only, beside the database (DuckDB makes it when it first spills and takes it away on close). DuckDB's own default,
 * `<database>.tmp`, is one folder for every process, with the same file names in it: two analyses of one store that
 * spill at once (a report in the terminal beside the page's) read each other's pages as their own, and crash or read
 * another's values. The folders of processes that ended without closing (killed) are removed here.
 */
export function spillFolder(path: string): { path: string; remove(): void } {
  // A store in memory (a dry run, the page's preview) has a folder of its own in the system's temporary folder: two
  // previews at once in one process would otherwise share DuckDB's default, ./.tmp.
  if (path === ':memory:') return makeTempFolder('spill');
  removeDeadSpills(path);
  return { path: `${path}.tmp-${process.pid}`, remove: () => undefined };
}

function removeDeadSpills(path: string): void {
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dirname(path), name), { recursive: true, force: true });
  }
}
