/**
 * SQL building blocks shared by the format mappings. Each function takes SQL
 * expressions over the staging table and returns a SQL expression; the only
 * literals they write are this file's own constants (formats, patterns), never
 * a value from the user or the file.
 */

import { PLATFORM_SYNONYMS } from '../../store/platforms.js';
import { HANDLE_LINK, HANDLE_LINK_STEPS, HANDLE_TRIMMED } from '../../store/handles.js';

/** A missing text value, typed: an untyped NULL would become INTEGER and break merges with the VARCHAR columns of `posts`. */
export const NULL_TEXT = 'NULL::VARCHAR';

/** A missing count (followers), typed as the store's BIGINT. */
export const NULL_COUNT = 'NULL::BIGINT';

/** A SQL identifier, double-quoted with inner quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Trimmed text, NULL when empty. */
export function textCell(expr: string): string {
  return `NULLIF(trim(${expr}), '')`;
}

/** First non-NULL of the expressions (a single expression is returned as is). */
export function firstOf(...exprs: string[]): string {
  return exprs.length === 1 ? (exprs[0] ?? NULL_TEXT) : `COALESCE(${exprs.join(', ')})`;
}

/**
 * An id as text: surrounding spaces and quotes removed (Meltwater wraps ids
 * in literal quotes, Excel users prefix an apostrophe) and a float rendering
 * such as `3.0` (pandas re-saves) turned back into `3` by cutting the text, so
 * an 18-digit id never goes through DOUBLE and keeps every digit.
 */
export function idText(expr: string): string {
  // The `contains` test keeps the regular expression off the common path (ids without a dot): this runs on every row.
  const withoutFraction = `CASE WHEN contains(${expr}, '.') AND regexp_full_match(${expr}, '\\s*["'']?[0-9]+\\.0+"?\\s*') THEN split_part(${expr}, '.', 1) ELSE ${expr} END`;
  return `NULLIF(trim(${withoutFraction}, ' "'''), '')`;
}

/** True when a cell holds a number in scientific notation (`1.23E+17`): Excel rounded it and the id's digits are lost. */
export function isScientificNotation(expr: string): string {
  // Spreadsheets and pandas always write the exponent's sign (1.23E+17), and ids never hold a '+'. Excel in Spanish, French or
  // German writes a decimal comma (1,79E+17), in files it separates with semicolons.
  return `coalesce(contains(${expr}, '+') AND regexp_full_match(trim(${expr}), '[0-9]+([.,][0-9]+)?[eE]\\+?[0-9]+'), false)`;
}

/** An id, or NULL when it was written in scientific notation (unrecoverable). */
export function safeIdText(expr: string): string {
  return `CASE WHEN ${isScientificNotation(expr)} THEN NULL ELSE ${idText(expr)} END`;
}

/** A comma-separated id list as ids joined by "," (spaces and float suffixes such as `3.0` removed); NULL when empty. */
export function idList(expr: string): string {
  const ids = (each: string) => `NULLIF(array_to_string(list_filter(list_transform(string_split(trim(${expr}), ','), id -> ${each}), id -> id <> ''), ','), '')`;
  // This runs on every row: only a list with a dot can hold a float suffix (a regular expression per id), and only a
  // list with a comma needs splitting; a single id is its trimmed text.
  return `CASE WHEN contains(${expr}, '.') THEN ${ids("regexp_replace(trim(id), '\\.0+$', '')")} WHEN contains(${expr}, ',') THEN ${ids('trim(id)')} ELSE ${textCell(expr)} END`;
}

/** True when a non-empty id list holds anything but digits and commas. */
export function isUnreadableIdList(expr: string): string {
  return `coalesce(NOT regexp_full_match(trim(${expr}), '([0-9]+(\\.0+)?)?(\\s*,\\s*[0-9]+(\\.0+)?)*'), false)`;
}

