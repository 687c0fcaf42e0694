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
