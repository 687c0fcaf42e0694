import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Store } from '../store/database.js';
import type { CanonicalPlan } from './canonical.js';
import type { CanonicalSelect } from './formats/types.js';
import type { ImportNotice } from './notices.js';
import type { CsvRelation } from './staging.js';
import type { FileStats } from './stats.js';

const dateCountsRow = z.object({
  dates: z.number(),
  as_is: z.number(),
  as_swapped: z.number(),
  differing: z.number(),
  only_as_is: z.number(),
  only_swapped: z.number(),
  as_is_example: z.string().nullable(),
  swapped_example: z.string().nullable(),
});

/** A file whose dates a layout's own patterns read the wrong way round: which way it writes them, and the evidence. */
export interface DayMonthSwap {
  dayFirst: boolean;
  /** Dates the layout's order cannot read, of `dates` (ISO text and serials aside): every one reads the other way. */
  failing: number;
  dates: number;
}

/**
 * Thrown when a layout's own patterns (Sprout's month first, Talkwalker's day
 * first) read a file's dates the wrong way round: the import and the dry run
 * read the file again the other way, and say so (a mapping's pattern is the
 * user's, and refused instead).
 */
export class DayMonthSwapped extends UserError {
  constructor(
    message: string,
    readonly swap: DayMonthSwap,
  ) {
    super(message);
  }
}

/**
 * Reads a file (an import, a dry run) as its layout writes dates, then, when
 * the layout's own patterns turn out to read them the wrong way round
 * (DayMonthSwapped), again the other way.
 */
export async function readingDatesAsWritten<T>(read: (swap: DayMonthSwap | null) => Promise<T>): Promise<T> {
  try {
    return await read(null);
  } catch (error) {
    if (!(error instanceof DayMonthSwapped)) throw error;
    return read(error.swap);
  }
}

/** The warning of a file read with day and month the other way round from its layout's usual order; none when it is not. */
export function dayMonthNotices(swap: DayMonthSwap | null): ImportNotice[] {
  return swap === null ? [] : [{ code: 'day-month-swapped', ...swap }];
}

/** The pattern with day and month swapped: `%m/%d/%Y` -> `%d/%m/%Y`. */
export function swapDayMonth(format: string): string {
  return format.replace(/%[dm]/g, (part) => (part === '%d' ? '%m' : '%d'));
}

/** The day-and-month part of a pattern, as messages show it: `%m/%d`, else the whole pattern. */
function dayMonthPart(format: string): string {
  return /%[dm][^%]?%[dm]/.exec(format)?.[0] ?? format;
}

/** The day-and-month check of a layout or mapping (CanonicalSelect's dayMonth). */
type DayMonthCheck = NonNullable<CanonicalSelect['dayMonth']>;

/**
 * How a file's dates read with its pattern as it is and with day and month swapped: how many read each way, only one
 * way, and to different instants. ISO text and Excel serials (a workbook's date cells beside its text dates) are read
 * apart from the pattern: not evidence either way.
 */
async function datesReadEitherWay(store: Store, check: DayMonthCheck, relation: CsvRelation) {
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
    `SELECT count(*)::DOUBLE AS dates, count(a)::DOUBLE AS as_is, count(s)::DOUBLE AS as_swapped,
            count(*) FILTER (WHERE a IS NOT NULL AND s IS NULL)::DOUBLE AS only_as_is,
            count(*) FILTER (WHERE s IS NOT NULL AND a IS NULL)::DOUBLE AS only_swapped,
            count(*) FILTER (WHERE a <> s)::DOUBLE AS differing,
            min(d) FILTER (WHERE a IS NOT NULL AND s IS NULL) AS as_is_example,
            min(d) FILTER (WHERE s IS NOT NULL AND a IS NULL) AS swapped_example
     FROM (SELECT d, ${either('as_is')} AS a, ${either('swapped')} AS s FROM (SELECT trim(${check.cell}) AS d FROM ${relation.sql})
           WHERE d IS NOT NULL AND d <> '' AND NOT regexp_matches(d, '^[0-9]{4}-') AND NOT regexp_full_match(d, '[0-9]{5,7}(\\.[0-9]+)?'))`,
    { ...relation.params, ...params },
  );
  return { formats, swapped, row };
}

/**
 * The warning of a file read in its layout's own day-and-month order (Sprout's month first, Talkwalker's day first)
 * where no date says which order it is written in: none reads one way only, and some read to other days (no day above
 * 12: an export of a month's first days). Read as the layout writes them, as they would be without a word; the analyst,
 * who knows how the tool was set, is told to look. None for a mapping's pattern (the user's own choice), or a file read
 * the other way already (its dates said so).
 */
