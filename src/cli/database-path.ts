import { resolve } from 'node:path';
import type { Config } from '../config/types.js';

/** --db, else the config's `database` (relative to the config's folder), else ./replybench.duckdb. */
export function databasePath(db: string | undefined, config: Config | null): string {
  if (db) return resolve(db);
  if (config?.database) return resolve(config.baseDir, config.database);
  return resolve('replybench.duckdb');
}
