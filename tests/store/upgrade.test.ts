import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { openImportedDatabase } from '../../src/cli/database.js';
import { storedNotices } from '../../src/ingest/notices.js';
import { Store } from '../../src/store/database.js';
import { allPosts, DATE, importOne, openStore, tempFile, tempFolder, twcsCsv } from '../ingest/helpers.js';
import { storedRows } from '../stored-rows.js';

const MANGLED = join(import.meta.dirname, '../fixtures/ingest/twcs_excel_mangled.csv');

/** The schema replybench wrote as version 1 (posts with a PRIMARY KEY), as it was released. */
const V1_DDL = `
CREATE TABLE IF NOT EXISTS posts (
  platform         VARCHAR     NOT NULL,
  post_id          VARCHAR     NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL,
  author           VARCHAR     NOT NULL,
  author_name      VARCHAR,
  author_followers BIGINT,
  kind             VARCHAR     NOT NULL CHECK (kind IN ('post', 'reply', 'repost', 'quote', 'comment')),
  parent_id        VARCHAR,
  parent_url       VARCHAR,
  thread_id        VARCHAR,
  text             VARCHAR,
  url              VARCHAR,
  language         VARCHAR,
  sentiment        VARCHAR,
  topic            VARCHAR,
  batch_id         INTEGER     NOT NULL,
  PRIMARY KEY (platform, post_id)
);

CREATE SEQUENCE IF NOT EXISTS import_batch_ids START 1;

CREATE TABLE IF NOT EXISTS import_batches (
  batch_id      INTEGER     PRIMARY KEY,
  file          VARCHAR     NOT NULL,
  sha256        VARCHAR     NOT NULL,
  format        VARCHAR     NOT NULL,
  encoding      VARCHAR     NOT NULL,
  platform      VARCHAR,
  rows_read     BIGINT      NOT NULL,
  imported      BIGINT      NOT NULL,
  duplicates    BIGINT      NOT NULL,
  rejected      BIGINT      NOT NULL,
  skipped_blank BIGINT      NOT NULL,
  warnings      VARCHAR[],
  imported_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS import_rejects (
  batch_id INTEGER NOT NULL,
  file     VARCHAR NOT NULL,
  line     BIGINT,
  reason   VARCHAR NOT NULL,
  raw      VARCHAR
);

CREATE TABLE IF NOT EXISTS replybench_meta (
  key   VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

INSERT INTO replybench_meta VALUES ('schema_version', '1');
`;

/** Posts in a version-1 store, deliberately not in key or date order. */
const V1_POSTS = `
INSERT INTO import_batches VALUES
  (1, '/exports/old.csv', 'abc', 'twcs', 'utf-8', NULL, 4, 4, 0, 0, 0, []::VARCHAR[], TIMESTAMPTZ '2025-10-01 08:00:00+00'),
  (2, '/exports/older.csv', 'def', 'twcs', 'utf-8', NULL, 1, 1, 0, 0, 0, []::VARCHAR[], TIMESTAMPTZ '2025-10-02 08:00:00+00');
INSERT INTO posts VALUES
  ('twitter', '30', TIMESTAMPTZ '2017-10-31 22:10:47+00', 'acme', NULL, NULL, 'post', NULL, NULL, NULL, 'third', NULL, NULL, NULL, NULL, 1),
  ('twitter', '10', TIMESTAMPTZ '2017-10-30 10:00:00+00', 'cliente', 'Cliente', 12, 'reply', '30', NULL, NULL, NULL, NULL, 'es', NULL, NULL, 1),
  ('facebook', '10', TIMESTAMPTZ '2017-10-29 09:00:00+00', 'acme', NULL, NULL, 'comment', NULL, NULL, NULL, 'on facebook', NULL, NULL, 'positive', NULL, 1),
  ('twitter', '20', TIMESTAMPTZ '2017-11-02 12:00:00+00', 'rival', NULL, NULL, 'post', NULL, NULL, NULL, 'second', NULL, NULL, NULL, NULL, 1),
  ('twitter', '5', TIMESTAMPTZ '2017-10-01 00:00:00+00', 'acme', NULL, NULL, 'post', NULL, NULL, NULL, 'fifth', NULL, NULL, NULL, NULL, 2);
`;

