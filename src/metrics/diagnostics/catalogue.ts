import { assignRanks, benchmarks } from '../ranking.js';
import type { Benchmark } from '../types.js';
import type { BrandDiagnostics } from './types.js';

/** A diagnostic metric that gets a rank and a benchmark; `better` says which way is good. */
export interface DiagnosticMetric {
  key: DiagnosticMetricKey;
  value: (brand: BrandDiagnostics) => number | null;
  better: 'higher' | 'lower';
  /** A fraction in [0, 1] or a time in minutes. */
  unit: 'share' | 'minutes';
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

export const DIAGNOSTIC_METRICS: DiagnosticMetric[] = [
  { key: 'cannedShare', value: (b) => b.canned.cannedShare, better: 'lower', unit: 'share' },
  { key: 'unsolicitedShare', value: (b) => b.unsolicited.unsolicitedShare, better: 'lower', unit: 'share' },
  { key: 'followUpAnsweredShare', value: (b) => b.followThrough.answeredShare, better: 'higher', unit: 'share' },
  { key: 'followUpTimeMedianMin', value: (b) => b.followThrough.responseTimeMedianMin, better: 'lower', unit: 'minutes' },
  { key: 'abandonedShare', value: (b) => share(b.followThrough.abandoned, b.followThrough.conversations), better: 'lower', unit: 'share' },
  { key: 'businessTimeMedianMin', value: (b) => b.businessHours?.businessTimeMedianMin ?? null, better: 'lower', unit: 'minutes' },
  { key: 'responseRateInsideHours', value: (b) => b.businessHours?.responseRateInside ?? null, better: 'higher', unit: 'share' },
  { key: 'responseRateOutsideHours', value: (b) => b.businessHours?.responseRateOutside ?? null, better: 'higher', unit: 'share' },
  { key: 'influencerResponseRate', value: (b) => b.influencers?.influencers.responseRate ?? null, better: 'higher', unit: 'share' },
  { key: 'influencerTimeMedianMin', value: (b) => b.influencers?.influencers.responseTimeMedianMin ?? null, better: 'lower', unit: 'minutes' },
  { key: 'negativeResponseRate', value: (b) => b.sentiment?.bySentiment.negative.responseRate ?? null, better: 'higher', unit: 'share' },
  { key: 'negativeTimeMedianMin', value: (b) => b.sentiment?.bySentiment.negative.responseTimeMedianMin ?? null, better: 'lower', unit: 'minutes' },
  { key: 'latestClockTimeMedianMin', value: (b) => b.clockLatest.responseTimeMedianMin, better: 'lower', unit: 'minutes' },
];

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function assignDiagnosticRanks(brands: BrandDiagnostics[]): void {
  assignRanks(brands, DIAGNOSTIC_METRICS);
}

/** The client against the competitors' median and the best brand, per diagnostic metric. */
export function diagnosticBenchmarks(brands: BrandDiagnostics[]): Benchmark[] {
  return benchmarks(brands, DIAGNOSTIC_METRICS);
}
