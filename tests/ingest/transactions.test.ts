import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { allPosts, DATE, FIXTURES, importError, importOne, openStore, rejects, tempFile, twcsCsv } from './helpers.js';
import { storedRows } from '../stored-rows.js';

const SAMPLE = join(FIXTURES, 'twcs_kaggle_sample.csv');

async function snapshot(store: Store): Promise<unknown> {
  return {
    posts: await allPosts(store),
    batches: await storedRows(store, 'SELECT batch_id, file, sha256, rows_read::DOUBLE AS rows_read, imported::DOUBLE AS imported FROM import_batches ORDER BY batch_id'),
    rejects: await rejects(store),
    tables: await storedRows(store, "SELECT table_name, sql FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name"),
  };
}

/** Makes recording the batch fail for files of 5 rows or more: the failure comes after posts were written, inside the transaction. */
async function breakBatchRecording(store: Store): Promise<void> {
  await store.run('DROP TABLE import_batches');
  await store.run(`CREATE TABLE import_batches (
    batch_id INTEGER PRIMARY KEY, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, format VARCHAR NOT NULL, encoding VARCHAR NOT NULL,
    platform VARCHAR, rows_read BIGINT NOT NULL CHECK (rows_read < 5), imported BIGINT NOT NULL, duplicates BIGINT NOT NULL,
    rejected BIGINT NOT NULL, skipped_blank BIGINT NOT NULL, warnings VARCHAR[], imported_at TIMESTAMPTZ NOT NULL)`);
}

describe('one transaction per file', () => {
  it('a file that fails before writing leaves the database identical', async () => {
    const store = await openStore();
    await importOne(store, SAMPLE);
    const before = await snapshot(store);
    const bad = tempFile('dates.csv', twcsCsv([['900', 'a', 'yesterday', 'x', '']]));
    expect(await importError(store, bad)).toContain('no date could be read');
    expect(await snapshot(store)).toEqual(before);
  });

  it('a failure after posts were written (into an empty store) rolls everything back', async () => {
    const store = await openStore();
    await breakBatchRecording(store);
    const before = await snapshot(store);
    await expect(importOne(store, SAMPLE)).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
    expect(await allPosts(store)).toEqual([]);
  });

  it('a failure after posts were merged into a store that has posts rolls everything back', async () => {
    const store = await openStore();
    await importOne(store, tempFile('small.csv', twcsCsv([['1', 'a', DATE, 'x', '']])));
    await store.run('INSERT INTO posts SELECT * REPLACE (post_id || \'b\' AS post_id) FROM posts');
    await breakBatchRecording(store);
    const before = await snapshot(store);
    await expect(importOne(store, SAMPLE)).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
  });

  it('importing the same file twice adds nothing and counts the duplicates', async () => {
    const store = await openStore();
    await importOne(store, SAMPLE);
    const posts = await allPosts(store);
    const again = await importOne(store, SAMPLE);
    expect(again).toMatchObject({ rowsRead: 93, imported: 0, duplicates: 93, rejected: 0 });
    expect(again.warnings).toHaveLength(1);
    expect(again.warnings[0]).toMatch(/^the same content was already imported on \d{4}-\d\d-\d\d \d\d:\d\d UTC: its posts are counted as duplicates$/);
    expect(await allPosts(store)).toEqual(posts);
    // Nothing is recorded for the second import: the data-quality page lists the file once.
    const [batches] = await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM import_batches');
    expect(batches?.n).toBe(1);
  });

  it('a later copy of a post fills the stored row\'s empty fields and changes no filled one', async () => {
    const store = await openStore();
    await importOne(store, tempFile('first.csv', twcsCsv([['1', 'a', DATE, '', ''], ['2', 'b', DATE, 'kept', '']])));
    const second = await importOne(store, tempFile('second.csv', twcsCsv([['1', 'a', DATE, 'filled in', ''], ['2', 'b', DATE, 'ignored', ''], ['3', 'c', DATE, 'new', '']])));
    expect(second).toMatchObject({ imported: 1, duplicates: 2 });
    expect((await allPosts(store)).map((post) => [post.post_id, post.text])).toEqual([
      ['1', 'filled in'],
      ['2', 'kept'],
      ['3', 'new'],
    ]);
  });

  it('copies of a post inside one file become one post, the first copy winning and later ones filling gaps', async () => {
    const store = await openStore();
    const result = await importOne(store, tempFile('dupes.csv', twcsCsv([['1', 'a', DATE, '', ''], ['2', 'b', DATE, 'two', ''], ['1', 'a', DATE, 'later text', '9'], ['1', 'a', DATE, 'latest', '']])));
    expect(result).toMatchObject({ rowsRead: 4, imported: 2, duplicates: 2 });
    expect((await allPosts(store)).map((post) => [post.post_id, post.text, post.parent_id])).toEqual([
      ['1', 'later text', '9'],
      ['2', 'two', null],
    ]);
  });

  it('keeps the posts table definition identical, without a key or an index: the import keeps posts unique', async () => {
    const store = await openStore();
    const [before] = await storedRows(store, "SELECT sql FROM duckdb_tables() WHERE table_name = 'posts'");
    await importOne(store, SAMPLE);
    await importOne(store, tempFile('overlap.csv', twcsCsv([['1', 'a', DATE, 'x', ''], ['119237', 'b', DATE, 'y', '']])));
    const [after] = await storedRows(store, "SELECT sql FROM duckdb_tables() WHERE table_name = 'posts'");
    expect(after?.sql).toBe(before?.sql);
    const [keys] = await storedRows(
      store,
      "SELECT ((SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'posts' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')) + (SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'posts'))::DOUBLE AS n",
    );
    expect(keys?.n).toBe(0);
    const [counts] = await storedRows(store, 'SELECT count(*)::DOUBLE AS rows, count(DISTINCT (platform, post_id))::DOUBLE AS keys FROM posts');
    expect(counts?.rows).toBe(counts?.keys);
  });

  it('records every rejected row with the batch, file, line, reason and raw text', async () => {
    const store = await openStore();
    const path = tempFile('mixed.csv', twcsCsv([['1', 'a', DATE, 'ok', ''], ['', 'b', DATE, 'no id, really', ''], ['3', '', DATE, 'no author', '']]));
    const result = await importOne(store, path);
    expect(result).toMatchObject({ rowsRead: 3, imported: 1, rejected: 2 });
    expect(await rejects(store)).toEqual([
      { batch_id: result.batchId, file: path, line: 3, reason: 'missing post id', raw: `,b,True,${DATE},"no id, really",,` },
      { batch_id: result.batchId, file: path, line: 4, reason: 'author_id is empty', raw: `3,,True,${DATE},no author,,` },
    ]);
  });
});

describe('an index someone added to posts', () => {
  it('is kept, and updated, by an import', async () => {
    const store = await openStore();
    await store.run('CREATE INDEX posts_author ON posts (author)');
    await importOne(store, SAMPLE);
    const [index] = await storedRows(store, "SELECT count(*)::DOUBLE AS n FROM duckdb_indexes() WHERE index_name = 'posts_author'");
    expect(index?.n).toBe(1);
    expect(await allPosts(store)).toHaveLength(93);
  });
});
