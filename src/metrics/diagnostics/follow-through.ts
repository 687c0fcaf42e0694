import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import { examplePost, examplePostRow } from './example-post.js';
import type { FollowThrough } from './types.js';

const followThroughRow = z.object({
  brand_id: z.string(),
  followups: z.number(),
  answered: z.number(),
  answered_share: z.number().nullable(),
  median_min: z.number().nullable(),
  conversations: z.number(),
  abandoned: z.number(),
  abandoned_share: z.number().nullable(),
  listed_missing: z.number(),
  abandoned_listed_missing: z.number(),
  reason: z.literal('too-few-follow-ups').nullable(),
});

/** The follow-through of a brand with no follow-up in the period. */
export function noFollowThrough(): FollowThrough {
  return { followUps: 0, answered: 0, listedMissing: 0, answeredShare: null, responseTimeMedianMin: null, conversations: 0, abandoned: 0, abandonedShare: null, abandonedListedMissing: 0, reason: null, abandonedExamples: [] };
}

/** Follow-through per brand id, with the last words of abandoned conversations (queries/diagnostics/follow_through*.sql). */
export async function followThrough(
  analysis: Analysis,
  range: { start: string; end: string },
  settings: { minFollowUps: number; lookbackStart: string },
  limit: number,
): Promise<Map<string, FollowThrough>> {
  const rows = await analysis.rows('diagnostics/follow_through', followThroughRow, { ...range, lookback_start: settings.lookbackStart, min_follow_ups: settings.minFollowUps });
  const examples = await analysis.rows('diagnostics/follow_through_examples', examplePostRow, { limit });
  return new Map(
    rows.map((row) => [
      row.brand_id,
      {
        followUps: row.followups,
        answered: row.answered,
        listedMissing: row.listed_missing,
        answeredShare: row.answered_share,
        responseTimeMedianMin: row.median_min,
        conversations: row.conversations,
        abandoned: row.abandoned,
        abandonedShare: row.abandoned_share,
        abandonedListedMissing: row.abandoned_listed_missing,
        reason: row.reason,
        abandonedExamples: examples
          .filter((e) => e.brand_id === row.brand_id)
          .map(examplePost),
      },
    ]),
  );
}
