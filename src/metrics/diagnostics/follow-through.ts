import type { Analysis } from '../../analysis/analysis.js';
import { examplePost, type ExamplePostRow } from './example-post.js';
import type { FollowThrough } from './types.js';

interface Row extends Record<string, unknown> {
  brand_id: string;
  followups: number;
  answered: number;
  answered_share: number | null;
  median_min: number | null;
  conversations: number;
  abandoned: number;
  abandoned_share: number | null;
  reason: 'too-few-follow-ups' | null;
}

/** The follow-through of a brand with no follow-up in the period. */
export function noFollowThrough(): FollowThrough {
  return { followUps: 0, answered: 0, answeredShare: null, responseTimeMedianMin: null, conversations: 0, abandoned: 0, abandonedShare: null, reason: null, abandonedExamples: [] };
}

/** Follow-through per brand id, with the last words of abandoned conversations (queries/diagnostics/follow_through*.sql). */
export async function followThrough(
  analysis: Analysis,
  range: { start: string; end: string },
  settings: { minFollowUps: number; lookbackStart: string },
  limit: number,
): Promise<Map<string, FollowThrough>> {
  const rows = await analysis.query<Row>('diagnostics/follow_through', { ...range, lookback_start: settings.lookbackStart, min_follow_ups: settings.minFollowUps });
  const examples = await analysis.query<ExamplePostRow>('diagnostics/follow_through_examples', { limit });
  return new Map(
    rows.map((row) => [
      row.brand_id,
      {
        followUps: row.followups,
        answered: row.answered,
        answeredShare: row.answered_share,
        responseTimeMedianMin: row.median_min,
        conversations: row.conversations,
        abandoned: row.abandoned,
        abandonedShare: row.abandoned_share,
        reason: row.reason,
        abandonedExamples: examples
          .filter((e) => e.brand_id === row.brand_id)
          .map(examplePost),
      },
    ]),
  );
}
