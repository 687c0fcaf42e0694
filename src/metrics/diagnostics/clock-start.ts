import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import type { ClockStartLatest } from './types.js';

const clockStartRow = z.object({
  brand_id: z.string(),
  answered: z.number(),
  median_min: z.number().nullable(),
  p90_min: z.number().nullable(),
  mean_min: z.number().nullable(),
});

/** Response times from the customer's latest message, per brand id (queries/diagnostics/clock_start_latest.sql). */
export async function clockStartLatest(analysis: Analysis, params: { start: string; end: string; inbound_mode: string }): Promise<Map<string, ClockStartLatest>> {
  const rows = await analysis.rows('diagnostics/clock_start_latest', clockStartRow, params);
  return new Map(
    rows.map((row) => [
      row.brand_id,
      { answered: row.answered, responseTimeMedianMin: row.median_min, responseTimeP90Min: row.p90_min, responseTimeMeanMin: row.mean_min },
    ]),
  );
}
