import type { Store } from '../../store/database.js';
import { queryFile } from '../sql.js';
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

interface ExampleRow extends Record<string, unknown> {
  brand_id: string;
  author: string;
  text: string | null;
  url: string | null;
  created_at: string;
}

/** Follow-through per brand id, with the last words of abandoned conversations (queries/diagnostics/follow_through*.sql). */
export async function followThrough(store: Store, range: { start: string; end: string }, limit: number): Promise<Map<string, FollowThrough>> {
  const rows = await queryFile<Row>(store, 'diagnostics/follow_through', range);
  const examples = await queryFile<ExampleRow>(store, 'diagnostics/follow_through_examples', { limit });
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
          .map((e) => ({ author: e.author, text: e.text ?? '', createdAt: e.created_at, url: e.url })),
      },
    ]),
  );
}
