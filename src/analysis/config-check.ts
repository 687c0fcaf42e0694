import { z } from 'zod';
import type { Analysis } from './analysis.js';

/** A config entry the data does not bear out: the config file, the key, and what to check. */
export interface ConfigWarning {
  key: string;
  message: string;
}

const handleRow = z.object({ brand_id: z.string(), platform: z.string(), handle: z.string(), ord: z.number(), posts: z.number(), mentions: z.number() });
const closestRow = z.object({ brand_id: z.string(), platform: z.string(), handle: z.string(), candidate: z.string(), posts: z.number() });
const topicRow = z.object({
  brand_id: z.string(),
  topic: z.string(),
  posts: z.number(),
  closest: z.array(z.string().nullable()),
  closest_posts: z.array(z.number().nullable()),
});

/**
 * The config against the data of the analysis's period, before any number is
 * printed: a handle that neither posts nor is mentioned, and a topic no post
 * carries, are most likely misspelt; each warning names the closest handles or
 * topics the data holds, with their counts (queries/check/*.sql).
 * @example (await checkConfigAgainstData(analysis)).map((w) => `${w.key}: ${w.message}`)
 * // ['brands.0.accounts.twitter: "applesuport": no post by or mentioning it in 2017-10; did you mean applesupport (6,392 posts)?']
 */
export async function checkConfigAgainstData(analysis: Analysis): Promise<ConfigWarning[]> {
  const { config, period } = analysis;
  const range = analysis.range;
  const count = (n: number) => n.toLocaleString('en-US');
  const suggestion = (pairs: Array<[string, number]>) =>
    pairs.length === 0 ? '' : `; did you mean ${pairs.map(([name, posts]) => `${name} (${count(posts)} post${posts === 1 ? '' : 's'})`).join(' or ')}?`;
  const ordOf = new Map(config.brands.map((brand, index) => [brand.id, index]));

  await analysis.run('check/handles', range);
  const handles = await analysis.rows('check/handle_list', handleRow);
  const closest = await analysis.rows('check/closest_handles', closestRow, range);
  const warnings: ConfigWarning[] = [];
  for (const row of handles) {
    if (row.posts > 0 || row.mentions > 0) continue;
    const near = closest.filter((c) => c.brand_id === row.brand_id && c.platform === row.platform && c.handle === row.handle);
    warnings.push({
      key: `brands.${row.ord}.accounts.${row.platform}`,
      message: `"${row.handle}": no post by or mentioning it in ${period.label}${suggestion(near.map((c) => [c.candidate, c.posts]))}`,
    });
  }
  for (const row of await analysis.rows('check/topics', topicRow, range)) {
    if (row.posts > 0) continue;
    const near = row.closest.flatMap((topic, index): Array<[string, number]> => (topic === null ? [] : [[topic, row.closest_posts[index] ?? 0]]));
    warnings.push({ key: `brands.${ordOf.get(row.brand_id) ?? '?'}.topics`, message: `"${row.topic}": no post carries this topic in ${period.label}${suggestion(near)}` });
  }
  return warnings;
}
