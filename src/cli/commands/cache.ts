import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { cacheFolder, clearCache } from '../../analysis/cache.js';
import { loadConfig } from '../../config/load.js';
import { databasePath } from '../database.js';
import { DB_HELP } from '../shared-options.js';

interface CacheOptions {
  config: string;
  db?: string;
}

export function registerCache(program: Command): Command {
  const cache = program.command('cache').description('the analyses kept beside the database, so that a month looked at again is answered at once');
  cache
    .command('clear')
    .description('remove them (they are computed again when needed; an import or a config edit already makes them unused)')
    .option('--config <path>', 'config file', 'replybench.yaml')
    .option('--db <path>', DB_HELP)
    .action((options: CacheOptions) => {
      process.stdout.write(`${runCacheClear(options)}\n`);
    });
  return program;
}

/** What `cache clear` prints. */
export function runCacheClear(options: CacheOptions): string {
  const config = options.db === undefined || existsSync(options.config) ? loadConfig(options.config) : null;
  const path = databasePath(options.db, config);
  const removed = clearCache(path);
  return removed === 0 ? `No analysis kept beside ${path}.` : `Removed ${removed} kept ${removed === 1 ? 'analysis' : 'analyses'} (${cacheFolder(path)}).`;
}