async function createV1Store(path: string, extra = ''): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(V1_DDL);
  await connection.run(V1_POSTS);
  if (extra) await connection.run(extra);
  connection.closeSync();
  instance.closeSync();
}

async function rowsInStoredOrder(store: Store): Promise<Array<Record<string, unknown>>> {
  return storedRows(store, "SELECT * EXCLUDE (created_at), strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at FROM posts ORDER BY rowid");
}

async function schemaVersion(store: Store): Promise<string | undefined> {
  const [row] = await store.rows('schema version', z.object({ value: z.string() }), "SELECT value FROM replybench_meta WHERE key = 'schema_version'");
  return row?.value;
}

async function postsKeys(store: Store): Promise<number> {
  const [row] = await store.rows('keys of posts', z.object({ n: z.number() }), "SELECT count(*)::DOUBLE AS n FROM duckdb_constraints() WHERE table_name = 'posts' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')");
  return row?.n ?? -1;
}

describe('a store made by schema version 1 (posts with a PRIMARY KEY)', () => {
  it('is upgraded in place when opened: same rows in the same order, version 6, no key', async () => {
    const path = join(tempFolder(), 'v1.duckdb');
    await createV1Store(path);
    const before = await (async () => {
      const instance = await DuckDBInstance.create(path);
      const connection = await instance.connect();
      await connection.run("SET TimeZone = 'UTC'");
      const reader = await connection.runAndReadAll("SELECT * EXCLUDE (created_at), strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at FROM posts ORDER BY rowid");
      const rows = reader.getRowObjectsJS();
      connection.closeSync();
      instance.closeSync();
      return rows;
    })();
    expect(before).toHaveLength(5);

    const store = await openStore(path);
    expect(await schemaVersion(store)).toBe('6');
    expect(await postsKeys(store)).toBe(0);
    const after = await rowsInStoredOrder(store);
    expect(after.map(({ response_ids, reply_to_user, ...rest }) => rest)).toEqual(before);
    expect(after.map((row) => [row.response_ids, row.reply_to_user])).toEqual(Array.from({ length: 5 }, () => [null, null]));
    const [definition] = await storedRows(store, "SELECT sql FROM duckdb_tables() WHERE table_name = 'posts'");
    expect(definition?.sql).toMatch(/platform VARCHAR NOT NULL, post_id VARCHAR NOT NULL,/);
    expect(definition?.sql).toContain("CHECK((kind IN ('post', 'reply', 'repost', 'quote', 'comment')))");
    const [sequences] = await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM duckdb_sequences()');
    expect(sequences?.n).toBe(0);
  });

  it('still deduplicates afterwards: a stored post is not added again and its empty fields are filled', async () => {
    const path = join(tempFolder(), 'v1.duckdb');
    await createV1Store(path);
    const store = await openStore(path);
    const result = await importOne(store, tempFile('new.csv', twcsCsv([['10', 'cliente', DATE, 'now with text', '30'], ['40', 'acme', DATE, 'new', ''], ['30', 'acme', DATE, 'other text', '']])));
    expect(result).toMatchObject({ batchId: 3, rowsRead: 3, imported: 1, duplicates: 2, rejected: 0 });
    const posts = (await allPosts(store)).map((post) => [post.platform, post.post_id, post.text]);
    expect(posts).toEqual([
      ['facebook', '10', 'on facebook'],
      ['twitter', '10', 'now with text'],
      ['twitter', '20', 'second'],
      ['twitter', '30', 'third'],
      ['twitter', '40', 'new'],
      ['twitter', '5', 'fifth'],
    ]);
  });

  it('keeps the indexes and comments someone added to posts', async () => {
    const path = join(tempFolder(), 'v1.duckdb');
    await createV1Store(path, "CREATE INDEX posts_author ON posts (author); COMMENT ON TABLE posts IS 'Acme''s mentions'; COMMENT ON COLUMN posts.text IS 'as exported';");
    const store = await openStore(path);
    const [index] = await storedRows(store, "SELECT sql FROM duckdb_indexes() WHERE table_name = 'posts'");
    expect(index?.sql).toBe('CREATE INDEX posts_author ON posts(author);');
    const [table] = await storedRows(store, "SELECT comment FROM duckdb_tables() WHERE table_name = 'posts'");
    expect(table?.comment).toBe("Acme's mentions");
    const [column] = await storedRows(store, "SELECT comment FROM duckdb_columns() WHERE table_name = 'posts' AND column_name = 'text'");
    expect(column?.comment).toBe('as exported');
  });

  it('is left exactly as it was when posts cannot be upgraded', async () => {
    const path = join(tempFolder(), 'v1.duckdb');
    await createV1Store(path, 'ALTER TABLE posts ADD COLUMN note VARCHAR');
    await expect(Store.open(path)).rejects.toThrow(/cannot upgrade the store: posts has the columns .*note instead of/);
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      "SELECT (SELECT value FROM replybench_meta WHERE key = 'schema_version') AS version, (SELECT count(*)::INTEGER FROM posts) AS posts, (SELECT count(*)::INTEGER FROM duckdb_constraints() WHERE table_name = 'posts' AND constraint_type = 'PRIMARY KEY') AS keys",
    );
    expect(reader.getRowObjectsJS()).toEqual([{ version: '1', posts: 5, keys: 1 }]);
    connection.closeSync();
    instance.closeSync();
  });
});

