/**
 * The machine-readable metrics of METRICS.md. Field names are a public
 * contract (JSON output, CSV columns, report); add fields, never rename.
 * Rates and shares are fractions in [0, 1]; times are minutes; a value that
 * cannot be computed is null, never 0.
 */

import type { Diagnostics } from './diagnostics/types.js';

export interface PeriodJson {
  /** ISO instant, UTC, e.g. "2017-10-01T00:00:00Z" (the start of the period in the report's timezone). */
  start: string;
  /** ISO instant, exclusive. */
  end: string;
  timezone: string;
  /** What the user asked for: "2017-10", "2017-Q4" or "2017-10-01..2017-10-15". */
  label?: string;
}

export type BucketKey = '0-1h' | '1-4h' | '4-8h' | '8-24h' | '24h+' | 'unanswered';
export type RankedMetric = 'responseRate' | 'responseTimeMedianMin' | 'replyShare' | 'shareOfVoice' | string;

export type CoverageWarning = 'no-brand-posts' | 'responses-missing' | 'parents-missing';

/** What the data can and cannot tell about a brand (METRICS.md, "Coverage"; queries/coverage.sql). */
export interface Coverage {
  /** The brand's own posts in the period (reposts left out). */
  brandPosts: number;
  /** Inbound mentions on platforms where the data holds the brand's posts: the response metrics rest on these. */
  inboundMeasured: number;
  inboundWithListedResponses: number;
  /** Unanswered mentions whose export lists a response id that is not in the data. */
  listedResponsesMissing: number;
  repliesWithMissingParent: number;
  warnings: CoverageWarning[];
}

export interface BrandMetrics {
  id: string;
  name: string;
  role: 'client' | 'competitor';
  inbound: number;
  answered: number;
  pending: number;
  responseRate: number | null;
  responseRateCi: [number, number] | null;
  responseTimeMedianMin: number | null;
  responseTimeMedianCi: [number, number] | null;
  responseTimeP90Min: number | null;
  responseTimeMeanMin: number | null;
  /** SLA target in minutes (as a string key) -> share of all inbound answered within it. */
  withinSla: Record<string, number | null>;
  buckets: Record<BucketKey, number>;
  brandPosts: number;
  replies: number;
  broadcasts: number;
  replyShare: number | null;
  replyToBroadcast: number | null;
  shareOfVoice: number | null;
  rank: Record<RankedMetric, number | null>;
  lowSample: boolean;
  /** Change against the previous period of the same length: percentage points for rates/shares, percent for times/counts; null when not computable. */
  change?: Record<string, number | null>;
  /** The same metrics in the previous period (keys as in `change`). */
  previous?: Record<string, number | null>;
  /** True when the response times rest on fewer than 30 answered mentions. */
  lowSampleTimes?: boolean;
  coverage?: Coverage;
}

export interface DataQuality {
  posts: number;
  repliesBeforeParent: number;
  unresolvedParents: number;
  pending?: number;
}

/** Per-metric comparison of the client with its competitors. */
export interface Benchmark {
  metric: string;
  client: number | null;
  competitorMedian: number | null;
  /** client − competitor median */
  gapToMedian: number | null;
  best: number | null;
  bestBrandId: string | null;
  /** client − best */
  gapToBest: number | null;
}

export interface TrendPoint {
  /** "YYYY-MM" in the report's timezone. */
  month: string;
  brandId: string;
  inbound: number;
  answered: number;
  responseRate: number | null;
  responseTimeMedianMin: number | null;
}

export interface HourOfWeekCell {
  brandId: string;
  /** 0 = Monday ... 6 = Sunday, in the report's timezone. */
  weekday: number;
  hour: number;
  inbound: number;
  responseTimeMedianMin: number | null;
}

export interface MetricsReport {
  period: PeriodJson;
  brands: BrandMetrics[];
  dataQuality: DataQuality;
  /** Settings the numbers rest on (for the methodology appendix). */
  settings?: { inbound: 'all' | 'questions'; responseWindowMin: number; sla: number[] };
  /** The period of the same length just before, which `change` compares with. */
  previousPeriod?: PeriodJson;
  benchmarks?: Benchmark[];
  byPlatform?: Array<{ platform: string; brands: BrandMetrics[] }>;
  trend?: TrendPoint[];
  hourOfWeek?: HourOfWeekCell[];
  /** Community-management diagnostics (src/metrics/diagnostics), when computed. */
  diagnostics?: Diagnostics;
}
