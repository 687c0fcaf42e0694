import { isScientificNotation } from './sql-helpers.js';

/** A cell Excel shows as ##### (a column too narrow for its number), saved as such. */
export function isExcelHashes(expr: string): string {
  return `coalesce(contains(${expr}, '#') AND regexp_full_match(trim(${expr}), '#{2,}'), false)`;
}

/**
 * A value whose number Excel damaged: scientific notation (1.23E+17) or
 * #####. The rules every format shares (docs/formats.md, "Ids stay text")
 * read it on the values a format maps (canonical.ts): such a post id or
 * author rejects the row, such a parent id is dropped and the reply kept.
 */
export function isExcelDamaged(expr: string): string {
  return `(${isScientificNotation(expr)} OR ${isExcelHashes(expr)})`;
}

export const EXCEL_DAMAGE_REASONS = {
  id: 'the post id is in scientific notation (e.g. 1.23E+17) or shown as #####: Excel rounded it and the real id is lost; export the data again without opening it in Excel',
  author: 'the author is a number in scientific notation or shown as #####: Excel damaged it, and authors would be merged; export the data again without opening it in Excel',
  parent: 'the parent id is in scientific notation or shown as ##### (Excel damaged it): the reply was kept without its parent',
} as const;
