import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';

export function clientOf(metrics: MetricsReport): BrandMetrics {
  const client = metrics.brands.find((brand) => brand.role === 'client');
  if (!client) throw new Error('metrics report has no client brand');
  return client;
}

export function competitorsOf(metrics: MetricsReport): BrandMetrics[] {
  return metrics.brands.filter((brand) => brand.role === 'competitor');
}

/** Median of the non-null values (the competitor median of METRICS.md), null when there are none. */
export function medianOf(values: ReadonlyArray<number | null>): number | null {
  const sorted = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = (sorted.length - 1) / 2;
  const low = sorted[Math.floor(middle)] ?? 0;
  const high = sorted[Math.ceil(middle)] ?? 0;
  return (low + high) / 2;
}

/** The benchmark's competitor median when the metrics engine gave one, else computed here the same way. */
export function competitorMedian(metrics: MetricsReport, metric: string, value: (brand: BrandMetrics) => number | null): number | null {
  const benchmark = metrics.benchmarks?.find((item) => item.metric === metric);
  if (benchmark) return benchmark.competitorMedian;
  return medianOf(competitorsOf(metrics).map(value));
}

/** Change of a metric against the previous period (keys as in `rank`, e.g. "withinSla.60"); null when the metrics carry none. */
export function changeOf(brand: BrandMetrics, key: string): number | null {
  return brand.change?.[key] ?? null;
}

/** Rank of a brand on a metric, computed like METRICS.md (ties share the better rank) when the engine did not give it. */
export function rankOf(metrics: MetricsReport, brand: BrandMetrics, metric: string, value: (brand: BrandMetrics) => number | null, higherIsBetter: boolean): number | null {
  const given = brand.rank[metric];
  if (given !== undefined) return given;
  const own = value(brand);
  if (own === null) return null;
  const better = metrics.brands.filter((other) => {
    const theirs = value(other);
    return theirs !== null && (higherIsBetter ? theirs > own : theirs < own);
  }).length;
  return better + 1;
}

export function rankedCount(metrics: MetricsReport, value: (brand: BrandMetrics) => number | null): number {
  return metrics.brands.filter((brand) => value(brand) !== null).length;
}
