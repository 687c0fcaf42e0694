import { z } from 'zod';
import { parsePeriod, type Period, PeriodError } from '../analysis/period.js';
import { queryText } from '../analysis/queries.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

/**
 * The period a page's field asks for, in the client's timezone, read as --period reads it (the report's folder is
 * named after the period read, never after the text); one it cannot be is refused with what is wrong with it, which
 * the page says in its own language.
 */
export function askedPeriod(text: unknown, timezone: string): Period {
  // A month sent as a number (201710) is no period the page would send: said as what it is, not as an empty field.
  if (text !== undefined && text !== null && typeof text !== 'string') throw new HttpError(400, `period: send it as a string, such as "2017-10", "2017-Q4" or "2017-10-01..2017-10-15", not ${JSON.stringify(text)}.`);
  const given = typeof text === 'string' ? text : '';
  try {
    return parsePeriod(given, timezone);
  } catch (error) {
    if (error instanceof PeriodError) {
      const said = given.trim() === '' ? 'give one, such as "2017-10", "2017-Q4" or "2017-10-01..2017-10-15".' : error.message.replace(/^--period /, '');
      throw new HttpError(400, `period: ${said}`, { code: 'bad-period', values: { period: given.trim(), problem: error.problem } });
    }
    throw error;
  }
}

const monthRow = z.object({ month: z.string(), posts: z.number(), days: z.number(), monthDays: z.number(), complete: z.boolean() });

/** The months of the client's data, newest first (queries/serve/months.sql): what the period fields offer, with what the page picks its first from (the days each holds of its monthDays, and whether the data spans it whole). */
export async function monthsWithData(workspace: Workspace, id: string) {
  const timezone = workspace.timezoneOf(id);
  return workspace.readData(id, { months: [] as Array<z.infer<typeof monthRow>> }, async (store) => ({
    months: await store.rows('months with data', monthRow, queryText('serve/months'), { tz: timezone }),
  }));
}
