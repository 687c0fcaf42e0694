/**
 * Every layout that reads a follower count warns of the cells it cannot read (stored as unknown): a layout added or
 * changed without the warning would drop counts unsaid. Checked on each layout's own fixture header.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/ingest/formats/index.js';
import { createMappingContext } from '../../../src/ingest/formats/mapping-context.js';
import { UNREAD_FOLLOWERS_REASON } from '../../../src/ingest/formats/sql-helpers.js';

const FIXTURES = 'tests/fixtures/formats';
const HEADERS: Record<string, string> = {
  twcs: 'twcs_kaggle.csv',
  twarc2: 'twarc2.csv',
  'twitter-v2': 'twitter_v2.csv',
  talkwalker: 'talkwalker.csv',
  meltwater: 'meltwater.utf8.tsv',
  brandwatch: 'brandwatch_rows.csv',
  sprout: 'sprout_rows.csv',
  'facebook-comments': 'facebook_comments.csv',
};

describe('follower counts a layout cannot read', () => {
  it.each(FORMATS.map((format) => [format.id, format] as const))('are warned of by %s whenever it reads followers', (id, format) => {
    const file = HEADERS[id];
    expect(file, `a fixture header for ${id}`).toBeDefined();
    const text = readFileSync(`${FIXTURES}/${file}`, 'utf8').replace(/^\uFEFF/, '');
    const header = Papa.parse<string[]>(text, { preview: 1, delimiter: file?.endsWith('.tsv') ? '\t' : ',' }).data[0] ?? [];
    const select = format.select(createMappingContext(header, { timezoneParam: '$timezone', platformParam: null }));
    const readsFollowers = header.some((name) => select.columns.author_followers.includes(`"${name.replaceAll('"', '""')}"`));
    const warns = (select.warnWhen ?? []).some((rule) => rule.reason === UNREAD_FOLLOWERS_REASON);
    // A layout may carry the rule where this header lacks the column (the cell is then NULL, never warned of).
    expect(warns || !readsFollowers).toBe(true);
  });

  it('reads followers in most layouts, so the check above checks something', () => {
    const reading = FORMATS.filter((format) => {
      const file = HEADERS[format.id] ?? '';
      const text = readFileSync(`${FIXTURES}/${file}`, 'utf8').replace(/^\uFEFF/, '');
      const header = Papa.parse<string[]>(text, { preview: 1, delimiter: file.endsWith('.tsv') ? '\t' : ',' }).data[0] ?? [];
      return header.some((name) => format.select(createMappingContext(header, { timezoneParam: '$timezone', platformParam: null })).columns.author_followers.includes(`"${name}"`));
    });
    expect(reading.length).toBeGreaterThanOrEqual(5);
  });
});
