import { tz, TZDate, tzOffset } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addQuarters } from 'date-fns/addQuarters';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { isAfter } from 'date-fns/isAfter';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import { subQuarters } from 'date-fns/subQuarters';
import { isKnownTimezone } from '../config/timezone.js';
import { UserError } from '../errors.js';

/** A calendar date without a time or zone. Months are 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

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
 * Calendar days are counted as UTC midnights, so date-fns steps whole days
 * whatever the machine's own timezone; the config timezone only comes in when
 * a day becomes an instant (startOfLocalDay).
 */
const CALENDAR = { in: tz('UTC') };

/**
 * Parses `--period`. A FROM..TO range includes its TO day: it ends at the next
 * local midnight.
 * @example parsePeriod('2017-Q4', 'Europe/Madrid') // 2017-09-30T22:00Z .. 2017-12-31T23:00Z
 */
export function parsePeriod(text: string, timezone: string): Period {
  const value = text.trim();
  refuseFarYears(value, text);
  if (!isKnownTimezone(timezone)) {
    throw new UserError(`timezone: "${timezone}" is not a known IANA timezone; use e.g. UTC, Europe/Madrid or America/New_York.`);
  }
  // One digit is refused rather than read: "2017-1" may be January or a cut "2017-10", and a month's report is long.
  const oneDigit = /^(\d{4})-(\d)$/.exec(value);
  if (oneDigit) throw badPeriod(text, 'shape', `a month is written with two digits: ${oneDigit[1]}-0${oneDigit[2]}`);
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw badPeriod(text, 'no-such-date', `month ${month[2]} does not exist`);
    return monthPeriod(new TZDate(Number(month[1]), m - 1, 1, 'UTC'), timezone);
  }
  // T for trimestre, as French and Spanish write a quarter (2017-T4).
  const quarter = /^(\d{4})-?[QT]([1-4])$/i.exec(value);
  if (quarter) return quarterPeriod(new TZDate(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1, 'UTC'), timezone);
  const range = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (range) {
    const from = parseDate(range[1] as string, text);
    const to = parseDate(range[2] as string, text);
    if (isAfter(from, to)) throw badPeriod(text, 'order', `${range[1]} is after ${range[2]}`);
    return rangePeriod(from, addDays(to, 1, CALENDAR), timezone);
  }
  const undashed = /^(\d{4})(\d{2})$/.exec(value);
  throw badPeriod(text, value === '' ? 'empty' : 'shape', undashed ? `a month is written with a dash: ${undashed[1]}-${undashed[2]}` : undefined);
}

/** The period of the same length just before: previous month, previous quarter, or the same number of days. */
export function previousPeriod(period: Period): Period {
  const first = calendarDay(period.firstDay);
  if (period.kind === 'month') return monthPeriod(subMonths(first, 1, CALENDAR), period.timezone);
  if (period.kind === 'quarter') return quarterPeriod(subQuarters(first, 1, CALENDAR), period.timezone);
  const days = differenceInCalendarDays(calendarDay(period.endDay), first, CALENDAR);
  return rangePeriod(subDays(first, days, CALENDAR), first, period.timezone);
}

/** The `count` local months ending with the month that holds the period's last day, oldest first. */
export function monthsEnding(period: Period, count: number): Period[] {
  const lastDay = subDays(calendarDay(period.endDay), 1, CALENDAR);
  return Array.from({ length: count }, (_, index) => monthPeriod(subMonths(lastDay, count - 1 - index, CALENDAR), period.timezone));
}

/** Any day of the month -> that month. */
function monthPeriod(day: Date, timezone: string): Period {
  const first = startOfMonth(day, CALENDAR);
  return build('month', format(first, 'yyyy-MM'), first, addMonths(first, 1, CALENDAR), timezone);
}

/** Any day of the quarter -> that quarter. */
function quarterPeriod(day: Date, timezone: string): Period {
  const first = startOfQuarter(day, CALENDAR);
  return build('quarter', format(first, "yyyy-'Q'Q"), first, addQuarters(first, 1, CALENDAR), timezone);
}

