import { DIAGNOSTIC_METRICS } from './catalogue.js';
import type { BrandDiagnostics } from './types.js';

/**
 * One brand's diagnostics as flat columns (for the CSV and the terminal
 * table, beside the leaderboard's): every ranked diagnostic metric, then the
 * counts they rest on. Names are stable; a value that cannot be computed is null.
 * @example diagnosticColumns(brand) // { cannedShare: 0.6, ..., cannedReplies: 168, ... }
 */
export function diagnosticColumns(brand: BrandDiagnostics): Record<string, number | null> {
  const columns: Record<string, number | null> = {};
  for (const metric of DIAGNOSTIC_METRICS) columns[metric.key] = metric.value(brand);
  Object.assign(columns, {
    cannedReplies: brand.canned.cannedReplies,
    unsolicitedPosts: brand.unsolicited.unsolicitedPosts,
    followUps: brand.followThrough.followUps,
    abandonedConversations: brand.followThrough.abandoned,
    inboundInsideHours: brand.businessHours?.inboundInside ?? null,
    inboundOutsideHours: brand.businessHours?.inboundOutside ?? null,
    influencerInbound: brand.influencers?.influencers.inbound ?? null,
    negativeInbound: brand.sentiment?.bySentiment.negative.inbound ?? null,
  });
  return columns;
}

/**
 * The counts that make a share a bound (DiagnosticMetric.answers): the conversations the abandoned share counts, and of
 * each share's mentions the unanswered whose export lists a response the data lacks (past the responses-missing
 * threshold of them, the share is a bound). The CSV puts them after the ranks, so the columns before keep their places.
 */
export function diagnosticBoundColumns(brand: BrandDiagnostics): Record<string, number | null> {
  return {
    conversations: brand.followThrough.conversations,
    followUpsListedMissing: brand.followThrough.listedMissing,
    abandonedListedMissing: brand.followThrough.abandonedListedMissing,
    listedMissingInsideHours: brand.businessHours?.listedMissingInside ?? null,
    listedMissingOutsideHours: brand.businessHours?.listedMissingOutside ?? null,
    influencerListedMissing: brand.influencers?.influencers.listedMissing ?? null,
    negativeListedMissing: brand.sentiment?.bySentiment.negative.listedMissing ?? null,
  };
}
