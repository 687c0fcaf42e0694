import { listValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { Store } from '../store/database.js';
import { isDamagedFormOf, MOJIBAKE_LOST_PATTERN, MOJIBAKE_PATTERN } from './mojibake.js';
import { CANONICAL_ROWS, MAPPED_COLUMNS, UNREADABLE_RESPONSE_IDS } from './canonical.js';
import type { ImportNotice } from './notices.js';
import { quoteIdentifier, unescapeTweetText } from './formats/sql-helpers.js';

const KEY = ['platform', 'post_id'];
/** Columns a later copy of a post may fill when the stored row has them empty (the rest are NOT NULL). */
const FILLABLE = ['author_name', 'author_followers', 'parent_id', 'parent_url', 'thread_id', 'text', 'url', 'language', 'sentiment', 'topic', 'response_ids', 'reply_to_user'];

/** The value of the file's first copy of a post, or of a later copy where it has none: a readable response list over one kept unreadable. */
function firstKnown(column: string): string {
  const first = `arg_min(${quoteIdentifier(column)}, __rb_row)`;
  return column === 'response_ids' ? `coalesce(arg_min(NULLIF(response_ids, $unreadable), __rb_row), ${first})` : first;
}

/** How a stored post's column takes a copy's value where it has none: a response list kept unreadable counts as none, and fills nothing. */
function fillFromCopy(column: string): { set: string; gap: string } {
  if (column !== 'response_ids') return { set: `${column} = COALESCE(posts.${column}, copy.${column})`, gap: `(posts.${column} IS NULL AND copy.${column} IS NOT NULL)` };
  const [stored, copy] = ['posts', 'copy'].map((table) => `NULLIF(${table}.response_ids, $unreadable)`);
  return {
    set: `response_ids = COALESCE(${stored}, ${copy}, posts.response_ids, copy.response_ids)`,
    gap: `(${stored} IS NULL AND ${copy} IS NOT NULL) OR (posts.response_ids IS NULL AND copy.response_ids IS NOT NULL)`,
  };
}
const OVERLAP_TABLE = 'import_overlap';

const countRow = z.object({ n: z.number() });
const textPairRow = z.object({ platform: z.string(), post_id: z.string(), stored: z.string(), fresh: z.string() });
const copyKindsRow = z.object({
  differing: z.number(),
  differing_example: z.string().nullable(),
  shifted: z.number(),
  shifted_example: z.string().nullable(),
  hours: z.number(),
  shifted_stored_local: z.boolean().nullable(),
  rescored: z.number(),
  rescored_example: z.string().nullable(),
});

/** How many posts the store holds; read inside the import's transaction, before its rows go in. */
export async function countPosts(store: Store): Promise<number> {
  const [row] = await store.rows('stored posts', countRow, 'SELECT count(*)::DOUBLE AS n FROM posts');
  return row?.n ?? 0;
}

/**
 * Adds the kept rows of a staged file (the canonical table) to `posts` and
 * returns how many new posts it added. Copies inside the file are merged
 * first, the earlier row winning and later ones filling its empty fields;
 * then posts already stored are settled as `settleStoredCopies` says. Runs
 * inside the caller's transaction.
 */
export async function mergePosts(store: Store, batchId: number, options: { duplicatesInFile: boolean }): Promise<{ imported: number; filled: number } & CopyDifferences> {
  const columns = MAPPED_COLUMNS.map(quoteIdentifier).join(', ');
  const kept = `SELECT * FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason = 0`;
  const source = options.duplicatesInFile
    ? `SELECT ${MAPPED_COLUMNS.map((column) => (KEY.includes(column) ? quoteIdentifier(column) : `${firstKnown(column)} AS ${quoteIdentifier(column)}`)).join(', ')}
       FROM (${kept}) GROUP BY platform, post_id`
    : kept;
  const storedBefore = await countPosts(store);
  const inserted = await store.change(`INSERT INTO posts (${columns}, batch_id) SELECT ${columns}, $batch_id FROM (${source}) ORDER BY created_at`, {
    batch_id: batchId,
    ...(options.duplicatesInFile ? { unreadable: UNREADABLE_RESPONSE_IDS } : {}),
  });
  const settled = await settleStoredCopies(store, batchId, storedBefore);
  return { imported: inserted - settled.removed, filled: settled.filled, differing: settled.differing, shifted: settled.shifted, rescored: settled.rescored };
}

/**
 * A stored post and the batch's copy of it, one of them with a text a
 * spreadsheet damaged (mojibake: imported before repairs, or beyond them),
 * are the same post, and the clean text is the one kept: the stored post
 * takes the copy's clean text when that is what the stored one's repair
 * gives, or when the clean text, damaged as a spreadsheet damages it, is the
 * stored one (characters lost beyond repair); a damaged copy of a clean
 * stored text takes that text. Neither is then a conflict.
 */
async function settleDamagedText(store: Store, batchId: number): Promise<void> {
  const pairs = await store.rows(
    'damaged texts',
    textPairRow,
    `SELECT posts.platform, posts.post_id, posts.text AS stored, copy.text AS fresh FROM ${OVERLAP_TABLE} AS copy
     JOIN posts ON posts.batch_id <> $batch_id AND posts.platform = copy.platform AND posts.post_id = copy.post_id
     WHERE posts.text <> copy.text
       AND (regexp_matches(posts.text, $pattern) OR regexp_matches(posts.text, $lost_pattern) OR regexp_matches(copy.text, $lost_pattern))`,
    { batch_id: batchId, pattern: MOJIBAKE_PATTERN, lost_pattern: MOJIBAKE_LOST_PATTERN },
  );
  const healed = pairs.filter((pair) => isDamagedFormOf(pair.fresh, pair.stored));
  const aligned = pairs.filter((pair) => !healed.includes(pair) && isDamagedFormOf(pair.stored, pair.fresh));
  const rewrite = async (table: string, batch: string, chosen: typeof pairs, text: (pair: (typeof pairs)[number]) => string) => {
    if (chosen.length === 0) return;
    await store.run(
      `UPDATE ${table} SET text = clean.text
       FROM (SELECT unnest($platforms) AS platform, unnest($ids) AS post_id, unnest($texts) AS text) AS clean
       WHERE ${table}.batch_id ${batch} $batch_id AND ${table}.platform = clean.platform AND ${table}.post_id = clean.post_id`,
      { batch_id: batchId, platforms: listValue(chosen.map((pair) => pair.platform)), ids: listValue(chosen.map((pair) => pair.post_id)), texts: listValue(chosen.map(text)) },
    );
  };
  await rewrite('posts', '<>', healed, (pair) => pair.fresh);
  await rewrite(OVERLAP_TABLE, '=', aligned, (pair) => pair.stored);
}

/**
 * A stored post and the batch's copy of it whose texts differ only by Twitter's escaping of `&`, `<` and `>` (a tweet
 * read from its API's JSON or the Kaggle layout, which unescape it, and from a CSV of another tool, which keeps
 * `&amp;` as written) are the same post, and the unescaped text is the tweet's: the stored post takes it, or the copy
 * takes the stored one. Neither is then a differing copy.
 */
async function settleEscapedText(store: Store, batchId: number): Promise<void> {
  // Tweets only, and copies of the same author: another platform's "&lt;3" is what its author wrote.
  const params = { batch_id: batchId, twitter: 'twitter' };
  await store.run(
    `UPDATE posts SET text = copy.text FROM ${OVERLAP_TABLE} AS copy
     WHERE posts.batch_id <> $batch_id AND posts.platform = $twitter AND posts.platform = copy.platform AND posts.post_id = copy.post_id
       AND posts.author IS NOT DISTINCT FROM copy.author AND posts.text <> copy.text AND ${unescapeTweetText('posts.text')} = copy.text`,
    params,
  );
  await store.run(
    `UPDATE ${OVERLAP_TABLE} SET text = posts.text FROM posts
     WHERE posts.batch_id <> $batch_id AND posts.platform = $twitter AND posts.platform = ${OVERLAP_TABLE}.platform AND posts.post_id = ${OVERLAP_TABLE}.post_id
       AND posts.author IS NOT DISTINCT FROM ${OVERLAP_TABLE}.author AND posts.text <> ${OVERLAP_TABLE}.text AND ${unescapeTweetText(`${OVERLAP_TABLE}.text`)} = posts.text`,
    params,
  );
}

/** Copies of stored posts whose author, date or text differ from the stored post (which was kept): how many, and one post id. */
export interface DifferingCopies {
  count: number;
  example: string | null;
}

/**
 * Copies of stored posts that differ from them by a timezone's offset only: how many, one post id, the offset most of
 * them have (hours, the copy's time minus the stored one), and whether an import that read times naming no offset in a
 * zone stored any of those posts (import_batches.local_times_in; false for posts of a batch that recorded none).
 */
export interface ShiftedCopies extends DifferingCopies {
  hours: number;
  storedLocal: boolean;
}

/**
 * How a batch's copies of stored posts differ from them: in author, date or text (the stored post kept); in their time
 * by a timezone's offset only, same author and text (the stored post kept); in sentiment (the copy's taken).
 */
export interface CopyDifferences {
  differing: DifferingCopies;
  shifted: ShiftedCopies;
  rescored: DifferingCopies;
}

/**
 * The warnings for copies of stored posts that differ from them. `localTimesIn` is the zone the batch read its times
 * that name no offset in (localTimesZone), null when every time of its layout names its offset (a care tool's
 * "+0000", a mapping's %z): copies shifted where neither the file nor the stored posts' imports read a time in a zone
 * were moved by the export itself (a corrected re-export), not by a timezone setting, and the warning says so.
 */
export function copyWarnings({ differing, shifted, rescored }: CopyDifferences, localTimesIn: string | null): ImportNotice[] {
  const { storedLocal, ...counted } = shifted;
  const offsets = localTimesIn === null && !storedLocal;
  return [
    ...(differing.count === 0 ? [] : [{ code: 'differing-copies' as const, ...differing }]),
    ...(shifted.count === 0 ? [] : [{ code: 'shifted-copies' as const, ...counted, ...(offsets ? { offsets: true as const } : {}) }]),
    ...(rescored.count === 0 ? [] : [{ code: 'rescored-copies' as const, ...rescored }]),
  ];
}

/** How far past a whole half hour a copy's time is from the stored post's (microseconds, 0 to 30 minutes). */
const HALF_HOURS_OFF = '(((epoch_us(copy.created_at) - epoch_us(posts.created_at)) % 1800000000 + 1800000000) % 1800000000)';

/**
 * A copy whose time differs from the stored post's by whole half hours, up to 14 (a timezone's offset), with the same
 * author and a text that differs nowhere: the local times of two exports of one post read in two zones (`--timezone`, or
 * the config's, changed between two imports). Within a minute of it when one of the two is written to the minute
 * (Meltwater writes minutes, a care tool seconds).
 */
const SHIFTED_BY_A_ZONE = `(posts.author IS NOT DISTINCT FROM copy.author
  AND (posts.text IS NULL OR copy.text IS NULL OR posts.text = copy.text)
  AND abs(epoch_us(copy.created_at) - epoch_us(posts.created_at)) BETWEEN 1740000000 AND 14 * 3600000000 + 60000000
  AND (${HALF_HOURS_OFF} = 0
       OR ((epoch_us(posts.created_at) % 60000000 = 0 OR epoch_us(copy.created_at) % 60000000 = 0)
           AND (${HALF_HOURS_OFF} < 60000000 OR ${HALF_HOURS_OFF} > 1740000000))))`;

/** How many (platform, post_id) the batch's rows repeat: each key must appear once before `settleStoredCopies`. */
export async function repeatedKeys(store: Store, batchId: number): Promise<number> {
  const [row] = await store.rows(
    'repeated keys of a batch',
    countRow,
    'SELECT count(*)::DOUBLE AS n FROM (SELECT 1 FROM posts WHERE batch_id = $batch_id GROUP BY platform, post_id HAVING count(*) > 1)',
    { batch_id: batchId },
  );
  return row?.n ?? 0;
}

/**
 * Keeps (platform, post_id) unique once a batch's rows are in `posts` (each
 * key once within the batch): where a key was already stored, the stored row
 * keeps its values and takes the batch's value for each of its empty fields,
 * and the batch's copy is removed. Returns how many copies were removed,
 * and how many stored posts had an empty field filled.
 * `storedBefore` is the count of posts before the batch: with none, there is
 * nothing to compare.
 */
export async function settleStoredCopies(store: Store, batchId: number, storedBefore: number): Promise<{ removed: number; filled: number } & CopyDifferences> {
  const none = { count: 0, example: null };
  const noShift = { ...none, hours: 0, storedLocal: false };
  if (storedBefore === 0) return { removed: 0, filled: 0, differing: none, shifted: noShift, rescored: none };
  const params = { batch_id: batchId };
  // The batch's copies of stored posts: usually few, so everything after this reads a small table.
  // A plain semi-join costs less than the EXISTS form, which DuckDB plans as a correlated (delim) join.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE ${OVERLAP_TABLE} AS
     SELECT * FROM (SELECT * FROM posts WHERE batch_id = $batch_id)
     SEMI JOIN (SELECT platform, post_id FROM posts WHERE batch_id <> $batch_id) USING (platform, post_id)`,
    params,
  );
  try {
    const [row] = await store.rows('copies of stored posts', countRow, `SELECT count(*)::DOUBLE AS n FROM ${OVERLAP_TABLE}`);
    const copies = row?.n ?? 0;
    if (copies === 0) return { removed: 0, filled: 0, differing: none, shifted: noShift, rescored: none };
    await settleDamagedText(store, batchId);
    await settleEscapedText(store, batchId);
    // Compared before the stored rows take the copies' values for their empty fields. Two times less than a minute
    // apart, one of them to the minute, are one time written at two precisions (Meltwater writes minutes, a care
    // tool's export seconds): the same post. Copies a timezone's offset apart, and alike otherwise, are told apart.
    // A listening tool rates a post again between two exports (neutral, then negative): the later import's rating is
    // taken, and said, so that importing the months in order keeps the latest one (the stored one was kept in silence,
    // and the sentiment figures depended on which file came first). One pass over the copies counts the three kinds.
    const [kinds] = await store.rows(
      'differing copies',
      copyKindsRow,
      `SELECT count(*) FILTER (WHERE differing)::DOUBLE AS differing, min(post_id) FILTER (WHERE differing) AS differing_example,
              count(*) FILTER (WHERE shifted)::DOUBLE AS shifted, min(post_id) FILTER (WHERE shifted) AS shifted_example,
              coalesce(mode(round(offset_us / 1800000000) / 2) FILTER (WHERE shifted), 0)::DOUBLE AS hours,
              bool_or(stored_local) FILTER (WHERE shifted) AS shifted_stored_local,
              count(*) FILTER (WHERE rescored)::DOUBLE AS rescored, min(post_id) FILTER (WHERE rescored) AS rescored_example
       FROM (
         SELECT copy.post_id, epoch_us(copy.created_at) - epoch_us(posts.created_at) AS offset_us,
                (posts.author IS DISTINCT FROM copy.author
                 OR (posts.created_at IS DISTINCT FROM copy.created_at
                     AND NOT (abs(epoch_us(posts.created_at) - epoch_us(copy.created_at)) < 60000000
                              AND (epoch_us(posts.created_at) % 60000000 = 0 OR epoch_us(copy.created_at) % 60000000 = 0)))
                 OR (posts.text IS NOT NULL AND copy.text IS NOT NULL AND posts.text <> copy.text))
                AND NOT ${SHIFTED_BY_A_ZONE} AS differing,
                ${SHIFTED_BY_A_ZONE} AS shifted,
                posts.sentiment <> copy.sentiment AS rescored,
                stored.local_times_in IS NOT NULL AS stored_local
         FROM ${OVERLAP_TABLE} AS copy
         JOIN posts ON posts.batch_id <> $batch_id AND posts.platform = copy.platform AND posts.post_id = copy.post_id
         LEFT JOIN import_batches AS stored ON stored.batch_id = posts.batch_id
       )`,
      params,
    );
    if ((kinds?.rescored ?? 0) > 0) {
      await store.run(
        `UPDATE posts SET sentiment = copy.sentiment FROM ${OVERLAP_TABLE} AS copy
         WHERE posts.batch_id <> $batch_id AND posts.platform = copy.platform AND posts.post_id = copy.post_id AND posts.sentiment <> copy.sentiment`,
        params,
      );
    }
    const fills = FILLABLE.map((column) => fillFromCopy(column).set).join(', ');
    const gaps = FILLABLE.map((column) => fillFromCopy(column).gap).join(' OR ');
    const filled = await store.change(
      `UPDATE posts SET ${fills} FROM ${OVERLAP_TABLE} AS copy
       WHERE posts.batch_id <> $batch_id AND posts.platform = copy.platform AND posts.post_id = copy.post_id AND (${gaps})`,
      { ...params, unreadable: UNREADABLE_RESPONSE_IDS },
    );
    const removed = await store.change(
      `DELETE FROM posts USING ${OVERLAP_TABLE} AS copy WHERE posts.batch_id = $batch_id AND posts.platform = copy.platform AND posts.post_id = copy.post_id`,
      params,
    );
    if (removed !== copies) throw new Error(`removed ${removed} copies of stored posts, expected ${copies}`);
    return {
      removed: copies,
      filled,
      differing: { count: kinds?.differing ?? 0, example: kinds?.differing_example ?? null },
      shifted: { count: kinds?.shifted ?? 0, example: kinds?.shifted_example ?? null, hours: kinds?.hours ?? 0, storedLocal: kinds?.shifted_stored_local ?? false },
      rescored: { count: kinds?.rescored ?? 0, example: kinds?.rescored_example ?? null },
    };
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${OVERLAP_TABLE}`);
  }
}
