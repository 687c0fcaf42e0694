import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The DuckDB instances this process has open on database files. A lock on a
 * file belongs to the process, not to the descriptor: closing any descriptor
 * of the file drops every lock the process holds on it. So readers of one
 * file share one read-only instance, closed when the last of them closes (a
 * second instance, closed first, would drop the lock the other still needs,
 * and an import in another process could then write under that reader), and
 * nothing else of this process opens a file an instance holds or is opening
 * (see isHeldOpen). A file is held from the moment its opening starts: DuckDB
 * takes the lock while it opens.
 */
const readers = new Map<string, { instance: Promise<DuckDBInstance>; count: number }>();
/** Files an instance of this process has open, or is opening, for writing (one instance each). */
const writers = new Set<string>();
const HELD_FOR_WRITING = 'this program is writing it (an import); try again when it ends';

export interface OpenInstance {
  instance: DuckDBInstance;
  /** Called once by each user when done: closes the instance, or leaves a shared one to its other readers. */
  release: () => void;
}

/**
 * A read-only instance of the database at `path`, shared with the other readers of this process. The first reader's
 * settings are the instance's: a second instance with other settings would bring back the lock a closing one drops.
 */
export async function sharedReader(path: string, settings: Record<string, string>): Promise<OpenInstance> {
  const key = fileKey(path);
  // Opened and closed beside this process's writer, it would drop the writer's lock.
  if (writers.has(key)) throw new Error(HELD_FOR_WRITING);
  let entry = readers.get(key);
  if (!entry) {
    entry = { instance: DuckDBInstance.create(path, { ...settings, access_mode: 'READ_ONLY' }), count: 0 };
    readers.set(key, entry);
  }
  const shared = entry;
  shared.count += 1;
  let instance: DuckDBInstance;
  try {
    instance = await shared.instance;
  } catch (error) {
    shared.count -= 1;
    if (readers.get(key) === shared) readers.delete(key);
    throw error;
  }
  return {
    instance,
    release: once(() => {
      shared.count -= 1;
      if (shared.count > 0) return;
      readers.delete(key);
      instance.closeSync();
    }),
  };
}

/** An instance of its own for the database at `path` (':memory:' too), to write with. */
export async function ownInstance(path: string, settings: Record<string, string>): Promise<OpenInstance> {
  if (path === ':memory:') {
    const memory = await DuckDBInstance.create(path, settings);
    return { instance: memory, release: once(() => memory.closeSync()) };
  }
  const key = fileKey(path);
  // Locks do not keep this process from itself: two writers, or a writer under a reader, would each see a file the other changes.
  if (writers.has(key)) throw new Error(HELD_FOR_WRITING);
  if (readers.has(key)) throw new Error('this program is reading it; try again when that is done');
  writers.add(key);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, settings);
  } catch (error) {
    writers.delete(key);
    throw error;
  }
  return {
    instance,
    release: once(() => {
      writers.delete(key);
      instance.closeSync();
    }),
  };
}

/** Whether an instance of this process has the file at `path` open, or is opening it: then opening it again to look would drop its lock. */
export function isHeldOpen(path: string): boolean {
  const key = fileKey(path);
  return writers.has(key) || readers.has(key);
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

/** The file's own path, links resolved; the same before the file exists (its folder resolved) as after. */
function fileKey(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
