import { metricCatalogue } from '../catalogue.js';
import { diagnosticBoundColumns, diagnosticColumns } from '../diagnostics/columns.js';
import { BUCKET_KEYS as BUCKETS, type BrandMetrics, type MetricsReport } from '../types.js';

/** One flat column of the per-brand table: a JSON path as its name. */
export interface FlatColumn {
  name: string;
  value: (brand: BrandMetrics, report: MetricsReport) => string | number | boolean | null;
}

/** Columns that follow a metric's own: its interval, or the buckets after the shares answered within a target. */
const COMPANIONS: Record<string, FlatColumn[]> = {
  responseRate: [
    { name: 'responseRateCi.low', value: (b) => b.responseRateCi?.[0] ?? null },
    { name: 'responseRateCi.high', value: (b) => b.responseRateCi?.[1] ?? null },
  ],
  responseTimeMedianMin: [
    { name: 'responseTimeMedianCi.low', value: (b) => b.responseTimeMedianCi?.[0] ?? null },
    { name: 'responseTimeMedianCi.high', value: (b) => b.responseTimeMedianCi?.[1] ?? null },
  ],
  brandPosts: BUCKETS.map((bucket): FlatColumn => ({ name: `buckets.${bucket}`, value: (b) => b.buckets[bucket] })),
};

/**
 * The columns of the CSV, named after the JSON fields (nested keys joined
 * with "."): every metric of the registry in its order, with its companions.
 */
export function flatColumns(report: MetricsReport): FlatColumn[] {
  const rankKeys = Object.keys(report.brands[0]?.rank ?? {});
  const changeKeys = Object.keys(report.brands[0]?.change ?? {});
  const metrics = metricCatalogue(slaTargets(report)).flatMap((spec): FlatColumn[] => {
    const column: FlatColumn = { name: spec.key, value: (b) => spec.value(b) };
    const companions = COMPANIONS[spec.key] ?? [];
    // The buckets come before the brand's posts, after the shares answered within a target.
    return spec.key === 'brandPosts' ? [...companions, column] : [column, ...companions];
  });
  return [
    { name: 'period.start', value: (_, r) => r.period.start },
    { name: 'period.end', value: (_, r) => r.period.end },
    { name: 'period.timezone', value: (_, r) => r.period.timezone },
    { name: 'id', value: (b) => b.id },
    { name: 'name', value: (b) => b.name },
    { name: 'role', value: (b) => b.role },
    ...metrics,
    { name: 'lowSample', value: (b) => b.lowSample },
    { name: 'coverage.inboundMeasured', value: (b) => b.coverage?.inboundMeasured ?? null },
    { name: 'coverage.inboundWithListedResponses', value: (b) => b.coverage?.inboundWithListedResponses ?? null },
    { name: 'coverage.listedResponsesMissing', value: (b) => b.coverage?.listedResponsesMissing ?? null },
    { name: 'coverage.outsideOwnPosts', value: (b) => b.coverage?.outsideOwnPosts ?? null },
    { name: 'coverage.repliesWithMissingParent', value: (b) => b.coverage?.repliesWithMissingParent ?? null },
    { name: 'coverage.warnings', value: (b) => b.coverage?.warnings.join(' ') ?? null },
    ...rankKeys.map((key): FlatColumn => ({ name: `rank.${key}`, value: (b) => b.rank[key] ?? null })),
    ...changeKeys.map((key): FlatColumn => ({ name: `change.${key}`, value: (b) => b.change?.[key] ?? null })),
    ...diagnosticFlatColumns(report),
  ];
}

/** The SLA targets the report was computed with (the `withinSla` keys when the settings are absent). */
export function slaTargets(report: MetricsReport): number[] {
  return report.settings?.sla ?? Object.keys(report.brands[0]?.withinSla ?? {}).map(Number);
}

/** The diagnostics' per-brand figures and ranks, when the report carries them. */
function diagnosticFlatColumns(report: MetricsReport): FlatColumn[] {
  const brands = report.diagnostics?.brands ?? [];
  const figures = new Map(brands.map((brand) => [brand.id, diagnosticColumns(brand)]));
  const ranks = new Map(brands.map((brand) => [brand.id, brand.rank]));
  const bounds = new Map(brands.map((brand) => [brand.id, diagnosticBoundColumns(brand)]));
  const keysOf = (table: Map<string, Record<string, unknown>>) => Object.keys(table.values().next().value ?? {});
  return [
    ...keysOf(figures).map((key): FlatColumn => ({ name: `diagnostics.${key}`, value: (b) => figures.get(b.id)?.[key] ?? null })),
    ...keysOf(ranks).map((key): FlatColumn => ({ name: `diagnostics.rank.${key}`, value: (b) => ranks.get(b.id)?.[key] ?? null })),
    ...keysOf(bounds).map((key): FlatColumn => ({ name: `diagnostics.${key}`, value: (b) => bounds.get(b.id)?.[key] ?? null })),
  ];
}
