import type { Language } from '../i18n/language.js';

/**
 * d3-format locale per language for axis numbers inside charts, matching
 * Intl's output in the text (decimal comma and the space before % in es/fr).
 * Charts show no formatted dates: month and weekday labels arrive translated.
 */
export const CHART_NUMBER_LOCALE: Record<Language, { decimal: string; thousands: string; grouping: number[]; currency: [string, string]; percent: string }> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], percent: '%' },
  es: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'], percent: '\u00a0%' },
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], percent: '\u00a0%' },
};
