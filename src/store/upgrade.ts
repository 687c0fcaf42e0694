import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Store } from './database.js';
import { POST_COLUMNS, postsTableDdl, SCHEMA_VERSION } from './schema.js';

const metaValueRow = z.object({ value: z.string() });
const countRow = z.object({ n: z.number() });
const fileRow = z.object({ file: z.string() });
const columnRow = z.object({ name: z.string(), comment: z.string().nullable() });
const indexRow = z.object({ sql: z.string() });
const commentRow = z.object({ comment: z.string().nullable() });

/** The store's schema version as recorded in replybench_meta. */
export async function schemaVersion(store: Store): Promise<number> {
  const [row] = await store.rows('schema version', metaValueRow, "SELECT value FROM replybench_meta WHERE key = 'schema_version'");
  const version = Number(row?.value);
  if (!Number.isInteger(version) || version < 1) throw new UserError(`${store.path}: replybench_meta holds no readable schema_version ("${row?.value ?? ''}"); this is not a replybench database, or it was edited.`);
  return version;
}

function newerSchema(store: Store, version: number): UserError {
  return new UserError(`${store.path}: made by a newer replybench (store schema version ${version}; this one knows up to ${SCHEMA_VERSION}). Update replybench to use it.`);
}

/** Refuses, on a read-only open, a store made by a newer replybench (a store without replybench's tables is left to the caller). */
export async function refuseNewerSchema(store: Store): Promise<void> {
  const [meta] = await store.rows('meta table', countRow, "SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'replybench_meta'");
  if (!meta?.n) return;
  const version = await schemaVersion(store);
  if (version > SCHEMA_VERSION) throw newerSchema(store, version);
}

/**
 * Brings a store made by an earlier replybench to the current schema, in one
 * transaction: it is upgraded whole or left as it was. Returns what the user
 * should hear of it (the columns it added are empty until the files are read
 * again), or null.
 */
export async function upgradeSchema(store: Store): Promise<string | null> {
  const version = await schemaVersion(store);
  if (version > SCHEMA_VERSION) throw newerSchema(store, version);
  if (version === SCHEMA_VERSION) return null;
  await store.transaction(async () => {
    if (version < 2) {
      await dropPostsKey(store);
      // Batch ids now follow import_batches itself, so a failed import leaves no gap.
      await store.run('DROP SEQUENCE IF EXISTS import_batch_ids');
    }
    // Version 2 -> 3: the ids an export lists as a post's responses (coverage), and the
    // user a reply answers when the export names no parent post (threading). A table
    // rebuilt just above already has the columns.
    if (version < 3) {
      await store.run('ALTER TABLE posts ADD COLUMN IF NOT EXISTS response_ids VARCHAR');
      await store.run('ALTER TABLE posts ADD COLUMN IF NOT EXISTS reply_to_user VARCHAR');
    }
    // Version 3 -> 4: learned_handles, which the schema's own DDL has just created.
    // Version 4 -> 5: each import's warnings as data; earlier imports keep only their text.
    if (version < 5) await store.run('ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS notices VARCHAR');
    // Version 5 -> 6: the zone each import read local times in; unknown for earlier imports.
    if (version < 6) await store.run('ALTER TABLE import_batches ADD COLUMN IF NOT EXISTS local_times_in VARCHAR');
    await store.run("UPDATE replybench_meta SET value = $value WHERE key = 'schema_version'", { value: String(SCHEMA_VERSION) });
  });
  return version < 3 ? fillColumnsNotice(store, version) : version < 5 ? importNotesNotice(store, version) : null;
}

/** The upgrade's line when it added columns that only the exports can fill: the command that reads the known files again. */
async function fillColumnsNotice(store: Store, version: number): Promise<string> {
  const files = await store.rows('imported files', fileRow, 'SELECT file FROM import_batches GROUP BY file ORDER BY min(batch_id)');
  const upgraded = `upgraded the store from schema version ${version} to ${SCHEMA_VERSION}: response_ids and reply_to_user are empty for the posts imported before`;
  if (files.length === 0) return `${upgraded}.`;
  return `${upgraded}; fill them, adding no post, with: ${againCommand(readAgain(files))}`;
}

