import type { BrandMetrics, CoverageWarning } from './types.js';

/*
 * The metric registry: every brand-level metric declared once, with where its
 * number comes from (SQL file and column), which way it is better, its unit,
 * what it rests on, the coverage warnings that mark it, where the report
 * shows it and its definition. The JSON fields, the SQL row schemas, the
 * empty values, the CSV and workbook columns, the terminal table, the KPI
 * tiles, the leaderboard, the scorecard columns and the coverage marks are
 * all read from here (docs/development.md, "Adding a metric").
 */

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

/** Where the deliverables show a metric. */
export interface Placement {
  /** Its position among the client's headline tiles (1 = first). */
  tile?: number;
  leaderboard?: boolean;
  scorecard?: boolean;
  /** Its column header in the terminal table of `replybench metrics` (English, short). */
  terminal?: string;
}

/**
 * One metric of the registry: what ranks, benchmarks, changes, the report
 * and the advice all read, so none of them repeats which way is better or
 * how the number is written.
 */
export interface MetricSpec<Brand = BrandMetrics, Key extends string = string> {
  /** The key in `rank`, `change`, `previous` and `benchmarks`; the JSON field for a scalar metric. */
  key: Key;
  value: (brand: Brand) => number | null;
  /** null = a volume: not ranked and not benchmarked. */
  better: Better | null;
  unit: MetricUnit;
  change: ChangeKind;
  /** The strings key of its one label in every output (`label.<key>`; `{target}` for SLA metrics). */
  label: string;
  /** SLA metrics: the target in minutes (the `{target}` of their label). */
  target?: number;
  /** What the value rests on; absent for diagnostics, which carry their own minimums. */
  restsOn?: RestsOn;
  /** The coverage warnings whose marks the report prints beside its value, in print order. */
  marks: readonly CoverageWarning[];
  shows: Placement;
  /** Its entry in the metric reference (src/metrics/definitions.ts, docs/metrics.md). */
  definition: string;
}

/** Rates and shares change in percentage points; times, counts and ratios in percent (METRICS.md). */
const CHANGE_OF: Record<MetricUnit, ChangeKind> = { share: 'pp', count: 'percent', minutes: 'percent', ratio: 'percent' };

/*
 * The coverage warnings that bear on a number (METRICS.md, "Coverage" and
 * "Comparability"): rates (and the shares answered within a target) can be
 * lower bounds (answers listed, or due outside the span of the brand's posts,
 * missing from the data) and rest on the brand's posts; times rest on its posts;
 * volumes can be understated, one author's, or one day's.
 */
const RATE_MARKS = ['responses-missing', 'brand-posts-partial', 'no-brand-posts', 'few-brand-posts'] as const;
const TIME_MARKS = ['no-brand-posts', 'few-brand-posts'] as const;
const POST_MARKS = ['few-brand-posts'] as const;
const VOLUME_MARKS = ['parents-missing', 'dominant-author', 'partial-period'] as const;

/** A scalar metric as declared: a field of every brand's JSON, filled from one SQL column. */
interface ScalarDeclaration {
  /** The query (queries/<query>.sql) and column that compute it. */
  sql: { query: 'response' | 'reply_broadcast' | 'share_of_voice'; column: string };
  /** Whether the value can be null (a rate without mentions); a count cannot. */
  nullable: boolean;
  better: Better | null;
  unit: MetricUnit;
  restsOn: RestsOn;
  marks: readonly CoverageWarning[];
  shows: Placement;
  definition: string;
}

/**
 * Every scalar brand metric, in the order of the JSON, the CSV and the
 * workbook. Adding one here (with its SQL column and its label in the
 * strings files) adds it to every output that lists metrics.
 */
export const SCALAR_METRICS = {
  inbound: {
    sql: { query: 'response', column: 'inbound' },
    nullable: false,
    better: null,
    unit: 'count',
    restsOn: 'mentions',
    marks: VOLUME_MARKS,
    shows: { tile: 4, leaderboard: true, terminal: 'Inbound' },
    definition: 'inbound',
  },
  answered: {
    sql: { query: 'response', column: 'answered' },
    nullable: false,
    better: null,
    unit: 'count',
    restsOn: 'answers',
    marks: [],
    shows: { terminal: 'Answered' },
    definition: 'answered',
  },
  pending: { sql: { query: 'response', column: 'pending' }, nullable: false, better: null, unit: 'count', restsOn: 'answers', marks: [], shows: {}, definition: 'pending' },
  responseRate: {
    sql: { query: 'response', column: 'response_rate' },
    nullable: true,
    better: 'higher',
    unit: 'share',
    restsOn: 'answers',
    marks: RATE_MARKS,
    shows: { tile: 1, leaderboard: true, scorecard: true, terminal: 'Rate' },
    definition: 'responseRate',
  },
  responseTimeMedianMin: {
    sql: { query: 'response', column: 'median_min' },
    nullable: true,
    better: 'lower',
    unit: 'minutes',
    restsOn: 'answered',
    marks: TIME_MARKS,
    shows: { tile: 2, leaderboard: true, scorecard: true, terminal: 'Median' },
    definition: 'responseTimeMedianMin',
  },
  responseTimeP90Min: {
    sql: { query: 'response', column: 'p90_min' },
    nullable: true,
    better: 'lower',
    unit: 'minutes',
    restsOn: 'answered',
    marks: TIME_MARKS,
    shows: { leaderboard: true, terminal: 'P90' },
    definition: 'responseTimeP90Min',
  },
  responseTimeMeanMin: {
    sql: { query: 'response', column: 'mean_min' },
    nullable: true,
    better: 'lower',
    unit: 'minutes',
    restsOn: 'answered',
    marks: TIME_MARKS,
    shows: {},
    definition: 'responseTimeMeanMin',
  },
  brandPosts: {
    sql: { query: 'reply_broadcast', column: 'brand_posts' },
    nullable: false,
    better: null,
    unit: 'count',
    restsOn: 'brandPosts',
    marks: [],
    shows: {},
    definition: 'replyShare',
  },
  replies: { sql: { query: 'reply_broadcast', column: 'replies' }, nullable: false, better: null, unit: 'count', restsOn: 'brandPosts', marks: [], shows: {}, definition: 'replyShare' },
  broadcasts: {
    sql: { query: 'reply_broadcast', column: 'broadcasts' },
    nullable: false,
    better: null,
    unit: 'count',
    restsOn: 'brandPosts',
    marks: [],
    shows: {},
    definition: 'replyShare',
  },
  replyShare: {
    sql: { query: 'reply_broadcast', column: 'reply_share' },
    nullable: true,
    better: 'higher',
    unit: 'share',
    restsOn: 'brandPosts',
    marks: POST_MARKS,
    shows: { tile: 5, leaderboard: true, scorecard: true, terminal: 'Reply share' },
    definition: 'replyShare',
  },
  replyToBroadcast: {
    sql: { query: 'reply_broadcast', column: 'reply_to_broadcast' },
    nullable: true,
    better: 'higher',
    unit: 'ratio',
    restsOn: 'brandPosts',
    marks: POST_MARKS,
    shows: {},
    definition: 'replyShare',
  },
  shareOfVoice: {
    sql: { query: 'share_of_voice', column: 'share_of_voice' },
    nullable: true,
    better: 'higher',
    unit: 'share',
    restsOn: 'mentions',
    marks: VOLUME_MARKS,
    shows: { tile: 6, leaderboard: true, terminal: 'SoV' },
    definition: 'shareOfVoice',
  },
} as const satisfies Record<string, ScalarDeclaration>;