/** A whole count (followers): digits, thousands separators (`1,520`, `45.000`), or a float like `1156.0`; NULL otherwise. */
export function countValue(expr: string): string {
  const value = `trim(${expr})`;
  // Grouping first: "45.000" is forty-five thousand (Spanish grouping), not the float 45.0.
  return `CASE
    WHEN regexp_full_match(${value}, '[0-9]{1,3}([,. ][0-9]{3})+') THEN TRY_CAST(regexp_replace(${value}, '[,. ]', '', 'g') AS BIGINT)
    WHEN regexp_full_match(${value}, '[0-9]+(\\.0+)?') THEN TRY_CAST(split_part(${value}, '.', 1) AS BIGINT)
    ELSE NULL END`;
}

/** The warning of a follower count that is written but not a count (countValue): stored as unknown. */
export const UNREAD_FOLLOWERS_REASON = 'follower count that is not a whole number of followers (such as "1.5K", "-5" or "n/a"): stored as unknown, so the author counts in no audience group';

/** Warns of each row whose follower cell (`cell`, the one its count is read from) holds something countValue cannot read: the count is stored as unknown, not lost unsaid. */
export function unreadFollowersWarning(cell: string): { when: string; reason: string } {
  return { when: `nullif(trim(${cell}), '') IS NOT NULL AND (${countValue(cell)}) IS NULL`, reason: UNREAD_FOLLOWERS_REASON };
}

/** HANDLE_TRIMMED's characters by code, so that no tab or line break is written into the query. */
const HANDLE_TRIMMED_CODES = [...HANDLE_TRIMMED].map((character) => character.codePointAt(0));

/** `text` without HANDLE_TRIMMED's characters at either end. */
function trimmedHandle(text: string): string {
  return `trim(${text}, ${HANDLE_TRIMMED_CODES.map((code) => `chr(${code})`).join(' || ')})`;
}

/**
 * trimmedHandle of a plain value (a column): trim with a set of characters took three times as long as trim of
 * spaces on every author of a file, so it runs only on a text that begins or ends with one of them.
 */
function trimmedHandleOfValue(value: string): string {
  // list_contains, not IN: DuckDB's in_clause optimizer turns an IN list into a join (isOneOf); written with IN, the
  // Meltwater format's tests, a few small imports, took 10.9 s against 1.8 s.
  const codes = `[${HANDLE_TRIMMED_CODES.join(', ')}]`;
  return `CASE WHEN list_contains(${codes}, ord((${value})[1])) OR list_contains(${codes}, ord((${value})[-1])) THEN ${trimmedHandle(value)} ELSE ${value} END`;
}

/**
 * A handle as the store keeps it: lower case, without `@`, without a profile
 * URL around it (`https://twitter.com/AcmeCares/` -> `acmecares`), without the
 * word a site puts before the account in its links (`u/jane_doe`,
 * `bsky.app/profile/jane.bsky.social`, `facebook.com/profile.php?id=100012345`).
 * The config folds its handles with the same patterns (src/store/handles.ts).
 */
export function handle(expr: string): string {
  const lowered = `lower(${trimmedHandleOfValue(expr)})`;
  const account = HANDLE_LINK_STEPS.reduce((text, step) => `regexp_replace(${text}, '${step.pattern}', '${step.keep ? '\\1' : ''}')`, lowered);
  const firstSegment = `split_part(split_part(${account}, '?', 1), '/', 1)`;
  // Plain handles (the common case) skip the URL surgery, and so does a name that holds a "/" but is no link.
  // Every link HANDLE_LINK reads holds a "/": the cheap test first.
  const isLink = `contains(${expr}, '/') AND regexp_matches(${lowered}, '${HANDLE_LINK}')`;
  return `NULLIF(ltrim(CASE WHEN ${isLink} THEN ${trimmedHandle(firstSegment)} ELSE ${lowered} END, '@'), '')`;
}

/** The host of a URL, lower case without `www.`, or NULL. */
export function urlHost(expr: string): string {
  return `NULLIF(regexp_replace(regexp_extract(lower(trim(${expr})), '^(?:[a-z]+://)?([^/?#]+)', 1), '^(www\\.|mobile\\.|m\\.)', ''), '')`;
}

/**
 * True when `expr` is one of this file's (or a format's) own constant values.
 * Written as list_contains rather than `IN (...)`: DuckDB's in_clause
 * optimizer turns an IN list into a join, which loses the file order the
 * canonical table's rows must keep.
 */
export function isOneOf(expr: string, values: readonly string[]): string {
  return `list_contains([${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')}], ${expr})`;
}

