const DAY_MS = 86_400_000;
/** The day after 9999-12-31, Excel's last day, in the 1900 system; the 1904 system starts 1,462 days later. */
const PAST_LAST_SERIAL = 2_958_466;
const DAYS_1900_TO_1904 = 1_462;

/**
 * An Excel date serial as the wall-clock time it shows, in UTC fields (a
 * workbook holds no zone). Serials count days from 1900 with Excel's phantom
 * 29 February 1900 (serial 60, which has no date), or from 1904 in a 1904
 * workbook; a serial below 1 is a time of day alone, given on Excel's day 0
 * (30 December 1899). Seconds are rounded as Excel shows them. Null where
 * Excel shows no date: negative, past 9999, or that 29 February.
 */
export function serialDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= PAST_LAST_SERIAL - (date1904 ? DAYS_1900_TO_1904 : 0)) return null;
  const days = Math.floor(serial);
  const time = Math.round((serial - days) * 86_400) * 1000;
  if (serial < 1) return new Date(Date.UTC(1899, 11, 30) + time);
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + days * DAY_MS + time);
  if (days === 60) return null;
  const origin = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(origin + days * DAY_MS + time);
}

/** Elapsed time as Excel shows [h]:mm:ss (1.5 is 36:00:00), whichever unit the format brackets: hours, minutes and seconds read alike. */
export function elapsedTime(serial: number): string {
  const seconds = Math.round(Math.abs(serial) * 86_400);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${serial < 0 ? '-' : ''}${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/**
 * A t="d" cell's ISO 8601 text as a date, fractions of a second dropped; a
 * text that is not a real date (2025-13-45), or that carries an offset, as it is.
 */
export function isoCellDate(text: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(text.trim());
  if (!match) return text;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds);
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hours < 24 && minutes < 60 && seconds < 60;
  return real ? date : text;
}
