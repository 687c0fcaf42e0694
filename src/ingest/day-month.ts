import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Store } from '../store/database.js';
import type { CanonicalSelect } from './formats/types.js';
import type { CsvRelation } from './staging.js';

const dateCountsRow = z.object({ dates: z.number(), asIs: z.number(), asSwapped: z.number() });

/** The pattern with day and month swapped: `%m/%d/%Y` -> `%d/%m/%Y`. */
export function swapDayMonth(format: string): string {
  return format.replace(/%[dm]/g, (part) => (part === '%d' ? '%m' : '%d'));
}

/** The day-and-month part of a pattern, as messages show it: `%m/%d`, else the whole pattern. */
function dayMonthPart(format: string): string {
  return /%[dm][^%]?%[dm]/.exec(format)?.[0] ?? format;
}

/**
 * A file whose dates the mapping reads with day and month the wrong way
 * round: some dates fail (a 13th read as a month) and the others are stored
 * on wrong days without a word. When every date that fails, and every other
 * one, parses with day and month swapped, the import stops and says so.
 * Returns the error, or null when the swap would not read them all.
 */
export async function dayMonthSwapError(store: Store, select: CanonicalSelect, relation: CsvRelation, path: string): Promise<UserError | null> {
  const check = select.dayMonth;
  if (!check) return null;
  const swapped = swapDayMonth(check.format);
  const [row] = await store.rows(
    'dates read either way',
    dateCountsRow,
    `SELECT count(*)::DOUBLE AS dates, count(try_strptime(d, $day_month_format))::DOUBLE AS "asIs", count(try_strptime(d, $day_month_swapped))::DOUBLE AS "asSwapped"
     FROM (SELECT trim(${check.cell}) AS d FROM ${relation.sql}) WHERE d IS NOT NULL AND d <> ''`,
    { ...relation.params, day_month_format: check.format, day_month_swapped: swapped },
  );
  if (!row || row.asIs === row.dates || row.asSwapped !== row.dates) return null;
  const dayFirst = check.format.indexOf('%m') < check.format.indexOf('%d');
  return new UserError(
    `${path}: the file looks ${dayFirst ? 'day' : 'month'}-first: ${(row.dates - row.asIs).toLocaleString('en-US')} of ${row.dates.toLocaleString('en-US')} dates fail as ${dayMonthPart(check.format)} and all parse as ${dayMonthPart(swapped)}, ` +
      `so the others would be stored on wrong days; set date.format to "${swapped}" in ${check.source} and import it again.`,
  );
}