/** A SQL MAP literal of this file's own constant pairs. */
function mapLiteral(pairs: Record<string, string>): string {
  return `MAP {${Object.entries(pairs)
    .map(([key, value]) => `'${key.replaceAll("'", "''")}': '${value.replaceAll("'", "''")}'`)
    .join(', ')}}`;
}

const PLATFORM_HOSTS: Record<string, string> = {
  'twitter.com': 'twitter',
  'x.com': 'twitter',
  't.co': 'twitter',
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'fb.me': 'facebook',
  'instagram.com': 'instagram',
  'instagr.am': 'instagram',
  'youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'tiktok.com': 'tiktok',
  'linkedin.com': 'linkedin',
  'reddit.com': 'reddit',
  'old.reddit.com': 'reddit',
  'threads.net': 'threads',
  'threads.com': 'threads',
  'bsky.app': 'bluesky',
};

/** The platform a URL (or bare domain) belongs to, or NULL when it is not a known social network. */
export function platformFromUrl(expr: string): string {
  return `${mapLiteral(PLATFORM_HOSTS)}[${urlHost(expr)}]`;
}

const PLATFORM_NAMES: Record<string, string> = { ...PLATFORM_SYNONYMS, ...PLATFORM_HOSTS };

/** A vendor's platform name as platformName stores it, for a value read in JavaScript (the mapper's guess). */
export function storedPlatformName(value: string): string {
  const name = value.trim().toLowerCase();
  return PLATFORM_NAMES[name] ?? name;
}

/** A vendor's platform name, lower case, with the usual synonyms folded (`X` -> `twitter`). */
export function platformName(expr: string): string {
  const name = `NULLIF(lower(trim(${expr})), '')`;
  return `COALESCE(${mapLiteral(PLATFORM_NAMES)}[${name}], ${name})`;
}

/**
 * A post's own id from its URL: the status id of a tweet, an Instagram
 * shortcode, a Facebook post or comment id, a YouTube video (or comment) id,
 * a Reddit post (or comment) id, a TikTok video id. NULL for other URLs.
 */
export function postIdFromUrl(expr: string): string {
  const url = `trim(${expr})`;
  const match = (pattern: string): string => `NULLIF(regexp_extract(${url}, '${pattern}', 1), '')`;
  return `CASE
    WHEN ${url} IS NULL OR ${url} = '' THEN NULL
    ELSE COALESCE(
      ${match('(?:twitter|x)\\.com/(?:[^/]+/status(?:es)?|i/web/status)/([0-9]+)')},
      ${match('instagram\\.com/(?:[^/]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]+)')},
      ${match('facebook\\.com/.*[?&]comment_id=([0-9]+)')},
      ${match('facebook\\.com/.*[?&](?:story_fbid|fbid)=([0-9A-Za-z]+)')},
      ${match('facebook\\.com/[^?]*/(?:posts|videos|permalink)/([0-9A-Za-z]+)')},
      ${match('youtube\\.com/.*[?&]lc=([A-Za-z0-9_.-]+)')},
      ${match('youtube\\.com/(?:watch\\?(?:.*&)?v=|shorts/)([A-Za-z0-9_-]{11})')},
      ${match('youtu\\.be/([A-Za-z0-9_-]{11})')},
      ${match('reddit\\.com/r/[^/]+/comments/[a-z0-9]+/[^/]*/([a-z0-9]+)')},
      ${match('reddit\\.com/r/[^/]+/comments/([a-z0-9]+)')},
      ${match('tiktok\\.com/@[^/]+/video/([0-9]+)')}
    ) END`;
}

/** A URL reduced to a stable key (no scheme, no `www.`, no trailing slash), for posts whose URL carries no id. */
export function urlKey(expr: string): string {
  return `NULLIF(rtrim(regexp_replace(trim(${expr}), '^[A-Za-z]+://(www\\.)?', ''), '/'), '')`;
}

/** The kind of a post that answers another: `reply` where the network calls it so, `comment` elsewhere. */
export function answerKind(platformExpr: string): string {
  return `CASE WHEN ${isOneOf(platformExpr, ['twitter', 'threads', 'bluesky', 'mastodon'])} THEN 'reply' ELSE 'comment' END`;
}

