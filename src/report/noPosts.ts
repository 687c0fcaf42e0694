import type { PeriodJson } from '../metrics/types.js';

/**
 * The line `replybench metrics` prints as a note for a period without posts;
 * a report refuses such a period with the same words instead of printing
 * pages of dashes.
 */
export function noPostsMessage(period: PeriodJson): string {
  return `no posts in ${period.label ?? `${period.start} .. ${period.end}`} (${period.start} .. ${period.end}); every count is 0.`;
}
