import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../src/ingest/import.js';
import { Store } from '../../src/store/database.js';
import { cli, counts, query, SAMPLE, scratch, twcsFile } from './helpers.js';

/**
 * The store DuckDB can leave when a transaction is killed inside its final
 * fsync (duckdb/duckdb#25931): the rows replayed without their batch row.
 * That kill cannot be timed on purpose, so the state is written directly.
 */
async function storeWithOrphans(folder: string, options: { rejectsFile: string | null }): Promise<string> {
  const db = join(folder, 'store.duckdb');
  expect(cli(['import', SAMPLE, '--db', db]).status).toBe(0);
  await query(db, "INSERT INTO posts SELECT * REPLACE (7 AS batch_id, post_id || '-replayed' AS post_id) FROM posts", false);
  if (options.rejectsFile) await query(db, `INSERT INTO import_rejects VALUES (7, '${options.rejectsFile}', 12, 'missing date', 'a,b,c')`, false);
  return db;
}

describe('rows of an import that never committed', () => {
  it('are removed on the next open for writing, in one line naming the file to import again', async () => {
    const folder = scratch();
    const db = await storeWithOrphans(folder, { rejectsFile: '/exports/archive.csv' });
    const next = cli(['import', twcsFile(join(folder, 'next.csv'), 5, 800_000), '--db', db]);
    expect(next.status).toBe(0);
    expect(next.stderr).toBe('replybench: removed 93 posts and 1 rejected row of an import that never committed: import /exports/archive.csv again.\n');
    expect(await counts(db)).toEqual({ posts: 98, batches: 2 });
    expect(await query(db, 'SELECT count(*)::DOUBLE AS n FROM import_rejects')).toEqual([{ n: 0 }]);
  });

  it('say so when no reject recorded the file', async () => {
    const db = await storeWithOrphans(scratch(), { rejectsFile: null });
    const store = await Store.open(db);
    try {
      expect(store.notices).toEqual(['removed 93 posts of an import that never committed: import that file again (the store does not record which it was).']);
    } finally {
      store.close();
    }
  });

  it('make a read-only open (metrics, report) refuse the store with that sentence, counting nothing', async () => {
    const folder = scratch();
    const db = await storeWithOrphans(folder, { rejectsFile: '/exports/archive.csv' });
    const config = join(folder, 'replybench.yaml');
    (await import('node:fs')).writeFileSync(config, 'client: apple\nbrands:\n  - id: apple\n    accounts: { twitter: [AppleSupport] }\n');
    const metrics = cli(['metrics', '--period', '2017-10', '--config', config, '--db', db]);
    expect(metrics.status).toBe(1);
    expect(metrics.stdout).toBe('');
    expect(metrics.stderr).toBe(
      `replybench: ${db}: holds 93 posts and 1 rejected row of an import that never committed, which no report may count: import /exports/archive.csv again ("replybench import" removes them first).\n`,
    );
    expect(await counts(db)).toEqual({ posts: 186, batches: 1 });
  });
});

describe('an import', () => {
  it('writes its batch row before its rows, in the same transaction', async () => {
    const store = await Store.open(':memory:');
    const statements: string[] = [];
    const run = vi.spyOn(store, 'run').mockImplementation(async function (this: Store, sql, params) {
      statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
      return Store.prototype.run.call(this, sql, params);
    });
    const change = vi.spyOn(store, 'change').mockImplementation(async function (this: Store, sql, params) {
      statements.push(sql.trim().split(/\s+/).slice(0, 3).join(' '));
      return Store.prototype.change.call(this, sql, params);
    });
    try {
      await importFiles(store, [SAMPLE], {});
      const batch = statements.indexOf('INSERT INTO import_batches');
      const rows = statements.indexOf('INSERT INTO posts');
      expect(batch).toBeGreaterThanOrEqual(0);
      expect(rows).toBeGreaterThan(batch);
      expect(statements.slice(rows)).toContain('UPDATE import_batches SET');
    } finally {
      run.mockRestore();
      change.mockRestore();
      store.close();
    }
  });
});