/**
 * The upgrade's line when files imported before had warnings, which the store
 * kept as English text only: the report can tell them only once a file is
 * read again. Null when no file had one.
 */
async function importNotesNotice(store: Store, version: number): Promise<string | null> {
  const files = await store.rows('files imported with warnings', fileRow, 'SELECT file FROM import_batches WHERE len(warnings) > 0 GROUP BY file ORDER BY min(batch_id)');
  if (files.length === 0) return null;
  const paths = readAgain(files);
  return `upgraded the store from schema version ${version} to ${SCHEMA_VERSION}: reports now say what an import changed in a file (repaired text, values Excel damaged), but know it only for files read from now on; to have it for ${paths.length === 1 ? 'the file' : `the ${paths.length} files`} imported before with warnings, read ${paths.length === 1 ? 'it' : 'them'} again, adding no post, with: ${againCommand(paths)}`;
}

/** The files to read again, as shell words: an archive member is recorded as archive.zip:member.csv, and the archive is what is read again. */
function readAgain(files: ReadonlyArray<{ file: string }>): string[] {
  return [...new Set(files.map((row) => row.file.replace(/(\.zip):.*$/i, '$1')))].map(shellWord);
}

function againCommand(paths: readonly string[]): string {
  const shown = paths.length <= 5 ? paths.join(' ') : `${paths.slice(0, 5).join(' ')} (and ${paths.length - 5} more: see import_batches)`;
  return `replybench import --again ${shown}`;
}

/** A path as one word of a shell command. */
function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/** The columns of posts in schema versions 1 and 2 (version 3 added response_ids and reply_to_user). */
const VERSION_1_COLUMNS = POST_COLUMNS.filter((column) => column !== 'response_ids' && column !== 'reply_to_user');

function stringLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Version 1 -> 2: `posts` loses its PRIMARY KEY. DuckDB cannot drop a key, so
 * the table is recreated and filled with the same rows in the same order;
 * indexes and comments someone added to it are put back.
 */
async function dropPostsKey(store: Store): Promise<void> {
  const where = "schema_name = 'main' AND table_name = 'posts'";
  const columns = await store.rows('columns of posts', columnRow, `SELECT column_name AS name, comment FROM duckdb_columns() WHERE ${where} ORDER BY column_index`);
  const names = columns.map((column) => column.name);
  if (names.join(',') !== VERSION_1_COLUMNS.join(',')) {
    throw new UserError(
      `${store.path}: cannot upgrade the store: posts has the columns ${names.join(', ')} instead of ${VERSION_1_COLUMNS.join(', ')}. Undo the change to posts, or import the exports into a new database.`,
    );
  }
  const indexes = await store.rows('indexes of posts', indexRow, `SELECT sql FROM duckdb_indexes() WHERE ${where} AND sql IS NOT NULL`);
  const [table] = await store.rows('comment of posts', commentRow, `SELECT comment FROM duckdb_tables() WHERE ${where}`);

  const list = VERSION_1_COLUMNS.join(', ');
  await store.run(postsTableDdl('posts_upgrade'));
  // A plain INSERT ... SELECT keeps the scan's order (preserve_insertion_order is on by default).
  await store.run(`INSERT INTO posts_upgrade (${list}) SELECT ${list} FROM posts`);
  await store.run('DROP TABLE posts');
  await store.run('ALTER TABLE posts_upgrade RENAME TO posts');
  for (const index of indexes) await store.run(index.sql);
  if (table?.comment) await store.run(`COMMENT ON TABLE posts IS ${stringLiteral(table.comment)}`);
  for (const column of columns) {
    if (column.comment) await store.run(`COMMENT ON COLUMN posts."${column.name}" IS ${stringLiteral(column.comment)}`);
  }
}
