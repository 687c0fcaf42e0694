/**
 * How a handle is folded to the form the store keeps, in the patterns both
 * folds use: the import's SQL (src/ingest/formats/sql-helpers.ts, `handle`)
 * and the config's TypeScript (src/config/schema.ts, `matchedHandle`). The
 * two must give the same handle for the same text, or a brand's handle would
 * match none of its posts. Each pattern is written in the syntax both
 * JavaScript and DuckDB's RE2 read the same way.
 */

/** What is trimmed from either end: the whitespace a cell picks up (a tab from a spreadsheet, a no-break space, a byte-order mark), not only spaces. */
export const HANDLE_TRIMMED = ' \t\n\r\u000b\u000c\u00a0\ufeff';

/** A profile link's site (`https://www.twitter.com/`), taken away with the slash after it. */
export const HANDLE_HOST = '^(https?://)?(www\\.|mobile\\.|m\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/';

/** Facebook's link to a profile without a name: `profile.php?id=100012345` is the account 100012345. */
export const HANDLE_PROFILE_ID = '^/?profile\\.php\\?(?:[^#]*&)?id=([0-9]+).*$';

/**
 * A word a site puts before the account in its links, kept out of the handle: Reddit's `u/` and `user/`, YouTube's
 * `c/`, `channel/` and `user/`, Bluesky's `profile/`, LinkedIn's `in/`, `company/` and `school/`, Facebook's `pages/`
 * and `people/`. Without it, every account linked so would fold to that one word.
 */
export const HANDLE_PATH_WORD = '^/?(?:u|user|c|channel|profile|in|company|school|pages|people)/([^/?#]+)';

/**
 * A text that is a link to a profile: a site, a site's word before the account, or Facebook's profile.php. Only such
 * a text is cut at its first "/" or "?": a name that holds one ("<b>Ana</b>", "Ana / Acme") is kept whole.
 */
export const HANDLE_LINK = `${HANDLE_HOST}|${HANDLE_PROFILE_ID.replace(/\.\*\$$/, '')}|${HANDLE_PATH_WORD}`;
