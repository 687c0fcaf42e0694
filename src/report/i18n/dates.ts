import type { Locale, Month } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import type { Language } from './language.js';

/**
 * How a report writes dates in each language: the date-fns locale (month and
 * weekday names, its long date `PPP` and medium date-time `PPp`) and the one
 * pattern a locale does not carry, a month with its year.
 */
export interface DateStyle {
  locale: Locale;
  /** "October 2017", "octubre de 2017", "octobre 2017". */
  monthYear: string;
}

export const DATE_STYLES: Record<Language, DateStyle> = {
  en: { locale: abbreviateSeptember(enGB, 'Sept'), monthYear: 'MMMM yyyy' },
  es: { locale: abbreviateSeptember(es, 'sept'), monthYear: "MMMM 'de' yyyy" },
  fr: { locale: fr, monthYear: 'MMMM yyyy' },
};

/**
 * date-fns shortens September to "Sep"/"sep" in English and Spanish; CLDR,
 * which wrote these reports' dates before, says "Sept"/"sept" (French agrees
 * already: "sept.").
 */
function abbreviateSeptember(locale: Locale, september: string): Locale {
  const month = locale.localize.month;
  const localizeMonth = (value: Month, options?: Parameters<typeof month>[1]): string =>
    value === 8 && options?.width === 'abbreviated' ? september : month(value, options);
  return { ...locale, localize: { ...locale.localize, month: localizeMonth } };
}
