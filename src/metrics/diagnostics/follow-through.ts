import type { Store } from '../../store/database.js';
import { queryFile } from '../sql.js';
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
}

/** Follow-through per brand id, with the last words of abandoned conversations (queries/diagnostics/follow_through*.sql). */
export async function followThrough(store: Store, range: { start: string; end: string }, limit: number): Promise<Map<string, FollowThrough>> {
  const rows = await queryFile<Row>(store, 'diagnostics/follow_through', range);
  const examples = await queryFile<ExamplePostRow>(store, 'diagnostics/follow_through_examples', { limit });
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
        abandonedExamples: examples
          .filter((e) => e.brand_id === row.brand_id)
          .map(examplePost),
      },
    ]),
  );
}
