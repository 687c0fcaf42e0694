import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { getDate } from 'date-fns/getDate';
import { isFirstDayOfMonth } from 'date-fns/isFirstDayOfMonth';
import { isSameDay } from 'date-fns/isSameDay';
import { isSameMonth } from 'date-fns/isSameMonth';
import { parse } from 'date-fns/parse';
import { subMilliseconds } from 'date-fns/subMilliseconds';
import type { Day } from 'date-fns';
import { dateStyle, type DateStyle } from './dates.js';
import { decimalsPast, percentWith, settingPercent } from './plain-numbers.js';
import { languageEntry, type Language } from './language.js';
import type { Translate } from './strings.js';

/** A recent instant at which to name timezones: CLDR names a zone by the metazone it is in at a date, and in 1970 some had others ("Central European Standard Time"). */
const ZONE_NAMES_AT = Date.UTC(2025, 0, 15);

/**
 * Every number and date of a report goes through here, so one language gets
 * one consistent style (decimal comma and spacing rules of es and fr included).
 */
export class Formatter {
  readonly locale: string;
  private readonly integer: Intl.NumberFormat;
  private readonly groupedInteger: Intl.NumberFormat;
  private readonly percent0: Intl.NumberFormat;
  private readonly percent1: Intl.NumberFormat;
  private readonly decimal1: Intl.NumberFormat;
  private readonly tenth: Intl.NumberFormat;
  private readonly signed1: Intl.NumberFormat;
  private readonly pointsPlural: Intl.PluralRules;
  private readonly decimalPlural: Intl.PluralRules;
  private readonly signedPercent0: Intl.NumberFormat;
  private readonly conjunction: Intl.ListFormat;
  private readonly disjunction: Intl.ListFormat;
  private readonly dates: DateStyle;
  private readonly dateOptions: { locale: DateStyle['locale']; in: ReturnType<typeof tz> };

