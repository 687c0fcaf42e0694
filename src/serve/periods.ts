import { z } from 'zod';
import { isKnownTimezone } from '../config/timezone.js';
import type { Workspace } from './workspace.js';

const monthRow = z.object({ month: z.string(), posts: z.number(), days: z.number(), complete: z.boolean() });

/**
 * The months of the client's data, newest first, with their posts and the
 * days of the month that hold posts (in the config's timezone): what the
 * period fields offer. A month whose every day holds posts is `complete`; the
 * newest month is often the current one, a few days in.
 */
export async function monthsWithData(workspace: Workspace, id: string) {
  const raw = workspace.config(id) as { timezone?: unknown } | null;
  const timezone = typeof raw?.timezone === 'string' && isKnownTimezone(raw.timezone) ? raw.timezone : 'UTC';
  return workspace.readData(id, { months: [] as Array<z.infer<typeof monthRow>> }, async (store) => ({
    months: await store.rows(
      'months with data',
      monthRow,
      `SELECT strftime(local_at, '%Y-%m') AS month, count(*)::DOUBLE AS posts,
              count(DISTINCT local_at::DATE)::DOUBLE AS days,
              count(DISTINCT local_at::DATE) = dayofmonth(last_day(min(local_at))) AS complete
       FROM (SELECT timezone($tz, created_at) AS local_at FROM posts)
       GROUP BY month ORDER BY month DESC`,
      { tz: timezone },
    ),
  }));
}
