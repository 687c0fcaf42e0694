/**
 * Platform names as the store keeps them: lower case, with the vendors' and
 * users' synonyms folded ("X" is stored as twitter). The importer folds the
 * exports' names and the config folds its account keys with the same table,
 * so the two always compare equal.
 */
export const PLATFORM_SYNONYMS: Readonly<Record<string, string>> = {
  x: 'twitter',
  'x (twitter)': 'twitter',
  'twitter/x': 'twitter',
  'x/twitter': 'twitter',
  tweet: 'twitter',
  fb: 'facebook',
  ig: 'instagram',
  bsky: 'bluesky',
};

/**
 * The platforms a config may name accounts on (after folding synonyms): the
 * social networks the export formats produce, and the site types listening
 * tools give mentions from the open web.
 */
export const KNOWN_PLATFORMS: readonly string[] = [
  'twitter', 'facebook', 'instagram', 'youtube', 'tiktok', 'linkedin', 'reddit', 'threads', 'bluesky', 'mastodon', 'pinterest',
  'news', 'blog', 'forum', 'review', 'web',
];

/** The stored name of a platform: `canonicalPlatform(' X ')` is "twitter". */
export function canonicalPlatform(name: string): string {
  const lower = name.trim().toLowerCase();
  return PLATFORM_SYNONYMS[lower] ?? lower;
}
