import { z } from 'zod';
import type { Config } from '../../config/types.js';
import type { Analysis } from '../../analysis/analysis.js';
import type { BusinessHoursDiagnostic } from './types.js';

const businessHoursRow = z.object({
  brand_id: z.string(),
  inbound_inside: z.number(),
  answered_inside: z.number(),
  inbound_outside: z.number(),
  answered_outside: z.number(),
  listed_missing_inside: z.number(),
  listed_missing_outside: z.number(),
  business_median_min: z.number().nullable(),
  business_p90_min: z.number().nullable(),
  calendar_median_min: z.number().nullable(),
  calendar_p90_min: z.number().nullable(),
});

const DAY_MS = 86_400_000;

/**
 * Business-hours diagnostics per brand id that has a schedule
 * (queries/diagnostics/business_*.sql). Openings are generated from two days
 * before the period to two days after the last possible response, so every
 * instant of interest has its opening (a local day is at most 14 h off UTC).
 */
export async function businessHours(
  analysis: Analysis,
  config: Config,
  params: { start: string; end: string; inbound_mode: string },
  windowMin: number,
): Promise<Map<string, BusinessHoursDiagnostic>> {
  await analysis.run('diagnostics/business_schedule');
  const scheduled = config.brands.filter((brand) => brand.businessHours && brand.businessHours.shifts.length > 0);
  if (scheduled.length === 0) return new Map();
  for (const brand of scheduled) {
    const hours = brand.businessHours;
    if (!hours) continue;
    const timezone = hours.timezone ?? config.timezone;
    for (const shift of hours.shifts) {
      await analysis.sql('INSERT INTO diag_schedule VALUES ($brand, $tz, $weekday, $start, $end)', {
        brand: brand.id,
        tz: timezone,
        weekday: shift.weekday,
        start: shift.startMin,
        end: shift.endMin,
      });
    }
    for (const day of new Set([...(config.holidays ?? []), ...hours.holidays])) {
      await analysis.sql('INSERT INTO diag_holidays VALUES ($brand, $day::DATE)', { brand: brand.id, day });
    }
  }
  const from = new Date(Date.parse(params.start) - 2 * DAY_MS);
  const to = new Date(Date.parse(params.end) + windowMin * 60_000 + 2 * DAY_MS);
  await analysis.run('diagnostics/business_intervals', { from_day: day(from), to_day: day(to) });
  const rows = await analysis.rows('diagnostics/business_hours', businessHoursRow, params);
  return new Map(
    rows.map((row) => [
      row.brand_id,
      {
        inboundInside: row.inbound_inside,
        answeredInside: row.answered_inside,
        listedMissingInside: row.listed_missing_inside,
        responseRateInside: ratio(row.answered_inside, row.inbound_inside),
        inboundOutside: row.inbound_outside,
        answeredOutside: row.answered_outside,
        listedMissingOutside: row.listed_missing_outside,
        responseRateOutside: ratio(row.answered_outside, row.inbound_outside),
        businessTimeMedianMin: row.business_median_min,
        businessTimeP90Min: row.business_p90_min,
        calendarTimeMedianMin: row.calendar_median_min,
        calendarTimeP90Min: row.calendar_p90_min,
      },
    ]),
  );
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function day(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
