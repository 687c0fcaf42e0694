import { type Language, languageEntry } from './language.js';

/** Counts and whole percents as a sentence of one language writes them. */
export interface PlainNumbers {
  count(n: number): string;
  percent(share: number | null | undefined): string;
  /** A share that passed `threshold`, with a decimal where the whole percentage would read as the threshold or less (Formatter.percentPast). */
  percentPast(share: number, threshold: number): string;
}

/**
 * The numbers of the analyst's sentences (check, the export preview), as Intl
 * writes them for the language ("12,345" and "77%" in English, "12.345" and
 * "77 %" in Spanish, "12 345" and "77 %" in French, with no-break spaces).
 */
export function plainNumbers(language: Language): PlainNumbers {
  const locale = language === 'en' ? 'en-US' : languageEntry(language).locale;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const tenth = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    count: (n) => n.toLocaleString(locale),
    percent: (share) => (share == null ? '-' : percent.format(share)),
    percentPast: (share, threshold) => (Math.round(share * 100) <= threshold * 100 ? tenth : percent).format(share),
  };
}

/** A count and its noun, the count as `language` writes numbers ("1,234 rows", "1.234 filas", "1 234 lignes"). */
export function counted(language: Language, n: number, one: string, many: string): string {
  return `${plainNumbers(language).count(n)} ${n === 1 ? one : many}`;
}
