import { type Better, MIN_SAMPLE, type MetricSpec, metricSpec, type Placement, showsInFull } from '../catalogue.js';
import { assignRanks, benchmarks, holdsAtBothEnds } from '../ranking.js';
import type { Benchmark } from '../types.js';
import type { BrandDiagnostics, DiagnosticSettings, SampleReason } from './types.js';

/**
 * A diagnostic metric: an entry of the same shape as the leaderboard's
 * registry (src/metrics/catalogue.ts), always ranked and benchmarked; its
 * label is `label.<key>` in the template strings.
 */
export type DiagnosticMetric = MetricSpec<BrandDiagnostics, DiagnosticMetricKey> & {
  better: Better;
  unit: 'share' | 'minutes';
  /** Why the value was left out for want of data (too few replies, follow-ups, mentions in the group), if it was. */
  sampleReason: (brand: BrandDiagnostics) => SampleReason | null;
  /** The mentions a value kept whatever their number rests on (business hours), or null when the value has a minimum of its own. */
  sampleSize: (brand: BrandDiagnostics) => number | null;
  /** A share of mentions, or follow-ups, answered: how many it counts, and how many of those unanswered the export lists a response for that the data lacks. */
  answers?: (brand: BrandDiagnostics) => ListedMissing | null;
};

/** Of `of` mentions (or follow-ups, or conversations) a share counts, `missing` are unanswered in the data while their export lists a response it lacks. */
export interface ListedMissing {
  missing: number;
  of: number;
}

export type DiagnosticMetricKey =
  | 'cannedShare'
  | 'unsolicitedShare'
  | 'followUpAnsweredShare'
  | 'followUpTimeMedianMin'
  | 'abandonedShare'
  | 'businessTimeMedianMin'
  | 'responseRateInsideHours'
  | 'responseRateOutsideHours'
  | 'influencerResponseRate'
  | 'influencerTimeMedianMin'
  | 'negativeResponseRate'
  | 'negativeTimeMedianMin'
  | 'latestClockTimeMedianMin';

interface DiagnosticOptions {
  shows?: Placement;
  sampleReason?: (brand: BrandDiagnostics) => SampleReason | null;
  sampleSize?: (brand: BrandDiagnostics) => number | null;
  answers?: (brand: BrandDiagnostics) => ListedMissing | null;
}

function diagnostic(key: DiagnosticMetricKey, value: (brand: BrandDiagnostics) => number | null, better: Better, unit: 'share' | 'minutes', options: DiagnosticOptions = {}): DiagnosticMetric {
  const { shows = {}, sampleReason = () => null, sampleSize = () => null, answers } = options;
  // No coverage marks: a share's bounds are its own (lowerBoundShares, listedMissingEnd), not the brand's warnings.
  return { ...metricSpec(key, value, better, unit, { shows, marks: [] }), unit, sampleReason, sampleSize, ...(answers ? { answers } : {}) };
}

/** The mentions a diagnostic's value rests on when they are fewer than MIN_SAMPLE, else null: the value is shown, marked as every thin rate is. */
export function thinSampleOf(metric: DiagnosticMetric, brand: BrandDiagnostics): number | null {
  const count = metric.sampleSize(brand);
  return count !== null && count > 0 && count < MIN_SAMPLE ? count : null;
}

const cannedSample = (b: BrandDiagnostics) => b.canned.reason;
const followUpSample = (b: BrandDiagnostics) => b.followThrough.reason;
const influencerSample = (b: BrandDiagnostics) => b.influencers?.influencers.reason ?? null;
const negativeSample = (b: BrandDiagnostics) => b.sentiment?.bySentiment.negative.reason ?? null;
/** A group of mentions (an audience group) as the counts a share of it rests on. */
const groupCounts = (group: { inbound: number; listedMissing: number }): ListedMissing => ({ missing: group.listedMissing, of: group.inbound });
const groupAnswers = (group: { inbound: number; listedMissing: number } | undefined): ListedMissing | null => (group ? groupCounts(group) : null);

