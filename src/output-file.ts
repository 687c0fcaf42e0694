import { accessSync, constants, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CRASH_STEPS, crashPoint } from './crash-point.js';
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

/**
 * Writes one output file whole or not at all (a crash or a full disk leaves an earlier file as it was); a failure
 * is a one-line UserError naming the path and the system's reason.
 */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    replaceWhole(path, data);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
    throw new UserError(`${path}: cannot write the output (${reason}); check that the folder exists and is writable.`);
  }
}

/**
 * Replaces `path` whole or not at all: the data is written beside it under a hidden temporary name, then renamed over
 * it, so a crash or a full disk leaves the old file as it was (and no temporary file behind, short of a crash).
 */
export function replaceWhole(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    crashPoint(CRASH_STEPS.replaceBeforeRename);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
