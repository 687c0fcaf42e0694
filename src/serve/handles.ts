import { z } from 'zod';
import { canonicalPlatform, KNOWN_PLATFORMS } from '../store/platforms.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

const handleRow = z.object({ handle: z.string(), n: z.number() });
const platformRow = z.object({ platform: z.string(), posts: z.number() });
const SUGGESTED = 15;

/**
 * Accounts the brands form offers for a platform, from the client's data:
 * the authors who reply most (brands answer; customers mostly ask) and the
 * handles mentioned most, so a handle is picked rather than typed.
 */
export async function suggestedHandles(workspace: Workspace, id: string, platform: string | null) {
  const canonical = platform === null ? null : canonicalPlatform(platform);
  if (canonical === null || !KNOWN_PLATFORMS.includes(canonical)) throw new HttpError(400, 'platform: add ?platform=twitter (or another platform of the data).');
  const params = { platform: canonical, limit: SUGGESTED };
  return workspace.readData(id, { platform: canonical, repliers: [], mentioned: [] }, async (store) => {
    const repliers = await store.rows(
      'most active repliers',
      handleRow,
      `SELECT author AS handle, count(*)::DOUBLE AS n FROM posts
       WHERE platform = $platform AND kind = 'reply' GROUP BY author ORDER BY n DESC, handle LIMIT $limit`,
      params,
    );
    const mentioned = await store.rows(
      'most mentioned handles',
      handleRow,
      `SELECT lower(handle) AS handle, count(*)::DOUBLE AS n
       FROM (SELECT unnest(regexp_extract_all(text, '@([A-Za-z0-9_]+)', 1)) AS handle FROM posts WHERE platform = $platform AND contains(text, '@'))
       GROUP BY lower(handle) ORDER BY n DESC, handle LIMIT $limit`,
      params,
    );
    return { platform: canonical, repliers, mentioned };
  });
}

/** The platforms the brands form shows: those of the client's data (most posts first), and every platform a config may name. */
export async function platformsWithData(workspace: Workspace, id: string) {
  const platforms = await workspace.readData(id, [] as Array<z.infer<typeof platformRow>>, (store) =>
    store.rows('platforms with data', platformRow, 'SELECT platform, count(*)::DOUBLE AS posts FROM posts GROUP BY platform ORDER BY posts DESC, platform'),
  );
  return { platforms, known: KNOWN_PLATFORMS };
}
