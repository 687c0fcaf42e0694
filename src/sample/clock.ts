/**
 * Time arithmetic for the sample in the Europe/Madrid zone, computed from the
 * EU daylight-saving rule itself (last Sunday of March and of October, 01:00
 * UTC) so the output never depends on the machine's TZ or ICU data.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** UTC instant (ms) of 01:00 UTC on the last Sunday of `month` (0-based). */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = lastDay.getUTCDay();
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 1);
}

const summerTime = new Map<number, readonly [number, number]>();

/** [start, end) of summer time in `year`, as UTC instants. */
function summerOf(year: number): readonly [number, number] {
  let range = summerTime.get(year);
  if (!range) {
    range = [lastSundayAtOneUtc(year, 2), lastSundayAtOneUtc(year, 9)];
    summerTime.set(year, range);
  }
  return range;
}

/** Offset of Madrid local time from UTC at `utcMs`, in ms. */
export function madridOffsetMs(utcMs: number): number {
  const [start, end] = summerOf(new Date(utcMs).getUTCFullYear());
  return utcMs >= start && utcMs < end ? 2 * HOUR_MS : HOUR_MS;
}

/** Wall-clock parts of `utcMs` in Madrid. weekday: 0 = Monday ... 6 = Sunday. */
export function madridParts(utcMs: number): { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number } {
  const local = new Date(utcMs + madridOffsetMs(utcMs));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: (local.getUTCDay() + 6) % 7,
  };
}

/** UTC instant of local midnight in Madrid on the given calendar day (month 1-based). */
export function madridMidnight(year: number, month: number, day: number): number {
  const naive = Date.UTC(year, month - 1, day);
  // Midnight is never inside a transition (they happen at 02:00/03:00 local).
  return naive - madridOffsetMs(naive - HOUR_MS);
}

/**
 * Moves an instant out of the hour that Madrid clocks show twice (02:00-03:00
 * on the last Sunday of October), because exports that write local times
 * without an offset cannot say which of the two it was. Monotone, so replies
 * stay after their parents.
 */
export function avoidAmbiguousLocalHour(utcMs: number): number {
  const end = summerOf(new Date(utcMs).getUTCFullYear())[1];
  return utcMs >= end - HOUR_MS && utcMs < end + HOUR_MS ? end + HOUR_MS : utcMs;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Twitter API / Kaggle twcs style: "Wed Oct 11 06:55:44 +0000 2017" (UTC). */
export function formatTwitterDate(utcMs: number): string {
  const d = new Date(utcMs);
  return `${WEEKDAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

/** Talkwalker CSV style, Madrid local: "22/09/17 11:00:24". */
export function formatTalkwalkerDate(utcMs: number): string {
  const p = madridParts(utcMs);
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year % 100)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** Meltwater styles, Madrid local: Date "13-Aug-2025 09:07AM", Alternate Date Format "13-Aug-25", Time "9:07 AM". */
export function formatMeltwaterDates(utcMs: number): { date: string; alternateDate: string; time: string } {
  const p = madridParts(utcMs);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const meridiem = p.hour < 12 ? 'AM' : 'PM';
  const month = MONTHS[p.month - 1] ?? 'Jan';
  return {
    date: `${pad(p.day)}-${month}-${p.year} ${pad(hour12)}:${pad(p.minute)}${meridiem}`,
    alternateDate: `${pad(p.day)}-${month}-${pad(p.year % 100)}`,
    time: `${hour12}:${pad(p.minute)} ${meridiem}`,
  };
}

/** "YYYY-MM" of the instant in Madrid. */
export function madridMonth(utcMs: number): string {
  const p = madridParts(utcMs);
  return `${p.year}-${pad(p.month)}`;
}