export type ScalarMetricKey = keyof typeof SCALAR_METRICS;

/** The scalar metric fields of a brand's JSON: a count is a number, a rate or time may be null. */
export type ScalarMetricFields = {
  -readonly [Key in ScalarMetricKey]: (typeof SCALAR_METRICS)[Key]['nullable'] extends true ? number | null : number;
};

/** Every scalar metric with its key, in declaration order. */
export const SCALAR_METRIC_LIST: ReadonlyArray<ScalarDeclaration & { key: ScalarMetricKey }> = Object.entries(SCALAR_METRICS).map(([key, declaration]) => ({
  key: key as ScalarMetricKey,
  ...declaration,
}));

/** The share of inbound mentions answered within a target: one metric per target of `metrics.sla`. */
const WITHIN_SLA = {
  better: 'higher',
  unit: 'share',
  restsOn: 'answers',
  marks: RATE_MARKS,
  definition: 'withinSla',
} as const;

/** Where SLA metrics go: after these scalar metrics. */
const SLA_AFTER: ScalarMetricKey = 'responseTimeMeanMin';

/** A registry entry, its change kind following its unit. */
export function metricSpec<Brand, Key extends string, B extends Better | null>(
  key: Key,
  value: (brand: Brand) => number | null,
  better: B,
  unit: MetricUnit,
  extra: { label?: string; target?: number; restsOn?: RestsOn; marks?: readonly CoverageWarning[]; shows?: Placement; definition?: string } = {},
): MetricSpec<Brand, Key> & { better: B } {
  const { label = `label.${key}`, marks = [], shows = {}, definition = key, ...rest } = extra;
  return { key, value, better, unit, change: CHANGE_OF[unit], label, marks, shows, definition, ...rest };
}

/**
 * Every brand-level metric that gets a rank, a change against the previous
 * period or a benchmark, in the order of `rank`, `change` and `benchmarks`:
 * the scalar metrics, with one "answered within" metric per SLA target (the
 * first of them a headline tile).
 */
export function metricCatalogue(sla: readonly number[]): MetricSpec[] {
  const scalars = SCALAR_METRIC_LIST.map((declared) =>
    // A metrics file written before a metric existed lacks its field: the value is unknown, not a crash.
    metricSpec<BrandMetrics, string, Better | null>(declared.key, (brand) => brand[declared.key] ?? null, declared.better, declared.unit, {
      restsOn: declared.restsOn,
      marks: declared.marks,
      shows: declared.shows,
      definition: declared.definition,
    }),
  );
  const targets = sla.map((target, index) =>
    metricSpec<BrandMetrics, string, Better>(slaKey(target), (brand) => brand.withinSla[String(target)] ?? null, WITHIN_SLA.better, WITHIN_SLA.unit, {
      label: 'label.withinSla',
      target,
      restsOn: WITHIN_SLA.restsOn,
      marks: WITHIN_SLA.marks,
      shows: { leaderboard: true, terminal: 'within', ...(index === 0 ? { tile: 3 } : {}) },
      definition: WITHIN_SLA.definition,
    }),
  );
  const at = scalars.findIndex((spec) => spec.key === SLA_AFTER) + 1;
  return [...scalars.slice(0, at), ...targets, ...scalars.slice(at)];
}

/** The metrics the report shows as headline tiles, in tile order. */
export function tileMetrics<Spec extends MetricSpec<never>>(catalogue: readonly Spec[]): Spec[] {
  return catalogue.filter((spec) => spec.shows.tile !== undefined).sort((a, b) => (a.shows.tile ?? 0) - (b.shows.tile ?? 0));
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
 * Whether a share shows as 100%, rounded as the report prints and ranks it (shownValue): a lower bound there cannot be
 * higher, so it is exact, printed without "≥" and ranked like every other figure.
 */
export function showsInFull(unit: MetricUnit, value: number | null): boolean {
  return unit === 'share' && value !== null && shownValue(unit, value) === 1;
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
