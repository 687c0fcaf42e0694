import type { CanonicalPlan } from './canonical.js';
import { quoteIdentifier } from './formats/sql-helpers.js';
import type { ImportNotice } from './notices.js';
import { positionsOf } from './source/layout.js';
import type { Layout } from './staging.js';

/**
 * A column the layout reads that the header names more than once ("Full
 * Text" twice): the first is read, and the import says so. A required column
 * named twice refuses the file instead (choose-format.ts), as which one holds
 * it cannot be told; an optional one is read, and the analyst told.
 */
export function repeatedColumnNotices(plan: CanonicalPlan, layout: Pick<Layout, 'names' | 'cells'>): ImportNotice[] {
  const { select } = plan;
  const sql = [...Object.values(select.columns), select.rawDate, ...(select.rejectWhen ?? []).map((rule) => rule.when), ...(select.warnWhen ?? []).map((rule) => rule.when)].join('\n');
  return layout.names.flatMap((name, index): ImportNotice[] => {
    const cell = layout.cells[index] ?? '';
    // The first of the cells named alike: its staging name is the cell itself, the others' carry a suffix.
    if (cell === '' || name !== cell || !sql.includes(quoteIdentifier(name))) return [];
    const positions = positionsOf(layout.cells, cell);
    return positions.length > 1 ? [{ code: 'repeated-column', column: cell, positions }] : [];
  });
}
