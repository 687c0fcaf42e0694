import { z } from 'zod';
import { queryText } from '../analysis/queries.js';
import { topHandles } from '../ingest/file-profile.js';
import { canonicalPlatform, KNOWN_PLATFORMS } from '../store/platforms.js';
import { HttpError } from './http.js';
import type { Workspace } from './workspace.js';

const platformRow = z.object({ platform: z.string(), posts: z.number() });
const SUGGESTED = 40;

/**
 * Accounts the brands form offers for a platform, from the client's data:
 * the authors who reply most (brands answer; customers mostly ask) and the
 * handles mentioned most, so a handle is picked rather than typed.
 */
export async function suggestedHandles(workspace: Workspace, id: string, platform: string | null) {
  const canonical = platform === null ? null : canonicalPlatform(platform);
  if (canonical === null || !KNOWN_PLATFORMS.includes(canonical)) throw new HttpError(400, `platform: ${platform === null ? 'missing' : `"${platform}" is not a platform replybench knows`}; add ?platform=twitter (or another platform of the data).`);
  return workspace.readData(
    id,
    { platform: canonical, repliers: [], mentioned: [] },
    async (store) => {
      const { repliers, mentioned } = await topHandles(store, SUGGESTED, canonical);
      return { platform: canonical, repliers, mentioned };
    },
    true,
  );
}

/** The platforms the brands form shows: those of the client's data (most posts first), and every platform a config may name. */
export async function platformsWithData(workspace: Workspace, id: string) {
  const platforms = await workspace.readData(id, [] as Array<z.infer<typeof platformRow>>, (store) => store.rows('platforms with data', platformRow, queryText('serve/platforms')), true);
  return { platforms, known: KNOWN_PLATFORMS };
}
