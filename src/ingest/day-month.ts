import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Store } from '../store/database.js';
import type { CanonicalSelect } from './formats/types.js';
import type { CsvRelation } from './staging.js';

const dateCountsRow = z.record(z.string(), z.number());

/** The pattern with day and month swapped: `%m/%d/%Y` -> `%d/%m/%Y`. */
export function swapDayMonth(format: string): string {
  return format.replace(/%[dm]/g, (part) => (part === '%d' ? '%m' : '%d'));
}

/** The day-and-month part of a pattern, as messages show it: `%m/%d`, else the whole pattern. */
function dayMonthPart(format: string): string {
  return /%[dm][^%]?%[dm]/.exec(format)?.[0] ?? format;
}

/**
 * A file whose dates the layout reads with day and month the wrong way
 * round: some dates fail (a 13th read as a month) and the others are stored
 * on wrong days without a word. When every date that fails, and every other
 * one, parses with day and month swapped, the import stops and says so: with
 * the swapped pattern to set in the mapping file (`source`), or, for a layout
 * of fixed patterns (Sprout's month-first dates), to map the file with. Dates
 * in ISO text or Excel serials are read apart from the pattern and left out.
 * Returns the error, or null when the swap would not read them all.
 */
export async function dayMonthSwapError(store: Store, select: CanonicalSelect, relation: CsvRelation, path: string): Promise<UserError | null> {
  const check = select.dayMonth;
  if (!check) return null;
  const formats = typeof check.format === 'string' ? [check.format] : [...check.format];
  const swapped = formats.map(swapDayMonth);
  const params: Record<string, string> = {};
  formats.forEach((format, index) => {
    params[`as_is_${index}`] = format;
    params[`swapped_${index}`] = swapped[index] ?? format;
  });
  const either = (prefix: string) => `coalesce(${formats.map((_, index) => `try_strptime(d, $${prefix}_${index})`).join(', ')})`;
  const [row] = await store.rows(
    'dates read either way',
    dateCountsRow,
    `SELECT count(*)::DOUBLE AS dates, count(${either('as_is')})::DOUBLE AS as_is, count(${either('swapped')})::DOUBLE AS as_swapped,
       ${formats.map((_, index) => `count(try_strptime(d, $swapped_${index}))::DOUBLE AS swapped_${index}`).join(', ')}
     FROM (SELECT trim(${check.cell}) AS d FROM ${relation.sql})
     -- ISO text and Excel serials (a workbook's date cells beside its text dates) are read apart from the pattern: not evidence either way
     WHERE d IS NOT NULL AND d <> '' AND NOT regexp_matches(d, '^[0-9]{4}-') AND NOT regexp_full_match(d, '[0-9]{5,7}(\\.[0-9]+)?')`,
    { ...relation.params, ...params },
  );
  if (!row || row.as_is === row.dates || row.as_swapped !== row.dates) return null;
  const dates = row.dates ?? 0;
  const failing = dates - (row.as_is ?? 0);
  // The swapped pattern that reads the most of the file's dates is the one proposed.
  const best = swapped.reduce((chosen, _, index) => ((row[`swapped_${index}`] ?? 0) > (row[`swapped_${chosen}`] ?? 0) ? index : chosen), 0);
  const first = formats[0] ?? '';
  const dayFirst = first.indexOf('%m') < first.indexOf('%d');
  const fix = check.source
    ? `set date.format to "${swapped[best]}" in ${check.source} and import it again.`
    : `import it with --format generic and a mapping whose date.format is "${swapped[best]}" (\`replybench import --write-mapping <file>\` writes one to start from).`;
  return new UserError(
    `${path}: the file looks ${dayFirst ? 'day' : 'month'}-first: ${failing.toLocaleString('en-US')} of ${dates.toLocaleString('en-US')} dates fail as ${dayMonthPart(first)} and all parse as ${dayMonthPart(swapped[0] ?? first)}, ` +
      `so the others would be stored on wrong days; ${fix}`,
  );
}
