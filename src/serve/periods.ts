import { z } from 'zod';
import { isKnownTimezone } from '../config/timezone.js';
import { parsePeriod, type Period } from '../analysis/period.js';
import { queryText } from '../analysis/queries.js';
import { UserError } from '../errors.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

/** A month, a quarter or FROM..TO dates, as --period takes them; anything else never reaches a path. */
const PERIOD = /^\d{4}-(\d{2}|Q[1-4])$|^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/;

/** The period a page's field asks for, in the client's timezone; one it cannot be is refused in words the page can say in its own language. */
export function askedPeriod(text: unknown, timezone: string): Period {
  const refusal = (why: string) => new HttpError(400, `period: ${why}`, { code: 'bad-period', values: { period: typeof text === 'string' ? text : '' } });
  if (typeof text !== 'string' || !PERIOD.test(text)) throw refusal('give a month (2017-10), a quarter (2017-Q4) or FROM..TO dates.');
  try {
    return parsePeriod(text, timezone);
  } catch (error) {
    if (error instanceof UserError) throw refusal(error.message.replace(/^--period /, ''));
    throw error;
  }
}

const monthRow = z.object({ month: z.string(), posts: z.number(), days: z.number(), monthDays: z.number(), complete: z.boolean() });

/** The months of the client's data, newest first (queries/serve/months.sql): what the period fields offer, with what the page picks its first from (the days each holds of its monthDays, and whether the data spans it whole). */
export async function monthsWithData(workspace: Workspace, id: string) {
  const raw = workspace.config(id) as { timezone?: unknown } | null;
  const timezone = typeof raw?.timezone === 'string' && isKnownTimezone(raw.timezone) ? raw.timezone : 'UTC';
  return workspace.readData(id, { months: [] as Array<z.infer<typeof monthRow>> }, async (store) => ({
    months: await store.rows('months with data', monthRow, queryText('serve/months'), { tz: timezone }),
  }));
}
