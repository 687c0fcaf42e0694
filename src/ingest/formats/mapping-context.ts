import { UserError } from '../../errors.js';
import { NULL_TEXT, quoteIdentifier } from './sql-helpers.js';
import type { FormatLayout, MappingContext } from './types.js';

/** Header cells that pandas, Excel or DuckDB add for an unnamed (index or padding) column. */
export function isUnnamedColumn(name: string): boolean {
  return name.trim() === '' || /^Unnamed: \d+$/.test(name) || /^column\d+$/.test(name);
}

/** The header's named cells, lower case, for detection. */
export function namedColumns(header: readonly string[]): Set<string> {
  return new Set(header.filter((name) => !isUnnamedColumn(name)).map((name) => name.trim().toLowerCase()));
}

/** True when every one of `columns` is in the header (case-insensitive). */
export function hasAll(header: readonly string[], columns: readonly string[]): boolean {
  const named = namedColumns(header);
  return columns.every((column) => named.has(column.toLowerCase()));
}

/** A layout whose columns each go by one name. */
export function layoutOf(label: string, columns: readonly string[]): FormatLayout {
  return { label, columns: columns.map((column) => [column]) };
}

/** The layout's columns the header lacks (each by the name messages show). */
export function missingFromLayout(header: readonly string[], layout: FormatLayout): string[] {
  const named = namedColumns(header);
  return layout.columns.filter((names) => !names.some((name) => named.has(name.toLowerCase()))).map((names) => names[0] ?? '');
}

/** True when the header has every column of the layout. */
export function matchesLayout(header: readonly string[], layout: FormatLayout): boolean {
  return missingFromLayout(header, layout).length === 0;
}

/** The first of `names` the header has, as a quoted identifier, or a typed NULL when it has none. */
export function optionalColumn(context: MappingContext, ...names: string[]): string {
  return names.some((name) => context.has(name)) ? context.col(...names) : NULL_TEXT;
}

/**
 * Builds the context a format maps with. `file` only names the file in the
 * error a missing column raises.
 */
export function createMappingContext(
  header: readonly string[],
  options: { timezoneParam: string; platformParam: string | null; file?: string; dayMonthSwapped?: boolean },
): MappingContext {
  const byLowerName = new Map<string, string>();
  for (const name of header) if (!byLowerName.has(name.toLowerCase())) byLowerName.set(name.toLowerCase(), name);
  return {
    header,
    has: (column) => byLowerName.has(column.toLowerCase()),
    col: (...names) => {
      for (const name of names) {
        const actual = byLowerName.get(name.toLowerCase());
        if (actual !== undefined) return quoteIdentifier(actual);
      }
      const where = options.file ? `${options.file}: ` : '';
      throw new UserError(
        `${where}missing column ${names.map((name) => `"${name}"`).join(' or ')}. Export again with this column, or map the file with --format generic --mapping.`,
      );
    },
    timezoneParam: options.timezoneParam,
    platformParam: options.platformParam,
    dayMonthSwapped: options.dayMonthSwapped ?? false,
  };
}
