import { type Language, languageEntry } from './language.js';

/** Counts and whole percents as a sentence of one language writes them. */
export interface PlainNumbers {
  count(n: number): string;
  percent(share: number | null | undefined): string;
  /** A share that passed `threshold`, with a decimal where the whole percentage would read as the threshold or less (Formatter.percentPast). */
  percentPast(share: number, threshold: number): string;
  /** A setting as set, with up to two decimals ("2.5%", Formatter.percentSetting). */
  percentSetting(share: number): string;
}

/**
 * The numbers of the analyst's sentences (check, the export preview), as Intl
 * writes them for the language ("12,345" and "77%" in English, "12.345" and
 * "77 %" in Spanish, "12 345" and "77 %" in French, with no-break spaces).
 */
export function plainNumbers(language: Language): PlainNumbers {
  const locale = language === 'en' ? 'en-US' : languageEntry(language).locale;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    count: (n) => n.toLocaleString(locale),
    percent: (share) => (share == null ? '-' : percent.format(share)),
    percentPast: (share, threshold) => percentWith(locale, decimalsPast(share, threshold)).format(share),
    percentSetting: (share) => settingPercent(locale).format(share),
  };
}

/**
 * The fewest decimals (0 to 2) with which `share`, as a percentage, prints above `threshold`: a share past a threshold
 * never reads as the threshold (27 of 492 under "more than 5%": "5.5%", not "5%"; 0.0502: "5.02%").
 */
export function decimalsPast(share: number, threshold: number): number {
  if (share <= threshold) return 0;
  for (let digits = 0; digits < 2; digits++) {
    const scale = 10 ** (digits + 2);
    if (Math.round(share * scale) > Math.round(threshold * scale)) return digits;
  }
  return 2;
}

/** A threshold of the config as it is set, with up to two decimals ("5%", "2.5%"), as `locale` writes it. */
export function settingPercent(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
}

/** A percentage with exactly `digits` decimals, as `locale` writes it. */
export function percentWith(locale: string, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A count and its noun, the count as `language` writes numbers ("1,234 rows", "1.234 filas", "1 234 lignes"). */
export function counted(language: Language, n: number, one: string, many: string): string {
  return `${plainNumbers(language).count(n)} ${n === 1 ? one : many}`;
}
