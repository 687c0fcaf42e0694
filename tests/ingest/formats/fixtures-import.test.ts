import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Store } from '../../../src/store/database.js';
import { allPosts, importOne, openStore, tempFolder } from '../helpers.js';
import { storedRows } from '../../stored-rows.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/formats');

async function learned(store: Store): Promise<Array<[string, string, string, number, number]>> {
  const rows = await store.rows(
    'learned handles',
    z.object({ platform: z.string(), user_id: z.string(), handle: z.string(), replies: z.number(), total: z.number() }),
    'SELECT platform, user_id, handle, replies::DOUBLE AS replies, replies_total::DOUBLE AS total FROM learned_handles ORDER BY platform, user_id',
  );
  return rows.map((row) => [row.platform, row.user_id, row.handle, row.replies, row.total]);
}

type Stored = [post: string, author: string, kind: string, parent: string | null, thread: string | null, replyTo: string | null, at: string];

async function stored(store: Store): Promise<Stored[]> {
  const posts = await allPosts(store);
  return posts
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.post_id.localeCompare(b.post_id))
    .map((post) => [post.post_id, post.author, post.kind, post.parent_id, (post.thread_id as string | null) ?? null, (post.reply_to_user as string | null) ?? null, post.created_at]);
}

describe('the hand-written fixtures import without --format', () => {
  it('twitter-v2: replies carry their conversation and the user they answer; the ids learn their handles', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twitter_v2.csv'));
    expect(result).toMatchObject({ format: 'twitter-v2', rowsRead: 8, imported: 8, rejected: 0, learnedHandles: 3 });
    const c = '1844000000000000001';
    expect(await stored(store)).toEqual([
      ['1844000000000000008', '1000000001', 'post', null, '1844000000000000008', null, '2024-10-09T09:00:00Z'],
      [c, '2000000002', 'post', null, c, null, '2024-10-09T14:00:05Z'],
      ['1844000000000000002', '1000000001', 'reply', null, c, '2000000002', '2024-10-09T14:20:35Z'],
      ['1844000000000000003', '2000000002', 'reply', null, c, '1000000001', '2024-10-09T14:45:00Z'],
      ['1844000000000000004', '3000000003', 'reply', null, c, '2000000002', '2024-10-09T14:50:10Z'],
      ['1844000000000000005', '1000000001', 'reply', null, c, '2000000002', '2024-10-09T15:05:00Z'],
      ['1844000000000000006', '1000000001', 'reply', null, c, '3000000003', '2024-10-09T15:10:00Z'],
      ['1844000000000000007', '3000000003', 'repost', null, '1844000000000000007', null, '2024-10-09T16:00:00Z'],
    ]);
    // 2000000002: two replies start @jane_doe, one @AcmeHelp (a third party naming the brand first): the majority wins.
    expect(await learned(store)).toEqual([
      ['twitter', '1000000001', 'acmehelp', 1, 1],
      ['twitter', '2000000002', 'jane_doe', 2, 3],
      ['twitter', '3000000003', 'bystander_bo', 1, 1],
    ]);
    const [batch] = await storedRows(store, 'SELECT DISTINCT batch_id FROM learned_handles');
    expect(batch?.batch_id).toBe(result.batchId);
  });

  it('twitter-v2: a later import relearns an id from all stored replies, and an import of other ids leaves it alone', async () => {
    const store = await openStore();
    await importOne(store, join(FIXTURES, 'twitter_v2.csv'));
    const expanded = await importOne(store, join(FIXTURES, 'twitter_v2_expanded.csv'));
    expect(expanded).toMatchObject({ format: 'twitter-v2', imported: 6, learnedHandles: 2 });
    expect(await learned(store)).toEqual([
      ['twitter', '1000000001', 'acmehelp', 2, 2],
      ['twitter', '2000000002', 'jane_doe', 5, 6],
      ['twitter', '3000000003', 'bystander_bo', 1, 1],
    ]);
  });

  it('twitter-v2 with author.username and referenced_tweets: handles as authors, parents named', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twitter_v2_expanded.csv'));
    expect(result).toMatchObject({ format: 'twitter-v2', rowsRead: 6, imported: 6, learnedHandles: 2 });
    const c = '1845000000000000001';
    expect(await stored(store)).toEqual([
      [c, 'jane_doe', 'post', null, c, null, '2024-10-10T08:00:00Z'],
      ['1845000000000000002', 'acmehelp', 'reply', c, c, '2000000002', '2024-10-10T08:12:30Z'],
      ['1845000000000000003', 'jane_doe', 'reply', '1845000000000000002', c, '1000000001', '2024-10-10T08:30:00Z'],
      ['1845000000000000004', 'bystander_bo', 'reply', c, c, '2000000002', '2024-10-10T08:31:00Z'],
      ['1845000000000000005', 'acmehelp', 'reply', '1845000000000000003', c, '2000000002', '2024-10-10T08:41:00Z'],
      ['1845000000000000006', 'bystander_bo', 'quote', c, '1845000000000000006', null, '2024-10-10T09:00:00Z'],
    ]);
    expect(await learned(store)).toEqual([
      ['twitter', '1000000001', 'acmehelp', 1, 1],
      ['twitter', '2000000002', 'jane_doe', 3, 3],
    ]);
  });

  it('formats without a replied-to user learn nothing', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'twcs_kaggle_sample.csv'));
    expect(result.learnedHandles).toBe(0);
    expect(await learned(store)).toEqual([]);
  });
});

