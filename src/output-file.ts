import { accessSync, constants, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';

/** Checks, before any work, that `path` can be written: its folder exists and is writable. */
export function checkOutputFile(path: string, option: string): void {
  const folder = dirname(resolve(path));
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'not writable';
    throw new UserError(`${option} "${path}": cannot write the output (${reason}): the folder ${folder} is missing or not writable; create it or choose another path.`);
  }
}

/** Writes one output file; a failure is a one-line UserError naming the path and the system's reason. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
    throw new UserError(`${path}: cannot write the output (${reason}); check that the folder exists and is writable.`);
  }
}
