import { z } from 'zod';
import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import type { Period } from '../analysis/period.js';
import type { HourOfWeekCell, TrendPoint } from './types.js';

const trendRow = z.object({ brand_id: z.string(), local_month: z.string(), inbound: z.number(), answered: z.number(), response_rate: z.number().nullable(), median_min: z.number().nullable(), response_rate_end: z.number().nullable() });
const hourRow = z.object({ brand_id: z.string(), weekday: z.number(), hour: z.number(), inbound: z.number(), answered: z.number(), median_min: z.number().nullable() });

/**
 * One point per brand and month. A month of which the data holds no mention
 * and no post of any tracked brand (before the exports start, say) has no
 * value at all, not 0 mentions; in a month it covers, a brand nobody
 * mentioned has 0, and no rate.
 */
export async function monthlyTrend(analysis: Analysis, months: Period[]): Promise<TrendPoint[]> {
  const { config } = analysis;
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const rows = await analysis.rows('trend', trendRow, { start: iso(first.start), end: iso(last.end), tz: config.timezone, inbound_mode: config.metrics.inbound });
  const byKey = new Map(rows.map((row) => [`${row.brand_id}\u0000${row.local_month}`, row]));
  const covered = new Set(rows.map((row) => row.local_month));
  return config.brands.flatMap((brand) =>
    months.map((month) => {
      const row = byKey.get(`${brand.id}\u0000${month.label}`);
      const none = covered.has(month.label) ? 0 : null;
      return {
        month: month.label,
        brandId: brand.id,
        inbound: row?.inbound ?? none,
        answered: row?.answered ?? none,
        responseRate: row?.response_rate ?? null,
        responseRateEnd: row?.response_rate_end ?? null,
        responseTimeMedianMin: row?.median_min ?? null,
      };
    }),
  );
}

/** The full 7 x 24 grid per brand (empty hours have 0 mentions, 0 answered and a null median). */
export async function hourOfWeek(analysis: Analysis, period: Period): Promise<HourOfWeekCell[]> {
  const { config } = analysis;
  const rows = await analysis.rows('hour_of_week', hourRow, { start: iso(period.start), end: iso(period.end), inbound_mode: config.metrics.inbound });
  const byKey = new Map(rows.map((row) => [`${row.brand_id}\u0000${row.weekday}\u0000${row.hour}`, row]));
  const cells: HourOfWeekCell[] = [];
  for (const brand of config.brands) {
    for (let weekday = 0; weekday < 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const row = byKey.get(`${brand.id}\u0000${weekday}\u0000${hour}`);
        cells.push({ brandId: brand.id, weekday, hour, inbound: row?.inbound ?? 0, answered: row?.answered ?? 0, responseTimeMedianMin: row?.median_min ?? null });
      }
    }
  }
  return cells;
}
