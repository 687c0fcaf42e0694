import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { brandwatchFormat } from '../../../src/ingest/formats/brandwatch.js';
import { facebookCommentsFormat } from '../../../src/ingest/formats/facebook-comments.js';
import { meltwaterFormat } from '../../../src/ingest/formats/meltwater.js';
import { sproutFormat } from '../../../src/ingest/formats/sprout.js';
import { talkwalkerFormat } from '../../../src/ingest/formats/talkwalker.js';
import { twarc2Format } from '../../../src/ingest/formats/twarc2.js';
import { twcsFormat } from '../../../src/ingest/formats/twcs.js';
import { twitterV2Format } from '../../../src/ingest/formats/twitter-v2.js';
import type { ExportFormat } from '../../../src/ingest/formats/types.js';

const FIXTURES = 'tests/fixtures/formats';
const DETECTABLE: ExportFormat[] = [twcsFormat, twarc2Format, twitterV2Format, talkwalkerFormat, meltwaterFormat, brandwatchFormat, sproutFormat, facebookCommentsFormat];

function headerOf(file: string, delimiter = ','): string[] {
  const firstLine = readFileSync(`${FIXTURES}/${file}`, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  // The fixtures' header cells hold no quoted delimiters, so a split is enough here.
  return firstLine.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

const SAMPLES: Array<{ file: string; header: string[]; format: string }> = [
  { file: 'twcs_kaggle_sample.csv', header: headerOf('twcs_kaggle_sample.csv'), format: 'twcs' },
  { file: 'twcs_excel_mangled.csv', header: headerOf('twcs_excel_mangled.csv'), format: 'twcs' },
  { file: 'twcs_pandas_resave.csv', header: headerOf('twcs_pandas_resave.csv'), format: 'twcs' },
  { file: 'twcs_pandas_unnamed.csv', header: headerOf('twcs_pandas_unnamed.csv'), format: 'twcs' },
  { file: 'twarc2.csv', header: headerOf('twarc2.csv'), format: 'twarc2' },
  {
    file: 'twarc2_twarc-csv-0.7.2_default_columns.txt',
    header: readFileSync(`${FIXTURES}/twarc2_twarc-csv-0.7.2_default_columns.txt`, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean),
    format: 'twarc2',
  },
  { file: 'talkwalker.csv', header: headerOf('talkwalker.csv'), format: 'talkwalker' },
  { file: 'meltwater.utf8.tsv', header: headerOf('meltwater.utf8.tsv', '\t'), format: 'meltwater' },
  { file: 'brandwatch_rows.csv', header: headerOf('brandwatch_rows.csv'), format: 'brandwatch' },
  { file: 'sprout_rows.csv', header: headerOf('sprout_rows.csv'), format: 'sprout' },
  { file: 'generic_semicolon.csv', header: headerOf('generic_semicolon.csv', ';'), format: 'none' },
  { file: 'generic_threads.csv', header: headerOf('generic_threads.csv', ';'), format: 'none' },
  { file: 'twitter_v2.csv', header: headerOf('twitter_v2.csv'), format: 'twitter-v2' },
  { file: 'twitter_v2_expanded.csv', header: headerOf('twitter_v2_expanded.csv'), format: 'twitter-v2' },
  { file: 'meltwater_current.csv', header: headerOf('meltwater_current.csv'), format: 'meltwater' },
  {
    file: 'meltwater_current_columns.txt',
    header: readFileSync(`${FIXTURES}/meltwater_current_columns.txt`, 'utf8').split('\n').map((line) => line.trim()).filter(Boolean),
    format: 'meltwater',
  },
  { file: 'facebook_comments.csv', header: headerOf('facebook_comments.csv'), format: 'facebook-comments' },
  { file: 'facebook_graph_comments.csv', header: headerOf('facebook_graph_comments.csv'), format: 'facebook-comments' },
];

describe('detection from the header', () => {
  test.each(SAMPLES)('$file is recognised by $format and by no other format', ({ header, format }) => {
    expect(DETECTABLE.filter((candidate) => candidate.matches(header)).map((candidate) => candidate.id)).toEqual(format === 'none' ? [] : [format]);
  });

  test('the real headers hold every required column of their format', () => {
    for (const { header, format } of SAMPLES) {
      const candidate = DETECTABLE.find((known) => known.id === format);
      if (!candidate) continue;
      const lower = new Set(header.map((cell) => cell.toLowerCase()));
      expect(candidate.requiredColumns(header).filter((name) => !lower.has(name.toLowerCase()))).toEqual([]);
    }
  });

  test('detection ignores case but not missing columns', () => {
    expect(twcsFormat.matches(['TWEET_ID', 'Author_Id', 'created_at', 'text', 'in_response_to_tweet_id'])).toBe(true);
    expect(twcsFormat.matches(['tweet_id', 'author_id', 'created_at', 'text'])).toBe(false);
  });
});
