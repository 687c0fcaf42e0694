import type { Locale, Month } from 'date-fns';
import { languageEntry, type Language } from './language.js';

/**
 * How a report writes dates in a language: the date-fns locale of its
 * language entry (month and weekday names, its long date `PPP` and medium
 * date-time `PPp`) with the short month names of Intl, and the one pattern a
 * locale does not carry, a month with its year, in the order Intl gives.
 */
export interface DateStyle {
  locale: Locale;
  /** "October 2017", "octubre de 2017", "octobre 2017". */
  monthYear: string;
  /** The day of the month in a date-fns pattern for the first day of a month: "d'er'" in French ("1er octobre"), else "d". */
  firstDay: string;
}

const styles = new Map<Language, DateStyle>();

export function dateStyle(language: Language): DateStyle {
  let style = styles.get(language);
  if (!style) {
    const { locale, dates, firstOfMonth } = languageEntry(language);
    style = { locale: withIntlShortMonths(dates, locale), monthYear: monthYearPattern(locale), firstDay: firstOfMonth ? `d'${firstOfMonth}'` : 'd' };
    styles.set(language, style);
  }
  return style;
}

/** Any day of every month, at noon UTC so that no timezone moves it. */
const monthDate = (month: number) => new Date(Date.UTC(2017, month, 15, 12));

/**
 * date-fns shortens September to "Sep"/"sep" in English and Spanish; CLDR,
 * which Intl follows and which wrote these reports' dates before, says
 * "Sept"/"sept". The short names are taken from Intl as a day-and-month
 * date writes them (the formatting form, not the stand-alone one).
 */
function withIntlShortMonths(locale: Locale, tag: string): Locale {
  const dayMonth = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const short = Array.from({ length: 12 }, (_, month) => dayMonth.formatToParts(monthDate(month)).find((part) => part.type === 'month')?.value);
  const month = locale.localize.month;
  const localizeMonth = (value: Month, options?: Parameters<typeof month>[1]): string => (options?.width === 'abbreviated' ? (short[value] ?? month(value, options)) : month(value, options));
  return { ...locale, localize: { ...locale.localize, month: localizeMonth } };
}

/** A date-fns pattern for a month with its year, as Intl orders and joins them: "MMMM yyyy", "MMMM' de 'yyyy". */
function monthYearPattern(tag: string): string {
  const parts = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).formatToParts(monthDate(9));
  return parts
    .map((part) => {
      if (part.type === 'month') return 'MMMM';
      if (part.type === 'year') return 'yyyy';
      return /\p{L}/u.test(part.value) ? `'${part.value.replaceAll("'", "''")}'` : part.value;
    })
    .join('');
}
