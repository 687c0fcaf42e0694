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

/**
 * What a brand-level value rests on, for the comparability rules (METRICS.md,
 * "Comparability"): its inbound mentions (volume, share of voice), the
 * mentions that need an answer on measured platforms (rates), its answered
 * mentions (times), or its own posts (reply versus broadcast).
 */
export type RestsOn = 'mentions' | 'answers' | 'answered' | 'brandPosts';

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
  /** What the value rests on; absent for diagnostics, which carry their own minimums. */
  restsOn?: RestsOn;
}

/** Rates and shares change in percentage points; times, counts and ratios in percent (METRICS.md). */
const CHANGE_OF: Record<MetricUnit, ChangeKind> = { share: 'pp', count: 'percent', minutes: 'percent', ratio: 'percent' };

/** A catalogue entry, its change kind following its unit. */
export function metricSpec<Brand, Key extends string, B extends Better | null>(
  key: Key,
  value: (brand: Brand) => number | null,
  better: B,
  unit: MetricUnit,
  extra: { label?: MetricLabels; target?: number; restsOn?: RestsOn } = {},
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
    spec('inbound', (b) => b.inbound, null, 'count', { label: { column: 'leaderboard.inbound', tile: 'kpi.inbound' }, restsOn: 'mentions' }),
    spec('answered', (b) => b.answered, null, 'count', { restsOn: 'answers' }),
    spec('pending', (b) => b.pending, null, 'count', { restsOn: 'answers' }),
    spec('responseRate', (b) => b.responseRate, 'higher', 'share', { label: { column: 'leaderboard.responseRate', tile: 'kpi.responseRate' }, restsOn: 'answers' }),
    spec('responseTimeMedianMin', (b) => b.responseTimeMedianMin, 'lower', 'minutes', { label: { column: 'leaderboard.median', tile: 'kpi.medianTime' }, restsOn: 'answered' }),
    spec('responseTimeP90Min', (b) => b.responseTimeP90Min, 'lower', 'minutes', { label: { column: 'leaderboard.p90' }, restsOn: 'answered' }),
    spec('responseTimeMeanMin', (b) => b.responseTimeMeanMin, 'lower', 'minutes', { restsOn: 'answered' }),
    ...sla.map((target) =>
      spec(slaKey(target), (b) => b.withinSla[String(target)] ?? null, 'higher', 'share', {
        label: { column: 'leaderboard.withinSla', tile: 'kpi.withinSla' },
        target,
        restsOn: 'answers',
      }),
    ),
    spec('brandPosts', (b) => b.brandPosts, null, 'count', { restsOn: 'brandPosts' }),
    spec('replies', (b) => b.replies, null, 'count', { restsOn: 'brandPosts' }),
    spec('broadcasts', (b) => b.broadcasts, null, 'count', { restsOn: 'brandPosts' }),
    spec('replyShare', (b) => b.replyShare, 'higher', 'share', { label: { column: 'leaderboard.replyShare', tile: 'kpi.replyShare' }, restsOn: 'brandPosts' }),
    spec('replyToBroadcast', (b) => b.replyToBroadcast, 'higher', 'ratio', { restsOn: 'brandPosts' }),
    spec('shareOfVoice', (b) => b.shareOfVoice, 'higher', 'share', { label: { column: 'leaderboard.shareOfVoice', tile: 'kpi.shareOfVoice' }, restsOn: 'mentions' }),
  ];
}

/** A value rests on fewer than this many mentions (or brand posts): lowSample, and no change against the previous period. */
export const MIN_SAMPLE = 30;

/** How many mentions (or brand posts, or answered mentions) a brand's value of this kind rests on. */
export function sampleOf(brand: BrandMetrics, restsOn: RestsOn): number {
  switch (restsOn) {
    case 'mentions':
      return brand.inbound;
    case 'answers':
      return brand.coverage?.inboundMeasured ?? brand.inbound;
    case 'answered':
      return brand.answered;
    case 'brandPosts':
      return brand.brandPosts;
  }
}

/**
 * A value rounded as the report prints it (src/report/i18n/format.ts): whole
 * percentages; durations in whole seconds under a minute, whole minutes under
 * 59.5, tenths of an hour under 48 hours, tenths of a day beyond; ratios to
 * one decimal. Ranks compare these, so two values printed alike share a rank.
 */
export function shownValue(unit: MetricUnit, value: number): number {
  const clean = Number(value.toPrecision(12));
  const round = (scaled: number, step: number) => Math.round(Number((scaled / step).toPrecision(12))) * step;
  switch (unit) {
    case 'share':
      return round(clean * 100, 1) / 100;
    case 'ratio':
      return round(clean, 0.1);
    case 'count':
      return clean;
    case 'minutes':
      if (clean < 1) return round(clean * 60, 1) / 60;
      if (clean < 59.5) return round(clean, 1);
      if (clean < 48 * 60) return round(clean / 60, 0.1) * 60;
      return round(clean / 1440, 0.1) * 1440;
  }
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
