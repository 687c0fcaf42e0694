import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { facebookCommentsFormat } from '../../../src/ingest/formats/facebook-comments.js';
import { detectFormat } from '../../../src/ingest/formats/index.js';
import { DAYLIGHT_SAVING_REASON } from '../../../src/ingest/formats/sql-helpers.js';
import { column, runFormat } from './run-format.js';

const EXPORT = 'tests/fixtures/formats/facebook_comments.csv';
const GRAPH = 'tests/fixtures/formats/facebook_graph_comments.csv';
const POST_URL = 'https://www.facebook.com/acme/posts/7712345678';

describe('facebook-comments: a comment-export tool’s layout', () => {
  test('is detected; every row is a comment, replies threaded by Parent Comment ID, in the post’s thread', async () => {
    const mapped = await runFormat(facebookCommentsFormat, EXPORT);
    expect(detectFormat(mapped.header)?.id).toBe('facebook-comments');
    expect(column(mapped, 'post_id')).toEqual(['111', '112', '113', '114', '115', '116', '117'].map((id) => `7712345678_${id}`));
    expect(column(mapped, 'author')).toEqual(['5550001', '100200300', '5550001', '5550002', '100200300', '5550002', '100200300']);
    expect(column(mapped, 'author_name')).toEqual(['Jane Doe', 'Acme', 'Jane Doe', 'Tom Bystander', 'Acme', 'Tom Bystander', 'Acme']);
    expect(new Set(column(mapped, 'kind'))).toEqual(new Set(['comment']));
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['facebook']));
    expect(column(mapped, 'parent_id')).toEqual([null, '7712345678_111', '7712345678_111', '7712345678_111', '7712345678_111', null, '7712345678_116']);
    expect(column(mapped, 'parent_url')).toEqual([POST_URL, null, null, null, null, POST_URL, null]);
    expect(new Set(column(mapped, 'thread_id'))).toEqual(new Set(['7712345678']));
    expect(column(mapped, 'url')[1]).toBe(`${POST_URL}?comment_id=111&reply_comment_id=112`);
    expect(column(mapped, 'created_at').slice(0, 2)).toEqual(['2025-10-05T14:00:00Z', '2025-10-05T14:25:00Z']);
  });

  test('an Instagram URL makes the row an Instagram comment in the thread of its post', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-fb-')), 'instagram.csv');
    writeFileSync(path, [
      'Comment ID,Author Name,Author ID,Comment Text,Created Time,Depth,Is Reply,Parent Comment ID,URL',
      '18011,ana.ruiz,7001,love it,2025-10-05 14:00:00,0,false,,https://www.instagram.com/p/DAbC123xYz/',
    ].join('\n'));
    const mapped = await runFormat(facebookCommentsFormat, path, { timezone: 'Europe/Madrid' });
    expect(mapped.rows.map((row) => [row.platform, row.kind, row.thread_id, row.parent_url, row.created_at])).toEqual([
      ['instagram', 'comment', 'DAbC123xYz', 'https://www.instagram.com/p/DAbC123xYz/', '2025-10-05T12:00:00Z'],
    ]);
  });
});

describe('facebook-comments: the Graph API’s fields flattened (id, message, created_time, from.id, parent.id)', () => {
  test('is detected; threads come from the <post>_<comment> ids; a comment without from is rejected', async () => {
    const mapped = await runFormat(facebookCommentsFormat, GRAPH);
    expect(detectFormat(mapped.header)?.id).toBe('facebook-comments');
    expect(facebookCommentsFormat.requiredColumns(mapped.header)).toEqual(['id', 'message', 'created_time']);
    expect(column(mapped, 'author')).toEqual(['5550003', '100200300', '5550003', null, '100200300']);
    expect(column(mapped, 'parent_id')).toEqual([null, '990011_2201', '990011_2201', '990011_2201', '990011_2201']);
    expect(new Set(column(mapped, 'thread_id'))).toEqual(new Set(['990011']));
    expect(column(mapped, 'parent_url')).toEqual([null, null, null, null, null]);
    expect(column(mapped, 'rejected')[3]).toMatch(/^the author is empty/);
  });

  test('a local time in the daylight-saving change is warned of, as in every layout of local times; an offset needs no warning', async () => {
    const lines = ['id,message,created_time,from.id', '1_1,a,2017-03-26 02:30:00,5', '1_2,b,2017-03-26T02:30:00+0000,5', '1_3,c,2017-03-27 10:00:00,5'];
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-facebook-')), 'dst.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const madrid = await runFormat(facebookCommentsFormat, path, { timezone: 'Europe/Madrid' });
    expect(column(madrid, 'created_at')).toEqual(['2017-03-26T01:30:00Z', '2017-03-26T02:30:00Z', '2017-03-27T08:00:00Z']);
    expect(madrid.rows.map((row) => row.warnings.includes(DAYLIGHT_SAVING_REASON))).toEqual([true, false, false]);
  });

  test('--platform instagram names the platform when there is no URL', async () => {
    const mapped = await runFormat(facebookCommentsFormat, GRAPH, { platform: 'instagram' });
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['instagram']));
  });
});
