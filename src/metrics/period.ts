import { UserError } from '../errors.js';
import {
  addDays,
  addMonths,
  daysBetween,
  formatLocalDate,
  formatLocalMonth,
  startOfLocalDay,
  type LocalDate,
} from './zoned-time.js';

/**
 * A reporting period: local calendar days [firstDay, endDay) in `timezone`,
 * and the instants [start, end) they cover (DST-correct: a local month can be
 * 743 or 745 hours long).
 */
export interface Period {
  label: string;
  kind: 'month' | 'quarter' | 'range';
  timezone: string;
  firstDay: LocalDate;
  /** The first local day after the period (exclusive). */
  endDay: LocalDate;
  start: Date;
  end: Date;
}

const EXAMPLES = 'use a month (2017-10), a quarter (2017-Q4) or two dates FROM..TO, both included (2017-10-01..2017-10-15)';

/**
 * Parses `--period`. A FROM..TO range includes its TO day: it ends at the next
 * local midnight.
 * @example parsePeriod('2017-Q4', 'Europe/Madrid') // 2017-09-30T22:00Z .. 2017-12-31T23:00Z
 */
export function parsePeriod(text: string, timezone: string): Period {
  const value = text.trim();
  checkTimezone(timezone);
  const month = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw badPeriod(text, `month ${month[2]} does not exist`);
    return monthPeriod({ year: Number(month[1]), month: m, day: 1 }, timezone);
  }
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(value);
  if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]), timezone);
  const range = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (range) {
    const from = parseDate(range[1] as string, text);
    const to = parseDate(range[2] as string, text);
    if (daysBetween(from, to) < 0) throw badPeriod(text, `${range[1]} is after ${range[2]}`);
    return rangePeriod(from, addDays(to, 1), timezone);
  }
  throw badPeriod(text);
}

/** The period of the same length just before: previous month, previous quarter, or the same number of days. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'month') return monthPeriod(addMonths(period.firstDay, -1), period.timezone);
  if (period.kind === 'quarter') {
    const first = addMonths(period.firstDay, -3);
    return quarterPeriod(first.year, Math.floor((first.month - 1) / 3) + 1, period.timezone);
  }
  const days = daysBetween(period.firstDay, period.endDay);
  return rangePeriod(addDays(period.firstDay, -days), period.firstDay, period.timezone);
}

/** The `count` local months ending with the month that holds the period's last day, oldest first. */
export function monthsEnding(period: Period, count: number): Period[] {
  const lastDay = addDays(period.endDay, -1);
  const lastMonth = { year: lastDay.year, month: lastDay.month, day: 1 };
  return Array.from({ length: count }, (_, index) => monthPeriod(addMonths(lastMonth, index - count + 1), period.timezone));
}

function monthPeriod(first: LocalDate, timezone: string): Period {
  return build('month', formatLocalMonth(first), first, addMonths(first, 1), timezone);
}

function quarterPeriod(year: number, quarter: number, timezone: string): Period {
  const first = { year, month: (quarter - 1) * 3 + 1, day: 1 };
  return build('quarter', `${year}-Q${quarter}`, first, addMonths(first, 3), timezone);
}

function rangePeriod(first: LocalDate, endDay: LocalDate, timezone: string): Period {
  return build('range', `${formatLocalDate(first)}..${formatLocalDate(addDays(endDay, -1))}`, first, endDay, timezone);
}

function build(kind: Period['kind'], label: string, firstDay: LocalDate, endDay: LocalDate, timezone: string): Period {
  return { label, kind, timezone, firstDay, endDay, start: startOfLocalDay(timezone, firstDay), end: startOfLocalDay(timezone, endDay) };
}

function parseDate(text: string, period: string): LocalDate {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = { year, month, day };
  if (month < 1 || month > 12 || formatLocalDate(addDays(date, 0)) !== text) throw badPeriod(period, `${text} is not a calendar date`);
  return date;
}

function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new UserError(`timezone: "${timezone}" is not a known IANA timezone; use e.g. UTC, Europe/Madrid or America/New_York.`);
  }
}

function badPeriod(text: string, why?: string): UserError {
  return new UserError(`--period "${text}": ${why ? `${why}; ` : 'not a period; '}${EXAMPLES}.`);
}
