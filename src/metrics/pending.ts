import { sampleOf } from './catalogue.js';
import type { BrandMetrics } from './types.js';

/**
 * What a brand's response rate would gain, in percentage points, were every pending mention answered: they stay in the
 * rate's denominator, the mentions that need an answer (queries/response.sql), and may still be answered. Null without
 * such mentions.
 * @example pendingPoints({ ...brand, pending: 33, coverage: { ...coverage, inboundMeasured: 420 } }) // 7.86
 */
export function pendingPoints(brand: BrandMetrics): number | null {
  const measured = sampleOf(brand, 'answers');
  return measured > 0 ? (brand.pending / measured) * 100 : null;
}

/**
 * Whether a change against the previous period is not settled: the response rate fell by no more than its pending
 * mentions could still add (METRICS.md, "Pending": the rate may still rise). Such a fall may yet be made up, so
 * every place that prints the change says it may still change. A rise only grows, and the other figures keep theirs.
 */
export function changeNotSettled(brand: BrandMetrics, key: string): boolean {
  const change = brand.change?.[key] ?? null;
  const points = pendingPoints(brand);
  // The change and the points are both of the unrounded rate: a fall of 5.2 pts against 7.9 pts still pending.
  return key === 'responseRate' && change !== null && change < 0 && points !== null && -change <= points + 1e-9;
}
