/**
 * Dates no post can have: after the import itself (give or take a day of
 * timezone confusion), or before its platform existed. Such a date is a
 * broken export (a 2099 or a 1970 from a bad conversion), and one post dated
 * 2099 would move every "pending" answer window of the data set, so the rows
 * are rejected at import.
 */

/** How far after the import's own time a date may be (a day: local times read in the wrong timezone). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The day each platform opened; a post dated before it is rejected. Dates are conservative (the first public day, or earlier). */
export const PLATFORM_BEGINNINGS: ReadonlyArray<{ platform: string; since: string }> = [
  { platform: 'twitter', since: '2006-03-21' },
  { platform: 'facebook', since: '2004-01-01' },
  { platform: 'linkedin', since: '2003-05-05' },
  { platform: 'youtube', since: '2005-02-14' },
  { platform: 'reddit', since: '2005-06-23' },
  { platform: 'instagram', since: '2010-10-06' },
  { platform: 'tiktok', since: '2016-09-01' },
  { platform: 'threads', since: '2023-07-05' },
];

/** For any other platform (and the open web): nothing a listening tool exports is older. */
export const EARLIEST_OTHER = '2000-01-01';

export const FUTURE_REASON = 'date in the future (more than a day after the import ran)';

export function tooEarlyReason(platform: string | null, since: string): string {
  return platform ? `date before ${platform} existed (before ${since})` : `date before ${since} (too early for a social media post)`;
}

/** The latest date a row may have, for an import that runs at `now`, as ISO text. */
export function latestPlausible(now: Date): string {
  return new Date(now.getTime() + FUTURE_TOLERANCE_MS).toISOString();
}
