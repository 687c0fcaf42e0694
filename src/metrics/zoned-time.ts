/** A calendar date without a time or zone. Months are 1-12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** Milliseconds to add to a UTC instant to read the wall clock of `zone` (whole seconds). */
export function offsetAt(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return wall - whole;
}

/**
 * The instant at which the wall clock of `zone` reads `date` 00:00. When the
 * clocks are turned back over midnight the earlier instant is taken; when a
 * zone skips midnight (the clocks jump from 00:00 to 01:00) the day starts at
 * the jump.
 */
export function startOfLocalDay(zone: string, date: LocalDate): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const day = 86_400_000;
  const candidates = [offsetAt(zone, wall - day), offsetAt(zone, wall + day)]
    .map((offset) => ({ offset, instant: wall - offset }))
    .filter(({ offset, instant }) => offsetAt(zone, instant) === offset)
    .map(({ instant }) => instant);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - offsetAt(zone, wall - day));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(new Date(Date.UTC(date.year, date.month - 1, date.day + days)));
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  return fromUtc(new Date(Date.UTC(date.year, date.month - 1 + months, date.day)));
}

/** Whole calendar days from `from` to `to`. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatLocalMonth(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}`;
}

function fromUtc(date: Date): LocalDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