const SENTIMENT_LABELS: Record<string, string> = {
  positive: 'positive',
  pos: 'positive',
  positif: 'positive',
  positivo: 'positive',
  negative: 'negative',
  neg: 'negative',
  négatif: 'negative',
  negatif: 'negative',
  negativo: 'negative',
  neutral: 'neutral',
  neu: 'neutral',
  neutre: 'neutral',
  neutro: 'neutral',
  mixed: 'mixed',
  mixte: 'mixed',
  mixto: 'mixed',
};
const NO_SENTIMENT = ['', 'not rated', 'unrated', 'n/a', 'none'];

/** A vendor's sentiment folded to positive|negative|neutral|mixed (numbers by their sign); other labels kept lower case. */
export function sentimentLabel(expr: string): string {
  const value = `lower(trim(${expr}))`;
  // A score written with a decimal comma (-0,3: a spreadsheet set to Spanish or French) is a number too.
  const score = `TRY_CAST(CASE WHEN regexp_full_match(${value}, '[+-]?[0-9]*,[0-9]+') THEN replace(${value}, ',', '.') ELSE ${value} END AS DOUBLE)`;
  return `CASE
    WHEN ${value} IS NULL OR ${isOneOf(value, NO_SENTIMENT)} THEN NULL
    WHEN ${score} IS NOT NULL THEN ['negative', 'neutral', 'positive'][sign(${score})::INTEGER + 2]
    ELSE COALESCE(${mapLiteral(SENTIMENT_LABELS)}[${value}], ${value}) END`;
}

const LANGUAGE_CODES: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  german: 'de',
  deutsch: 'de',
  portuguese: 'pt',
  português: 'pt',
  italian: 'it',
  italiano: 'it',
  dutch: 'nl',
  arabic: 'ar',
  catalan: 'ca',
  català: 'ca',
  japanese: 'ja',
  turkish: 'tr',
};

/** A language as an ISO 639-1 code where the export spells the name out (`English` -> `en`); codes are kept, lower case. */
export function languageCode(expr: string): string {
  const value = `NULLIF(NULLIF(NULLIF(lower(trim(${expr})), ''), 'unknown'), 'und')`;
  return `COALESCE(${mapLiteral(LANGUAGE_CODES)}[${value}], ${value})`;
}

/** Twitter's API escapes `&`, `<` and `>` in tweet text; this undoes exactly that (and `&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeTweetText(expr: string): string {
  return `CASE WHEN contains(${expr}, '&') THEN replace(replace(replace(${expr}, '&lt;', '<'), '&gt;', '>'), '&amp;', '&') ELSE ${expr} END`;
}

/** True when the text is an old-style retweet (`RT @user: ...`). */
export function isRetweetText(expr: string): string {
  return `coalesce(regexp_matches(${expr}, '^RT @[A-Za-z0-9_]+:'), false)`;
}

/**
 * Local wall-clock time (a TIMESTAMP expression) read in the timezone held by
 * `timezoneParam`. ICU resolves a time that does not exist (spring forward)
 * with the offset in force before the change (02:30 in Madrid on the last
 * Sunday of March is read as 03:30 CEST) and a time that occurs twice (fall
 * back) as its second occurrence (standard time).
 */
export function localToInstant(localExpr: string, timezoneParam: string): string {
  return `(${localExpr} AT TIME ZONE ${timezoneParam})`;
}

/** True when a local time falls in a daylight-saving change: it does not exist or it occurs twice. */
export function isDaylightSavingGap(localExpr: string, timezoneParam: string): string {
  const instant = localToInstant(localExpr, timezoneParam);
  return `coalesce(
    timezone(${timezoneParam}, ${instant}) <> ${localExpr}
    OR timezone(${timezoneParam}, ${instant} - INTERVAL 1 HOUR) = ${localExpr}
    OR timezone(${timezoneParam}, ${instant} + INTERVAL 1 HOUR) = ${localExpr}, false)`;
}

export const DAYLIGHT_SAVING_REASON =
  'local time falls in a daylight-saving change (an hour that is skipped or repeated in the timezone); skipped times were read with the offset before the change, repeated times as their second occurrence';

