import type { BrandMetrics } from './types.js';

/** Which way a metric is better. */
export type Better = 'higher' | 'lower';

/**
 * What a metric's number is: a count of mentions or posts, a share (a
 * fraction in [0, 1]), a time in minutes, or a ratio (replies per broadcast).
 */
export type MetricUnit = 'count' | 'share' | 'minutes' | 'ratio';

/** How a change against the previous period is expressed: percentage points, or percent of the earlier value. */
export type ChangeKind = 'pp' | 'percent';

/** Keys in report-templates/default/strings/*.json of the labels the report gives a metric. */
export interface MetricLabels {
  /** Its leaderboard column. */
  column?: string;
  /** Its tile in the executive summary. */
  tile?: string;
}

/**
 * One metric of the catalogue: what ranks, benchmarks, changes, the report
 * and the advice all read, so none of them repeats which way is better or
 * how the number is written.
 */
export interface MetricSpec<Brand = BrandMetrics, Key extends string = string> {
  /** The key in `rank`, `change`, `previous` and `benchmarks`. */
  key: Key;
  value: (brand: Brand) => number | null;
  /** null = a volume: not ranked and not benchmarked. */
  better: Better | null;
  unit: MetricUnit;
  change: ChangeKind;
  /** Absent where the report has no label of its own for the metric. */
  label?: MetricLabels;
  /** SLA metrics: the target in minutes (the `{target}` of their labels). */
  target?: number;
}

/** Rates and shares change in percentage points; times, counts and ratios in percent (METRICS.md). */
const CHANGE_OF: Record<MetricUnit, ChangeKind> = { share: 'pp', count: 'percent', minutes: 'percent', ratio: 'percent' };

/** A catalogue entry, its change kind following its unit. */
export function metricSpec<Brand, Key extends string, B extends Better | null>(
  key: Key,
  value: (brand: Brand) => number | null,
  better: B,
  unit: MetricUnit,
  extra: { label?: MetricLabels; target?: number } = {},
): MetricSpec<Brand, Key> & { better: B } {
  return { key, value, better, unit, change: CHANGE_OF[unit], ...extra };
}

/**
 * Every brand-level metric that gets a rank, a change against the previous
 * period or a benchmark, in the order of `rank`, `change` and `benchmarks`.
 */
export function metricCatalogue(sla: readonly number[]): MetricSpec[] {
  const spec = metricSpec<BrandMetrics, string, Better | null>;
  return [
    spec('inbound', (b) => b.inbound, null, 'count', { label: { column: 'leaderboard.inbound', tile: 'kpi.inbound' } }),
    spec('answered', (b) => b.answered, null, 'count'),
    spec('pending', (b) => b.pending, null, 'count'),
    spec('responseRate', (b) => b.responseRate, 'higher', 'share', { label: { column: 'leaderboard.responseRate', tile: 'kpi.responseRate' } }),
    spec('responseTimeMedianMin', (b) => b.responseTimeMedianMin, 'lower', 'minutes', { label: { column: 'leaderboard.median', tile: 'kpi.medianTime' } }),
    spec('responseTimeP90Min', (b) => b.responseTimeP90Min, 'lower', 'minutes', { label: { column: 'leaderboard.p90' } }),
    spec('responseTimeMeanMin', (b) => b.responseTimeMeanMin, 'lower', 'minutes'),
    ...sla.map((target) =>
      spec(slaKey(target), (b) => b.withinSla[String(target)] ?? null, 'higher', 'share', { label: { column: 'leaderboard.withinSla', tile: 'kpi.withinSla' }, target }),
    ),
    spec('brandPosts', (b) => b.brandPosts, null, 'count'),
    spec('replies', (b) => b.replies, null, 'count'),
    spec('broadcasts', (b) => b.broadcasts, null, 'count'),
    spec('replyShare', (b) => b.replyShare, 'higher', 'share', { label: { column: 'leaderboard.replyShare', tile: 'kpi.replyShare' } }),
    spec('replyToBroadcast', (b) => b.replyToBroadcast, 'higher', 'ratio'),
    spec('shareOfVoice', (b) => b.shareOfVoice, 'higher', 'share', { label: { column: 'leaderboard.shareOfVoice', tile: 'kpi.shareOfVoice' } }),
  ];
}

/** The entry of `key`; a key missing from the catalogue is a programming error. */
export function specOf<Spec extends MetricSpec<never>>(catalogue: readonly Spec[], key: string): Spec {
  const spec = catalogue.find((entry) => entry.key === key);
  if (!spec) throw new Error(`no metric "${key}" in the catalogue`);
  return spec;
}

/** Key of an SLA metric in `rank`, `change` and `benchmarks`: "withinSla.60". */
export function slaKey(target: number): string {
  return `withinSla.${target}`;
}
