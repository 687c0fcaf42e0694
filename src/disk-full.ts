import { existsSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';

/**
 * True when a write failed for want of room: ENOSPC or a quota from Node, or
 * the same words in a DuckDB error (DuckDB reports the system's message, not
 * its code). EFBIG is the per-process file size limit (ulimit -f), which
 * stops a write the same way.
 */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return true;
  return /No space left on device|Disk quota exceeded|File too large|ENOSPC/i.test(error.message);
}

/** Bytes free for this user on the disk that holds `path` (its nearest existing folder), or null when the system does not say. */
export function freeBytes(path: string): number | null {
  let folder = resolve(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  try {
    const stats = statfsSync(folder);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/** Bytes as whole megabytes, rounded up (at least 1), as the messages about room say them. */
export function megabytes(bytes: number): string {
  return Math.max(1, Math.ceil(bytes / (1024 * 1024))).toLocaleString('en-US');
}

/** Free bytes as whole megabytes, rounded down: never more room than there is. */
export function freeMegabytes(bytes: number): string {
  return Math.floor(bytes / (1024 * 1024)).toLocaleString('en-US');
}

/**
 * The one-line error for a write that found the disk full: which disk (by
 * the path written), how much the work needed, and what to do. `needed` is
 * the size of what was being written (an estimate where the exact figure is
 * not known beforehand).
 */
export function diskFullError(path: string, needed: number, todo: string): UserError {
  const free = freeBytes(path);
  const room = free === null ? '' : ` (${freeMegabytes(free)} MB free)`;
  return new UserError(`the disk holding ${resolve(path)} is full${room}: ${megabytes(needed)} MB needed; ${todo}`);
}
