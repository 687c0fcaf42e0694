import { isScientificNotation } from './sql-helpers.js';
import type { CanonicalSelect } from './types.js';

/** A cell Excel shows as ##### (a column too narrow for its number), saved as such. */
export function isExcelHashes(expr: string): string {
  return `coalesce(contains(${expr}, '#') AND regexp_full_match(trim(${expr}), '#{2,}'), false)`;
}

/**
 * The rules every format shares for ids and authors that went through Excel
 * (docs/formats.md, "Ids stay text"), on the values a format maps: a post id
 * or an author in scientific notation (1.23E+17) or shown as ##### lost its
 * digits, so the row is rejected; such a parent id is dropped and the reply
 * kept, with a warning. A format's own rules for its columns come first
 * (twcs names them after its columns); these then find nothing left.
 */
/** A cell whose number Excel damaged: scientific notation or #####. */
function isExcelDamaged(expr: string): string {
  return `(${isScientificNotation(expr)} OR ${isExcelHashes(expr)})`;
}

export function withExcelDamageChecks(select: CanonicalSelect): CanonicalSelect {
  const { post_id: id, parent_id: parent, author } = select.columns;
  const lostParent = isExcelDamaged(parent);
  return {
    ...select,
    columns: { ...select.columns, parent_id: `CASE WHEN ${lostParent} THEN NULL ELSE ${parent} END` },
    rejectWhen: [
      ...(select.rejectWhen ?? []),
      {
        when: isExcelDamaged(id),
        reason: 'the post id is in scientific notation (e.g. 1.23E+17) or shown as #####: Excel rounded it and the real id is lost; export the data again without opening it in Excel',
      },
      {
        when: isExcelDamaged(author),
        reason: 'the author is a number in scientific notation or shown as #####: Excel damaged it, and authors would be merged; export the data again without opening it in Excel',
      },
    ],
    warnWhen: [...(select.warnWhen ?? []), { when: lostParent, reason: 'the parent id is in scientific notation or shown as ##### (Excel damaged it): the reply was kept without its parent' }],
  };
}
