/**
 * The machine-readable metrics of METRICS.md. Field names are a public
 * contract (JSON output, CSV columns, report); add fields, never rename.
 * Rates and shares are fractions in [0, 1]; times are minutes; a value that
 * cannot be computed is null, never 0.
 */
import type { BrandReach, PlatformReach } from '../analysis/analysis.js';
import type { BrandThemes } from '../themes/types.js';
import type { ScalarMetricFields } from './catalogue.js';
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

export const BUCKET_KEYS = ['0-1h', '1-4h', '4-8h', '8-24h', '24h+', 'unanswered'] as const;
export type BucketKey = (typeof BUCKET_KEYS)[number];
export type RankedMetric = 'responseRate' | 'responseTimeMedianMin' | 'replyShare' | 'shareOfVoice' | string;

export type CoverageWarning = 'no-brand-posts' | 'few-brand-posts' | 'responses-missing' | 'brand-posts-partial' | 'parents-missing' | 'dominant-author' | 'partial-period';

/** The author of most of a brand's inbound mentions. */
export interface TopAuthor {
  author: string;
  mentions: number;
  /** mentions / the brand's inbound mentions. */
  share: number;
}

/** When the data of a brand falls in the period (METRICS.md, "Comparability", partial-period). */
export interface PeriodSpan {
  /** First and last post (mentions and the brand's own posts), ISO instants; null without any. */
  first: string | null;
  last: string | null;
  /** Local days with a mention or a post of the brand, of the period's `periodDays`. */
  daysWithData: number;
  /** Local days from the first post to the last, both counted (0 without a post): how much of the period the exports reach, however sparse the posts in it. */
  spanDays: number;
  periodDays: number;
  /** The local day ("YYYY-MM-DD") with most of its mentions, and their share of them; null without mentions. */
  busiestDay: string | null;
  busiestDayMentions: number;
  busiestDayShare: number | null;
}

/** What the data can and cannot tell about a brand (METRICS.md, "Coverage" and "Comparability"; queries/coverage.sql). */
export interface Coverage {
  /** The brand's own posts in the period (reposts left out). */
  brandPosts: number;
  /**
   * Its own posts on other days of the data the analysis reads (the trend's months before the period, the response
   * window after it), reposts left out: where it has none in the period but some there, the period is a quiet stretch,
   * not an export missing. Absent from metrics written before it was counted.
   */
  ownPostsElsewhere?: number;
  /** Inbound mentions that need an answer, on platforms where the data holds the brand's posts: the response metrics rest on these. */
  inboundMeasured: number;
  /** Inbound mentions that need no answer: mass mentions and closers (kept in volume and share of voice). */
  massMentions: number;
  closers: number;
  inboundWithListedResponses: number;
  /** Of the measured mentions (inboundMeasured), the unanswered ones whose export lists a response id that is not in the data. */
  listedResponsesMissing: number;
  /**
   * Of the measured mentions, the unanswered ones created before the brand's first post or after its last on their
   * platform in the data, or between its posts around a gap (ownPosts.gaps), where its exports leave a silence longer than
   * its days make likely (base/period_sets.sql): an export of the brand's posts that covers part of the period cannot hold
   * their answers.
   */
  outsideOwnPosts: number;
  /**
   * The brand's first and last post in the period, reposts left out (ISO instants; null when it has none there): the span its answers can be measured in;
   * on a platform, the gaps inside it where its exports stop and start again (brand-posts-partial), each from its last post before to its first after.
   */
  ownPosts: { first: string | null; last: string | null; gaps: Array<{ from: string; to: string }> };
  replies: number;
  repliesWithMissingParent: number;
  /** The brand's accounts in the config on the platform (all platforms together for the brand's own coverage): with none, `no-brand-posts` means no account is tracked there, not a missing export. */
  accountsTracked: number;
  topAuthor: TopAuthor | null;
  span: PeriodSpan;
  warnings: CoverageWarning[];
}

/**
 * Why a change against the previous period is null (METRICS.md,
 * "Comparability"): a value rests on fewer than 30 mentions (30 brand posts
 * for reply share) in this period or the previous one, or the previous period
 * had no post of the brand where this one has, or this period none where the previous one had, or the data of
 * one period holds nothing of the brand on a platform where the other holds 30 posts and mentions of it, or the data holds the brand's
 * posts on part of either period only (a rate then is a lower bound), or, for a count or a share of voice, the brand's
 * data on a platform begins late or ends early in either period beside the other brands' (brand-data-partial,
 * -previous: Analysis.brandsInPart), or the data holds nothing of
 * the tracked brands in the previous period (there, or on that platform), or, for a count, the
 * exports reach over part of this period or of the previous one only (a count over 40 of a
 * quarter's 92 days against a whole quarter's); a share of voice, when the data of a compared brand
 * lacks a part in one period (shares-partial, -previous: withholdShareChanges).
 */
export type ChangeReason =
  | 'thin-period'
  | 'thin-previous-period'
  | 'unmeasured-previous-period'
  | 'unmeasured-period'
  | 'platform-missing'
  | 'platform-missing-previous'
  | 'brand-posts-partial'
  | 'brand-posts-partial-previous'
  | 'responses-missing'
  | 'responses-missing-previous'
  | 'brand-data-partial'
  | 'brand-data-partial-previous'
  | 'previous-period-not-in-data'
  | 'period-partly-in-data'
  | 'previous-period-partly-in-data'
  | 'shares-partial'
  | 'shares-partial-previous';

/**
 * A brand's metrics: the scalar metrics of the registry (src/metrics/catalogue.ts:
 * inbound, answered, pending, responseRate, responseTime*Min, brandPosts,
 * replies, broadcasts, replyShare, replyToBroadcast, shareOfVoice) and these.
 */
