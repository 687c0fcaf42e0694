/**
 * What the store must hold for a twcs file, computed without DuckDB: the file
 * parsed by papaparse and mapped by hand. The damaged-file tests compare the
 * store with it row by row: nothing lost, nothing invented, nothing changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Store } from '../../../src/store/database.js';
import { FIXTURES } from '../helpers.js';

export const DAMAGED = join(FIXTURES, 'damaged');
export const SAMPLE = join(FIXTURES, 'twcs_kaggle_sample.csv');
export const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');

const twcsPost = z.object({
  post_id: z.string(),
  author: z.string(),
  created_at: z.string(),
  kind: z.string(),
  parent_id: z.string().nullable(),
  text: z.string().nullable(),
  response_ids: z.string().nullable(),
});
export type TwcsPost = z.infer<typeof twcsPost>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoOf(twitterDate: string): string {
  const match = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/.exec(twitterDate);
  if (!match) throw new Error(`unexpected date ${twitterDate}`);
  const [, month, day, hour, minute, second, year] = match;
  return new Date(Date.UTC(Number(year), MONTHS.indexOf(month ?? ''), Number(day), Number(hour), Number(minute), Number(second))).toISOString().replace('.000Z', 'Z');
}

/** The posts a clean twcs export maps to, in post_id order. */
export function expectedTwcsPosts(csv: string): TwcsPost[] {
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  return rows
    .map((row) => {
      const parent = row.in_response_to_tweet_id?.trim() || null;
      const responses = row.response_tweet_id?.trim() || null;
      return {
        post_id: row.tweet_id ?? '',
        author: (row.author_id ?? '').toLowerCase(),
        created_at: isoOf(row.created_at ?? ''),
        kind: parent ? 'reply' : 'post',
        parent_id: parent,
        text: (row.text ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&') || null,
        response_ids: responses ? responses.split(',').map((id) => id.trim()).join(',') : null,
      };
    })
    .sort((a, b) => a.post_id.localeCompare(b.post_id));
}

/** The same fields as the store holds them, in post_id order. */
export async function storedTwcsPosts(store: Store): Promise<TwcsPost[]> {
  const rows = await store.rows(
    'twitter posts',
    twcsPost,
    `SELECT post_id, author, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, kind, parent_id, text, response_ids FROM posts WHERE platform = 'twitter' ORDER BY post_id`,
  );
  return rows.sort((a, b) => a.post_id.localeCompare(b.post_id));
}

/** Every post of `csv` except `without`, with `change` applied to some of them. */
export function expectedExcept(csv: string, without: readonly string[], change: Record<string, Partial<TwcsPost>> = {}): TwcsPost[] {
  return expectedTwcsPosts(csv)
    .filter((post) => !without.includes(post.post_id))
    .map((post) => ({ ...post, ...(change[post.post_id] ?? {}) }));
}