export async function eitherWayNotices(store: Store, select: CanonicalSelect, relation: CsvRelation, swap: DayMonthSwap | null): Promise<ImportNotice[]> {
  const check = select.dayMonth;
  if (!check || check.source !== null || swap !== null) return [];
  const { formats, row } = await datesReadEitherWay(store, check, relation);
  // No date says the order: none reads one way only (a date neither way reads, a typo or a footer, says nothing).
  if (!row || row.differing === 0 || row.only_as_is > 0 || row.only_swapped > 0) return [];
  const first = formats[0] ?? '';
  return [{ code: 'dates-either-way', dayFirst: first.indexOf('%d') < first.indexOf('%m'), dates: row.differing }];
}

/**
 * A file whose dates the layout reads with day and month the wrong way
 * round: some dates fail (a 13th read as a month) and the others are stored
 * on wrong days without a word. When every date that fails, and every other
 * one, parses with day and month swapped, the import stops and says so, with
 * the swapped pattern to set in the mapping file (`source`); for a layout's
 * own patterns (Sprout's month-first dates) the error is DayMonthSwapped, and
 * the file is read again the other way. Dates in ISO text or Excel serials
 * are read apart from the pattern and left out. A file with dates only one order reads and dates only the other reads
 * mixes both: it is refused, whatever the pattern's source.
 * Returns the error, or null when the swap would not read them all.
 */
async function dayMonthSwapError(store: Store, select: CanonicalSelect, relation: CsvRelation, path: string): Promise<UserError | null> {
  const check = select.dayMonth;
  if (!check) return null;
  const { formats, swapped, row } = await datesReadEitherWay(store, check, relation);
  const first = formats[0] ?? '';
  // Dates only one order reads beside dates only the other reads: the file mixes both, and a date either order reads
  // (3/4/2025) cannot be placed. Read as the layout says, they would be stored on wrong days without a word. One or two such
  // dates among many (a 05/13 typed by hand in a day-first file) are typos: rejected as dates that do not read, as before.
  if (row && mixesOrders(row.only_as_is, row.only_swapped)) {
    const [one, other] = [dayMonthPart(first), dayMonthPart(swapped[0] ?? first)];
    const ambiguous = row.dates - row.only_as_is - row.only_swapped;
    return new UserError(
      `${path}: the file writes its dates in two orders: ${row.only_as_is.toLocaleString('en-US')} read only as ${one} ("${row.as_is_example}"), ${row.only_swapped.toLocaleString('en-US')} only as ${other} ("${row.swapped_example}"), so the ${ambiguous.toLocaleString('en-US')} that read either way cannot be placed; export it again with one date format (ISO dates, 2025-04-03, read alike everywhere) and import it again.`,
    );
  }
  if (!row || row.as_is === row.dates || row.as_swapped !== row.dates) return null;
  const dates = row.dates;
  const failing = dates - row.as_is;
  const dayFirst = first.indexOf('%m') < first.indexOf('%d');
  const evidence = `${path}: the file looks ${dayFirst ? 'day' : 'month'}-first: ${failing.toLocaleString('en-US')} of ${dates.toLocaleString('en-US')} dates fail as ${dayMonthPart(first)} and all parse as ${dayMonthPart(swapped[0] ?? first)}`;
  if (check.source === null) return new DayMonthSwapped(`${evidence}.`, { dayFirst, failing, dates });
  return new UserError(`${evidence}, so the others would be stored on wrong days; set date.format to "${swapped[0] ?? first}" in ${check.source} and import it again.`);
}

/** Whether dates only one order reads and dates only the other reads are both more than a slip: 3 at least, and 5% of them. */
function mixesOrders(onlyOne: number, onlyOther: number): boolean {
  const fewer = Math.min(onlyOne, onlyOther);
  return fewer >= 3 && fewer >= 0.05 * (onlyOne + onlyOther);
}

/** A file some of whose dates were not read (`stats`' unparseable dates): refused, or read again the other way (DayMonthSwapped), when dayMonthSwapError says its day and month are the wrong way round. */
export async function refuseSwappedDates(store: Store, plan: CanonicalPlan, stats: FileStats, relation: CsvRelation, path: string): Promise<void> {
  if ((stats.rejects[plan.codes.badDate - 1]?.count ?? 0) === 0) return;
  const swapped = await dayMonthSwapError(store, plan.select, relation, path);
  if (swapped) throw swapped;
}
