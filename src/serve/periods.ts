import { z } from 'zod';
import { isKnownTimezone } from '../config/timezone.js';
import { queryText } from '../analysis/queries.js';
import type { Workspace } from './workspace.js';

const monthRow = z.object({ month: z.string(), posts: z.number(), days: z.number(), monthDays: z.number(), complete: z.boolean() });

/** The months of the client's data, newest first (queries/serve/months.sql): what the period fields offer, with what the page picks its first from (the days each holds of its monthDays, and whether the data spans it whole). */
export async function monthsWithData(workspace: Workspace, id: string) {
  const raw = workspace.config(id) as { timezone?: unknown } | null;
  const timezone = typeof raw?.timezone === 'string' && isKnownTimezone(raw.timezone) ? raw.timezone : 'UTC';
  return workspace.readData(id, { months: [] as Array<z.infer<typeof monthRow>> }, async (store) => ({
    months: await store.rows('months with data', monthRow, queryText('serve/months'), { tz: timezone }),
  }));
}
