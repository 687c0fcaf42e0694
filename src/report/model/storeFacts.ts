import { z } from 'zod';
import type { Analysis } from '../../analysis/analysis.js';
import { iso } from '../../analysis/build.js';
import { changedTheData, type ImportNotice, storedNotices } from '../../ingest/notices.js';
import { type AnsweredWithin, curveMinutes } from '../charts/curve-minutes.js';

export interface MentionSample {
  platform: string;
  author: string;
  createdAtMs: number;
  text: string;
  responseMin: number | null;
  pending: boolean;
}

export interface ImportBatchFact {
  file: string;
  format: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** What the import changed in the file's rows or did not read (changedTheData); none known for imports before schema version 5. */
  notices: ImportNotice[];
}

/** What the report reads from the store beyond the metrics: the answered-over-time curve, example mentions, import records. */
export interface StoreFacts {
  answeredWithin: AnsweredWithin;
  unanswered: MentionSample[];
  /** Per platform, the client's unanswered mentions left out of `unanswered` because their export lists a response the data does not hold. */
  unansweredLeftOut: Array<{ platform: string; mentions: number }>;
  slowest: MentionSample[];
  imports: ImportBatchFact[];
  rejectedRows: number;
}

/** The imported files that held rows: those the client's pages list (a file of a header alone adds nothing to any number; the analyst notes still name it). */
export function filesWithRows(facts: StoreFacts): ImportBatchFact[] {
  return facts.imports.filter((batch) => batch.rowsRead > 0);
}

const curveRow = z.object({ brand_id: z.string(), minutes: z.number(), answered: z.number() });

const sampleRow = z.object({
  platform: z.string(),
  author: z.string(),
  created_ms: z.number(),
  text: z.string(),
  response_min: z.number().nullable(),
  pending: z.boolean(),
});

const leftOutRow = z.object({ platform: z.string(), mentions: z.number() });

const importRow = z.object({
  file: z.string(),
  sha256: z.string(),
  format: z.string(),
  rows_read: z.number(),
  imported: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  notices: z.string().nullable(),
});

const fileReachRow = z.object({ sha256: z.string(), in_range: z.boolean() });

/**
 * Reads the facts of the analysis's period from its `mentions` table, so
 * examples and curves rest on the same definitions as the numbers
 * (queries/report/*.sql).
 */
export async function readStoreFacts(analysis: Analysis, examples = 8): Promise<StoreFacts> {
  const params = { ...analysis.range, inbound_mode: analysis.config.metrics.inbound };
  const { grid, ticks } = curveMinutes(analysis.config.metrics.responseWindow);
  const curveRows = await analysis.baseRows('report/response_curve', curveRow, { ...params, minutes: [...grid, ...ticks].join(',') });
  const answeredWithin: AnsweredWithin = {};
  for (const row of curveRows) (answeredWithin[row.brand_id] ??= []).push([row.minutes, row.answered]);
  const sample = async (list: 'unanswered' | 'slowest'): Promise<MentionSample[]> =>
    (await analysis.baseRows('report/mention_examples', sampleRow, { ...params, client: analysis.config.client, list, limit: examples })).map((row) => ({
      platform: row.platform,
      author: row.author,
      createdAtMs: row.created_ms,
      text: row.text,
      responseMin: row.response_min,
      pending: row.pending,
    }));
  // Not the files all of whose posts fall outside what the figures rest on: the period, the previous one and the trend's months.
  const reach = [analysis.previous, analysis.period, ...analysis.months];
  const reached = { start: iso(new Date(Math.min(...reach.map((period) => period.start.getTime())))), end: iso(new Date(Math.max(...reach.map((period) => period.end.getTime())))) };
  const outside = new Set((await analysis.baseRows('report/period_files', fileReachRow, reached)).filter((row) => !row.in_range).map((row) => row.sha256));
  const importRows = (await analysis.baseRows('report/imports', importRow)).filter((row) => !outside.has(row.sha256));
  return {
    answeredWithin,
    unanswered: await sample('unanswered'),
    unansweredLeftOut: await analysis.baseRows('report/unanswered_left_out', leftOutRow, { ...params, client: analysis.config.client }),
    slowest: await sample('slowest'),
    imports: importRows.map((row) => ({
      file: row.file,
      format: row.format,
      rowsRead: row.rows_read,
      imported: row.imported,
      duplicates: row.duplicates,
      rejected: row.rejected,
      notices: (storedNotices(row.notices) ?? []).filter(changedTheData),
    })),
    rejectedRows: importRows.reduce((sum, row) => sum + row.rejected, 0),
  };
}
