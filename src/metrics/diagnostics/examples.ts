import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import { examplePost, examplePostRow } from './example-post.js';
import type { BrandDiagnostics } from './types.js';

const unansweredRow = examplePostRow.extend({ platform: z.string(), sentiment: z.enum(['negative', 'neutral', 'positive']).nullable(), pending: z.boolean() });

type Example = BrandDiagnostics['unansweredExamples'][number];

/**
 * Unanswered mentions per brand id, negative first, those of `compared` (the platforms the sentiment figures rest on,
 * empty for all) before the others (queries/diagnostics/unanswered_examples.sql).
 */
export async function unansweredExamples(analysis: Analysis, params: { start: string; end: string; inbound_mode: string }, limit: number, compared: readonly string[]): Promise<Map<string, Example[]>> {
  const rows = await analysis.rows('diagnostics/unanswered_examples', unansweredRow, { ...params, limit, compared: compared.join(',') });
  const result = new Map<string, Example[]>();
  for (const row of rows) {
    const list = result.get(row.brand_id) ?? [];
    list.push({ ...examplePost(row), platform: row.platform, sentiment: row.sentiment, pending: row.pending });
    result.set(row.brand_id, list);
  }
  return result;
}
