import { languageEntry, type Language } from '../i18n/language.js';

/** A d3-format locale, as Vega reads `config.locale.number`. */
export interface ChartNumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent: string;
}

/**
 * The d3-format locale for axis numbers inside charts, taken from Intl so
 * that they match the text (decimal comma, the thin or full stop between
 * thousands, the space before % in es and fr). Charts show no money (the
 * currency is left empty) and no formatted dates: month and weekday labels
 * arrive translated.
 */
export function chartNumberLocale(language: Language): ChartNumberLocale {
  const { locale } = languageEntry(language);
  const number = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const part = (type: Intl.NumberFormatPartTypes) => number.find((entry) => entry.type === type)?.value ?? '';
  const afterNumber = percent.slice(percent.findIndex((entry) => entry.type === 'integer') + 1);
  return { decimal: part('decimal'), thousands: part('group'), grouping: [3], currency: ['', ''], percent: afterNumber.map((entry) => entry.value).join('') };
}
