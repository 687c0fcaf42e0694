import { existsSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { ANALYSIS_MEMORY, DATABASE_HINT, databaseFileProblem, Store } from '../store/database.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { schemaVersion } from '../store/upgrade.js';

/** The database of a config that names none, in the config's folder. */
export const DEFAULT_DATABASE = 'replybench.duckdb';

/**
 * --db, else the config's `database`, else replybench.duckdb, both relative to
 * the config's folder (as `replybench serve` reads a client's), else, with no
 * config, ./replybench.duckdb. The path must be a DuckDB file or not exist yet:
 * anything else is refused here, before any file is read or created, naming
 * the option or the config key that gave it.
 */
export function databasePath(db: string | undefined, config: Config | null): string {
  const { path, origin } = db
    ? { path: resolve(db), origin: `--db "${db}"` }
    : config?.database
      ? { path: resolve(config.baseDir, config.database), origin: `${config.source}: database: "${config.database}"` }
      : { path: resolve(config?.baseDir ?? '.', DEFAULT_DATABASE), origin: null };
  const problem = databaseFileProblem(path);
  if (problem) throw new UserError(`${origin ? `${origin} (${path})` : path} ${problem}; ${DATABASE_HINT}.`);
  return path;
}

/**
 * Remembers what opening a database at `path` will create (the file, its
 * write-ahead log, missing folders), so that an import that adds nothing can
 * take it all away again: a failed import leaves no empty database behind.
 */
export function newDatabaseFootprint(path: string): { discard(): void } {
  if (existsSync(path)) return { discard: () => undefined };
  const folders: string[] = [];
  for (let folder = dirname(path); !existsSync(folder); folder = dirname(folder)) folders.push(folder);
  return {
    discard: () => {
      for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
      for (const folder of folders) {
        try {
          rmdirSync(folder);
        } catch {
          // Not empty (something else was put there meanwhile): it stays.
          return;
        }
      }
    },
  };
}

/** What opening the store did (rows of an import that never committed removed, an upgrade), one line each on stderr. */
export function printStoreNotices(notices: readonly string[]): void {
  for (const notice of notices) process.stderr.write(`replybench: ${notice}\n`);
}

const countRow = z.object({ n: z.number() });

/**
 * Opens, read-only, a database that metrics or a report will read. A missing
 * file, or one with no posts yet, is a one-line UserError saying to import
 * first; so is a store made by a newer replybench, or one that holds rows of
 * an import that never committed (Store.open refuses both).
 */
export async function openImportedDatabase(path: string): Promise<Store> {
  if (!existsSync(path)) throw new NothingImported(`${path}: database not found; run "replybench import <files>" first, or pass --db.`);
  const store = await openDatabaseToRead(path);
  const [rows] = store ? await store.rows('any post', countRow, 'SELECT count(*)::DOUBLE AS n FROM (SELECT 1 FROM posts LIMIT 1)') : [];
  if (!rows?.n) {
    store?.close();
    throw new NothingImported(`${path}: the database holds no posts; run "replybench import <files>" first.`);
  }
  return store as Store;
}

/** A database that is not there yet, or holds no post: nothing is imported to read (the page says so in its words). */
export class NothingImported extends UserError {}

/**
 * Opens, read-only, an existing database that may hold no post yet (an import
 * of a file with a header only); null when it holds no replybench tables.
 */
export async function openDatabaseToRead(path: string): Promise<Store | null> {
  const store = await openCurrent(path);
  const [posts] = await store.rows('posts table', countRow, "SELECT count(*)::DOUBLE AS n FROM information_schema.tables WHERE table_name = 'posts'");
  if (posts?.n) return store;
  store.close();
  return null;
}

/** Opens read-only; a store made by an earlier replybench is upgraded first (opened for writing once, and said so). */
async function openCurrent(path: string): Promise<Store> {
  const store = await Store.open(path, { readOnly: true, memoryLimit: ANALYSIS_MEMORY });
  if ((await schemaVersion(store)) === SCHEMA_VERSION) return store;
  store.close();
  const writer = await Store.open(path);
  try {
    await writer.checkpoint();
    printStoreNotices(writer.notices);
  } finally {
    writer.close();
  }
  return Store.open(path, { readOnly: true, memoryLimit: ANALYSIS_MEMORY });
}
