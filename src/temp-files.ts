import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temporary folders that carry their owner's process id in their name
 * (`replybench-import-4242-Xyz12`), so that whatever a killed run left is
 * recognised and removed by the next one, and a registry of what to undo
 * when the process is interrupted.
 */

export type TempKind = 'import' | 'archive' | 'chromium' | 'spill';

const OWNED = /^replybench-(?:import|archive|chromium|spill)-(\d+)-/;

const cleanups = new Set<() => void>();

/**
 * Registers `cleanup` to run if the process is interrupted (SIGINT, SIGTERM)
 * before `release` is called; it must be synchronous, as the process ends
 * right after. Returns `release`.
 */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** The handlers installInterruptHandlers set, which a command that stops in its own way takes away. */
const interruptHandlers = new Map<'SIGINT' | 'SIGTERM', () => void>();

/**
 * An interrupted run (Ctrl-C, SIGTERM) removes its temporary files and stops its browser, then ends by the same
 * signal.
 */
export function installInterruptHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = () => {
      runInterruptCleanups();
      process.kill(process.pid, signal);
    };
    interruptHandlers.set(signal, handler);
    process.once(signal, handler);
  }
}

/**
 * For a command that stops on an interruption in its own way (`serve`: the import or report under way ends first, and
 * is answered): the handlers that end the process at once are taken away. It runs the cleanups itself when it ends
 * the process early.
 */
export function takeOverInterrupts(): void {
  for (const [signal, handler] of interruptHandlers) process.removeListener(signal, handler);
  interruptHandlers.clear();
}

/**
 * Runs every registered cleanup once, the last registered first (each failure ignored: the rest still run): a browser
 * is stopped before the profile folder it writes into is removed.
 */
export function runInterruptCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

/** A new folder in the system's temporary folder, removed by `remove()`, on interruption, or by the next run if this one is killed. */
export function makeTempFolder(kind: TempKind): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `replybench-${kind}-${process.pid}-`));
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  const release = onInterrupt(remove);
  return {
    path,
    remove: () => {
      release();
      remove();
    },
  };
}

/** True when a process with this id runs (one owned by another user counts as running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Removes the temporary folders of runs that no longer exist (killed before
 * they could clean up: a 123 MB copy of an import stays otherwise). Returns
 * how many it removed.
 */
export function removeStaleTempFolders(folder = tmpdir()): number {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of entries) {
    const owner = OWNED.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || isRunning(Number(owner))) continue;
    try {
      rmSync(join(folder, name), { recursive: true, force: true });
      removed += 1;
    } catch {
      // Another user's, or already gone.
    }
  }
  return removed;
}
