import { type MetricSpec, metricCatalogue } from '../../metrics/catalogue.js';
import { answersOtherEnd, placedFigure, unrankedForBounds } from '../../metrics/ranking.js';
import type { Benchmark, BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';

/*
 * The report reads ranks, competitor medians and best brands from the
 * metrics (src/metrics/ranking.ts); it never computes them again. A missing
 * rank is shown as no rank, a missing benchmark means no comparison.
 */

export function clientOf(metrics: MetricsReport): BrandMetrics {
  const client = metrics.brands.find((brand) => brand.role === 'client');
  if (!client) throw new Error('metrics report has no client brand');
  return client;
}

export function competitorsOf(metrics: MetricsReport): BrandMetrics[] {
  return metrics.brands.filter((brand) => brand.role === 'competitor');
}

/** The SLA targets the metrics were computed with (the `withinSla` keys when the settings are absent). */
export function slaTargets(metrics: MetricsReport): number[] {
  return metrics.settings?.sla ?? Object.keys(metrics.brands[0]?.withinSla ?? {}).map(Number);
}

/** The metric catalogue the metrics were computed with. */
export function catalogueOf(metrics: MetricsReport): MetricSpec[] {
  return metricCatalogue(slaTargets(metrics));
}

/** The client's benchmark on a metric (competitor median, best brand), as the metrics engine gave it. */
export function benchmarkOf(metrics: MetricsReport, key: string): Benchmark | undefined {
  return metrics.benchmarks?.find((item) => item.metric === key);
}

/** Change of a metric against the previous period (keys as in `rank`, e.g. "withinSla.60"); null when the metrics carry none. */
export function changeOf(brand: BrandMetrics, key: string): number | null {
  return brand.change?.[key] ?? null;
}

/** Rank of a brand on a metric as the metrics engine gave it; null when it gave none. */
export function rankOf(brand: BrandMetrics, key: string): number | null {
  return brand.rank[key] ?? null;
}

/** A brand's rank on a metric as the report shows it: none when no other brand has one ("rank 1 of 1" compares nothing), nor when every ranked brand ties. */
export function comparedRank(metrics: MetricsReport, brand: BrandMetrics, key: string): number | null {
  return ranksCompare(metrics.brands.map((other) => rankOf(other, key)), rankedCount(metrics, key)) ? rankOf(brand, key) : null;
}

/**
 * Whether the ranks of one metric tell brands apart: two ranked brands at least, not all at the same rank; or one rank
 * among `placed` brands (ranked, or unranked as bounds or beside them: rankedCount), two or more: its place is certain
 * beside figures whose missing answers leave theirs unknown (assignRanks: "1" above two, "3" below two).
 */
export function ranksCompare<Rank extends number | string>(ranks: ReadonlyArray<Rank | null | undefined>, placed: number): boolean {
  const given = ranks.filter((rank) => rank !== null && rank !== undefined);
  // Ranks all alike tell the ranked apart from the brands placed without one only (a tie at 1 above two unranked).
  return given.length >= 2 ? given.some((rank) => rank !== given[0]) || placed > given.length : given.length === 1 && placed >= 2;
}

/** How many brands the ranks of a metric order: those with a rank, those a bound's range leaves unranked, and those whose bound the ranks behind it count (ranking.ts, assignRanks). */
export function rankedCount(metrics: MetricsReport, key: string): number {
  const spec = catalogueOf(metrics).find((candidate) => candidate.key === key);
  return metrics.brands.filter((brand) => rankOf(brand, key) !== null || (spec !== undefined && placedFigure(brand, spec))).length;
}

/** Whether the brand's figure of a ranked metric has no rank for responses the data lacks (ranking.ts, unrankedForBounds). */
export function rankLeftToBounds(metrics: MetricsReport, brand: BrandMetrics, spec: MetricSpec): boolean {
  return spec.better !== null && rankOf(brand, spec.key) === null && unrankedForBounds(metrics.brands, brand, spec, placedFigure, answersOtherEnd);
}

/** A metric's value written for its unit: a whole percentage, a duration, a count or a one-decimal ratio. */
export function formatValue(format: Formatter, spec: Pick<MetricSpec, 'unit'>, value: number | null): string {
  switch (spec.unit) {
    case 'share':
      return format.percent(value);
    case 'minutes':
      return format.duration(value);
    case 'count':
      return format.count(value);
    case 'ratio':
      return format.decimal(value);
  }
}

/** A change written as the catalogue says it is expressed: "+4.2 pts" or "−12%". */
export function formatChange(format: Formatter, spec: MetricSpec, change: number): string {
  return spec.change === 'pp' ? format.points(change) : format.signedPercent(change);
}

/** The values of a metric's label: `{target}` for SLA metrics. */
export function labelValues(format: Formatter, spec: Pick<MetricSpec<never>, 'target'>): Record<string, string> {
  return spec.target === undefined ? {} : { target: format.span(spec.target) };
}
