import { z } from 'zod';
import { isKnownTimezone } from '../config/timezone.js';
import type { Workspace } from './workspace.js';

const monthRow = z.object({ month: z.string(), posts: z.number() });

/** The months of the client's data, newest first, with their posts (in the config's timezone): what the period fields offer. */
export async function monthsWithData(workspace: Workspace, id: string) {
  const raw = workspace.config(id) as { timezone?: unknown } | null;
  const timezone = typeof raw?.timezone === 'string' && isKnownTimezone(raw.timezone) ? raw.timezone : 'UTC';
  return workspace.readData(id, { months: [] as Array<z.infer<typeof monthRow>> }, async (store) => ({
    months: await store.rows(
      'months with data',
      monthRow,
      `SELECT strftime(timezone($tz, created_at), '%Y-%m') AS month, count(*)::DOUBLE AS posts
       FROM posts GROUP BY month ORDER BY month DESC`,
      { tz: timezone },
    ),
  }));
}
