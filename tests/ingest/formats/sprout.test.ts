import { describe, expect, test } from 'vitest';
import { sproutFormat } from '../../../src/ingest/formats/sprout.js';
import { column, runFormat } from './run-format.js';

// Hand-written rows: no real Sprout Social export was available, the columns follow public descriptions of its message data.
const FILE = 'tests/fixtures/formats/sprout_rows.csv';

describe('sprout', () => {
  test('kinds from Message Type, parents by id or URL, platforms from Network', async () => {
    const mapped = await runFormat(sproutFormat, FILE, { timezone: 'America/Chicago' });
    expect(column(mapped, 'post_id')).toEqual(['1764600000000000001', '1764600000000000002', '10160', 'C4abc_DEF12']);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'comment', 'repost']);
    expect(column(mapped, 'parent_id')).toEqual([null, '1764600000000000001', '10155', null]);
    expect(column(mapped, 'parent_url')).toEqual([null, null, 'https://www.facebook.com/acme.telecom/posts/10155', null]);
    expect(column(mapped, 'platform')).toEqual(['twitter', 'twitter', 'facebook', 'instagram']);
    expect(column(mapped, 'author')).toEqual(['janedoe', 'acmecares', 'luis.perez', 'bob_r']);
    expect(column(mapped, 'topic')).toEqual(['Acme Telecom', 'Acme Telecom', 'Acme Telecom', 'Acme Telecom']);
    expect(column(mapped, 'sentiment')).toEqual(['negative', null, 'neutral', null]);
  });

  test('local timestamps read in --timezone, explicit offsets kept', async () => {
    const mapped = await runFormat(sproutFormat, FILE, { timezone: 'America/Chicago' });
    expect(column(mapped, 'created_at')).toEqual(['2024-03-04T15:15:00Z', '2024-03-04T15:20:30Z', '2024-03-04T16:00:00Z', '2024-03-04T10:30:00Z']);
  });
});