export const DIAGNOSTIC_METRICS: readonly DiagnosticMetric[] = [
  diagnostic('cannedShare', (b) => b.canned.cannedShare, 'lower', 'share', { shows: { scorecard: true }, sampleReason: cannedSample }),
  diagnostic('unsolicitedShare', (b) => b.unsolicited.unsolicitedShare, 'lower', 'share', { shows: { scorecard: true } }),
  diagnostic('followUpAnsweredShare', (b) => b.followThrough.answeredShare, 'higher', 'share', {
    shows: { scorecard: true },
    sampleReason: followUpSample,
    answers: (b) => ({ missing: b.followThrough.listedMissing, of: b.followThrough.followUps }),
  }),
  diagnostic('followUpTimeMedianMin', (b) => b.followThrough.responseTimeMedianMin, 'lower', 'minutes', { sampleReason: followUpSample }),
  diagnostic('abandonedShare', (b) => b.followThrough.abandonedShare, 'lower', 'share', {
    sampleReason: followUpSample,
    answers: (b) => ({ missing: b.followThrough.abandonedListedMissing, of: b.followThrough.conversations }),
  }),
  diagnostic('businessTimeMedianMin', (b) => b.businessHours?.businessTimeMedianMin ?? null, 'lower', 'minutes'),
  diagnostic('responseRateInsideHours', (b) => b.businessHours?.responseRateInside ?? null, 'higher', 'share', {
    sampleSize: (b) => b.businessHours?.inboundInside ?? null,
    answers: (b) => (b.businessHours ? { missing: b.businessHours.listedMissingInside, of: b.businessHours.inboundInside } : null),
  }),
  diagnostic('responseRateOutsideHours', (b) => b.businessHours?.responseRateOutside ?? null, 'higher', 'share', {
    shows: { scorecard: true },
    sampleSize: (b) => b.businessHours?.inboundOutside ?? null,
    answers: (b) => (b.businessHours ? { missing: b.businessHours.listedMissingOutside, of: b.businessHours.inboundOutside } : null),
  }),
  diagnostic('influencerResponseRate', (b) => b.influencers?.influencers.responseRate ?? null, 'higher', 'share', {
    shows: { scorecard: true },
    sampleReason: influencerSample,
    answers: (b) => groupAnswers(b.influencers?.influencers),
  }),
  diagnostic('influencerTimeMedianMin', (b) => b.influencers?.influencers.responseTimeMedianMin ?? null, 'lower', 'minutes', { sampleReason: influencerSample }),
  diagnostic('negativeResponseRate', (b) => b.sentiment?.bySentiment.negative.responseRate ?? null, 'higher', 'share', {
    shows: { scorecard: true },
    sampleReason: negativeSample,
    answers: (b) => groupAnswers(b.sentiment?.bySentiment.negative),
  }),
  diagnostic('negativeTimeMedianMin', (b) => b.sentiment?.bySentiment.negative.responseTimeMedianMin ?? null, 'lower', 'minutes', { sampleReason: negativeSample }),
  diagnostic('latestClockTimeMedianMin', (b) => b.clockLatest.responseTimeMedianMin, 'lower', 'minutes'),
];

/** The shares of mentions, or follow-ups, answered: lower bounds where the data holds the brand's posts on part of the period only, on the platforms they rest on (BrandDiagnostics.lowerBoundShares). */
export const ANSWERED_SHARES: ReadonlySet<string> = new Set(DIAGNOSTIC_METRICS.filter((metric) => metric.answers).map((metric) => metric.key));

/** The settings listedMissingEnd reads. */
export type ListedMissingSettings = Pick<DiagnosticSettings, 'responsesMissingShare'>;

/**
 * The other end of a share answered of the brand where the data lacks responses its export lists for more than
 * `responsesMissingShare` of the mentions the share counts (as the response rate's responses-missing): each may have
 * been an answer, so the share answered could be higher by as many, and the abandoned share lower. Null when the
 * share is taken as exact.
 */
export function listedMissingEnd(brand: BrandDiagnostics, metric: DiagnosticMetric, settings: ListedMissingSettings): number | null {
  const value = metric.value(brand);
  const counts = metric.answers?.(brand);
  if (value === null || !counts || !boundByListedMissing(counts, settings)) return null;
  const margin = counts.missing / counts.of;
  return metric.better === 'higher' ? Math.min(1, value + margin) : Math.max(0, value - margin);
}

