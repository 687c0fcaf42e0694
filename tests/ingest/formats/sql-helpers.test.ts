import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  countValue,
  handle,
  idList,
  idText,
  isScientificNotation,
  isUnreadableIdList,
  isoInstant,
  localOrIsoInstant,
  languageCode,
  platformFromUrl,
  platformName,
  postIdFromUrl,
  quoteIdentifier,
  sentimentLabel,
  unescapeTweetText,
} from '../../../src/ingest/formats/sql-helpers.js';

let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => instance.closeSync());

/** Applies a helper to each input (bound as a parameter) and returns the results as text. */
async function apply(helper: (expr: string) => string, inputs: Array<string | null>): Promise<Array<string | null>> {
  const connection = await instance.connect();
  // As every store connection does: instants print in UTC whatever the machine's TZ.
  await connection.run("SET TimeZone = 'UTC'");
  try {
    const results: Array<string | null> = [];
    for (const input of inputs) {
      const reader = await connection.runAndReadAll(`SELECT CAST((${helper('$value::VARCHAR')}) AS VARCHAR) AS result`, { value: input });
      const value = reader.getRowObjectsJS()[0]?.result;
      results.push(value === null || value === undefined ? null : String(value));
    }
    return results;
  } finally {
    connection.closeSync();
  }
}

