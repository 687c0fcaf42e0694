import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import type { CannedReplies } from './types.js';

const summaryRow = z.object({
  brand_id: z.string(),
  replies: z.number(),
  canned: z.number(),
  canned_share: z.number().nullable(),
  reason: z.literal('too-few-replies').nullable(),
});

const templateRow = z.object({
  brand_id: z.string(),
  template_key: z.string(),
  uses: z.number(),
  example_text: z.string().nullable(),
  example_author: z.string(),
  example_url: z.string().nullable(),
  first_used_at: z.string(),
});

/** Canned replies per brand id (queries/diagnostics/canned_*.sql). Needs normalise_text.sql run first. */
export async function cannedReplies(
  analysis: Analysis,
  range: { start: string; end: string },
  settings: { cannedMinUses: number; minReplies: number },
  top: number,
): Promise<Map<string, CannedReplies>> {
  const minUses = settings.cannedMinUses;
  await analysis.run('diagnostics/canned_input', range);
  await groupTemplates(analysis, minUses);
  const summary = await analysis.rows('diagnostics/canned_replies', summaryRow, { min_group: minUses, min_replies: settings.minReplies });
  const templates = await analysis.rows('diagnostics/canned_templates', templateRow, { min_group: minUses, top });
  return new Map(
    summary.map((row) => [
      row.brand_id,
      {
        replies: row.replies,
        cannedReplies: row.canned,
        cannedShare: row.canned_share,
        reason: row.reason,
        topTemplates: templates
          .filter((t) => t.brand_id === row.brand_id)
          .map((t) => ({ template: t.template_key, uses: t.uses, example: t.example_text ?? '', exampleAuthor: t.example_author, exampleUrl: t.example_url, firstUsedAt: t.first_used_at })),
      },
    ]),
  );
}

/** Runs the near-duplicate grouping on whatever diag_template_input holds. */
export async function groupTemplates(analysis: Analysis, minUses: number): Promise<void> {
  await analysis.run('diagnostics/template_keys', { min_group: minUses });
}
