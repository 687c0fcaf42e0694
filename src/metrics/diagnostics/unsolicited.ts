import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import { groupTemplates } from './canned.js';
import { examplePost, examplePostRow } from './example-post.js';
import type { UnsolicitedMentions } from './types.js';

const summaryRow = z.object({ brand_id: z.string(), brand_posts: z.number(), unsolicited: z.number(), unsolicited_share: z.number().nullable() });
const exampleRow = examplePostRow.extend({ people: z.number() });

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
  const summary = await analysis.rows('diagnostics/unsolicited_mentions', summaryRow, { ...range, min_recipients: settings.unsolicitedMinPeople });
  const examples = await analysis.rows('diagnostics/unsolicited_examples', exampleRow, { limit });
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