/**
 * The warning for local times in a daylight-saving change. `cell` is the raw
 * text: when it carries its own offset the local reading is not used, so
 * there is nothing to warn about.
 */
export function daylightSavingWarning(localExpr: string, timezoneParam: string, cell?: string): { when: string; reason: string } {
  const gap = isDaylightSavingGap(localExpr, timezoneParam);
  return { when: cell ? `(NOT ${hasUtcOffset(cell)} AND ${gap})` : gap, reason: DAYLIGHT_SAVING_REASON };
}

/**
 * True when a timestamp text ends with an explicit UTC offset, `Z`, or `UTC`
 * or `GMT` (BigQuery writes `2024-10-09 14:00:05 UTC`): DuckDB's TIMESTAMP
 * cast drops a trailing `UTC` without a word, and the time would be read in
 * the import's timezone; as TIMESTAMPTZ it is read as the instant it names.
 */
export function hasUtcOffset(expr: string): string {
  return `coalesce(regexp_matches(trim(${expr}), '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?\\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?|(?i:UTC|GMT))$'), false)`;
}

/**
 * ISO text (`2025-03-30 14:05[:SS[.fff]]`, `T` or space) as a TIMESTAMP, NULL
 * otherwise. The shape is checked first because DuckDB's own cast is lenient:
 * it reads `31/02/25 10:00` as the year 31.
 */
export function isoLocal(expr: string): string {
  return `CASE WHEN regexp_matches(trim(${expr}), '^[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(trim(${expr}) AS TIMESTAMP) END`;
}

/** The text read with the first of `formats` (strptime patterns, this code's own constants) that fits it, NULL when none does. */
export function strptimeAny(expr: string, formats: readonly string[]): string {
  return `try_strptime(trim(${expr}), [${formats.map((format) => `'${format}'`).join(', ')}])`;
}

/** An ISO-like timestamp: its own offset when it has one, else local time in `timezoneParam`. */
export function isoInstant(expr: string, timezoneParam: string): string {
  return `CASE WHEN NOT regexp_matches(trim(${expr}), '^[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN NULL
    WHEN ${hasUtcOffset(expr)} THEN TRY_CAST(trim(${expr}) AS TIMESTAMPTZ)
    ELSE ${localToInstant(isoLocal(expr), timezoneParam)} END`;
}

/**
 * A local-time column that may also arrive as ISO text (an .xlsx export
 * converted to text) or an Excel serial date (a workbook cell without a date
 * format): `localExpr` parses the export's own layout (null for a layout
 * whose dates are ISO); ISO text without an offset and a serial are local
 * time too; text with an offset is its own instant. `local` is what the
 * daylight-saving warning reads.
 */
export function localOrIsoInstant(cell: string, localExpr: string | null, timezoneParam: string): { instant: string; local: string } {
  const local = `COALESCE(${[...(localExpr === null ? [] : [localExpr]), isoLocal(cell), excelSerialLocal(cell)].join(', ')})`;
  return {
    local,
    instant: `CASE WHEN ${hasUtcOffset(cell)} THEN ${isoInstant(cell, timezoneParam)} ELSE ${localToInstant(local, timezoneParam)} END`,
  };
}

/** `--platform` as the last candidate of a per-row platform: an empty list when the user gave none. */
export function platformFallback(platformParam: string | null): string[] {
  return platformParam ? [`NULLIF(lower(trim(${platformParam})), '')`] : [];
}

/** `--platform` when given, else the format's own platform. */
export function platformOrDefault(platformParam: string | null, fallback: string): string {
  return platformParam ? `COALESCE(NULLIF(lower(trim(${platformParam})), ''), '${fallback}')` : `'${fallback}'`;
}

const REDDIT_THREAD = 'reddit\\.com/r/[^/]+/comments/([a-z0-9]+)';

/** The Reddit post a Reddit URL belongs to (`/r/<sub>/comments/<post>/...`): the thread of the post and of every comment under it; NULL for other URLs. */
export function redditThreadId(urlExpr: string): string {
  return `NULLIF(regexp_extract(lower(trim(${urlExpr})), '${REDDIT_THREAD}', 1), '')`;
}

