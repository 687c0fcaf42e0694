import { listValue, type DuckDBValue } from '@duckdb/node-api';
import type { Store } from '../store/database.js';
import { CANONICAL_ROWS, conflictReason, type CanonicalPlan } from './canonical.js';
import { quoteIdentifier } from './formats/sql-helpers.js';
import type { LineMap } from './line-map.js';
import type { StructuralReject } from './source/recover.js';
import { STAGING_TABLE, type Layout } from './staging.js';
import { inFileOrder } from './optimizers.js';

/** A cell written back as CSV: quoted when it holds the delimiter, a quote or a line break. */
function csvCell(column: string): string {
  const cell = `s.${quoteIdentifier(column)}`;
  return `CASE WHEN ${cell} IS NULL THEN ''
    WHEN contains(${cell}, $raw_delimiter) OR contains(${cell}, '"') OR contains(${cell}, chr(10)) OR contains(${cell}, chr(13))
    THEN '"' || replace(${cell}, '"', '""') || '"' ELSE ${cell} END`;
}

/**
 * Records every rejected row in import_rejects: the line where it starts in
 * the original file (sheet row for workbooks), the reason, and its cells as
 * one CSV line, so nothing is lost silently. Needs the `staging` table.
 */
export async function insertRejects(
  store: Store,
  plan: CanonicalPlan,
  layout: Layout,
  lines: LineMap,
  batch: { id: number; file: string },
): Promise<void> {
  const mapping = await lines.prepare(store);
  // A conflicting copy's reason names the line of the post's first copy.
  const conflict = `${plan.codes.conflict} THEN $conflict_prefix || ${mapping.line('r', '__rb_first', 'first_breaks')}`;
  const reasonCase = `CASE r.__rb_reason WHEN ${conflict} ${plan.reasons.map((_, index) => `WHEN ${index + 1} THEN $reason_${index}`).join(' ')} END`;
  const sql = `INSERT INTO import_rejects (batch_id, file, line, reason, raw)
    SELECT $batch_id, $file, ${mapping.line('r', '__rb_row')}, ${reasonCase}, concat_ws($raw_delimiter, ${layout.names.map(csvCell).join(', ')})
    FROM (SELECT __rb_row, __rb_reason, __rb_first FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason > 0) AS r
    JOIN ${STAGING_TABLE} AS s ON s.rowid = r.__rb_row
    ${mapping.join('r', '__rb_row')}
    ${mapping.join('r', '__rb_first', 'first_breaks')}
    ORDER BY r.__rb_row`;
  const params: Record<string, DuckDBValue> = {
    ...mapping.params,
    batch_id: batch.id,
    file: batch.file,
    raw_delimiter: layout.delimiter,
    conflict_prefix: conflictReason(''),
  };
  plan.reasons.forEach((reason, index) => {
    params[`reason_${index}`] = reason;
  });
  await inFileOrder(store, () => store.change(sql, params));
}

/** Records the rows the row-by-row recovery could not keep (too many cells, a field over the limit), with their lines and text. */
export async function insertStructuralRejects(store: Store, rejects: readonly StructuralReject[], batch: { id: number; file: string }): Promise<void> {
  if (rejects.length === 0) return;
  await store.run(
    `INSERT INTO import_rejects (batch_id, file, line, reason, raw)
     SELECT $batch_id, $file, unnest($lines), unnest($reasons), unnest($raws)`,
    {
      batch_id: batch.id,
      file: batch.file,
      lines: listValue(rejects.map((reject) => reject.line)),
      reasons: listValue(rejects.map((reject) => reject.reason)),
      raws: listValue(rejects.map((reject) => reject.raw)),
    },
  );
}
