import { z } from 'zod';
import { UserError } from '../errors.js';
import type { SqlSession } from './session.js';

/**
 * Rows of imports that never committed: posts and rejects whose batch has no
 * `import_batches` row. An import writes its batch row first, in the same
 * transaction as its rows, so a store holds such rows only when DuckDB
 * replayed part of a transaction killed inside its final fsync
 * (duckdb/duckdb#25931), or when someone added rows by hand without a batch.
 */
export interface Orphans {
  posts: number;
  rejects: number;
  /** The files of those imports where the rejects recorded them (absolute paths), in batch order. */
  files: string[];
  /** How many imports the rows belong to. */
  batches: number;
}

const countRow = z.object({ n: z.number() });
const orphanedPostsRow = z.object({ batch: z.number(), n: z.number() });
const orphanedRejectsRow = z.object({ batch: z.number(), file: z.string(), n: z.number() });

/** The orphaned rows of a store, or null when it has none (or is not a replybench store yet). Each table is read once. */
export async function findOrphans(session: SqlSession): Promise<Orphans | null> {
  const [tables] = await session.rows(
    'replybench tables',
    countRow,
    "SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN ('posts', 'import_batches', 'import_rejects')",
  );
  if (tables?.n !== 3) return null;
  const posts = await session.rows(
    'orphaned posts',
    orphanedPostsRow,
    'SELECT batch_id AS batch, count(*)::DOUBLE AS n FROM posts WHERE batch_id NOT IN (SELECT batch_id FROM import_batches) GROUP BY batch_id',
  );
  const rejects = await session.rows(
    'orphaned rejects',
    orphanedRejectsRow,
    'SELECT batch_id AS batch, file, count(*)::DOUBLE AS n FROM import_rejects WHERE batch_id NOT IN (SELECT batch_id FROM import_batches) GROUP BY batch_id, file ORDER BY batch_id, file',
  );
  if (posts.length === 0 && rejects.length === 0) return null;
  const sum = (rows: Array<{ n: number }>) => rows.reduce((total, row) => total + row.n, 0);
  return {
    posts: sum(posts),
    rejects: sum(rejects),
    files: [...new Set(rejects.map((row) => row.file))],
    batches: new Set([...posts, ...rejects].map((row) => row.batch)).size,
  };
}

/** Removes the orphaned rows; runs inside the caller's transaction. */
export async function deleteOrphans(session: SqlSession): Promise<void> {
  await session.run('DELETE FROM posts WHERE batch_id NOT IN (SELECT batch_id FROM import_batches)');
  await session.run('DELETE FROM import_rejects WHERE batch_id NOT IN (SELECT batch_id FROM import_batches)');
}

function count(value: number, word: string): string {
  return `${value.toLocaleString('en-US')} ${word}${value === 1 ? '' : 's'}`;
}

/** What the rows were, for both sentences: "1,000,000 posts of an import that never committed". */
function whatWasLeft(orphans: Orphans): string {
  const rows = [orphans.posts > 0 ? count(orphans.posts, 'post') : null, orphans.rejects > 0 ? count(orphans.rejects, 'rejected row') : null].filter(Boolean).join(' and ');
  return `${rows} of ${orphans.batches === 1 ? 'an import' : `${orphans.batches} imports`} that never committed`;
}

/** What to import again: the files when the rejects named them, else a word that they are not known. */
function importAgain(orphans: Orphans): string {
  if (orphans.files.length === 0) return `import ${orphans.batches === 1 ? 'that file' : 'those files'} again (the store does not record which ${orphans.batches === 1 ? 'it was' : 'they were'})`;
  const listed = orphans.files.length <= 3 ? orphans.files : [...orphans.files.slice(0, 3), `${orphans.files.length - 3} more`];
  return `import ${listed.join(', ')} again`;
}

/** The line a write-open prints after removing them: "removed 1,000,000 posts of an import that never committed: import archive.csv again". */
export function orphansRemovedNotice(orphans: Orphans): string {
  return `removed ${whatWasLeft(orphans)}: ${importAgain(orphans)}.`;
}

/** A store opened to read holds rows of an import that never committed: refused, with what removes them. */
export class UnfinishedImport extends UserError {
  constructor(
    path: string,
    readonly orphans: Orphans,
  ) {
    super(orphansRefusal(path, orphans));
  }
}

/** Why a read-only open refuses such a store, and what removes the rows. */
export function orphansRefusal(path: string, orphans: Orphans): string {
  return `${path}: holds ${whatWasLeft(orphans)}, which no report may count: ${importAgain(orphans)} ("replybench import" removes them first).`;
}
