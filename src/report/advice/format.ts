import type { AdviceLanguage } from './catalogue.js';

const LOCALES: Record<AdviceLanguage, string> = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR' };

/**
 * Numbers as the report's leaderboard prints them (src/report/i18n/format.ts),
 * so an evidence sentence quotes exactly what the table shows: whole
 * percentages, durations in s / min / h / days by the same thresholds, and
 * the language's decimal comma.
 */
export interface NumberFormatter {
  /** 0.625 -> "63%" / "63 %". */
  percent(fraction: number): string;
  /** Under 1 min in seconds, under 59.5 min in whole minutes, under 48 h in hours, else days (one decimal). */
  duration(minutes: number): string;
  count(value: number): string;
  /** "Rivalia and Vireo" / "Rivalia y Vireo" / "Rivalia et Vireo". */
  list(items: readonly string[]): string;
}

export interface Units {
  seconds: string;
  minutes: string;
  hours: string;
  days: string;
}

export function numberFormatter(language: AdviceLanguage, units: Units): NumberFormatter {
  const locale = LOCALES[language];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
  const conjunction = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const unit = (n: string, name: string) => `${n}\u00a0${name}`;
  return {
    percent: (fraction) => percent.format(fraction),
    duration: (minutes) => {
      if (minutes < 1) return unit(integer.format(minutes * 60), units.seconds);
      if (minutes < 59.5) return unit(integer.format(minutes), units.minutes);
      if (minutes < 48 * 60) return unit(decimal.format(minutes / 60), units.hours);
      return unit(decimal.format(minutes / 1440), units.days);
    },
    count: (value) => integer.format(value),
    list: (items) => conjunction.format(items),
  };
}
