import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { brandwatchFormat } from '../../../src/ingest/formats/brandwatch.js';
import { DAYLIGHT_SAVING_REASON, UNREAD_FOLLOWERS_REASON } from '../../../src/ingest/formats/sql-helpers.js';
import { allPosts, importOne, openStore, tempFile } from '../helpers.js';
import { column, runFormat } from './run-format.js';

// Hand-written rows on the column list of data/formats/brandwatch_columns.txt (no real Brandwatch file was available).
const FILE = 'tests/fixtures/formats/brandwatch_rows.csv';

describe('brandwatch', () => {
  test('kinds from Thread Entry Type, parents from Twitter Reply to / Twitter Retweet of / Parent Post Id', async () => {
    const mapped = await runFormat(brandwatchFormat, FILE);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'repost', 'comment', 'post']);
    expect(column(mapped, 'parent_id')).toEqual([null, '925495289235357697', '925495289235357697', '10155', null]);
    expect(column(mapped, 'parent_url')).toEqual([
      null,
      'https://twitter.com/JaneDoe/status/925495289235357697',
      'https://twitter.com/JaneDoe/status/925495289235357697',
      null,
      null,
    ]);
  });

  test('ids from the URL, platforms from Page Type, topic from Query Name', async () => {
    const mapped = await runFormat(brandwatchFormat, FILE);
    expect(column(mapped, 'post_id')).toEqual([
      '925495289235357697',
      '925497630000000000',
      '925510000000000000',
      '10156',
      'elpais.com/economia/2017/11/01/acme.html',
    ]);
    expect(column(mapped, 'platform')).toEqual(['twitter', 'twitter', 'twitter', 'facebook', 'news']);
    expect(column(mapped, 'topic')).toEqual(['Acme', 'Acme', 'Acme', 'Acme ES', 'Acme ES']);
    expect(column(mapped, 'author')).toEqual(['janedoe', 'acmecares', 'bob_r', 'luis pérez', 'ana ruiz']);
    expect(column(mapped, 'author_followers')).toEqual(['1520', '98000', '3', null, null]);
    expect(column(mapped, 'sentiment')).toEqual(['negative', 'neutral', 'negative', 'positive', 'neutral']);
    expect(column(mapped, 'thread_id')).toEqual(['925495289235357697', '925495289235357697', null, null, null]);
  });

  test("a follower count not read is warned of on the row's own network only", async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;
    // A tweet with its count and an unreadable Instagram cell beside it; a tweet whose own count cannot be read.
    rows[0] = { ...(rows[0] ?? {}), 'Instagram Followers': 'n/a' };
    rows[2] = { ...(rows[2] ?? {}), 'Twitter Followers': '1.5K' };
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-brandwatch-')), 'followers.csv');
    writeFileSync(path, Papa.unparse(rows));
    const mapped = await runFormat(brandwatchFormat, path);
    expect(column(mapped, 'author_followers')).toEqual(['1520', '98000', null, null, null]);
    expect(mapped.rows.map((row) => row.warnings.includes(UNREAD_FOLLOWERS_REASON))).toEqual([false, false, true, false, false]);
  });

  test('Date has no offset: read in --timezone, UTC by default', async () => {
    const utc = await runFormat(brandwatchFormat, FILE);
    expect(column(utc, 'created_at')).toEqual(['2017-10-31T22:10:47Z', '2017-10-31T22:20:05Z', '2017-10-31T23:00:00Z', '2017-11-01T08:15:00Z', '2017-11-01T09:00:00Z']);
    const madrid = await runFormat(brandwatchFormat, FILE, { timezone: 'Europe/Madrid' });
    expect(madrid.rows[0]?.created_at).toBe('2017-10-31T21:10:47Z');
  });

  test('an Excel serial in Date (a workbook cell without a date format) is local time; a time in the daylight-saving change is warned of', async () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;
    // 43039.92415 is 2017-10-31 22:10:47 (rounded to the second); 02:30 on 26 March 2017 does not exist in Madrid.
    rows[0] = { ...(rows[0] ?? {}), Date: '43039.92415' };
    rows[1] = { ...(rows[1] ?? {}), Date: '2017-03-26 02:30:00.0' };
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-brandwatch-')), 'dates.csv');
    writeFileSync(path, Papa.unparse(rows));
    const madrid = await runFormat(brandwatchFormat, path, { timezone: 'Europe/Madrid' });
    expect(column(madrid, 'created_at').slice(0, 2)).toEqual(['2017-10-31T21:10:47Z', '2017-03-26T01:30:00Z']);
    expect(madrid.rows.map((row) => row.warnings.includes(DAYLIGHT_SAVING_REASON))).toEqual([false, true, false, false, false]);
  });

  test('an optional column the header names twice is read from the first, and the import says so', async () => {
    const header = 'Query Name,Date,Url,Page Type,Author,Full Text,Full Text';
    const path = tempFile('full-text-twice.csv', `${header}\nAcme,2017-10-31 22:10:47.0,https://twitter.com/JaneDoe/status/925495289235357697,twitter,JaneDoe,first text,second text\n`);
    const store = await openStore();
    const result = await importOne(store, path);
    expect((await allPosts(store)).map((post) => post.text)).toEqual(['first text']);
    expect(result.warnings).toContain('the header names "Full Text" twice (columns 6, 7): the first is read, the other is not');
  });
});
