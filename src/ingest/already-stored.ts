import { existsSync } from 'node:fs';
import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { Store } from '../store/database.js';
import { SCHEMA_VERSION } from '../store/schema.js';
import { schemaVersion } from '../store/upgrade.js';

const idsRow = z.object({ platform: z.string(), ids: z.array(z.string()) });
const countRow = z.object({ n: z.number() });

/**
 * How many posts of a dry run (the `posts` of its store in memory) the
 * database at `database` holds already: an import adds none of them (it skips
 * them, or fills their empty fields). Null when it cannot tell without
 * writing: no database there yet, one of another version (opening it would
 * upgrade it), or one that cannot be opened now (an import holds it).
 */
export async function alreadyStored(preview: Store, database: string | null): Promise<number | null> {
  if (database === null || !existsSync(database)) return null;
  let stored: Store;
  try {
    stored = await Store.open(database, { readOnly: true });
  } catch (error) {
    if (error instanceof UserError || (error instanceof Error && /lock/i.test(error.message))) return null;
    throw error;
  }
  try {
    if ((await schemaVersion(stored)) !== SCHEMA_VERSION) return null;
    // The ids go across as one list per platform: two databases share no table.
    const files = await preview.rows('posts of the file', idsRow, 'SELECT platform, list(post_id) AS ids FROM posts GROUP BY platform');
    let count = 0;
    for (const { platform, ids } of files) {
      const [row] = await stored.rows(
        'posts stored before',
        countRow,
        'SELECT count(*)::DOUBLE AS n FROM posts WHERE platform = $platform AND post_id IN (SELECT unnest($ids))',
        { platform, ids: listValue(ids) },
      );
      count += row?.n ?? 0;
    }
    return count;
  } finally {
    stored.close();
  }
}
