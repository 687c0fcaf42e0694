import { describe, expect, test } from 'vitest';
import { talkwalkerFormat } from '../../../src/ingest/formats/talkwalker.js';
import { allPosts, importOne, openStore, tempFile } from '../helpers.js';
import { column, runFormat } from './run-format.js';

const FIXTURES = 'tests/fixtures/formats';

/** A tweet id carries its own creation time (Twitter's snowflake layout): independent evidence for the timezone direction. */
function snowflakeSecond(id: string): string {
  const ms = Number((BigInt(id) >> 22n) + 1288834974657n);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

describe('talkwalker: the real export (5 rows)', () => {
  test('ids, kinds, parents, authors, topics', async () => {
    const mapped = await runFormat(talkwalkerFormat, `${FIXTURES}/talkwalker.csv`, { timezone: 'Europe/Paris' });
    expect(column(mapped, 'post_id')).toEqual(['911153194067222528', '911208963110207488', '911162322672078848', '911142910594355200', '911143919160872960']);
    // Row 1 is a retweet (tags isComment,isRepost) of @CarrefourFrance; the others point parent_url at themselves.
    expect(column(mapped, 'kind')).toEqual(['repost', 'post', 'post', 'post', 'post']);
    expect(column(mapped, 'parent_id')).toEqual(['910262234911084544', null, null, null, null]);
    expect(column(mapped, 'parent_url')).toEqual(['http://twitter.com/CarrefourFrance/status/910262234911084544', null, null, null, null]);
    expect(column(mapped, 'author')).toEqual(['louane_dm', 'institutropars', 'coiffure_serge', 'gsupertino', 'amelie_lobato']);
    expect(column(mapped, 'author_followers')).toEqual(['28', '252', '6', '705', '1156']);
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['twitter']));
    expect(new Set(column(mapped, 'topic'))).toEqual(new Set(['Carrefour']));
    expect(new Set(column(mapped, 'sentiment'))).toEqual(new Set(['neutral']));
    expect(new Set(column(mapped, 'language'))).toEqual(new Set(['fr']));
    expect(mapped.rows.every((row) => row.rejected === null && row.warnings.length === 0)).toBe(true);
  });

  test('published (local, dd/mm/yy) read in --timezone agrees with the tweet ids', async () => {
    const mapped = await runFormat(talkwalkerFormat, `${FIXTURES}/talkwalker.csv`, { timezone: 'Europe/Paris' });
    expect(column(mapped, 'created_at')).toEqual(['2017-09-22T09:00:24Z', '2017-09-22T12:42:00Z', '2017-09-22T09:36:40Z', '2017-09-22T08:19:32Z', '2017-09-22T08:23:33Z']);
    expect(column(mapped, 'created_at')).toEqual(column(mapped, 'post_id').map((id) => snowflakeSecond(id ?? '')));
  });

  test('--platform does not override the platform the rows name', async () => {
    const mapped = await runFormat(talkwalkerFormat, `${FIXTURES}/talkwalker.csv`, { timezone: 'Europe/Paris', platform: 'facebook' });
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['twitter']));
  });

  test('the same file read as UTC is two hours off, so --timezone matters', async () => {
    const mapped = await runFormat(talkwalkerFormat, `${FIXTURES}/talkwalker.csv`, { timezone: 'UTC' });
    expect(mapped.rows[0]?.created_at).toBe('2017-09-22T11:00:24Z');
  });
});

describe('talkwalker: daylight-saving changes in Europe/Madrid', () => {
  test('a skipped hour is read with the offset before the change, a repeated hour as its second occurrence; both are warned', async () => {
    const mapped = await runFormat(talkwalkerFormat, `${FIXTURES}/talkwalker_dst.csv`, { timezone: 'Europe/Madrid' });
    expect(column(mapped, 'raw_date')).toEqual(['30/03/25 02:30:00', '26/10/25 02:30:00', '26/10/25 01:30:00', '01/07/25 12:00:00', '31/02/25 10:00:00']);
    expect(column(mapped, 'created_at')).toEqual([
      '2025-03-30T01:30:00Z', // 02:30 does not exist (clocks jump 02:00 -> 03:00): read as 02:30 CET = 03:30 CEST
      '2025-10-26T01:30:00Z', // 02:30 happens twice (CEST then CET): read as the second, 02:30 CET
      '2025-10-25T23:30:00Z', // 01:30 CEST, unambiguous
      '2025-07-01T10:00:00Z', // summer time, +02:00
      null, // 31 February: unparseable, the pipeline rejects it with this raw date as the example
    ]);
    expect(mapped.rows.map((row) => row.warnings.length)).toEqual([1, 1, 0, 0, 0]);
    expect(mapped.rows[0]?.warnings[0]).toContain('daylight-saving change');
  });

  test('a month-first file is read month first, with a warning, not stored on swapped days', async () => {
    const row = (date: string, id: number) => `http://twitter.com/jane/status/${id},${date},hello,jane,socialmedia_twitter,,,`;
    const header = 'url,published,content,extra_author_attributes.short_name,source_type,parent_url,tags_internal,matched_profile';
    const lines = [header, row('09/22/17 11:00:24', 1), row('10/05/17 09:00:00', 2)];
    const path = tempFile('talkwalker-month-first.csv', `${lines.join('\n')}\n`);
    const store = await openStore();
    const result = await importOne(store, path);
    expect((await allPosts(store)).map((post) => post.created_at)).toEqual(['2017-09-22T11:00:24Z', '2017-10-05T09:00:00Z']);
    expect(result.warnings).toContain('the dates are written month first, not day first as this layout\'s usually are: read month first (1 of 2 cannot be read the other way)');
  });
});
