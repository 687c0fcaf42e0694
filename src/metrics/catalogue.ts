import type { BrandMetrics } from './types.js';
import type { RankedMetric } from './ranking.js';

/**
 * Every brand-level metric that gets a rank, a change against the previous
 * period or a benchmark. `better` null = a volume, not ranked; `change` says
 * how a change is expressed: percentage points (rates, shares) or percent
 * (times, counts, ratios).
 */
export interface MetricSpec extends RankedMetric<BrandMetrics> {
  change: 'pp' | 'percent';
}

export function metricCatalogue(sla: number[]): MetricSpec[] {
  return [
    { key: 'inbound', value: (b) => b.inbound, better: null, change: 'percent' },
    { key: 'answered', value: (b) => b.answered, better: null, change: 'percent' },
    { key: 'pending', value: (b) => b.pending, better: null, change: 'percent' },
    { key: 'responseRate', value: (b) => b.responseRate, better: 'higher', change: 'pp' },
    { key: 'responseTimeMedianMin', value: (b) => b.responseTimeMedianMin, better: 'lower', change: 'percent' },
    { key: 'responseTimeP90Min', value: (b) => b.responseTimeP90Min, better: 'lower', change: 'percent' },
    { key: 'responseTimeMeanMin', value: (b) => b.responseTimeMeanMin, better: 'lower', change: 'percent' },
    ...sla.map((target): MetricSpec => ({ key: slaKey(target), value: (b) => b.withinSla[String(target)] ?? null, better: 'higher', change: 'pp' })),
    { key: 'brandPosts', value: (b) => b.brandPosts, better: null, change: 'percent' },
    { key: 'replies', value: (b) => b.replies, better: null, change: 'percent' },
    { key: 'broadcasts', value: (b) => b.broadcasts, better: null, change: 'percent' },
    { key: 'replyShare', value: (b) => b.replyShare, better: 'higher', change: 'pp' },
    { key: 'replyToBroadcast', value: (b) => b.replyToBroadcast, better: 'higher', change: 'percent' },
    { key: 'shareOfVoice', value: (b) => b.shareOfVoice, better: 'higher', change: 'pp' },
  ];
}

/** Key of an SLA metric in `rank`, `change` and `benchmarks`: "withinSla.60". */
export function slaKey(target: number): string {
  return `withinSla.${target}`;
}