/**
 * True when a URL is a Reddit comment's (`/comments/<post>/comment/<id>/`, or
 * the older `/comments/<post>/<slug>/<id>/`): the post answers something in
 * that thread, even when the export does not say what.
 */
export function isRedditCommentUrl(urlExpr: string): string {
  return `coalesce(regexp_matches(lower(trim(${urlExpr})), '${REDDIT_THREAD}/[^/?#]+/[a-z0-9]+/?([?#]|$)'), false)`;
}

/**
 * An Excel serial date (days since 1899-12-30, the fraction the time of day)
 * as a local TIMESTAMP, rounded to the second; NULL for anything else. Only
 * numbers of 5 to 7 integer digits (1927 to 9999) are taken for serials, so a
 * stray count or an epoch value is never read as a date.
 */
export function excelSerialLocal(expr: string): string {
  const value = `TRY_CAST(trim(${expr}) AS DOUBLE)`;
  return `CASE WHEN regexp_full_match(trim(${expr}), '[0-9]{5,7}(\\.[0-9]+)?') AND ${value} <= 2958465
    THEN TIMESTAMP '1899-12-30 00:00:00' + to_seconds(CAST(round(${value} * 86400) AS BIGINT)) END`;
}

/**
 * A time of day (`22:03`, `22:03:15`, `9:07 AM`, `09:07PM`, an Excel day
 * fraction such as `0.918`, or the `1899-12-30 22:03:00` a workbook's time
 * cell becomes) as the INTERVAL since midnight; NULL when it is none of these.
 */
export function timeOfDay(expr: string): string {
  const text = `trim(${expr})`;
  const clock = `try_strptime(upper(${text}), ['%H:%M', '%H:%M:%S', '%I:%M %p', '%I:%M:%S %p', '%I:%M%p', '%I:%M:%S%p'])`;
  const fraction = `to_seconds(CAST(round(TRY_CAST(${text} AS DOUBLE) * 86400) AS BIGINT))`;
  return `CASE
    WHEN ${text} IS NULL OR ${text} = '' THEN NULL
    WHEN regexp_full_match(${text}, '0(\\.[0-9]+)?|1(\\.0+)?') THEN ${fraction}
    WHEN regexp_matches(${text}, '^[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${isoLocal(expr)} - date_trunc('day', ${isoLocal(expr)})
    ELSE ${clock} - date_trunc('day', ${clock}) END`;
}

/**
 * A local date (TIMESTAMP expression; its time of day is ignored) combined
 * with a separate time-of-day cell. An empty time cell leaves the date's own
 * time; a time cell that cannot be read makes the result NULL, so the row is
 * rejected as an unparseable date rather than silently put at midnight.
 */
export function withTimeOfDay(localDate: string, timeCell: string): string {
  const time = timeOfDay(timeCell);
  return `CASE
    WHEN ${textCell(timeCell)} IS NULL THEN ${localDate}
    WHEN ${time} IS NULL THEN NULL
    ELSE CAST(CAST(${localDate} AS DATE) AS TIMESTAMP) + ${time} END`;
}

/**
 * The id of the tweet of `type` (`replied_to`, `quoted`, `retweeted`) in a
 * Twitter API v2 `referenced_tweets` cell, whichever way the export wrote the
 * list: JSON (`[{"type": "replied_to", "id": "1"}]`), a Python list of dicts
 * (`[{'type': 'replied_to', 'id': '1'}]`) or tweepy objects
 * (`[<ReferencedTweet id=1 type=replied_to>]`).
 */
export function referencedTweetId(expr: string, type: 'replied_to' | 'quoted' | 'retweeted'): string {
  const entry = `list_filter(regexp_split_to_array(${expr}, '[{<]'), entry -> contains(entry, '${type}'))[1]`;
  return `NULLIF(regexp_extract(${entry}, '(?:^|[^A-Za-z_])id[''"\\s:=]*([0-9]+)', 1), '')`;
}

/** A user a reply answers, as the export names them: an id (digits, kept as text) or a handle. */
export function userReference(expr: string): string {
  return `CASE WHEN regexp_full_match(trim(${expr}), '["'']?[0-9]+(\\.0+)?"?') THEN ${idText(expr)} ELSE ${handle(expr)} END`;
}
