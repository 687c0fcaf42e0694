/**
 * Issue 9, case 5: dates no post can have (after the import ran, or before
 * the platform existed) are rejected with that reason, so one row dated 2099
 * cannot move every pending mention's window.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPosts, importOne, openStore, rejects, tempFile, twcsCsv } from '../helpers.js';
import { DAMAGED, expectedExcept, SAMPLE_TEXT, storedTwcsPosts } from './expected.js';
import { storedRows } from '../../stored-rows.js';

describe('case 5: implausible dates', () => {
  it('a row dated 2099, one at the Unix epoch and one before Twitter existed are rejected with their reason; the other rows are stored unchanged', async () => {
    const store = await openStore();
    const path = join(DAMAGED, 'dates.csv');
    const result = await importOne(store, path);
    expect(result).toMatchObject({
      rowsRead: 93,
      imported: 90,
      rejected: 3,
      rejectedByReason: { 'date in the future (more than a day after the import ran)': 1, 'date before twitter existed (before 2006-03-21)': 2 },
    });
    expect((await rejects(store)).map((row) => [row.line, row.reason, row.raw.split(',').slice(0, 4).join(',')])).toEqual([
      [2, 'date in the future (more than a day after the import ran)', '119237,105834,True,Sun Oct 11 06:55:44 +0000 2099'],
      [4, 'date before twitter existed (before 2006-03-21)', '119239,105835,True,Thu Jan 01 00:00:00 +0000 1970'],
      [6, 'date before twitter existed (before 2006-03-21)', '119241,105836,True,Mon Oct 10 15:17:21 +0000 2005'],
    ]);
    expect(await storedTwcsPosts(store)).toEqual(expectedExcept(SAMPLE_TEXT, ['119237', '119239', '119241']));
    // The newest post, which pending windows are measured against, is the data's own again.
    const [newest] = await storedRows(store, "SELECT strftime(max(created_at), '%Y-%m-%dT%H:%M:%SZ') AS newest FROM posts");
    expect(newest?.newest).toBe(expectedExcept(SAMPLE_TEXT, ['119237', '119239', '119241']).map((post) => post.created_at).sort().at(-1));
  });

  it('a date up to a day ahead of the import is kept (local times read in the wrong timezone); more is not', async () => {
    const store = await openStore();
    const twitterDate = (ms: number): string => {
      const date = new Date(ms);
      const text = date.toUTCString(); // "Tue, 31 Oct 2017 22:10:47 GMT"
      const [day, dayOfMonth, month, year, time] = text.replace(',', '').split(' ');
      return `${day} ${month} ${dayOfMonth} ${time} +0000 ${year}`;
    };
    const now = Date.now();
    const result = await importOne(store, tempFile('soon.csv', twcsCsv([
      ['1', 'a', twitterDate(now + 12 * 3600_000), 'tomorrow morning in Sydney', ''],
      ['2', 'b', twitterDate(now + 3 * 24 * 3600_000), 'in three days', ''],
    ])));
    expect(result).toMatchObject({ imported: 1, rejected: 1 });
    expect((await allPosts(store)).map((post) => post.post_id)).toEqual(['1']);
  });

  it('platforms without a known start date are held to 2000', async () => {
    const store = await openStore();
    const result = await importOne(store, tempFile('old.csv', twcsCsv([['1', 'a', 'Fri Dec 31 23:00:00 +0000 1999', 'x', ''], ['2', 'a', 'Sat Jan 01 10:00:00 +0000 2000', 'y', '']])), { platform: 'forum' });
    expect(result.rejectedByReason).toEqual({ 'date before 2000-01-01 (too early for a social media post)': 1 });
    expect((await allPosts(store)).map((post) => [post.platform, post.post_id])).toEqual([['forum', '2']]);
  });
});
