import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { UserError } from './errors.js';
import { isInside, realPath } from './paths.js';

/** System folders nothing of a report belongs in, nor anywhere under them. */
const SYSTEM_TREES = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/sbin', '/sys', '/usr'];
/** Folders that hold other folders, where a report's files would sit among everyone's (their subfolders are fine). */
const SHARED_ROOTS = ['/', '/home', '/media', '/mnt', '/opt', '/root', '/run', '/srv', '/tmp', '/var'];

/**
 * Why a folder must not receive a report's files, or null when it may. A
 * report replaces its own files in the folder (report.pdf, charts/*.svg,
 * ...), so the root, the home folder and the system's folders are refused,
 * whatever link leads there.
 */
export function outputFolderProblem(dir: string, home = homedir()): string | null {
  const path = realPath(dir);
  const homes = [resolve(home), realPath(home)];
  if (homes.includes(path)) return 'is your home folder';
  if (SHARED_ROOTS.includes(path)) return path === '/' ? 'is the root folder' : `is the system folder ${path}`;
  const tree = SYSTEM_TREES.find((folder) => isInside(path, folder));
  return tree ? `is inside the system folder ${tree}` : null;
}

/** Refuses, in one line naming the option, an output folder that outputFolderProblem turns down. */
export function refuseSystemFolder(dir: string, option: string): void {
  const problem = outputFolderProblem(dir);
  if (problem) throw new UserError(`${option} "${dir}" ${problem}; give the report a folder of its own, such as reports/2025-10.`);
}
