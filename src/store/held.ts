import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../errors.js';

/**
 * The database is open in another process, which holds its lock (DuckDB: "Could not set lock on file …: Conflicting
 * lock is held in /usr/bin/node (PID 31664)"): an import writing it, or readers when this one would write. Said with
 * the process, and whether it is replybench (an import or report in another terminal, or the page's server), and to
 * wait: DuckDB's own text advises a read-only mode the user cannot choose.
 */
export class DatabaseHeld extends UserError {
  constructor(
    readonly path: string,
    readonly holder: { pid: number | null; replybench: boolean },
  ) {
    super(`${path}: ${heldSentence(holder)}`);
  }
}

/** The holder a DuckDB refusal to open names, or null when the refusal is not about another process's lock. */
export function heldBy(message: string): { pid: number | null; replybench: boolean } | null {
  if (!message.includes('Could not set lock on file')) return null;
  const pid = /\(PID (\d+)\)/.exec(message)?.[1];
  return pid === undefined ? { pid: null, replybench: false } : { pid: Number(pid), replybench: runsReplybench(Number(pid)) };
}

/** The refusal's sentence, without the path: the page's server says it of "the client's database". */
export function heldSentence({ pid, replybench }: { pid: number | null; replybench: boolean }): string {
  const who = pid === null ? 'another program' : `another program (process ${pid}${replybench ? ', replybench: an import or report in another terminal, or the page of replybench serve' : ''})`;
  return `${who} has the database open to write to it, or to read it while this would write; wait until it is done, then run this again.`;
}

/** Whether the process runs replybench: the script its command line runs (Linux's /proc) is bin/replybench.js; false where that cannot be read. */
function runsReplybench(pid: number): boolean {
  try {
    const [, script = ''] = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /^replybench(\.js)?$/.test(basename(script));
  } catch {
    return false;
  }
}
