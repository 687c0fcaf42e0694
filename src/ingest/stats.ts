import { z } from 'zod';
import type { Store } from '../store/database.js';
import { CANONICAL_ROWS, type CanonicalPlan } from './canonical.js';
import { counted } from '../report/i18n/plain-numbers.js';
import type { LineMap } from './line-map.js';
import type { StructuralReject } from './source/recover.js';

/** Counts over one staged file, before anything is written. */
export interface FileStats {
  rows: number;
  blank: number;
  kept: number;
  /** Kept rows minus distinct (platform, post_id) among them: copies inside the file itself. */
  duplicatesInFile: number;
  /** Per reason (same order as the plan's `reasons`): count and first row. */
  rejects: Array<{ count: number; firstRow: number | null }>;
  /** Per format warning: count among kept rows and first row. */
  warnings: Array<{ count: number; firstRow: number | null }>;
}

/** The counts, named as fileStats's aggregates name them (one pair per reason and per warning); a first row is NULL when there is none. */
const statsRow = z.record(z.string(), z.number().nullable());

/** One pass over the canonical rows: every count the summary and the checks need. */
export async function fileStats(store: Store, plan: CanonicalPlan): Promise<FileStats> {
  const live = 'NOT __rb_blank';
  const kept = `${live} AND __rb_reason = 0`;
  const aggregates = [
    'count(*)::DOUBLE AS rows',
    'count(*) FILTER (__rb_blank)::DOUBLE AS blank',
    `count(*) FILTER (${kept})::DOUBLE AS kept`,
    `count(DISTINCT (platform, post_id)) FILTER (${kept})::DOUBLE AS distinct_keys`,
    ...plan.reasons.flatMap((_, index) => [
      `count(*) FILTER (${live} AND __rb_reason = ${index + 1})::DOUBLE AS reject_${index}`,
      `min(__rb_row) FILTER (${live} AND __rb_reason = ${index + 1})::DOUBLE AS reject_first_${index}`,
    ]),
    ...plan.warnings.flatMap((_, index) => [
      `count(*) FILTER (${kept} AND __rb_warn_${index})::DOUBLE AS warn_${index}`,
      `min(__rb_row) FILTER (${kept} AND __rb_warn_${index})::DOUBLE AS warn_first_${index}`,
    ]),
  ];
  const [row] = await store.rows('file stats', statsRow, `SELECT ${aggregates.join(', ')} FROM (${CANONICAL_ROWS})`);
  const value = (name: string): number => row?.[name] ?? 0;
  const first = (name: string): number | null => row?.[name] ?? null;
  return {
    rows: value('rows'),
    blank: value('blank'),
    kept: value('kept'),
    duplicatesInFile: value('kept') - value('distinct_keys'),
    rejects: plan.reasons.map((_, index) => ({ count: value(`reject_${index}`), firstRow: first(`reject_first_${index}`) })),
    warnings: plan.warnings.map((_, index) => ({ count: value(`warn_${index}`), firstRow: first(`warn_first_${index}`) })),
  };
}

/**
 * The rejected rows of a file per reason, as the import and its dry run say them: those the row-by-row recovery set
 * apart, then the mapping's. Later copies of a post that contradict the first are counted apart (conflicts), not here.
 */
export function rejectsByReason(structural: readonly StructuralReject[], stats: FileStats, plan: CanonicalPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reject of structural) counts[reject.reason] = (counts[reject.reason] ?? 0) + 1;
  stats.rejects.forEach((reason, index) => {
    const name = plan.reasons[index];
    if (reason.count > 0 && name !== undefined && index + 1 !== plan.codes.conflict) counts[name] = (counts[name] ?? 0) + reason.count;
  });
  return counts;
}

/**
 * The first line (or sheet row) of each reason's rejected rows, named as rejectsByReason names them; a reason whose
 * line is not known (no line map) is left out.
 */
export function firstRejectLines(structural: readonly StructuralReject[], stats: FileStats, plan: CanonicalPlan, lines: LineMap | null): Record<string, number> {
  const first: Record<string, number> = {};
  for (const reject of structural) first[reject.reason] = Math.min(first[reject.reason] ?? reject.line, reject.line);
  stats.rejects.forEach((reason, index) => {
    const name = plan.reasons[index];
    if (reason.count === 0 || reason.firstRow === null || !lines || name === undefined || index + 1 === plan.codes.conflict) return;
    const line = lines.lineOf(reason.firstRow);
    first[name] = Math.min(first[name] ?? line, line);
  });
  return first;
}

/**
 * A reason of rejected rows as the import says it: the reason first, then how many and where ("more cells than the
 * header's 7 (…) (2 rows, the first at line 97)"); a count before the reason read "2 more cells than…".
 */
export function reasonWithPlace(reason: string, rows: number, unit: 'line' | 'row', line: number | undefined, quoted = ''): string {
  const parts = [...(rows === 1 ? [] : [counted('en', rows, 'row', 'rows')]), ...(line === undefined ? [] : [`${rows === 1 ? '' : 'the first at '}${unit} ${line}${quoted}`])];
  return parts.length === 0 ? reason : `${reason} (${parts.join(', ')})`;
}
