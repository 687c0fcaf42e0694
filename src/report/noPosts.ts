import type { PeriodJson } from '../metrics/types.js';

/**
 * Why writeReport refuses a period without posts instead of printing pages of
 * dashes. The commands refuse it before, saying where the data is
 * (analysis/empty-period.ts); this guards the library's own callers.
 */
export function noPostsMessage(period: PeriodJson): string {
  return `no posts in ${period.label ?? `${period.start} .. ${period.end}`} (${period.start} .. ${period.end}); every count is 0.`;
}
