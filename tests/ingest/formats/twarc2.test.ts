import { describe, expect, test } from 'vitest';
import { twarc2Format } from '../../../src/ingest/formats/twarc2.js';
import { column, runFormat } from './run-format.js';

const FIXTURES = 'tests/fixtures/formats';

// Rows are hand-written on the real twarc-csv 0.5.2 header (data/formats/twarc2.csv, with its trailing comma).
describe('twarc2 (twarc-csv 0.5.2 header)', () => {
  test('kinds and parents from referenced_tweets', async () => {
    const mapped = await runFormat(twarc2Format, `${FIXTURES}/twarc2_rows.csv`);
    expect(column(mapped, 'post_id')).toEqual([
      '1400000000000000001', '1400000000000000002', '1400000000000000003', '1400000000000000004', '1400000000000000005',
    ]);
    expect(column(mapped, 'kind')).toEqual(['post', 'reply', 'repost', 'quote', 'reply']);
    expect(column(mapped, 'parent_id')).toEqual([
      null, '1400000000000000001', '1400000000000000001', '1400000000000000002', '1400000000000000002',
    ]);
    expect(column(mapped, 'thread_id')).toEqual([
      '1400000000000000001', '1400000000000000001', '1400000000000000003', '1400000000000000004', '1400000000000000001',
    ]);
  });

  test('authors, followers, language, instants and text', async () => {
    const mapped = await runFormat(twarc2Format, `${FIXTURES}/twarc2_rows.csv`);
    expect(column(mapped, 'author')).toEqual(['janedoe', 'acmecares', 'bob_r', 'carla', 'janedoe']);
    expect(column(mapped, 'author_name')).toEqual(['Jane Doe', 'Acme Support', 'Bob', 'Carla', 'Jane Doe']);
    expect(column(mapped, 'author_followers')).toEqual(['1520', '98000', '3', '0', '1521']);
    expect(column(mapped, 'language')).toEqual(['en', 'en', 'en', 'es', 'en']);
    expect(column(mapped, 'created_at')).toEqual([
      '2021-06-01T12:00:00Z', '2021-06-01T12:05:30Z', '2021-06-01T13:00:00Z', '2021-06-02T08:00:00Z', '2021-06-02T07:00:00Z',
    ]);
    expect(mapped.rows[0]?.text).toBe('Is @AcmeCares down? Q&A page > 404');
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['twitter']));
  });

  test('--platform overrides the default platform', async () => {
    const mapped = await runFormat(twarc2Format, `${FIXTURES}/twarc2_rows.csv`, { platform: 'X' });
    expect(new Set(column(mapped, 'platform'))).toEqual(new Set(['x']));
  });
});

describe('twarc2 (twarc-csv 0.7.2 default columns)', () => {
  test('the newer header generation maps the same way', async () => {
    const mapped = await runFormat(twarc2Format, `${FIXTURES}/twarc2_0.7.2_rows.csv`);
    expect(mapped.rows.map(({ post_id, kind, parent_id, author, created_at }) => ({ post_id, kind, parent_id, author, created_at }))).toEqual([
      { post_id: '1400000000000000002', kind: 'reply', parent_id: '1400000000000000001', author: 'acmecares', created_at: '2021-06-01T12:05:30Z' },
    ]);
  });
});