/** Whether responses the data lacks are listed for more than `responsesMissingShare` of the mentions a share counts: then it is a bound. */
export function boundByListedMissing(counts: ListedMissing, settings: ListedMissingSettings): boolean {
  return counts.of > 0 && counts.missing / counts.of > settings.responsesMissingShare;
}

/** boundByListedMissing for a group of mentions (an audience group, a subject): its unanswered listing a lost response, of its mentions. */
export function groupBoundByListedMissing(group: { listedMissing: number; inbound: number }, settings: ListedMissingSettings): boolean {
  return boundByListedMissing(groupCounts(group), settings);
}

/**
 * Whether the data understates a share answered of the brand (lowerBoundShares), unless it is answered in full, as
 * printed (showsInFull): 100% cannot be higher, so it is exact, and is ranked and compared like every other figure.
 */
export function understatesShare(brand: BrandDiagnostics, key: string): boolean {
  const metric = DIAGNOSTIC_METRICS.find((candidate) => candidate.key === key);
  const inFull = metric?.better === 'higher' && showsInFull(metric.unit, metric.value(brand));
  return !inFull && brand.lowerBoundShares.some((share) => share === key);
}

/**
 * A brand with fewer than 10 posts, none a reply (coverage few-brand-posts), is shown but not compared; one whose
 * posts the data holds on part of the period only is not compared on the shares answered that rest on them (lowerBoundShares),
 * unless they are answered in full.
 */
export const comparableDiagnostic = (brand: BrandDiagnostics, metric: { key: string }): boolean => !brand.fewBrandPosts && !understatesShare(brand, metric.key);

/** comparable, and a share answered that listed responses the data lacks make a bound is compared only where the comparison holds at both its ends (as a response rate is: ranking.ts, comparableAmong). */
const comparableAmongDiagnosed = (brands: readonly BrandDiagnostics[], settings: ListedMissingSettings) =>
  holdsAtBothEnds(
    brands,
    DIAGNOSTIC_METRICS,
    comparableDiagnostic,
    (brand, metric) => listedMissingEnd(brand, metric, settings),
    (brand, metric) => isBoundShare(brand, metric, settings),
  );

export function assignDiagnosticRanks(brands: BrandDiagnostics[], settings: ListedMissingSettings): void {
  assignRanks(brands, DIAGNOSTIC_METRICS, comparableAmongDiagnosed(brands, settings), (brand, metric) => isBoundShare(brand, metric, settings), (brand, metric) => listedMissingEnd(brand, metric, settings));
}

/** Whether a share of the brand is a bound that reads as its worst end (understated, or listed responses missing), and not one left out for too few posts of its own. */
export function isBoundShare(brand: BrandDiagnostics, metric: { key: string }, settings: ListedMissingSettings): boolean {
  const spec = DIAGNOSTIC_METRICS.find((candidate) => candidate.key === metric.key);
  return spec !== undefined && !brand.fewBrandPosts && (understatesShare(brand, spec.key) || listedMissingEnd(brand, spec, settings) !== null);
}

/** Whether the brand's diagnostic share or time takes part in its ranks: compared, or a bound the ranks count (as placedFigure). */
export function placedDiagnostic(brand: BrandDiagnostics, metric: Pick<MetricSpec<BrandDiagnostics>, 'key' | 'value'>, settings: ListedMissingSettings): boolean {
  return metric.value(brand) !== null && (comparableDiagnostic(brand, metric) || isBoundShare(brand, metric, settings));
}

/** The client against the competitors' median and the best brand, per diagnostic metric, among comparable brands. */
export function diagnosticBenchmarks(brands: BrandDiagnostics[], settings: ListedMissingSettings): Benchmark[] {
  return benchmarks(brands, DIAGNOSTIC_METRICS, comparableAmongDiagnosed(brands, settings), (brand, metric) => listedMissingEnd(brand, metric, settings), comparableDiagnostic);
}
