import { readFileSync } from 'node:fs';
import { UserError } from '../../errors.js';

/**
 * The address space this process may use (`ulimit -v`), in bytes, or null
 * when it is unlimited or the system does not say (only Linux does, in
 * /proc/self/limits).
 */
export function addressSpaceLimit(limits = readLimits()): number | null {
  const line = limits?.split('\n').find((text) => text.startsWith('Max address space'));
  const soft = line?.slice('Max address space'.length).trim().split(/\s+/)[0];
  return soft === undefined || !/^\d+$/.test(soft) ? null : Number(soft);
}

function readLimits(): string | null {
  try {
    return readFileSync('/proc/self/limits', 'utf8');
  } catch {
    return null;
  }
}

const MEMORY_WORDS = /out of memory|cannot allocate memory|ENOMEM|allocation failed|Oilpan|partition_alloc/i;

/**
 * Why Chromium did not start, in one line. Chromium reserves several
 * gigabytes of address space at start: under `ulimit -v` (or a container's
 * equivalent) it dies before it says anything useful, and "reinstall it"
 * would send the user the wrong way.
 */
export function launchFailure(executablePath: string, error: unknown, limit = addressSpaceLimit()): UserError {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split('\n')[0] ?? '';
  if (limit !== null || MEMORY_WORDS.test(message)) {
    const cap = limit === null ? '' : `: this process may use at most ${Math.round(limit / 1024 / 1024).toLocaleString('en-US')} MB of address space (ulimit -v)`;
    return new UserError(
      `${executablePath}: Chromium did not start (${reason}) for want of memory${cap}, and it reserves several GB of address space at start; raise the limit ("ulimit -v unlimited"), or leave pdf out of --formats.`,
    );
  }
  return new UserError(`${executablePath}: Chromium did not start (${reason}); reinstall it ("apt-get install chromium") or set PUPPETEER_EXECUTABLE_PATH.`);
}
