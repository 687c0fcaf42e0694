import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { meltwaterFormat } from '../../../src/ingest/formats/meltwater.js';
import { column, runFormat } from './run-format.js';

// meltwater.utf8.tsv is data/formats/meltwater.tsv converted from UTF-16LE with iconv (the pipeline's job).
const FILE = 'tests/fixtures/formats/meltwater.utf8.tsv';

function snowflakeMinute(id: string): string {
  const ms = Number((BigInt(id) >> 22n) + 1288834974657n);
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
}

describe('meltwater: the real export (5 rows)', () => {
  test('quoted ids lose their quotes and keep all 19 digits', async () => {
    const mapped = await runFormat(meltwaterFormat, FILE, { timezone: 'Asia/Gaza', delimiter: '\t' });
    expect(column(mapped, 'post_id')).toEqual(['1955511622421602690', '1955510711624646944', '1955509016286859374', '1955505459424833605', '1955505205837173251']);
  });

  test('authors, followers, sentiment, language, platform, topic', async () => {
    const mapped = await runFormat(meltwaterFormat, FILE, { timezone: 'Asia/Gaza', delimiter: '\t' });
    expect(column(mapped, 'author')).toEqual(['muminjamiean', 'itisberro', 'yousefqasem1998', 'namer6549', 'fayyadnidal3']);
    expect(column(mapped, 'author_name')).toEqual(['mumin jamiean', 'BARAA IN GAZA 💛⚡', 'Yousef in Gaza 🇵🇸', 'Namir Qasim', 'Ahmed in gaza 🇵🇸🍉']);
    expect(column(mapped, 'author_followers')).toEqual(['797', '1563', '8027', '2097', '1328']);
    expect(column(mapped, 'sentiment')).toEqual(['neutral', 'negative', 'negative', 'negative', 'negative']);
    expect(new Set(column(mapped, 'language'))).toEqual(new Set(['en']));
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['twitter']));
    expect(new Set(column(mapped, 'kind'))).toEqual(new Set(['post']));
    expect(new Set(column(mapped, 'parent_id'))).toEqual(new Set([null]));
    expect(new Set(column(mapped, 'topic'))).toEqual(new Set(['3 replies — even dots — can break the algorithm AND postType:og']));
  });

  test('"13-Aug-2025 09:07AM" read in --timezone matches the instant inside each tweet id', async () => {
    const mapped = await runFormat(meltwaterFormat, FILE, { timezone: 'Asia/Gaza', delimiter: '\t' });
    expect(column(mapped, 'created_at')).toEqual(['2025-08-13T06:07:00Z', '2025-08-13T06:04:00Z', '2025-08-13T05:57:00Z', '2025-08-13T05:43:00Z', '2025-08-13T05:42:00Z']);
    expect(column(mapped, 'created_at')).toEqual(column(mapped, 'post_id').map((id) => snowflakeMinute(id ?? '')));
  });
});

describe('meltwater: the current layout (Author Handle, Source Domain, Content Type, Date + Time)', () => {
  const CURRENT = 'tests/fixtures/formats/meltwater_current.csv';

  test('is detected as meltwater and needs Author Handle, not Influencer', async () => {
    const mapped = await runFormat(meltwaterFormat, CURRENT, { timezone: 'Europe/Madrid' });
    expect(meltwaterFormat.requiredColumns(mapped.header)).toEqual(['Date', 'URL', 'Author Handle']);
  });

  test('Date and Time are combined in --timezone', async () => {
    const mapped = await runFormat(meltwaterFormat, CURRENT, { timezone: 'Europe/Madrid' });
    expect(column(mapped, 'created_at')).toEqual([
      '2025-08-13T07:05:00Z', '2025-08-13T07:40:00Z', '2025-08-13T08:15:00Z', '2025-08-13T08:20:00Z',
      '2025-08-13T08:50:00Z', '2025-08-13T09:02:00Z', '2025-08-13T09:20:00Z', '2025-08-13T10:00:00Z',
    ]);
    expect(column(mapped, 'raw_date')[0]).toBe('13-Aug-2025 09:05');
  });

  test('Source Domain gives the platform, Content Type the kind, Reddit URLs the thread', async () => {
    const mapped = await runFormat(meltwaterFormat, CURRENT, { timezone: 'Europe/Madrid' });
    expect(column(mapped, 'platform')).toEqual(['reddit', 'reddit', 'reddit', 'reddit', 'reddit', 'twitter', 'twitter', 'news']);
    expect(column(mapped, 'kind')).toEqual(['post', 'comment', 'comment', 'comment', 'comment', 'post', 'reply', 'post']);
    expect(column(mapped, 'thread_id')).toEqual(['1mp2x7q', '1mp2x7q', '1mp2x7q', '1mp2x7q', '1mp2x7q', null, null, null]);
    expect(column(mapped, 'parent_id')).toEqual([null, null, null, null, null, null, null, null]);
    expect(column(mapped, 'post_id')).toEqual([
      '1mp2x7q', 'n8k2a1b', 'n8k3c4d', 'n8k3f9e', 'n8k4h2k', '1955600000000000001', '1955600000000000002', '1755079200000_nw08',
    ]);
  });

  test('authors without u/ or @, text from the first non-empty of Hit Sentence, Opening Text, Title', async () => {
    const mapped = await runFormat(meltwaterFormat, CURRENT, { timezone: 'Europe/Madrid' });
    expect(column(mapped, 'author')).toEqual(['jane_doe', 'acmesupport', 'jane_doe', 'router_guru', 'acmesupport', 'mike_r', 'acmesupport', null]);
    expect(column(mapped, 'text').slice(0, 3)).toEqual([
      'Router keeps dropping wifi every hour',
      'Hi! Sorry about that. Could you try firmware 2.1.4 and tell us?',
      'Updated to 2.1.4, still drops every hour.',
    ]);
    expect(column(mapped, 'sentiment').slice(0, 4)).toEqual(['negative', 'neutral', 'negative', 'positive']);
    expect(column(mapped, 'rejected')).toEqual([null, null, null, null, null, null, null, 'Author Handle is empty']);
  });

  test('an Excel serial Date (as an .xlsx export holds it) with a separate Time', async () => {
    const header = 'Date,Time,Document ID,URL,Source Domain,Content Type,Author Handle,Hit Sentence';
    const rows = ['45882,22:03,"""d1""",https://x.com/a/status/1,x.com,Post,@a,hi', '45882.5,,"""d2""",https://x.com/a/status/2,x.com,Post,@a,hi', '45882,25:99,"""d3""",https://x.com/a/status/3,x.com,Post,@a,hi'];
    const path = join(mkdtempSync(join(tmpdir(), 'replybench-melt-')), 'serial.csv');
    writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
    const mapped = await runFormat(meltwaterFormat, path, { timezone: 'UTC' });
    expect(column(mapped, 'created_at')).toEqual(['2025-08-13T22:03:00Z', '2025-08-13T12:00:00Z', null]);
    expect(column(mapped, 'raw_date')[2]).toBe('45882 25:99');
  });
});
