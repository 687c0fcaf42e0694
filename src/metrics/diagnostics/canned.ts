import type { Analysis } from '../../analysis/analysis.js';
import type { CannedReplies } from './types.js';

interface SummaryRow extends Record<string, unknown> {
  brand_id: string;
  replies: number;
  canned: number;
  canned_share: number | null;
  reason: 'too-few-replies' | null;
}

interface TemplateRow extends Record<string, unknown> {
  brand_id: string;
  template_key: string;
  uses: number;
  example_text: string | null;
  example_author: string;
  example_url: string | null;
  first_used_at: string;
}

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
  const summary = await analysis.query<SummaryRow>('diagnostics/canned_replies', { min_group: minUses, min_replies: settings.minReplies });
  const templates = await analysis.query<TemplateRow>('diagnostics/canned_templates', { min_group: minUses, top });
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
