import type { BrandMetrics, BucketKey, MetricsReport } from '../../metrics/types.js';

/**
 * The numbers of the deck's native charts, read from the metrics as they are
 * (fractions, counts, minutes): the chart's own data sheet in PowerPoint
 * then holds the same values as metrics.json.
 */
export interface Series {
  name: string;
  /** null is a gap (a month without mentions, a brand without a value). */
  values: Array<number | null>;
}

export interface ChartTable {
  /** Category labels: brand names or months. */
  labels: string[];
  series: Series[];
}

export const BUCKETS: readonly BucketKey[] = ['0-1h', '1-4h', '4-8h', '8-24h', '24h+', 'unanswered'];

function descending(brands: readonly BrandMetrics[], value: (brand: BrandMetrics) => number | null): BrandMetrics[] {
  return [...brands].sort((a, b) => (value(b) ?? -1) - (value(a) ?? -1) || a.name.localeCompare(b.name));
}

/** Brands with a response rate, best first: the rate and both ends of its 95% interval. */
export function responseRateSeries(metrics: MetricsReport, names: { rate: string; low: string; high: string }): { brands: BrandMetrics[]; rate: ChartTable; interval: ChartTable } {
  const brands = descending(metrics.brands, (brand) => brand.responseRate).filter((brand) => brand.responseRate !== null);
  const labels = brands.map((brand) => brand.name);
  return {
    brands,
    rate: { labels, series: [{ name: names.rate, values: brands.map((brand) => brand.responseRate) }] },
    interval: {
      labels,
      series: [
        { name: names.low, values: brands.map((brand) => brand.responseRateCi?.[0] ?? null) },
        { name: names.high, values: brands.map((brand) => brand.responseRateCi?.[1] ?? null) },
      ],
    },
  };
}

/** Inbound mentions by time to the first response, per brand (counts; the chart stacks them to 100%). */
export function bucketSeries(metrics: MetricsReport, bucketName: (bucket: BucketKey) => string): ChartTable {
  const brands = descending(metrics.brands, (brand) => brand.withinSla['60'] ?? brand.responseRate).filter((brand) => brand.inbound > 0);
  return { labels: brands.map((brand) => brand.name), series: BUCKETS.map((bucket) => ({ name: bucketName(bucket), values: brands.map((brand) => brand.buckets[bucket]) })) };
}

/** One line per brand over the trend's months: response rate, and median response time in hours. */
export function trendSeries(metrics: MetricsReport, monthLabel: (month: string) => string): { months: string[]; rate: ChartTable; hours: ChartTable } | null {
  const trend = metrics.trend ?? [];
  if (trend.length === 0) return null;
  const months = [...new Set(trend.map((point) => point.month))].sort();
  const labels = months.map(monthLabel);
  const brands = metrics.brands.filter((brand) => trend.some((point) => point.brandId === brand.id));
  const pick = (brand: BrandMetrics, value: (point: (typeof trend)[number]) => number | null) =>
    months.map((month) => {
      const point = trend.find((candidate) => candidate.brandId === brand.id && candidate.month === month);
      return point ? value(point) : null;
    });
  return {
    months,
    rate: { labels, series: brands.map((brand) => ({ name: brand.name, values: pick(brand, (point) => point.responseRate) })) },
    hours: {
      labels,
      series: brands.map((brand) => ({ name: brand.name, values: pick(brand, (point) => (point.responseTimeMedianMin === null ? null : point.responseTimeMedianMin / 60)) })),
    },
  };
}

/** Each brand's share of all inbound mentions, largest first. */
export function shareOfVoiceSeries(metrics: MetricsReport, name: string): ChartTable {
  const brands = descending(metrics.brands, (brand) => brand.shareOfVoice).filter((brand) => brand.shareOfVoice !== null);
  return { labels: brands.map((brand) => brand.name), series: [{ name, values: brands.map((brand) => brand.shareOfVoice) }] };
}

/** Each brand's own posts: replies to people and broadcasts (counts; the chart stacks them to 100%). */
export function replyBroadcastSeries(metrics: MetricsReport, names: { replies: string; broadcasts: string }): ChartTable {
  const brands = descending(metrics.brands, (brand) => brand.replyShare).filter((brand) => brand.replies + brand.broadcasts > 0);
  return {
    labels: brands.map((brand) => brand.name),
    series: [
      { name: names.replies, values: brands.map((brand) => brand.replies) },
      { name: names.broadcasts, values: brands.map((brand) => brand.broadcasts) },
    ],
  };
}

/** The same table upside down: a horizontal bar chart draws its first category at the bottom. */
export function reversed(table: ChartTable): ChartTable {
  return { labels: [...table.labels].reverse(), series: table.series.map((series) => ({ ...series, values: [...series.values].reverse() })) };
}