  constructor(
    readonly language: Language,
    private readonly t: Translate,
    readonly timezone: string,
  ) {
    this.locale = languageEntry(language).locale;
    // The locale's own grouping: es-ES leaves four digits whole (2874, as the RAE writes them) and groups from five (37.213).
    this.integer = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 });
    this.groupedInteger = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0, useGrouping: 'always' });
    this.percent0 = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 });
    this.percent1 = new Intl.NumberFormat(this.locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    this.decimal1 = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 });
    this.tenth = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    this.signed1 = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
    this.pointsPlural = new Intl.PluralRules(this.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    this.decimalPlural = new Intl.PluralRules(this.locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 });
    this.signedPercent0 = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
    this.conjunction = new Intl.ListFormat(this.locale, { style: 'long', type: 'conjunction' });
    this.disjunction = new Intl.ListFormat(this.locale, { style: 'long', type: 'disjunction' });
    this.dates = dateStyle(language);
    this.dateOptions = { locale: this.dates.locale, in: tz(timezone) };
  }

  /**
   * The report's timezone as a reader knows it: its name in the report's language beside
   * its IANA id ("Central European Time (Europe/Madrid)"), or "UTC". A zone CLDR names by a
   * pattern ("heure : Royaume-Uni") is named by the place the pattern holds ("Royaume-Uni
   * (Europe/London)"); one it names only by an offset keeps its id alone; an Etc/ zone,
   * whose id reverses the offset's sign (Etc/GMT+3 is three hours behind), shows the offset.
   */
  timezoneName(): string {
    if (/^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal|Greenwich)(0|[+-]0)?$/i.test(this.timezone)) return 'UTC';
    const part = (style: 'longGeneric' | 'longOffset') =>
      new Intl.DateTimeFormat(this.locale, { timeZone: this.timezone, timeZoneName: style }).formatToParts(ZONE_NAMES_AT).find((entry) => entry.type === 'timeZoneName')?.value;
    if (this.timezone.startsWith('Etc/')) return part('longOffset') ?? this.timezone;
    const name = part('longGeneric');
    if (!name || /^(GMT|UTC)/.test(name)) return this.timezone;
    if (name.includes(':')) {
      const place = /^[^:]*\s:\s*(.+)$/u.exec(name)?.[1];
      return place ? `${place} (${this.timezone})` : this.timezone;
    }
    return `${name} (${this.timezone})`;
  }

  /** The report's language by its name in that language ("Español"), not its code. */
  languageName(): string {
    return this.capitalise(new Intl.DisplayNames(this.locale, { type: 'language' }).of(this.language) ?? this.language);
  }

  /** "—" stands for a value that cannot be computed (null), never 0. */
  get missing(): string {
    return '—';
  }

  count(value: number | null | undefined): string {
    return value == null ? this.missing : this.integer.format(value);
  }

  /**
   * The counts of one column of a table: where the locale leaves four digits whole (Spanish), grouped alike when
   * another count of the column has five digits or more, as the RAE writes numbers in columns ("8.380" above "15.682",
   * not "8380"); elsewhere as count() writes them.
   */
  columnCounts(values: ReadonlyArray<number | null | undefined>): string[] {
    const grouped = values.some((value) => value != null && Math.abs(value) >= 10_000);
    return values.map((value) => (value == null ? this.missing : grouped ? this.groupedInteger.format(value) : this.integer.format(value)));
  }

  /** A fraction in [0, 1] as a whole percentage: 0.623 -> "62%" / "62 %". */
  percent(value: number | null | undefined): string {
    return value == null ? this.missing : this.percent0.format(value);
  }

  percentPrecise(value: number | null | undefined): string {
    return value == null ? this.missing : this.percent1.format(value);
  }

  /** A share that passed `threshold`, with as many decimals as it takes to read as more than it (decimalsPast: 5.49% of "more than 5%" is "5.5%"). */
  percentPast(value: number | null | undefined, threshold: number): string {
    return value == null ? this.missing : percentWith(this.locale, decimalsPast(value, threshold)).format(value);
  }

  /** A threshold of the config as it is set, with up to two decimals ("5%", "2.5%"). */
  percentSetting(value: number): string {
    return settingPercent(this.locale).format(value);
  }

  decimal(value: number | null | undefined): string {
    return value == null ? this.missing : this.decimal1.format(value);
  }

  /** A 95% interval of fractions: "55–68%". */
  percentInterval(interval: [number, number] | null | undefined): string {
    if (!interval) return this.missing;
    return this.t('format.interval', { low: this.integer.format(interval[0] * 100), high: this.percent0.format(interval[1]) });
  }

  /**
   * A measured time in minutes: "14 min", "6.0 h", "2.1 d". Hours and days keep their tenth
   * even when it is 0, so a column reads "6.0 h" beside "5.8 h" (358 minutes is not 6 h sharp).
   */
  duration(minutes: number | null | undefined): string {
    return this.time(minutes, this.tenth);
  }

  /** The minutes `duration` shows: 361.03 minutes print "6.0 h", 360 minutes; 2.35 print "2 min", 2. */
  shownMinutes(minutes: number): number {
    if (minutes < 1) return Math.round(minutes * 60) / 60;
    if (minutes < 59.5) return Math.round(minutes);
    if (minutes < 48 * 60) return (Math.round(minutes / 6) / 10) * 60;
    return (Math.round(minutes / 144) / 10) * 1440;
  }

  /** How many times one value is another, as a sentence says it: "1.2", "2", and whole from 10 ("180", not "180.4"). */
  times(ratio: number): string {
    return Math.round(ratio * 10) / 10 >= 10 ? this.integer.format(ratio) : this.decimal1.format(ratio);
  }

  /** A length that is set, not measured (a target, a window, an axis mark): "1 h", "7 d", "1.5 h". */
  span(minutes: number): string {
    return this.time(minutes, this.decimal1);
  }

  private time(minutes: number | null | undefined, tenths: Intl.NumberFormat): string {
    if (minutes == null) return this.missing;
    if (minutes < 1) return this.t('unit.seconds', { n: this.integer.format(minutes * 60) });
    if (minutes < 59.5) return this.t('unit.minutes', { n: this.integer.format(minutes) });
    if (minutes < 48 * 60) return this.t('unit.hours', { n: tenths.format(minutes / 60) });
    return this.t('unit.days', { n: tenths.format(minutes / 1440) });
  }

  /** A change already in percentage points (as METRICS.md's `change` for rates): 4.2 -> "+4.2 pts". */
  points(change: number | null | undefined): string {
    if (change == null) return this.missing;
    return this.pointUnit(change, this.pointsPlural, this.signed1);
  }

  /** Points without a sign, as a threshold: 2 -> "2 pts". */
  pointsUnsigned(points: number): string {
    return this.pointUnit(points, this.decimalPlural, this.decimal1);
  }

  /** French writes "0,1 pt" and "1,5 pt" (singular below 2), English "1.0 pts": the language's plural rule for the number as shown. */
  private pointUnit(points: number, plural: Intl.PluralRules, shown: Intl.NumberFormat): string {
    return this.t(plural.select(Math.abs(points)) === 'one' ? 'unit.pointsOne' : 'unit.points', { n: shown.format(points) });
  }

  /** Relative change as a signed percentage: "−12%". Input is percent (−12), as METRICS.md's change for counts and times. */
  signedPercent(changePercent: number | null | undefined): string {
    return changePercent == null ? this.missing : this.signedPercent0.format(changePercent / 100);
  }

  /** "Twitter, Instagram and Facebook" / "Twitter, Instagram y Facebook" / "Twitter, Instagram et Facebook". */
  list(items: readonly string[]): string {
    return this.conjunction.format(items);
  }

  /** Items joined with "or" ("Facebook, Instagram or Twitter"), for what is missing on each of them. */
  alternatives(items: readonly string[]): string {
    return this.disjunction.format(items);
  }

  /** "October 2017" for a month, "Q4 2017" for a quarter label, "11 October 2017" for one day, else "1 October 2017 – 15 October 2017", in the report's timezone. */
  periodLabel(startIso: string, endIso: string, label?: string): string {
    const quarter = quarterOf(label);
    if (quarter) return this.t('format.quarter', quarter);
    const start = new Date(startIso);
    const end = new Date(endIso);
    const lastInstant = subMilliseconds(end, 1);
    const wholeMonth = isFirstDayOfMonth(start, this.dateOptions) && isFirstDayOfMonth(end, this.dateOptions) && isSameMonth(start, lastInstant, this.dateOptions);
    if (wholeMonth) return this.capitalise(this.monthYear(start));
    // A period of one day is that day ("11 October 2017", not "11 October 2017 – 11 October 2017").
    if (this.oneDay(start, lastInstant)) return this.date(start);
    return this.t('format.range', { from: this.date(start), to: this.date(lastInstant) });
  }

  /** The period as `periodLabel` names it, inside a sentence: a month is not capitalised where the language writes months in lower case ("octubre de 2017"). */
  periodInSentence(startIso: string, endIso: string, label?: string): string {
    // A quarter takes its article in a sentence where the language gives it one ("au T2 2025", "respecto al T2 de 2025").
    const quarter = quarterOf(label);
    if (quarter) return this.t('format.quarterInSentence', quarter);
    const title = this.periodLabel(startIso, endIso, label);
    const month = this.monthYear(new Date(startIso));
    if (title === this.capitalise(month)) return month;
    const [start, last] = [new Date(startIso), subMilliseconds(new Date(endIso), 1)];
    if (this.oneDay(start, last)) return this.t('format.dayInSentence', { day: this.date(start) });
    // A range is named as the language names one in a sentence: "par rapport à la période du 20 août au 14 septembre 2025".
    return this.t('format.rangeInSentence', { from: this.date(start), to: this.date(last) });
  }

  /** "1 October 2017" in the report's timezone and language ("1er octobre 2017"). */
  date(instant: Date): string {
    return format(instant, this.withDay(instant, 'PPP'), this.dateOptions);
  }

  /** The two ends of a span of days as a sentence names them: "1" and "15 October 2017" within one month, else two dates. */
  daySpan(first: Date, last: Date): { first: string; last: string } {
    return { first: isSameMonth(first, last, this.dateOptions) ? format(first, this.withDay(first, 'd'), this.dateOptions) : this.date(first), last: this.date(last) };
  }

  /**
   * A date-fns pattern for `instant` whose day of the month is written as the language writes the first day of a month,
   * on that day: "du 1er au 15 octobre". `PPP` and `PPp` are the locale's long date and medium date-time spelt out, to put its day in.
   */
  private withDay(instant: Date, pattern: string): string {
    const long = this.dates.locale.formatLong;
    if (this.dates.firstDay === 'd' || getDate(instant, this.dateOptions) !== 1 || !long) return pattern;
    const spelt: Record<string, () => string> = {
      PPP: () => long.date({ width: 'long' }),
      PPp: () => long.dateTime({ width: 'medium' }).replace('{{date}}', long.date({ width: 'medium' })).replace('{{time}}', long.time({ width: 'short' })),
    };
    return (spelt[pattern]?.() ?? pattern).replace(/\bd\b/, this.dates.firstDay);
  }

  /** A span of days inside a sentence: "from 1 to 15 October 2017", "on 16 October 2017" when it is one day ("del 16 al 16" says nothing). */
  daysInSentence(first: Date, last: Date): string {
    if (this.oneDay(first, last)) return this.t('format.onDay', { day: this.date(first) });
    return this.t('format.fromDayToDay', this.daySpan(first, last));
  }

  /**
   * Spans of days inside a sentence, listed: "from 1 to 10 and from 20 to 31 October 2025", the month and year said once,
   * at the end, when every span falls in the month the last one ends in.
   */
  daySpansInSentence(spans: ReadonlyArray<readonly [Date, Date]>): string {
    const end = spans.at(-1)?.[1];
    const oneMonth = end !== undefined && spans.every(([first]) => isSameMonth(first, end, this.dateOptions));
    const day = (instant: Date) => format(instant, this.withDay(instant, 'd'), this.dateOptions);
    return this.list(
      spans.map(([first, last], index) => {
        if (!oneMonth || index === spans.length - 1) return this.daysInSentence(first, last);
        return this.oneDay(first, last) ? this.t('format.onDay', { day: day(first) }) : this.t('format.fromDayToDay', { first: day(first), last: day(last) });
      }),
    );
  }

  /** Whether two instants fall on one day in the report's timezone. */
  oneDay(first: Date, last: Date): boolean {
    return isSameDay(first, last, this.dateOptions);
  }

  /** "31 Oct – 2 Nov", or "31 Oct" alone for one day. */
  dayMonthSpan(first: Date, last: Date): string {
    if (this.oneDay(first, last)) return this.dayMonth(first);
    return this.t('format.span', { first: this.dayMonth(first), last: this.dayMonth(last) });
  }

  /** "31 Oct" in the report's timezone: a day of a span whose year is said elsewhere. */
  dayMonth(instant: Date): string {
    return format(instant, this.withDay(instant, 'd MMM'), this.dateOptions);
  }

  /** "12 Oct 2017, 14:05" in the report's timezone. */
  dateTime(instant: Date): string {
    return format(instant, this.withDay(instant, 'PPp'), this.dateOptions);
  }

  monthYear(instant: Date): string {
    return format(instant, this.dates.monthYear, this.dateOptions);
  }

  /** "Oct 17" style label for a "YYYY-MM" month key (a calendar month: no timezone shift). */
  shortMonth(monthKey: string): string {
    const calendar = { locale: this.dates.locale, in: tz('UTC') };
    return format(parse(monthKey, 'yyyy-MM', new Date(0), calendar), 'MMM yy', calendar);
  }

  /** Weekday names Monday..Sunday, short, in the report's language. */
  weekdays(): string[] {
    return Array.from({ length: 7 }, (_, index) => this.capitalise(this.dates.locale.localize.day(((index + 1) % 7) as Day, { width: 'abbreviated' })));
  }

  capitalise(text: string): string {
    return capitalised(text, this.locale);
  }
}

/** The text with its first letter in upper case, by the rules of `locale`. */
export function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** The quarter a period label names ("2025-Q2", "2025Q2"), as the quarter strings quote it. */
function quarterOf(label: string | undefined): { q: string; year: string } | null {
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(label ?? '');
  return quarter ? { q: quarter[2] ?? '', year: quarter[1] ?? '' } : null;
}
