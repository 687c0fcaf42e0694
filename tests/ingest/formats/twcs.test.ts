import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { twcsFormat } from '../../../src/ingest/formats/twcs.js';
import { column, runFormat } from './run-format.js';

const FIXTURES = 'tests/fixtures/formats';

/** The raw rows, parsed independently of DuckDB. */
function rawRows(path: string): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** "Tue Oct 31 22:10:47 +0000 2017" -> ISO, by hand. */
function twitterDateToIso(text: string): string {
  const match = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) \+0000 (\d{4})$/.exec(text);
  if (!match) throw new Error(`unexpected date ${text}`);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [, month, day, hour, minute, second, year] = match;
  return new Date(Date.UTC(Number(year), months.indexOf(month ?? ''), Number(day), Number(hour), Number(minute), Number(second))).toISOString().replace('.000Z', 'Z');
}

describe('twcs: the Kaggle sample (93 rows)', () => {
  test('every row maps, columns equal the raw file read independently', async () => {
    const path = `${FIXTURES}/twcs_kaggle_sample.csv`;
    const mapped = await runFormat(twcsFormat, path);
    const raw = rawRows(path);
    expect(mapped.rows).toHaveLength(93);
    expect(raw).toHaveLength(93);
    expect(column(mapped, 'post_id')).toEqual(raw.map((row) => row.tweet_id));
    expect(column(mapped, 'parent_id')).toEqual(raw.map((row) => row.in_response_to_tweet_id || null));
    expect(column(mapped, 'response_ids')).toEqual(raw.map((row) => (row.response_tweet_id ? row.response_tweet_id.split(',').map((id) => id.trim()).join(',') : null)));
    expect(column(mapped, 'response_ids').filter((ids) => ids?.includes(','))).not.toHaveLength(0);
    expect(column(mapped, 'kind')).toEqual(raw.map((row) => (row.in_response_to_tweet_id ? 'reply' : 'post')));
    expect(column(mapped, 'created_at')).toEqual(raw.map((row) => twitterDateToIso(row.created_at ?? '')));
    expect(column(mapped, 'author')).toEqual(raw.map((row) => row.author_id?.toLowerCase()));
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['twitter']));
    expect(mapped.rows.filter((row) => row.rejected !== null || row.warnings.length > 0)).toEqual([]);
  });

  test('the first rows, checked by hand', async () => {
    const mapped = await runFormat(twcsFormat, `${FIXTURES}/twcs_kaggle_sample.csv`);
    expect(mapped.rows.slice(0, 5).map(({ post_id, author, kind, parent_id, created_at }) => ({ post_id, author, kind, parent_id, created_at }))).toEqual([
      { post_id: '119237', author: '105834', kind: 'post', parent_id: null, created_at: '2017-10-11T06:55:44Z' },
      { post_id: '119238', author: 'chasesupport', kind: 'reply', parent_id: '119239', created_at: '2017-10-11T13:25:49Z' },
      { post_id: '119239', author: '105835', kind: 'post', parent_id: null, created_at: '2017-10-11T13:00:09Z' },
      { post_id: '119240', author: 'virgintrains', kind: 'reply', parent_id: '119242', created_at: '2017-10-10T15:16:08Z' },
      { post_id: '119241', author: '105836', kind: 'reply', parent_id: '119240', created_at: '2017-10-10T15:17:21Z' },
    ]);
  });

  test("the API's HTML escaping is undone in the text", async () => {
    const mapped = await runFormat(twcsFormat, `${FIXTURES}/twcs_kaggle_sample.csv`);
    const row = mapped.rows.find((candidate) => candidate.post_id === '119242');
    expect(row?.text).toBe("@VirginTrains I still haven't heard & the number I'm directed to by phone is a dead end & the live chat doesn't work. Can someone call me?");
    const withGt = mapped.rows.find((candidate) => candidate.post_id === '119248');
    expect(withGt?.text).toContain('Settings > General > About');
  });
});

describe('twcs: the Excel-damaged copy', () => {
  test('keeps all 121 rows and warns exactly on the regrouped id lists', async () => {
    const mapped = await runFormat(twcsFormat, `${FIXTURES}/twcs_excel_mangled.csv`);
    expect(mapped.rows).toHaveLength(121);
    expect(mapped.rows.filter((row) => row.rejected !== null)).toEqual([]);
    const warned = mapped.rows.filter((row) => row.warnings.length > 0);
    expect(warned.map((row) => row.post_id)).toEqual(['156', '172', '180', '185', '188', '194']);
    expect(warned.every((row) => row.warnings.length === 1 && row.warnings[0]?.includes('response_tweet_id was damaged by Excel'))).toBe(true);
    // The row itself is intact: its kind and parent do not depend on the damaged column.
    const row156 = mapped.rows.find((row) => row.post_id === '156');
    expect(row156).toMatchObject({ kind: 'post', parent_id: null, author: '115735', created_at: '2017-10-23T03:19:06Z' });
    expect(mapped.rows.find((row) => row.post_id === '158')).toMatchObject({ kind: 'reply', parent_id: '159', author: 'chipotletweets' });
  });
});

describe('twcs: pandas re-saves', () => {
  test('a leading unnamed index column, float parents and Excel-rounded ids', async () => {
    const mapped = await runFormat(twcsFormat, `${FIXTURES}/twcs_pandas_resave.csv`);
    expect(column(mapped, 'post_id')).toEqual(['119237', '119238', '119239', '119240', '119241', '1.19247E+17', '119248']);
    expect(column(mapped, 'parent_id')).toEqual([null, '119239', null, '119242', '119240', null, null]);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'post', 'reply', 'reply', 'post', 'reply']);
    expect(column(mapped, 'rejected').map((reason) => reason?.split(':')[0] ?? null)).toEqual([
      null, null, null, null, null, 'tweet_id is in scientific notation (e.g. 1.23E+17)', null,
    ]);
    expect(mapped.rows[6]?.warnings).toEqual(['in_response_to_tweet_id is in scientific notation (Excel rounded it): the reply was kept without its parent']);
  });

  test('two "Unnamed: N" index columns are ignored', async () => {
    const mapped = await runFormat(twcsFormat, `${FIXTURES}/twcs_pandas_unnamed.csv`);
    expect(column(mapped, 'post_id')).toEqual(['119237', '119238', '119239', '119240', '119241']);
    expect(column(mapped, 'parent_id')).toEqual([null, '119239', null, '119242', '119240']);
  });
});
