import type { Analysis } from '../../analysis/analysis.js';
import { groupTemplates } from './canned.js';
import { examplePost, type ExamplePostRow } from './example-post.js';
import type { UnsolicitedMentions } from './types.js';

interface SummaryRow extends Record<string, unknown> {
  brand_id: string;
  brand_posts: number;
  unsolicited: number;
  unsolicited_share: number | null;
}

interface ExampleRow extends ExamplePostRow {
  people: number;
}

const MICROS_PER_DAY = 86_400_000_000n;

/** Unsolicited mentions per brand id (queries/diagnostics/unsolicited_*.sql). Needs normalise_text.sql run first. */
export async function unsolicitedMentions(
  analysis: Analysis,
  range: { start: string; end: string },
  settings: { unsolicitedMinPeople: number; unsolicitedLookbackDays: number },
  limit: number,
): Promise<Map<string, UnsolicitedMentions>> {
  await analysis.run('diagnostics/unsolicited_input', { ...range, lookback_us: BigInt(settings.unsolicitedLookbackDays) * MICROS_PER_DAY });
  // The same minimum makes a repeated text a template here as for canned replies.
  await groupTemplates(analysis, settings.unsolicitedMinPeople);
  const summary = await analysis.query<SummaryRow>('diagnostics/unsolicited_mentions', { ...range, min_recipients: settings.unsolicitedMinPeople });
  const examples = await analysis.query<ExampleRow>('diagnostics/unsolicited_examples', { limit });
  return new Map(
    summary.map((row) => [
      row.brand_id,
      {
        brandPosts: row.brand_posts,
        unsolicitedPosts: row.unsolicited,
        unsolicitedShare: row.unsolicited_share,
        examples: examples
          .filter((e) => e.brand_id === row.brand_id)
          .map((e) => ({ ...examplePost(e), people: e.people })),
      },
    ]),
  );
}
