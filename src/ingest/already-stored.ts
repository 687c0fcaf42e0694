import { existsSync } from 'node:fs';
import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import { ANALYSIS_MEMORY, Store } from '../store/database.js';
import { DatabaseHeld } from '../store/held.js';
import { UnfinishedImport } from '../store/orphans.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { schemaVersion } from '../store/upgrade.js';

const chunkRow = z.object({ platform: z.string(), ids: z.array(z.string()) });
const countRow = z.object({ n: z.number() });
/** Ids sent across per query: a file of millions of posts is never held in one list. */
const CHUNK = 50_000;

/**
 * Why alreadyStored cannot tell: an import of this process writes the database (`importing`: opening and closing the
 * file here would drop that import's lock), another program holds it, an import was cut short in it (its rows must
 * go first), or it is no replybench store of this version (opening it would upgrade it).
 */
export type StoredUnknown = 'importing' | 'held-elsewhere' | 'unfinished-import' | 'other-store';

/**
 * How many posts of a dry run (the `posts` of its store in memory) the
 * database at `database` holds already: an import adds none of them (it skips
 * them, or fills their empty fields). 0 when there is no database there yet.
 * Null when it cannot tell without writing or without harm, with why
 * (`unknown`; null too when no database is named).
 */
export async function alreadyStored(preview: Store, database: string | null, busy = false): Promise<{ count: number | null; unknown: StoredUnknown | null }> {
  if (database === null) return { count: null, unknown: null };
  if (busy) return { count: null, unknown: 'importing' };
  if (!existsSync(database)) return { count: 0, unknown: null };
  let stored: Store;
  try {
    // The memory of the analyses that may read the same file meanwhile, as they do (one instance serves them all).
    stored = await Store.open(database, { readOnly: true, memoryLimit: ANALYSIS_MEMORY });
  } catch (error) {
    return { count: null, unknown: error instanceof DatabaseHeld ? 'held-elsewhere' : error instanceof UnfinishedImport ? 'unfinished-import' : 'other-store' };
  }
  try {
    if ((await versionOf(stored)) !== SCHEMA_VERSION) return { count: null, unknown: 'other-store' };
    // The ids go across in chunks: two databases share no table.
    await preview.run(`CREATE OR REPLACE TEMP TABLE preview_keys AS SELECT platform, post_id, (row_number() OVER () - 1) // ${CHUNK} AS chunk FROM posts`);
    let count = 0;
    for (let chunk = 0; ; chunk++) {
      const lists = await preview.rows('posts of the file', chunkRow, 'SELECT platform, list(post_id) AS ids FROM preview_keys WHERE chunk = $chunk GROUP BY platform', { chunk });
      if (lists.length === 0) return { count, unknown: null };
      for (const { platform, ids } of lists) {
        const [row] = await stored.rows(
          'posts stored before',
          countRow,
          'SELECT count(*)::DOUBLE AS n FROM posts WHERE platform = $platform AND post_id IN (SELECT unnest($ids))',
          { platform, ids: listValue(ids) },
        );
        count += row?.n ?? 0;
      }
    }
  } finally {
    stored.close();
  }
}

/** The store's schema version; null for a DuckDB file that is no replybench store. */
async function versionOf(store: Store): Promise<number | null> {
  try {
    return await schemaVersion(store);
  } catch {
    return null;
  }
}