describe('sql helpers', () => {
  test('ids: quotes and float renderings removed without losing digits', async () => {
    expect(await apply(idText, ['3.0', '"1955511622421602690"', '1955511622421602690.0', " '119237 ", '', null, 'abc_123', '12.5'])).toEqual([
      '3', '1955511622421602690', '1955511622421602690', '119237', null, null, 'abc_123', '12.5',
    ]);
  });

  test('id lists: each id trimmed, float renderings cut, empty ids dropped, a single id as its text', async () => {
    expect(await apply(idList, ['3.0, 4.0', '3.0', '119249, 119251', ' 119237 ', '1,,2', ',5', '12.50', '   ', '', null])).toEqual(['3,4', '3', '119249,119251', '119237', '1,2', '5', '12.50', null, null, null]);
  });

  test('unreadable id lists and ids in scientific notation', async () => {
    expect(await apply(isUnreadableIdList, ['119249,119251', '3.0, 4.0', '', '1.23E+17', 'n/a', '12;13'])).toEqual(['false', 'false', 'false', 'true', 'true', 'true']);
    expect(await apply(isScientificNotation, ['1.23E+17', '1.19247e+17', '119247', '1.5', null])).toEqual(['true', 'true', 'false', 'false', 'false']);
  });

  test('post ids from URLs of each network', async () => {
    expect(
      await apply(postIdFromUrl, [
        'http://twitter.com/Louane_DM/status/911153194067222528',
        'https://x.com/AcmeCares/status/1955511622421602690?s=20',
        'https://twitter.com/MuminJamiean/statuses/1955511622421602690',
        'https://www.instagram.com/p/C4abc_DEF12/',
        'https://www.instagram.com/reel/C4xyz/',
        'https://www.facebook.com/acme.telecom/posts/10155?comment_id=10160',
        'https://www.facebook.com/permalink.php?story_fbid=123456&id=99',
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        'https://youtu.be/dQw4w9WgXcQ',
        'https://www.reddit.com/r/spain/comments/abc123/title_here/def456/',
        'https://www.reddit.com/r/spain/comments/abc123/title_here/',
        'https://www.tiktok.com/@acme/video/7300000000000000000',
        'https://elpais.com/economia/acme.html',
        '',
      ]),
    ).toEqual([
      '911153194067222528', '1955511622421602690', '1955511622421602690', 'C4abc_DEF12', 'C4xyz', '10160', '123456',
      'dQw4w9WgXcQ', 'dQw4w9WgXcQ', 'def456', 'abc123', '7300000000000000000', null, null,
    ]);
  });

  test('handles: lower case, no @, no profile URL', async () => {
    expect(await apply(handle, ['@AcmeCares', ' AppleSupport ', 'https://twitter.com/Louane_DM/', 'http://www.instagram.com/acme.es?hl=en', 'acme.telecom', '@', ''])).toEqual([
      'acmecares', 'applesupport', 'louane_dm', 'acme.es', 'acme.telecom', null, null,
    ]);
  });

  test('platforms from names and URLs', async () => {
    expect(await apply(platformName, ['Twitter', 'X', 'FACEBOOK', 'Instagram', 'news', '', null])).toEqual(['twitter', 'twitter', 'facebook', 'instagram', 'news', null, null]);
    expect(await apply(platformFromUrl, ['https://x.com/a/status/1', 'http://twitter.com/', 'https://m.facebook.com/x', 'instagram.com', 'https://elpais.com/a'])).toEqual([
      'twitter', 'twitter', 'facebook', 'instagram', null,
    ]);
  });

  test('sentiment, language, counts, tweet text', async () => {
    expect(await apply(sentimentLabel, ['Negative', '0', '-3', '2.5', 'Not Rated', 'mixed', 'Positif', null])).toEqual([
      'negative', 'neutral', 'negative', 'positive', null, 'mixed', 'positive', null,
    ]);
    // Scores with a decimal comma, as a spreadsheet set to Spanish or French writes them; a list with a comma is no score.
    expect(await apply(sentimentLabel, ['-0,3', '0,7', '0,0', ',5', '1,2,3'])).toEqual(['negative', 'positive', 'neutral', 'positive', '1,2,3']);
    expect(await apply(languageCode, ['English', 'fr', 'Español', 'unknown', ''])).toEqual(['en', 'fr', 'es', null, null]);
    expect(await apply(countValue, ['1,520', '45.000', '1156.0', '797', '1.2K', '', null])).toEqual(['1520', '45000', '1156', '797', null, null, null]);
    expect(await apply(unescapeTweetText, ['a &amp; b &gt; c &lt; d', '&amp;lt;'])).toEqual(['a & b > c < d', '&lt;']);
  });

  test('ISO instants: own offset kept, no offset read in the timezone, lenient non-ISO text refused', async () => {
    const inMadrid = (expr: string): string => `strftime(${isoInstant(expr, "'Europe/Madrid'")}, '%Y-%m-%dT%H:%M:%SZ')`;
    expect(await apply(inMadrid, ['2025-03-30T14:05:00+02:00', '2025-03-30 14:05:00', '2025-01-15T10:00:00.000Z', '31/02/25 10:00:00', '2017-10-31 22:10:47.0'])).toEqual([
      '2025-03-30T12:05:00Z', '2025-03-30T12:05:00Z', '2025-01-15T10:00:00Z', null, '2017-10-31T21:10:47Z',
    ]);
    // A time that names UTC or GMT in words (BigQuery's `2024-10-09 14:00:05 UTC`) is that instant, never a Madrid time; a zone
    // abbreviation that is ambiguous (EST, CEST) is not read at all.
    expect(await apply(inMadrid, ['2024-10-09 14:00:05 UTC', '2024-10-09 14:00:05 utc', '2024-10-09T14:00:05 GMT', '2024-10-09 14:00:05 CEST'])).toEqual([
      '2024-10-09T14:00:05Z', '2024-10-09T14:00:05Z', '2024-10-09T14:00:05Z', null,
    ]);
  });

  test('a local-time column also takes ISO text (an .xlsx converted to text)', async () => {
    const talkwalkerLike = (expr: string): string =>
      `strftime(${localOrIsoInstant(expr, `try_strptime(trim(${expr}), '%d/%m/%y %H:%M:%S')`, "'Europe/Paris'").instant}, '%Y-%m-%dT%H:%M:%SZ')`;
    expect(await apply(talkwalkerLike, ['22/09/17 11:00:24', '2017-09-22 11:00:24', '2017-09-22T09:00:24Z', '31/02/25 10:00:00'])).toEqual([
      '2017-09-22T09:00:24Z', '2017-09-22T09:00:24Z', '2017-09-22T09:00:24Z', null,
    ]);
    expect(await apply(talkwalkerLike, ['2017-09-22 09:00:24 UTC'])).toEqual(['2017-09-22T09:00:24Z']);
    // An Excel serial (a workbook cell without a date format): 2017-09-22 11:00:24 in Paris.
    expect(await apply(talkwalkerLike, ['43000.458611111'])).toEqual(['2017-09-22T09:00:24Z']);
  });

  test('identifiers are double-quoted with inner quotes doubled', () => {
    expect(quoteIdentifier('author.username')).toBe('"author.username"');
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
  });
});
