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
const HANDLE_HOST = '^(https?://)?(www\\.|mobile\\.|m\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/';

/** Reddit names people `u/name` (Meltwater's Author Handle) and links them as /user/name/. */
const REDDIT_USER = '^/?(?:u|user)/([^/?#]+)';

/** A site as a link names it: with or without its scheme and its www., m. or mobile. */
const SITE = '^(?:https?://)?(?:www\\.|m\\.|mobile\\.)?';

/**
 * The steps that take a profile link to its account, in order, each a pattern and whether its first group is kept
 * (else what it matches is taken away). First Facebook's links by number (`profile.php?id=`, `people/Name/<id>`,
 * `pages/Name/<id>`: the number is the account, and two people of one name are two). Then the site, with the word some
 * sites put before the account, tied to its site so that no other site's account named "in" or "people" loses a word:
 * YouTube's `c/`, `channel/` and `user/`, Bluesky's `profile/`, LinkedIn's `in/`, `company/` and `school/`. Then
 * Reddit's `u/`. What is left is cut at its first "/" or "?". Without these, every account linked so folded to one
 * word. Three steps, not one a site: each pattern is compiled again for every import's query.
 */
export const HANDLE_LINK_STEPS: ReadonlyArray<{ pattern: string; keep: boolean }> = [
  { pattern: `${SITE}facebook\\.com/(?:profile\\.php\\?(?:[^#]*&)?id=|(?:people|pages)/[^/?#]+/)([0-9]+)[\\s\\S]*$`, keep: true },
  { pattern: `${SITE}(?:youtube\\.com/(?:c|channel|user)|bsky\\.app/profile|linkedin\\.com/(?:in|company|school))/|${HANDLE_HOST}`, keep: false },
  { pattern: REDDIT_USER, keep: true },
];

/**
 * A text that is a link to a profile: one that names a site, or Reddit's `u/`. Only such a text is cut at its first
 * "/" or "?": a name that holds one ("<b>Ana</b>", "Ana / Acme", "c/o Acme") is kept whole.
 */
export const HANDLE_LINK = `${HANDLE_HOST}|${REDDIT_USER}`;