describe('schema version', () => {
  it('a new store is version 6', async () => {
    const store = await openStore();
    expect(await schemaVersion(store)).toBe('6');
    expect(await postsKeys(store)).toBe(0);
  });

  it('a version-2 store gains the response_ids and reply_to_user columns and the learned_handles table, and keeps its rows', async () => {
    const path = await createV2Store('v2.duckdb');
    const store = await openStore(path);
    expect(await schemaVersion(store)).toBe('6');
    expect(await storedRows(store, 'SELECT post_id, author, response_ids, reply_to_user FROM posts')).toEqual([{ post_id: '1', author: 'ana', response_ids: null, reply_to_user: null }]);
    expect(await storedRows(store, 'SELECT count(*)::DOUBLE AS n FROM learned_handles')).toEqual([{ n: 0 }]);
  });

  it('a version-4 store gains import_batches.notices, empty for its imports, and a later import of the same file repeats their English text', async () => {
    const path = join(tempFolder(), 'v4.duckdb');
    const file = tempFile('mangled.csv', readFileSync(MANGLED));
    const v4 = await Store.open(path);
    const first = await importOne(v4, file);
    await v4.run('ALTER TABLE import_batches DROP COLUMN notices');
    await v4.run('ALTER TABLE import_batches DROP COLUMN local_times_in');
    await v4.run("UPDATE replybench_meta SET value = '4' WHERE key = 'schema_version'");
    v4.close();
    const store = await openStore(path);
    expect(await schemaVersion(store)).toBe('6');
    expect(await storedRows(store, 'SELECT batch_id, notices FROM import_batches')).toEqual([{ batch_id: 1, notices: null }]);
    const again = await importOne(store, file);
    expect(again.notices.slice(1)).toEqual(first.warnings.map((text) => ({ code: 'recorded', text })));
  });

  it('a version-5 store gains import_batches.local_times_in, unknown for its imports: a later import in another zone has nothing to compare with', async () => {
    const path = join(tempFolder(), 'v5.duckdb');
    const file = tempFile('talkwalker.csv', readFileSync('tests/fixtures/formats/talkwalker.csv'));
    const v5 = await Store.open(path);
    await importOne(v5, file, { timezone: 'Europe/Paris' });
    await v5.run('ALTER TABLE import_batches DROP COLUMN local_times_in');
    await v5.run("UPDATE replybench_meta SET value = '5' WHERE key = 'schema_version'");
    v5.close();
    const store = await openStore(path);
    expect(await schemaVersion(store)).toBe('6');
    expect(await storedRows(store, 'SELECT batch_id, local_times_in FROM import_batches')).toEqual([{ batch_id: 1, local_times_in: null }]);
    const again = await importOne(store, file, { timezone: 'UTC' });
    expect(again.localTimesIn).toBeNull();
    expect(again.notices.map((notice) => notice.code)).not.toContain('earlier-timezone');
  });

  it('keeps each import\'s warnings as data, which a later import of the same file repeats as they were', async () => {
    const store = await openStore();
    const file = tempFile('mangled.csv', readFileSync(MANGLED));
    const first = await importOne(store, file);
    expect(first.notices.map((notice) => notice.code)).toContain('rows');
    const [row] = await storedRows(store, 'SELECT notices FROM import_batches');
    expect(storedNotices(String(row?.notices))).toEqual(first.notices);
    const again = await importOne(store, file);
    expect(again.notices).toEqual([{ code: 'earlier-import', batchId: 1, at: expect.any(String) }, ...first.notices]);
  });

  it('a store from a newer replybench is refused, untouched', async () => {
    const path = join(tempFolder(), 'future.duckdb');
    const store = await Store.open(path);
    await store.run("UPDATE replybench_meta SET value = '7' WHERE key = 'schema_version'");
    store.close();
    await expect(Store.open(path)).rejects.toThrow(/made by a newer replybench \(store schema version 7; this one knows up to 6\)/);
  });
});

