import { z } from 'zod';
import type { Analysis } from '../analysis/analysis.js';
import { iso } from '../analysis/build.js';
import { fillThemeTables } from './tables.js';

const row = z.object({ theme: z.string(), mentions: z.number(), common_phrases: z.array(z.string()), closest: z.array(z.string()), closest_uses: z.array(z.number()) });

/** A configured theme against the data of the period: its mentions, and the closest words the data holds when it has none. */
export interface ThemeCount {
  theme: string;
  mentions: number;
  /** Its words or phrases made only of words found themes leave out (stop words, the brands' names), as themes write words: they mark mentions whatever they are about. */
  commonWords: string[];
  closest: Array<{ word: string; uses: number }>;
}

/** How many mentions of the analysis's period each configured theme holds (queries/check/themes.sql); empty without themes. */
export async function themeCounts(analysis: Analysis): Promise<ThemeCount[]> {
  if (Object.keys(analysis.config.themes).length === 0) return [];
  await themePosts(analysis);
  return countsAfterThemePosts(analysis);
}

/** themeCounts' query, on the tables themePosts made. */
export async function countsAfterThemePosts(analysis: Analysis): Promise<ThemeCount[]> {
  if (Object.keys(analysis.config.themes).length === 0) return [];
  const rows = await analysis.rows('check/themes', row, { ...analysis.range, inbound_mode: analysis.config.metrics.inbound });
  return rows.map((entry) => ({ theme: entry.theme, mentions: entry.mentions, commonWords: entry.common_phrases, closest: entry.closest.map((word, index) => ({ word, uses: entry.closest_uses[index] ?? 0 })) }));
}

/**
 * The words of every mention of the period and the previous one, and the
 * configured themes they hold (themes/posts.sql, themes/configured.sql): what
 * themesOf reads, and check's counts. Both run it first, so that a check
 * after a report reads the counts the report's analysis kept.
 */
export async function themePosts(analysis: Analysis): Promise<void> {
  await fillThemeTables(analysis);
  await analysis.run('themes/log_odds');
  await analysis.run('themes/posts', { from: iso(analysis.previous.start), end: iso(analysis.period.end) });
  await analysis.run('themes/configured');
}
