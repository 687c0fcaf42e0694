import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config/types.js';
import { UserError } from '../errors.js';
import { Store } from '../store/database.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { schemaVersion } from '../store/upgrade.js';

/** --db, else the config's `database` (relative to the config's folder), else ./replybench.duckdb. */
export function databasePath(db: string | undefined, config: Config | null): string {
  if (db) return resolve(db);
  if (config?.database) return resolve(config.baseDir, config.database);
  return resolve('replybench.duckdb');
}

/**
 * Opens, read-only, a database that metrics or a report will read. A missing
 * file, or one with no posts yet, is a one-line UserError saying to import first.
 */
export async function openImportedDatabase(path: string): Promise<Store> {
  if (!existsSync(path)) throw new UserError(`${path}: database not found; run "replybench import <files>" first, or pass --db.`);
  const store = await openCurrent(path);
  const [posts] = await store.all<{ tables: number }>("SELECT count(*)::DOUBLE AS tables FROM information_schema.tables WHERE table_name = 'posts'");
  const [rows] = posts?.tables ? await store.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM (SELECT 1 FROM posts LIMIT 1)') : [];
  if (!rows?.n) {
    store.close();
    throw new UserError(`${path}: the database holds no posts; run "replybench import <files>" first.`);
  }
  return store;
}

/** Opens read-only; a store made by an earlier replybench is upgraded first (opened for writing once). */
async function openCurrent(path: string): Promise<Store> {
  const store = await Store.open(path, { readOnly: true });
  if ((await schemaVersion(store)) >= SCHEMA_VERSION) return store;
  store.close();
  (await Store.open(path)).close();
  return Store.open(path, { readOnly: true });
}
