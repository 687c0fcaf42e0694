import { writeFileSync } from 'node:fs';
import { UserError } from './errors.js';

/** Writes one output file; a failure is a one-line UserError naming the path and the system's reason. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
    throw new UserError(`${path}: cannot write the output (${reason}); check that the folder exists and is writable.`);
  }
}
