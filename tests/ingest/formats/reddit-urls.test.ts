import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { brandwatchFormat } from '../../../src/ingest/formats/brandwatch.js';
import { sproutFormat } from '../../../src/ingest/formats/sprout.js';
import { talkwalkerFormat } from '../../../src/ingest/formats/talkwalker.js';
import type { ExportFormat } from '../../../src/ingest/formats/types.js';
import { runFormat } from './run-format.js';

const POST = 'https://www.reddit.com/r/acmerouters/comments/1mp2x7q/router_keeps_dropping_wifi/';
const COMMENT = 'https://www.reddit.com/r/acmerouters/comments/1mp2x7q/comment/n8k2a1b/';
const OLD_STYLE_COMMENT = 'https://old.reddit.com/r/acmerouters/comments/1mp2x7q/router_keeps_dropping_wifi/n8k3c4d/?context=3';

function file(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'replybench-reddit-')), 'export.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const cases: Array<{ format: ExportFormat; header: string; row: (url: string) => string }> = [
  {
    format: talkwalkerFormat,
    header: 'url,published,parent_url,tags_internal,matched_profile,extra_author_attributes.short_name,content',
    row: (url) => `${url},13/08/25 09:05:00,,,SEARCH / / Acme,jane_doe,hi`,
  },
  { format: brandwatchFormat, header: 'Query Name,Date,Url,Page Type,Author,Full Text', row: (url) => `Acme,2025-08-13 09:05:00.0,${url},reddit,jane_doe,hi` },
  {
    format: sproutFormat,
    header: 'Network,Message Type,Message,Permalink,From,Timestamp',
    row: (url) => `Reddit,,hi,${url},jane_doe,2025-08-13 09:05`,
  },
];

describe('Reddit URLs give the thread and the kind in every format that carries URLs', () => {
  test.each(cases)('$format.id: a post URL is a post in its own thread, a /comment/ URL a comment in the post’s thread', async ({ format, header, row }) => {
    const mapped = await runFormat(format, file([header, row(POST), row(COMMENT), row(OLD_STYLE_COMMENT)]));
    expect(mapped.rows.map((mappedRow) => [mappedRow.platform, mappedRow.post_id, mappedRow.kind, mappedRow.thread_id, mappedRow.parent_id])).toEqual([
      ['reddit', '1mp2x7q', 'post', '1mp2x7q', null],
      ['reddit', 'n8k2a1b', 'comment', '1mp2x7q', null],
      ['reddit', 'n8k3c4d', 'comment', '1mp2x7q', null],
    ]);
  });
});
