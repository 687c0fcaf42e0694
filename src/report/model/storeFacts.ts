import type { Config } from '../../config/types.js';
import { prepareBase } from '../../metrics/base.js';
import type { Store } from '../../store/database.js';
import type { ResponseTimes } from '../charts/chartData.js';

export interface MentionSample {
  platform: string;
  author: string;
  createdAtMs: number;
  text: string;
  responseMin: number | null;
  pending: boolean;
}

export interface ImportBatchFact {
  file: string;
  format: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

/** What the report reads from the store beyond the metrics: exact response times, example mentions, import records. */
export interface StoreFacts {
  responseTimes: ResponseTimes;
  unanswered: MentionSample[];
  slowest: MentionSample[];
  imports: ImportBatchFact[];
  rejectedRows: number;
}

/**
 * Reads the facts for one period, reusing the metrics engine's `mentions`
 * table (rebuilt here for exactly [start, end)) so examples and curves rest
 * on the same definitions as the numbers.
 */
export async function readStoreFacts(store: Store, config: Config, range: { start: Date; end: Date }, examples = 8): Promise<StoreFacts> {
  await prepareBase(store, config, range);
  const params = { start: range.start.toISOString(), end: range.end.toISOString() };
  const timeRows = await store.all<{ brand_id: string; times: number[] }>(
    `SELECT brand_id, list(response_min ORDER BY response_min) AS times
     FROM mentions
     WHERE response_min IS NOT NULL AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
     GROUP BY brand_id`,
    params,
  );
  const responseTimes: ResponseTimes = Object.fromEntries(timeRows.map((row) => [row.brand_id, row.times.map(Number)]));
  const sampleSql = (where: string, order: string) => `
    SELECT m.platform, m.author, epoch_ms(m.created_at)::DOUBLE AS created_ms, left(coalesce(p.text, ''), 2000) AS text,
           m.response_min, m.pending
    FROM mentions m JOIN posts p ON p.platform = m.platform AND p.post_id = m.post_id
    WHERE m.brand_id = $client AND m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ AND ${where}
    ORDER BY ${order}, m.platform, m.post_id
    LIMIT $limit`;
  const sampleParams = { ...params, client: config.client, limit: examples };
  const toSample = (row: SampleRow): MentionSample => ({
    platform: row.platform,
    author: row.author,
    createdAtMs: row.created_ms,
    text: row.text,
    responseMin: row.response_min,
    pending: row.pending,
  });
  const unanswered = (await store.all<SampleRow>(sampleSql('m.response_at IS NULL', 'm.created_at'), sampleParams)).map(toSample);
  const slowest = (await store.all<SampleRow>(sampleSql('m.response_min IS NOT NULL', 'm.response_min DESC'), sampleParams)).map(toSample);
  const imports = (
    await store.all<{ file: string; format: string; rows_read: number; imported: number; duplicates: number; rejected: number }>(
      `SELECT file, format, rows_read::DOUBLE AS rows_read, imported::DOUBLE AS imported, duplicates::DOUBLE AS duplicates, rejected::DOUBLE AS rejected
       FROM import_batches ORDER BY batch_id`,
    )
  ).map((row) => ({ file: row.file, format: row.format, rowsRead: row.rows_read, imported: row.imported, duplicates: row.duplicates, rejected: row.rejected }));
  const [rejects] = await store.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM import_rejects');
  return { responseTimes, unanswered, slowest, imports, rejectedRows: rejects?.n ?? 0 };
}

interface SampleRow extends Record<string, unknown> {
  platform: string;
  author: string;
  created_ms: number;
  text: string;
  response_min: number | null;
  pending: boolean;
}
