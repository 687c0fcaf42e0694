import { existsSync } from 'node:fs';
import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import { ANALYSIS_MEMORY, Store } from '../store/database.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { schemaVersion } from '../store/upgrade.js';

const chunkRow = z.object({ platform: z.string(), ids: z.array(z.string()) });
const countRow = z.object({ n: z.number() });
/** Ids sent across per query: a file of millions of posts is never held in one list. */
const CHUNK = 50_000;

/**
 * How many posts of a dry run (the `posts` of its store in memory) the
 * database at `database` holds already: an import adds none of them (it skips
 * them, or fills their empty fields). 0 when there is no database there yet.
 * Null when it cannot tell without writing or without harm: no database named,
 * one that is not a replybench store of this version (opening it would upgrade
 * it), one that cannot be opened now (an import in another process holds it),
 * or `busy` (an import in this process holds it: opening and closing the file
 * here would drop that import's lock).
 */
export async function alreadyStored(preview: Store, database: string | null, busy = false): Promise<number | null> {
  if (database === null || busy) return null;
  if (!existsSync(database)) return 0;
  let stored: Store;
  try {
    // The memory of the analyses that may read the same file meanwhile, as they do (one instance serves them all).
    stored = await Store.open(database, { readOnly: true, memoryLimit: ANALYSIS_MEMORY });
  } catch {
    return null;
  }
  try {
    if ((await versionOf(stored)) !== SCHEMA_VERSION) return null;
    // The ids go across in chunks: two databases share no table.
    await preview.run(`CREATE OR REPLACE TEMP TABLE preview_keys AS SELECT platform, post_id, (row_number() OVER () - 1) // ${CHUNK} AS chunk FROM posts`);
    let count = 0;
    for (let chunk = 0; ; chunk++) {
      const lists = await preview.rows('posts of the file', chunkRow, 'SELECT platform, list(post_id) AS ids FROM preview_keys WHERE chunk = $chunk GROUP BY platform', { chunk });
      if (lists.length === 0) return count;
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
