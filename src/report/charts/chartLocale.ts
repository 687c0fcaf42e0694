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
 * arrive translated. d3 groups every number of four digits or more, while
 * Spanish text leaves four digits whole ("2874"): when the language writes
 * the chart's largest number (with room for the axis's round top) without a
 * group, the chart groups none either.
 */
export function chartNumberLocale(language: Language, largest?: number): ChartNumberLocale {
  const { locale } = languageEntry(language);
  const number = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const part = (type: Intl.NumberFormatPartTypes) => number.find((entry) => entry.type === type)?.value ?? '';
  const afterNumber = percent.slice(percent.findIndex((entry) => entry.type === 'integer') + 1);
  const grouped = largest === undefined || new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).formatToParts(Math.abs(largest) * AXIS_ROOM).some((entry) => entry.type === 'group');
  return { decimal: part('decimal'), thousands: grouped ? part('group') : '', grouping: [3], currency: ['', ''], percent: afterNumber.map((entry) => entry.value).join('') };
}

/** An axis ends at a round number above its largest value: 8,200 is drawn on an axis to 10,000. */
const AXIS_ROOM = 1.25;

/** The largest number of a chart's datasets (0 when it has none), whatever field holds it. */
export function largestNumber(datasets: Record<string, unknown>): number {
  let largest = 0;
  for (const rows of Object.values(datasets)) {
    if (!Array.isArray(rows)) continue;
    for (const row of rows) {
      if (typeof row !== 'object' || row === null) continue;
      for (const value of Object.values(row)) if (typeof value === 'number' && Number.isFinite(value)) largest = Math.max(largest, Math.abs(value));
    }
  }
  return largest;
}
