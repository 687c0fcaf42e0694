/**
 * The importer stores platforms lower case with vendor synonyms folded ("X" is
 * stored as twitter); a config may still say `x:` or `fb:`, so its account
 * platforms are folded the same way before they are compared with posts.
 */
const SYNONYMS: Record<string, string> = {
  x: 'twitter',
  'x (twitter)': 'twitter',
  'twitter/x': 'twitter',
  'x/twitter': 'twitter',
  tweet: 'twitter',
  fb: 'facebook',
  ig: 'instagram',
  bsky: 'bluesky',
};

export function canonicalPlatform(name: string): string {
  const lower = name.trim().toLowerCase();
  return SYNONYMS[lower] ?? lower;
}

/** A brand's accounts with folded platform names (handles merged when two names fold together). */
export function accountsByPlatform(accounts: Record<string, string[]>): Map<string, string[]> {
  const folded = new Map<string, string[]>();
  for (const [platform, handles] of Object.entries(accounts)) {
    const key = canonicalPlatform(platform);
    folded.set(key, [...new Set([...(folded.get(key) ?? []), ...handles])]);
  }
  return folded;
}
