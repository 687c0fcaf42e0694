import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPosts, FIXTURES, importOne, openStore, rejects } from './helpers.js';
import { storedRows } from '../stored-rows.js';

// Copies of the real exports in /work/shared/data (see its README).
describe('real exports', () => {
  it('imports the 93-row Kaggle sample as 93 posts', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twcs_kaggle_sample.csv'));
    expect(result).toMatchObject({ format: 'twcs', encoding: 'utf-8', rowsRead: 93, imported: 93, duplicates: 0, rejected: 0, skippedBlank: 0, warnings: [] });
    const posts = await allPosts(store);
    expect(posts).toHaveLength(93);
    expect(posts.find((post) => post.post_id === '119237')).toMatchObject({
      platform: 'twitter',
      author: '105834',
      created_at: '2017-10-11T06:55:44Z',
      kind: 'post',
    });
    expect(posts.find((post) => post.post_id === '119238')).toMatchObject({ author: 'chasesupport', kind: 'reply', parent_id: '119239' });
    const [batch] = await storedRows(
      store,
      'SELECT file, rows_read::DOUBLE AS rows_read, imported::DOUBLE AS imported, format FROM import_batches',
    );
    expect(batch).toEqual({ file: join(FIXTURES, 'twcs_kaggle_sample.csv'), rows_read: 93, imported: 93, format: 'twcs' });
  });

  it('stores --platform under the store\'s name for it (X is twitter)', async () => {
    const store = await openStore();
    await importOne(store, join(FIXTURES, 'twcs_kaggle_sample.csv'), { platform: ' X ' });
    expect(await storedRows(store, 'SELECT DISTINCT platform FROM posts')).toEqual([{ platform: 'twitter' }]);
  });

  it('keeps every row of the Excel-mangled file and reports the damaged id lists', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twcs_excel_mangled.csv'));
    expect(result).toMatchObject({ format: 'twcs', rowsRead: 121, imported: 121, rejected: 0 });
    // 156 '1,55,157', 172 '1,73,171', 180 '1,78,181', 185 '1,84,186', 188 '1,87,189', 194 '19,51,96,197': six rows; 156 is on line 95.
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^6 rows: response_tweet_id was damaged by Excel/);
    expect(result.warnings[0]).toContain('(first at line 95)');
    expect(await allPosts(store)).toHaveLength(121);
    const [stored] = await storedRows(store, 'SELECT warnings FROM import_batches');
    expect(stored?.warnings).toEqual(result.warnings);
    expect(await rejects(store)).toEqual([]);
  });

  it('imports the Talkwalker sample', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'formats/talkwalker.csv'));
    expect(result).toMatchObject({ format: 'talkwalker', encoding: 'utf-8', rowsRead: 5, imported: 5, rejected: 0 });
  });

  it('imports the Meltwater sample (UTF-16LE TSV with BOM)', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'formats/meltwater.tsv'));
    expect(result).toMatchObject({ format: 'meltwater', encoding: 'utf-16le', rowsRead: 5, imported: 5, rejected: 0 });
    const ids = (await allPosts(store)).map((post) => post.post_id);
    expect(ids).toContain('1955511622421602690');
  });

  it('reads the twarc2 header (no rows) and says the file holds none', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'formats/twarc2.csv'));
    expect(result).toMatchObject({ format: 'twarc2', rowsRead: 0, imported: 0 });
    expect(result.warnings).toContain('the file has a header but no data rows');
  });

  it('imports the 5-row Kaggle header sample; its rows overlap the 93-row sample', async () => {
    const store = await openStore();
    await importOne(store, join(FIXTURES, 'twcs_kaggle_sample.csv'));
    const result = await importOne(store, join(FIXTURES, 'formats/twcs_kaggle.csv'));
    expect(result).toMatchObject({ format: 'twcs', rowsRead: 5, imported: 0, duplicates: 5 });
    expect(await allPosts(store)).toHaveLength(93);
  });
});
