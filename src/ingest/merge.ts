import type { Store } from '../store/database.js';
import { CANONICAL_ROWS, MAPPED_COLUMNS } from './canonical.js';
import { quoteIdentifier } from './formats/sql-helpers.js';

const KEY = ['platform', 'post_id'];
/** Columns a later copy of a post may fill when the stored row has them empty (the rest are NOT NULL). */
const FILLABLE = ['author_name', 'author_followers', 'parent_id', 'parent_url', 'thread_id', 'text', 'url', 'language', 'sentiment', 'topic'];
const PRIMARY_KEY = 'PRIMARY KEY(platform, post_id)';

/**
 * Adds the kept rows of a file to `posts` and returns how many new posts it
 * added. A post already stored (same platform and post_id) is not added
 * again; its empty fields take the new copy's values. Copies inside the file
 * are merged the same way first, the earlier row winning. Runs inside the
 * caller's transaction.
 */
export async function mergePosts(store: Store, batchId: number, options: { duplicatesInFile: boolean }): Promise<number> {
  const columns = MAPPED_COLUMNS.map(quoteIdentifier).join(', ');
  const kept = `SELECT * FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason = 0`;
  const source = options.duplicatesInFile
    ? `SELECT ${MAPPED_COLUMNS.map((column) => (KEY.includes(column) ? quoteIdentifier(column) : `arg_min(${quoteIdentifier(column)}, __rb_row) AS ${quoteIdentifier(column)}`)).join(', ')}
       FROM (${kept}) GROUP BY platform, post_id`
    : kept;
  const insert = `INSERT INTO posts (${columns}, batch_id) SELECT ${columns}, $batch_id FROM (${source})`;
  const existing = await countPosts(store);
  if (existing === 0 && (await loadIntoEmptyPosts(store, insert, batchId))) return countPosts(store);
  const upsert = `${insert} ON CONFLICT (platform, post_id) DO UPDATE SET ${FILLABLE.map((column) => `${column} = COALESCE(posts.${column}, excluded.${column})`).join(', ')}`;
  await store.run(upsert, { batch_id: batchId });
  return (await countPosts(store)) - existing;
}

async function countPosts(store: Store): Promise<number> {
  const [row] = await store.all<{ posts: number }>('SELECT count(*)::DOUBLE AS posts FROM posts');
  return row?.posts ?? 0;
}

/**
 * The first load into an empty store. Filling a primary-key index row by row
 * costs more than writing the rows themselves; building it once over the
 * loaded table is about twice as fast. So `posts` is recreated from its own
 * definition without the key, filled, and given the key back, all inside the
 * import's transaction; the definition is checked to come out identical.
 * Returns false (nothing done) when the table is not the plain one expected,
 * e.g. when an index or a comment was added to it.
 */
async function loadIntoEmptyPosts(store: Store, insert: string, batchId: number): Promise<boolean> {
  const [table] = await store.all<{ sql: string }>("SELECT sql FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'posts' AND NOT temporary");
  // Indexes and comments are not part of the definition's text: a table that has one keeps the slower path.
  const [extras] = await store.all<{ n: number }>(
    `SELECT ((SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'posts')
      + (SELECT count(*) FROM duckdb_tables() WHERE table_name = 'posts' AND comment IS NOT NULL)
      + (SELECT count(*) FROM duckdb_columns() WHERE table_name = 'posts' AND comment IS NOT NULL))::DOUBLE AS n`,
  );
  const definition = table?.sql;
  if (!definition || (extras?.n ?? 0) > 0 || !definition.includes(`, ${PRIMARY_KEY})`)) return false;
  await store.run('DROP TABLE posts');
  await store.run(definition.replace(`, ${PRIMARY_KEY})`, ')'));
  await store.run(insert, { batch_id: batchId });
  await store.run('ALTER TABLE posts ADD PRIMARY KEY (platform, post_id)');
  const [after] = await store.all<{ sql: string }>("SELECT sql FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'posts' AND NOT temporary");
  if (after?.sql !== definition) throw new Error(`posts was recreated with a different definition: ${after?.sql ?? '(none)'}`);
  return true;
}
