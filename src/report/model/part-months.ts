import type { MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';

/**
 * Each month of the trend the exports reach in part (trendPartialMonths), with the ids of the brands whose figures of it
 * rest on fewer days (trendPartialBrands): every brand of the report for a month the metrics name no brand of.
 * @example partMonthBrands(metrics).get('2025-12') // ['kwikly']
 */
export function partMonthBrands(metrics: Pick<MetricsReport, 'brands' | 'trendPartialMonths' | 'trendPartialBrands'>): Map<string, readonly string[]> {
  const named = new Map((metrics.trendPartialBrands ?? []).map((entry) => [entry.month, entry.brands]));
  const every = metrics.brands.map((brand) => brand.id);
  return new Map((metrics.trendPartialMonths ?? []).map((month) => [month, named.get(month) ?? every]));
}

/** The note's words by whose data falls short (every brand's, one brand's, several brands') and how many months. */
const PART_MONTH_KEYS = {
  every: { one: 'chart.trend.partMonth', several: 'chart.trend.partMonths' },
  brand: { one: 'chart.trend.partMonthBrand', several: 'chart.trend.partMonthsBrand' },
  brands: { one: 'chart.trend.partMonthBrands', several: 'chart.trend.partMonthsBrands' },
} as const;

/**
 * The notes under the trend on the months drawn (`months`, "YYYY-MM") that the exports reach in part, each beginning with
 * the axis's `mark`: whose data falls short, in which months, the months of the same brands in one note. A month every
 * brand's exports reach in part says so; one a competitor's export was cut short in names that competitor, so that no
 * reader takes the client's whole month for a part of one.
 */
export function partMonthNotes(metrics: Pick<MetricsReport, 'brands' | 'trendPartialMonths' | 'trendPartialBrands'>, months: readonly string[], mark: string, format: Formatter, t: Translate): string[] {
  const cut = partMonthBrands(metrics);
  const names = new Map(metrics.brands.map((brand) => [brand.id, brand.name]));
  const groups = new Map<string, { brands: readonly string[]; months: string[] }>();
  for (const month of months) {
    const brands = cut.get(month);
    if (brands === undefined) continue;
    const key = brands.join('\u0000');
    groups.set(key, { brands, months: [...(groups.get(key)?.months ?? []), month] });
  }
  return [...groups.values()].map(({ brands, months: marked }) => {
    const values = { mark, months: format.list(marked.map((month) => format.shortMonth(month))), brands: format.list(brands.map((id) => names.get(id) ?? id)) };
    const whose = metrics.brands.every((brand) => brands.includes(brand.id)) ? 'every' : brands.length === 1 ? 'brand' : 'brands';
    return t(PART_MONTH_KEYS[whose][marked.length === 1 ? 'one' : 'several'], values);
  });
}
