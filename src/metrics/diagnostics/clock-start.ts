import type { Analysis } from '../../analysis/analysis.js';
import type { ClockStartLatest } from './types.js';

interface Row extends Record<string, unknown> {
  brand_id: string;
  answered: number;
  median_min: number | null;
  p90_min: number | null;
  mean_min: number | null;
}

/** Response times from the customer's latest message, per brand id (queries/diagnostics/clock_start_latest.sql). */
export async function clockStartLatest(analysis: Analysis, params: { start: string; end: string; inbound_mode: string }): Promise<Map<string, ClockStartLatest>> {
  const rows = await analysis.query<Row>('diagnostics/clock_start_latest', params);
  return new Map(
    rows.map((row) => [
      row.brand_id,
      { answered: row.answered, responseTimeMedianMin: row.median_min, responseTimeP90Min: row.p90_min, responseTimeMeanMin: row.mean_min },
    ]),
  );
}