/** A store as version 2 wrote it (without response_ids and reply_to_user), holding one post. */
async function createV2Store(name: string): Promise<string> {
  const path = join(tempFolder(), name);
  const v2 = await Store.open(path);
  await v2.run('ALTER TABLE import_batches DROP COLUMN notices');
  await v2.run('ALTER TABLE import_batches DROP COLUMN local_times_in');
  await v2.run("INSERT INTO import_batches VALUES (1, '/exports/october.csv', 'abc', 'twcs', 'utf-8', NULL, 1, 1, 0, 0, 0, []::VARCHAR[], TIMESTAMPTZ '2017-11-01 08:00:00+00')");
  await v2.run("INSERT INTO posts (platform, post_id, created_at, author, kind, batch_id) VALUES ('twitter', '1', '2017-10-01T00:00:00Z', 'ana', 'post', 1)");
  await v2.run('ALTER TABLE posts DROP COLUMN response_ids');
  await v2.run('ALTER TABLE posts DROP COLUMN reply_to_user');
  await v2.run('DROP TABLE learned_handles');
  await v2.run("UPDATE replybench_meta SET value = '2' WHERE key = 'schema_version'");
  v2.close();
  return path;
}

describe('reading an older store (metrics, report)', () => {
  it('upgrades it first, saying so, then opens it read-only', async () => {
    const path = await createV2Store('v2-read.duckdb');
    let stderr = '';
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
    const store = await openImportedDatabase(path).finally(() => write.mockRestore());
    expect(stderr).toBe('replybench: upgraded the store from schema version 2 to 6: response_ids and reply_to_user are empty for the posts imported before; fill them, adding no post, with: replybench import --again /exports/october.csv\n');
    try {
      expect(await schemaVersion(store)).toBe('6');
      expect(await storedRows(store, 'SELECT post_id, response_ids FROM posts')).toEqual([{ post_id: '1', response_ids: null }]);
      await expect(store.run("DELETE FROM posts")).rejects.toThrow(/read-only/);
    } finally {
      store.close();
    }
  });
});