const MELTWATER_ROWS: Stored[] = [
  ['1mp2x7q', 'jane_doe', 'post', null, '1mp2x7q', null, '2025-08-13T07:05:00Z'],
  ['n8k2a1b', 'acmesupport', 'comment', null, '1mp2x7q', null, '2025-08-13T07:40:00Z'],
  ['n8k3c4d', 'jane_doe', 'comment', null, '1mp2x7q', null, '2025-08-13T08:15:00Z'],
  ['n8k3f9e', 'router_guru', 'comment', null, '1mp2x7q', null, '2025-08-13T08:20:00Z'],
  ['n8k4h2k', 'acmesupport', 'comment', null, '1mp2x7q', null, '2025-08-13T08:50:00Z'],
  ['1955600000000000001', 'mike_r', 'post', null, null, null, '2025-08-13T09:02:00Z'],
  ['1955600000000000002', 'acmesupport', 'reply', null, null, null, '2025-08-13T09:20:00Z'],
];

/** The CSV fixture as a workbook the way Meltwater writes it: Date an Excel serial number, Time text. */
async function meltwaterWorkbook(): Promise<string> {
  const rows = Papa.parse<string[]>(readFileSync(join(FIXTURES, 'meltwater_current.csv'), 'utf8'), { skipEmptyLines: true }).data;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Mentions');
  rows.forEach((row, index) => {
    sheet.getRow(index + 1).values = index === 0 ? row : row.map((cell, at) => (at === 0 ? 45882 : cell));
  });
  const path = join(tempFolder(), 'meltwater.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

describe('meltwater current layout in CSV, UTF-16 TSV and XLSX', () => {
  const cases: Array<{ name: string; encoding: string; path: () => Promise<string> }> = [
    { name: 'CSV', encoding: 'utf-8', path: async () => join(FIXTURES, 'meltwater_current.csv') },
    { name: 'UTF-16 TSV', encoding: 'utf-16le', path: async () => join(FIXTURES, 'meltwater_current.tsv') },
    { name: 'XLSX with an Excel serial Date', encoding: 'xlsx', path: meltwaterWorkbook },
  ];
  it.each(cases)('$name: the Reddit thread and the tweets are stored alike; the article without a handle is rejected', async ({ encoding, path }) => {
    const store = await openStore();
    const result = await importOne(store, await path(), { timezone: 'Europe/Madrid' });
    expect(result).toMatchObject({ format: 'meltwater', encoding, rowsRead: 8, imported: 7, rejected: 1, rejectedByReason: { 'Author Handle is empty': 1 } });
    expect(await stored(store)).toEqual(MELTWATER_ROWS);
    const reddit = await storedRows(store, "SELECT platform, text FROM posts WHERE post_id = 'n8k2a1b'");
    expect(reddit).toEqual([{ platform: 'reddit', text: 'Hi! Sorry about that. Could you try firmware 2.1.4 and tell us?' }]);
  });
});

describe('facebook-comments: page replies threaded by Parent Comment ID / parent.id', () => {
  it('the comment export: the page’s replies, the customer’s follow-up and a third party, all in the post’s thread', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'facebook_comments.csv'));
    expect(result).toMatchObject({ format: 'facebook-comments', rowsRead: 7, imported: 7, rejected: 0, learnedHandles: 0 });
    const p = '7712345678';
    expect(await stored(store)).toEqual([
      [`${p}_111`, '5550001', 'comment', null, p, null, '2025-10-05T14:00:00Z'],
      [`${p}_112`, '100200300', 'comment', `${p}_111`, p, null, '2025-10-05T14:25:00Z'],
      [`${p}_113`, '5550001', 'comment', `${p}_111`, p, null, '2025-10-05T14:40:00Z'],
      [`${p}_114`, '5550002', 'comment', `${p}_111`, p, null, '2025-10-05T14:50:00Z'],
      [`${p}_115`, '100200300', 'comment', `${p}_111`, p, null, '2025-10-05T15:00:00Z'],
      [`${p}_116`, '5550002', 'comment', null, p, null, '2025-10-05T16:00:00Z'],
      [`${p}_117`, '100200300', 'comment', `${p}_116`, p, null, '2025-10-05T16:30:00Z'],
    ]);
  });

  it('the Graph API layout: a comment whose author the API left out is rejected with the reason', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'facebook_graph_comments.csv'));
    expect(result).toMatchObject({ format: 'facebook-comments', rowsRead: 5, imported: 4, rejected: 1 });
    expect(await stored(store)).toEqual([
      ['990011_2201', '5550003', 'comment', null, '990011', null, '2025-10-06T09:00:00Z'],
      ['990011_2202', '100200300', 'comment', '990011_2201', '990011', null, '2025-10-06T09:45:00Z'],
      ['990011_2203', '5550003', 'comment', '990011_2201', '990011', null, '2025-10-06T10:05:00Z'],
      ['990011_2205', '100200300', 'comment', '990011_2201', '990011', null, '2025-10-06T10:30:00Z'],
    ]);
  });

  it('generic with time, inReplyToUser and thread: replies keep the user they answer; handles are not learned for handles', async () => {
    const store = await openStore();
    const result = await importOne(store, join(FIXTURES, 'generic_threads.csv'), { mapping: join(FIXTURES, 'generic_threads.mapping.yaml') });
    expect(result).toMatchObject({ format: 'generic', rowsRead: 5, imported: 5, learnedHandles: 0 });
    expect((await stored(store)).map(([post, author, kind, , thread, replyTo]) => [post, author, kind, thread, replyTo])).toEqual([
      ['501', 'jane_doe', 'post', '501', null],
      ['502', 'acmehelp', 'reply', '501', 'jane_doe'],
      ['503', 'jane_doe', 'reply', '501', 'acmehelp'],
      ['504', 'bystander_bo', 'reply', '501', 'jane_doe'],
      ['505', 'acmehelp', 'reply', '501', 'bystander_bo'],
    ]);
  });
});
