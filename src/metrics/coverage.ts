import type { Config } from '../config/types.js';
import type { BrandMetrics, Coverage, CoverageWarning, MetricsReport } from './types.js';

/** Coverage warning thresholds when the config sets none (METRICS.md). */
export const COVERAGE_DEFAULTS = { responsesMissing: 0.05, parentsMissing: 0.2 };

/** The share of a rate's mentions past which the responses they list and the data lacks make it a lower bound (metrics.coverage.responsesMissing). */
export function responsesMissingThreshold(config: Pick<Config, 'metrics'>): number {
  return config.metrics.coverage?.responsesMissing ?? COVERAGE_DEFAULTS.responsesMissing;
}

/** That share as a metrics report records it (settings.responsesMissingShare; the default for a report of an earlier replybench). */
export function reportedResponsesMissingThreshold(report: Pick<MetricsReport, 'settings'>): number {
  return report.settings?.responsesMissingShare ?? COVERAGE_DEFAULTS.responsesMissing;
}

/**
 * A brand of which the data holds nothing in the period (scope): neither a
 * post of its own nor a mention its figures count. Its zeros are no data, not
 * a measure: an export that does not cover it reads the same as a brand
 * nobody mentioned.
 */
export function hasNoData(brand: BrandMetrics): boolean {
  return brand.coverage !== undefined && brand.coverage !== null && brand.coverage.span.first === null;
}

/**
 * Whether the data holds the brand's posts on part of the period only
 * (brand-posts-partial): its response rate, and the shares answered that rest
 * on the platforms it holds in part, are lower bounds by an unknown margin,
 * neither ranked nor compared.
 */
export function hasPartialPosts(brand: BrandMetrics): boolean {
  return brand.coverage?.warnings.includes('brand-posts-partial') ?? false;
}

/**
 * The warnings under which a brand's response rate (and each share answered
 * within a target) is a lower bound: answers the data may lack, listed by the
 * export (responses-missing) or due after the brand's last post in the data,
 * before its first, or in a gap between its posts (brand-posts-partial).
 */
const LOWER_BOUND_WARNINGS: readonly CoverageWarning[] = ['responses-missing', 'brand-posts-partial'];

export function isLowerBoundUnder(warnings: readonly CoverageWarning[]): boolean {
  return warnings.some((warning) => LOWER_BOUND_WARNINGS.includes(warning));
}

/**
 * Where a rate or share answered within a target could reach were every response the brand's export lists, and
 * the data lacks, an answer in time (responses-missing): the other end of its lower bound. Null when the data
 * lacks none of them, and for a brand whose posts the data holds on part of the period only (a margin nobody knows).
 */
export function answersUpperBound(brand: BrandMetrics, value: number): number | null {
  const coverage = brand.coverage;
  if (!coverage?.warnings.includes('responses-missing') || hasPartialPosts(brand)) return null;
  if (coverage.inboundMeasured <= 0 || coverage.listedResponsesMissing <= 0) return null;
  return Math.min(1, value + coverage.listedResponsesMissing / coverage.inboundMeasured);
}

/** The spans the data holds the brand's posts in: from its first post to its last, split at each gap between them (brand-posts-partial). */
export function ownPostSpans(own: Coverage['ownPosts']): Array<[string, string]> {
  if (own.first === null || own.last === null) return [];
  const ends = [...own.gaps.map((gap) => gap.from), own.last];
  return [own.first, ...own.gaps.map((gap) => gap.to)].map((start, index): [string, string] => [start, ends[index] ?? own.last ?? start]);
}