export interface BrandMetrics extends ScalarMetricFields {
  id: string;
  name: string;
  role: 'client' | 'competitor';
  responseRateCi: [number, number] | null;
  responseTimeMedianCi: [number, number] | null;
  /** SLA target in minutes (as a string key) -> share of all inbound answered within it. */
  withinSla: Record<string, number | null>;
  buckets: Record<BucketKey, number>;
  rank: Record<RankedMetric, number | null>;
  lowSample: boolean;
  /** Change against the previous period of the same length: percentage points for rates/shares, percent for times/counts; null when not computable. */
  change?: Record<string, number | null>;
  /** The same metrics in the previous period (keys as in `change`). */
  previous?: Record<string, number | null>;
  /** Why a change is null though both values exist (keys as in `change`); absent keys have no such reason. */
  changeReason?: Record<string, ChangeReason>;
  /** True when the response times rest on fewer than 30 answered mentions. */
  lowSampleTimes?: boolean;
  coverage?: Coverage;
  /** What its customers write about (src/themes), when computed: `metrics --format json` carries them. */
  themes?: BrandThemes['themes'];
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
  /** Where the client's value is a bound (listed responses the data lacks), its other end; null when exact. The gaps are then bounds too. */
  clientEnd: number | null;
  competitorMedian: number | null;
  /**
   * Where competitors' values the median rests on are bounds (listed responses the data lacks) that move it: the
   * median with each at its other end, so the median lies between the two; null when it is exact.
   */
  competitorMedianEnd: number | null;
  /** client − competitor median */
  gapToMedian: number | null;
  best: number | null;
  /** The best brand's value's other end where it is such a bound; null when exact. */
  bestEnd: number | null;
  bestBrandId: string | null;
  /** client − best */
  gapToBest: number | null;
  /** How many competitors have a comparable value: the median rests on these. */
  competitorsMeasured: number;
}

export interface TrendPoint {
  /** "YYYY-MM" in the report's timezone. */
  month: string;
  brandId: string;
  /** Null in a month of which the data holds no mention and no post of any tracked brand. */
  inbound: number | null;
  answered: number | null;
  responseRate: number | null;
  /**
   * Where more than metrics.coverage.responsesMissing of the mentions the month's rate rests on list responses the data
   * lacks (the month's responses-missing), the rate with each of them an answer: the rate is a lower bound. Null when exact.
   */
  responseRateEnd: number | null;
  responseTimeMedianMin: number | null;
}

/** A month of the trend whose data reaches over it in part (MetricsReport.trendPartialMonths), and whose data that is. */
export interface TrendPartialMonth {
  /** "YYYY-MM" in the report's timezone. */
  month: string;
  /**
   * The ids of the brands whose figures of the month rest on fewer days, in the config's order: every tracked brand where
   * the exports, or a platform's, reach over the month in part (Analysis.spansWhole); else those whose own data there
   * begins late or ends early beside the other brands' (Analysis.brandsInPart).
   */
  brands: string[];
}

export interface HourOfWeekCell {
  brandId: string;
  /** 0 = Monday ... 6 = Sunday, in the report's timezone. */
  weekday: number;
  hour: number;
  inbound: number;
  /** The answered mentions that needed an answer: what the median rests on. */
  answered: number;
  responseTimeMedianMin: number | null;
}

/** The settings the numbers rest on (for the methodology appendix). */
export interface MetricSettings {
  inbound: 'all' | 'questions';
  responseWindowMin: number;
  sla: number[];
  /** False when the config counts every mention in the response metrics (metrics.needsAnswer). */
  needsAnswer?: boolean;
  /** A mention that tags this many handles, without replying to the brand, needs no answer. */
  massMentionHandles?: number;
  /** A rate is a lower bound when more than this share of the mentions it counts list responses the data lacks (metrics.coverage.responsesMissing; coverage responses-missing). */
  responsesMissingShare?: number;
}

export interface MetricsReport {
  period: PeriodJson;
  brands: BrandMetrics[];
  dataQuality: DataQuality;
  settings?: MetricSettings;
  /** When the data of the whole period falls, all brands together; `partial` as the brands' partial-period warning. */
  periodCoverage?: {
    span: PeriodSpan;
    partial: boolean;
    /**
     * Tracked platforms whose exports reach over part of the period (Analysis.platformsInPart: they begin late, end
     * early or skip days by more than their posts explain, or hold none of it where they held the previous period):
     * their first and last local day in it. Counts and shares of voice are then not compared.
     */
    platformsInPart?: PlatformReach[];
    /** The same of the previous period, beside this one. */
    previousPlatformsInPart?: PlatformReach[];
    /**
     * Brands whose own posts on a platform reach over part of the period beside the other tracked brands' data there
     * (Analysis.brandsInPart: a care export that ends early, beside the competitors' listening export of the whole
     * period). Their counts and shares of voice are then not compared.
     */
    brandsInPart?: BrandReach[];
    /** The same of the previous period, beside this one. */
    previousBrandsInPart?: BrandReach[];
  };
  /** The period of the same length just before, which `change` compares with. */
  previousPeriod?: PeriodJson;
  benchmarks?: Benchmark[];
  byPlatform?: Array<{ platform: string; brands: BrandMetrics[] }>;
  trend?: TrendPoint[];
  /** The months of `trend` ("YYYY-MM") that hold data but that the exports reach over in part only (no post on or before their first day, or none on or after their last): their figures rest on fewer days. */
  trendPartialMonths?: string[];
  /** The same months, each with the brands whose data reaches over it in part: the trend's note names them. */
  trendPartialBrands?: TrendPartialMonth[];
  hourOfWeek?: HourOfWeekCell[];
  /** Community-management diagnostics (src/metrics/diagnostics), when computed. */
  diagnostics?: Diagnostics;
}
