import { z } from 'zod';
import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import { fillThemeTables } from './tables.js';

const row = z.object({ theme: z.string(), mentions: z.number(), closest: z.array(z.string()), closest_uses: z.array(z.number()) });

/** A configured theme against the data of the period: its mentions, and the closest words the data holds when it has none. */
export interface ThemeCount {
  theme: string;
  mentions: number;
  closest: Array<{ word: string; uses: number }>;
}

/** How many mentions of the analysis's period each configured theme holds (queries/check/themes.sql); empty without themes. */
export async function themeCounts(analysis: Analysis): Promise<ThemeCount[]> {
  if (Object.keys(analysis.config.themes).length === 0) return [];
  await fillThemeTables(analysis);
  await analysis.run('themes/posts', { from: iso(analysis.period.start), end: iso(analysis.period.end) });
  await analysis.run('themes/configured');
  const rows = await analysis.rows('check/themes', row, analysis.range);
  return rows.map((entry) => ({ theme: entry.theme, mentions: entry.mentions, closest: entry.closest.map((word, index) => ({ word, uses: entry.closest_uses[index] ?? 0 })) }));
}
