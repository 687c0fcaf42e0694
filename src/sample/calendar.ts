/** The sample's calendar: which months it covers, where the export was cut, and its local days. */
import { DAY_MS, HOUR_MS, madridMidnight } from './clock.js';
import { SAMPLE_CALENDAR } from './spec.js';

export interface SampleCalendar {
  /** First instant of the sample (local midnight of the first day). */
  start: number;
  /** The export was pulled here: nothing at or after it exists. */
  cutoff: number;
  /** Months (YYYY-MM, Madrid) from first to last full month. */
  months: string[];
}

export function sampleCalendar(): SampleCalendar {
  const [firstYear, firstMonth] = SAMPLE_CALENDAR.firstMonth.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = SAMPLE_CALENDAR.lastMonth.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let y = firstYear, m = firstMonth; y < lastYear || (y === lastYear && m <= lastMonth); m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const next = lastMonth === 12 ? { y: lastYear + 1, m: 1 } : { y: lastYear, m: lastMonth + 1 };
  return { start: madridMidnight(firstYear, firstMonth, 1), cutoff: madridMidnight(next.y, next.m, 1 + SAMPLE_CALENDAR.extraDays), months };
}

export interface Day {
  start: number;
  weekday: number;
  /** Position in the sample's months, 0-based (days after the last full month count as the last). */
  monthIndex: number;
  iso: string;
}

/** Every local day of the sample, from the first month's first day to the cutoff (Madrid midnights, so 23- and 25-hour days included). */
export function* sampleDays(calendar: SampleCalendar): Generator<Day> {
  const first = new Date(calendar.start + 12 * HOUR_MS);
  for (let naive = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()); ; naive += DAY_MS) {
    const date = new Date(naive);
    const start = madridMidnight(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
    if (start >= calendar.cutoff) return;
    const iso = date.toISOString().slice(0, 10);
    const position = calendar.months.indexOf(iso.slice(0, 7));
    yield { start, weekday: (date.getUTCDay() + 6) % 7, monthIndex: position === -1 ? calendar.months.length - 1 : position, iso };
  }
}