function rangePeriod(first: TZDate, endDay: TZDate, timezone: string): Period {
  return build('range', `${format(first, 'yyyy-MM-dd')}..${format(subDays(endDay, 1, CALENDAR), 'yyyy-MM-dd')}`, first, endDay, timezone);
}

function build(kind: Period['kind'], label: string, firstDay: TZDate, endDay: TZDate, timezone: string): Period {
  return {
    label,
    kind,
    timezone,
    firstDay: localDate(firstDay),
    endDay: localDate(endDay),
    start: startOfLocalDay(timezone, firstDay),
    end: startOfLocalDay(timezone, endDay),
  };
}

/**
 * The instant at which the wall clock of `timezone` reads `day` 00:00. When
 * the clocks are turned back over midnight the earlier instant is taken; when
 * a zone skips midnight (the clocks jump from 00:00 to 01:00) the day starts
 * at the jump. Not `new TZDate(y, m, d, timezone)`: TZDate picks between two
 * midnights by the rules of the machine's own timezone, and misplaces days
 * next to a skipped one (Pacific/Apia, 2011-12-30).
 */
function startOfLocalDay(timezone: string, day: TZDate): Date {
  const midnight = day.getTime();
  const offsetAt = (instant: Date | number): number => Math.round(tzOffset(timezone, new Date(instant)) * 60_000);
  const candidates = [offsetAt(subDays(day, 1, CALENDAR)), offsetAt(addDays(day, 1, CALENDAR))]
    .map((offset) => ({ offset, instant: midnight - offset }))
    .filter(({ offset, instant }) => offsetAt(instant) === offset)
    .map(({ instant }) => instant);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(midnight - offsetAt(subDays(day, 1, CALENDAR)));
}

/** The period's first and last local days, "YYYY-MM-DD" (both included). */
export function periodDays(period: Period): { first: string; last: string } {
  const text = (day: TZDate) => format(day, 'yyyy-MM-dd', CALENDAR);
  return { first: text(calendarDay(period.firstDay)), last: text(subDays(calendarDay(period.endDay), 1, CALENDAR)) };
}

function calendarDay(date: LocalDate): TZDate {
  return new TZDate(date.year, date.month - 1, date.day, 'UTC');
}

function localDate(day: TZDate): LocalDate {
  return { year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate() };
}

function parseDate(text: string, period: string): TZDate {
  const date = parse(text, 'yyyy-MM-dd', new TZDate(0, 'UTC'), CALENDAR);
  if (!isValid(date)) throw badPeriod(period, 'no-such-date', `${text} is not a calendar date`);
  return date;
}

/** Years a period may name: social media began in 2006 (Twitter; Facebook opened to all that year), and 2100 is far enough. */
const FIRST_YEAR = 2006;
const LAST_YEAR = 2100;

/**
 * A period naming a year no post can have is refused before any date is computed (year 9999 broke DuckDB's timestamps).
 * A year is a run of four digits: longer runs are no year ("201710" is a month without its dash, said as a shape).
 */
function refuseFarYears(value: string, text: string): void {
  const far = [...value.matchAll(/(?<!\d)\d{4}(?!\d)/g)].map((match) => match[0]).filter((year) => Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR);
  if (far.length === 0) return;
  throw badPeriod(text, 'year', `${far.length === 1 ? 'the year' : 'the years'} ${[...new Set(far)].join(' and ')} ${far.length === 1 ? 'is' : 'are'} outside ${FIRST_YEAR}-${LAST_YEAR}, the years mention data can come from`);
}

/** What is wrong with a period that is none: no text, not one of the three shapes, a day or month that does not exist, FROM after TO, a year out of range. */
export type PeriodProblem = 'empty' | 'shape' | 'no-such-date' | 'order' | 'year';

/** A period that is none, with what is wrong with it (the local web page words it in its own language). */
export class PeriodError extends UserError {
  constructor(
    message: string,
    readonly problem: PeriodProblem,
  ) {
    super(message);
  }
}

function badPeriod(text: string, problem: PeriodProblem, why?: string): PeriodError {
  return new PeriodError(`--period "${text}": ${why ? `${why}; ` : 'not a period; '}${EXAMPLES}.`, problem);
}
