import type { DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { Store } from '../store/database.js';
import { POST_COLUMNS, POST_KINDS } from '../store/schema.js';
import { quoteIdentifier } from './formats/sql-helpers.js';
import type { CanonicalSelect, MappedColumn } from './formats/types.js';
import { listValue } from '@duckdb/node-api';
import { isDamagedFormOf, MOJIBAKE_LOST_PATTERN, MOJIBAKE_LOST_REASON, MOJIBAKE_PATTERN, MOJIBAKE_REASON, repairMojibake } from './mojibake.js';
import { EARLIEST_OTHER, FUTURE_REASON, latestPlausible, PLATFORM_BEGINNINGS, tooEarlyReason } from './plausible-dates.js';
import type { CsvRelation, Layout } from './staging.js';
import { inFileOrder } from './optimizers.js';
import { EXCEL_DAMAGE_REASONS, isExcelDamaged } from './formats/excel-damage.js';

export const MAPPED_COLUMNS = POST_COLUMNS.filter((column): column is MappedColumn => column !== 'batch_id');

export const CANONICAL_TABLE = 'import_canonical';

/**
 * What `response_ids` holds for a list a spreadsheet damaged: the export listed responses, whose ids are lost. No post
 * has this id, so coverage counts an unanswered mention holding it among those whose listed responses are missing
 * from the data: its brand's rate is then a lower bound, as for a list it can read. A copy of the post with a list
 * that can be read replaces it (merge.ts).
 */
export const UNREADABLE_RESPONSE_IDS = '?';

/**
 * The canonical rows once evaluated, with per row: `__rb_row` (record index
 * in the file), `__rb_blank` (every cell empty: padding), `__rb_reason` (0 =
 * kept, else 1-based index into the plan's `reasons`), `__rb_raw_date` (the
 * date text, where it could not be read) and one boolean `__rb_warn_<i>` per
 * format warning.
 */
export const CANONICAL_ROWS = `SELECT *, rowid AS __rb_row FROM ${CANONICAL_TABLE}`;

/** Why the pipeline itself rejects a row (checked in this order, around the format's own rules). */
export const PIPELINE_REASONS = {
  missingId: 'missing post id',
  missingDate: 'missing date',
  badDate: 'unparseable date',
  badOffset: 'UTC offset beyond ±14:00 (no place on Earth is further from UTC)',
  missingAuthor: 'missing author',
  missingPlatform: 'no platform for this row; pass --platform',
  badKind: `kind is not one of ${POST_KINDS.join(', ')}`,
  /** The reason recorded names the line of the first copy: `conflicting duplicate of line N`. */
  conflict: 'conflicting duplicate',
  repeatedHeader: 'a copy of the header line (exports joined into one file?), not a post',
  /** Never recorded: a file holding it is refused (header-again.ts). */
  reorderedHeader: 'the header again, its columns in another order',
} as const;

/** The reason a conflicting copy is recorded with in import_rejects. */
export function conflictReason(firstLine: number | string): string {
  return `${PIPELINE_REASONS.conflict} of line ${firstLine}`;
}

export interface CanonicalPlan {
  select: CanonicalSelect;
  names: readonly string[];
  params: Record<string, DuckDBValue>;
  reasons: string[];
  /** The format's warnings, then the pipeline's: a parent id Excel damaged, text damaged beyond repair, text repaired from mojibake (the last). */
  warnings: string[];
  /** Reason codes (1-based) of the pipeline's own checks. */
  codes: { missingId: number; missingDate: number; badDate: number; badOffset: number; future: number; tooEarly: number[]; conflict: number; repeatedHeader: number; reorderedHeader: number };
}

/**
 * The checks and reasons for mapping a file with `select`; `header` holds
 * the staging columns' names and the header's own cells; `now` is the
 * import's own time (dates after it, plus a day, are rejected).
 */
export function canonicalPlan(select: CanonicalSelect, header: Pick<Layout, 'names' | 'cells'>, baseParams: Record<string, DuckDBValue>, now = new Date()): CanonicalPlan {
  // The pipeline's four id and date checks, the format's own, Excel's damage to the id and the author, then author, platform and kind come first.
  const futureCode = 4 + (select.rejectWhen ?? []).length + 2 + 4;
  const reasons = [
    PIPELINE_REASONS.missingId,
    PIPELINE_REASONS.missingDate,
    PIPELINE_REASONS.badDate,
    PIPELINE_REASONS.badOffset,
    ...(select.rejectWhen ?? []).map((rule) => rule.reason),
    EXCEL_DAMAGE_REASONS.id,
    EXCEL_DAMAGE_REASONS.author,
    PIPELINE_REASONS.missingAuthor,
    PIPELINE_REASONS.missingPlatform,
    PIPELINE_REASONS.badKind,
    FUTURE_REASON,
    ...PLATFORM_BEGINNINGS.map((beginning) => tooEarlyReason(beginning.platform, beginning.since)),
    tooEarlyReason(null, EARLIEST_OTHER),
    // Set after the mapping, by `markConflicts`: never by the row's own checks.
    PIPELINE_REASONS.conflict,
    PIPELINE_REASONS.repeatedHeader,
    PIPELINE_REASONS.reorderedHeader,
  ];
  return {
    select,
    names: header.names,
    params: { ...baseParams, ...(select.params ?? {}), header_cells: listValue(header.cells), latest_created: latestPlausible(now), mojibake_pattern: MOJIBAKE_PATTERN, mojibake_lost_pattern: MOJIBAKE_LOST_PATTERN },
    reasons,
    warnings: [...(select.warnWhen ?? []).map((rule) => rule.reason), EXCEL_DAMAGE_REASONS.parent, MOJIBAKE_LOST_REASON, MOJIBAKE_REASON],
    codes: {
      missingId: 1,
      missingDate: 2,
      badDate: 3,
      badOffset: 4,
      future: futureCode,
      tooEarly: [...PLATFORM_BEGINNINGS, null].map((_, index) => futureCode + 1 + index),
      conflict: futureCode + PLATFORM_BEGINNINGS.length + 2,
      repeatedHeader: futureCode + PLATFORM_BEGINNINGS.length + 3,
      reorderedHeader: futureCode + PLATFORM_BEGINNINGS.length + 4,
    },
  };
}

/**
 * True when a date text carries a UTC offset no clock uses (beyond ±14:00,
 * Kiribati's): DuckDB reads `+25:00` without complaint, a day off. The
 * offset is the one after a time of day: `10:00:00+25:00`, `06:55:44 +2500 2017`.
 */
function offsetOutOfRange(raw: string): string {
  const offset = `regexp_extract(${raw}, '[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?\\s*[+-]([0-9]{2}):?([0-9]{2})(?:[^0-9]|$)', ['hours', 'minutes'])`;
  // Beyond 840 minutes takes 13 hours or more (13:61 is 841: the minutes are two digits, not checked below 60). Only a
  // text with a sign before such hours is read with the capturing expression, six times slower than this plain search.
  const possible = `regexp_matches(${raw}, '[+-](1[3-9]|[2-9][0-9]):?[0-9]{2}')`;
  return `CASE WHEN ${possible} THEN coalesce(TRY_CAST(NULLIF(${offset}.hours, '') AS INTEGER) * 60 + TRY_CAST(NULLIF(${offset}.minutes, '') AS INTEGER) > 840, false) ELSE false END`;
}

/**
 * The reason CASE's branch for a row that is the header again (trimmed, an
 * empty cell empty): two exports joined into one file repeat the header
 * between them, in the same order (the line is no post) or in another (the
 * rows after it would be read into the wrong columns: the file is refused).
 * Only a row without a date is looked at, in a CASE of its own (DuckDB
 * evaluates both sides of an AND there, and the list of every cell cost each
 * row): a header's date cell holds a column's name. It comes first, as a
 * layout may find no post id in it. The first cell loses a byte-order mark,
 * as the header's did (layout.ts): the second of two files joined with `cat`
 * starts with its own.
 */
function headerAgainSql(cells: number, codes: CanonicalPlan['codes']): string {
  if (cells === 0) return 'WHEN false THEN 0';
  const cell = (index: number) => (index === 0 ? `trim(ltrim(${rawCell(0)}, chr(65279)))` : `trim(${rawCell(index)})`);
  const row = `[${Array.from({ length: cells }, (_, index) => `coalesce(${cell(index)}, '')`).join(', ')}]`;
  return `WHEN CASE WHEN created_at IS NULL THEN list_sort(${row}) = list_sort($header_cells) ELSE false END
    THEN CASE WHEN ${row} = $header_cells THEN ${codes.repeatedHeader} ELSE ${codes.reorderedHeader} END`;
}

/** The first moment of a day, as a TIMESTAMPTZ literal (the dates are this file's own constants). */
function dayLiteral(day: string): string {
  return `TIMESTAMPTZ '${day} 00:00:00+00'`;
}

/** The raw cells travel to the outer SELECT under these names (header names may clash with canonical ones, e.g. `text`). */
function rawCell(index: number): string {
  return `__rb_cell_${index}`;
}

/**
 * A row whose every cell is empty or blank (Excel pads sheets with such
 * rows). Such a row has no post id, so the cells are only looked at for rows
 * without one. The cells are joined and trimmed as one text (blank cells
 * join into a blank text): one flat expression, where a CASE nested per
 * column passed DuckDB's expression depth limit at 1,000 columns.
 */
function blankSql(cells: number): string {
  const joined = cells === 0 ? "''" : `concat(${Array.from({ length: cells }, (_, index) => rawCell(index)).join(', ')})`;
  return `CASE WHEN post_id IS NOT NULL AND post_id <> '' THEN false ELSE trim(${joined}) = '' END`;
}

/** The SELECT that maps the records of `from` to canonical rows, flags and reject reason. */
function canonicalSql(plan: CanonicalPlan, from: string): string {
  const { select } = plan;
  const formatRejects = select.rejectWhen ?? [];
  const inner = [
    ...MAPPED_COLUMNS.map((column) => `(${select.columns[column]}) AS ${quoteIdentifier(column)}`),
    `(${select.rawDate})::VARCHAR AS __rb_raw_date`,
    ...formatRejects.map((rule, index) => `coalesce((${rule.when}), false) AS __rb_reject_${index}`),
    ...(select.warnWhen ?? []).map((rule, index) => `coalesce((${rule.when}), false) AS __rb_warn_${index}`),
    ...plan.names.map((name, index) => `${quoteIdentifier(name)} AS ${rawCell(index)}`),
  ];
  const afterFormat = 5 + formatRejects.length;
  const formatWarnings = (select.warnWhen ?? []).length;
  const kinds = POST_KINDS.map((kind) => `'${kind}'`).join(', ');
  // Formats trim and NULL empty values themselves; `= ''` only guards against one that does not.
  const reasonCase = [
    headerAgainSql(plan.names.length, plan.codes),
    `WHEN post_id IS NULL OR post_id = '' THEN 1`,
    `WHEN created_at IS NULL THEN CASE WHEN __rb_raw_date IS NULL OR trim(__rb_raw_date) = '' THEN 2 ELSE 3 END`,
    `WHEN ${offsetOutOfRange('__rb_raw_date')} THEN 4`,
    ...formatRejects.map((_, index) => `WHEN __rb_reject_${index} THEN ${5 + index}`),
    // Read on the mapped values, here where they are computed once: inside, beside the mapping, each would be mapped again.
    `WHEN ${isExcelDamaged('post_id')} THEN ${afterFormat}`,
    `WHEN ${isExcelDamaged('author')} THEN ${afterFormat + 1}`,
    `WHEN author IS NULL OR author = '' THEN ${afterFormat + 2}`,
    `WHEN platform IS NULL OR platform = '' THEN ${afterFormat + 3}`,
    `WHEN kind IS NULL OR kind NOT IN (${kinds}) THEN ${afterFormat + 4}`,
    `WHEN created_at > $latest_created::TIMESTAMPTZ THEN ${plan.codes.future}`,
    `WHEN created_at < CASE platform ${PLATFORM_BEGINNINGS.map((beginning) => `WHEN '${beginning.platform}' THEN ${dayLiteral(beginning.since)}`).join(' ')} ELSE ${dayLiteral(EARLIEST_OTHER)} END
      THEN CASE platform ${PLATFORM_BEGINNINGS.map((beginning, index) => `WHEN '${beginning.platform}' THEN ${plan.codes.tooEarly[index]}`).join(' ')} ELSE ${plan.codes.tooEarly[PLATFORM_BEGINNINGS.length]} END`,
  ];
  const exclude = ['parent_id', '__rb_raw_date', ...formatRejects.map((_, index) => `__rb_reject_${index}`), ...plan.names.map((_, index) => rawCell(index))].join(', ');
  // The raw date text is kept only where the date could not be read: it is the example an error shows.
  // The last warning, mojibake, reads the mapped text (repairMojibake fixes the flagged rows once they are staged);
  // a text of ASCII only (as many bytes as characters) holds none, and skips the pattern.
  // A parent id Excel damaged is dropped, the reply kept, with the warning that follows the format's own.
  return `SELECT * EXCLUDE (${exclude}), CASE WHEN ${isExcelDamaged('parent_id')} THEN NULL ELSE parent_id END AS parent_id,
    ${isExcelDamaged('parent_id')} AS __rb_warn_${formatWarnings},
    CASE WHEN created_at IS NULL THEN __rb_raw_date END AS __rb_raw_date,
    (${blankSql(plan.names.length)}) AS __rb_blank, CASE ${reasonCase.join(' ')} ELSE 0 END AS __rb_reason,
    CASE WHEN strlen(text) <> length(text) THEN coalesce(regexp_matches(text, $mojibake_lost_pattern), false) ELSE false END AS __rb_warn_${formatWarnings + 1},
    CASE WHEN strlen(text) <> length(text) THEN coalesce(regexp_matches(text, $mojibake_pattern), false) ELSE false END AS ${mojibakeFlag(plan)}
    FROM (SELECT ${inner.join(',\n  ')} FROM ${from})`;
}

/** The error that stops the direct insert at the first row that needs the checked path. */
export const NEEDS_CHECKS = 'replybench: a row needs the checked import';

/**
 * One INSERT from the file's records into `posts`, in created_at order (so
 * months stay clustered), for a file whose every row is kept as it is. The
 * first row that would be rejected, is blank or carries a warning stops the
 * statement with the error NEEDS_CHECKS. The check sits in the batch_id
 * value rather than in a WHERE: a filter would be pushed under the mapping
 * and compute every mapped expression twice.
 */
export function directInsertSql(plan: CanonicalPlan, from: string): string {
  const columns = MAPPED_COLUMNS.map(quoteIdentifier).join(', ');
  const clean = ['__rb_reason = 0', 'NOT __rb_blank', ...plan.warnings.map((_, index) => `NOT __rb_warn_${index}`)].join(' AND ');
  return `INSERT INTO posts (${columns}, batch_id)
    SELECT ${columns}, CASE WHEN ${clean} THEN $batch_id ELSE error('${NEEDS_CHECKS}') END
    FROM (${canonicalSql(plan, from)}) ORDER BY created_at`;
}

/**
 * Marks each later copy of a post in the file whose author, date or text
 * differs from its first copy (text only when both have one: an empty text
 * is filled, not contradicted) as a conflicting duplicate of that copy: it
 * is kept in import_rejects instead of being merged. Returns how many.
 */
export async function markConflicts(store: Store, plan: CanonicalPlan): Promise<number> {
  const kept = `SELECT platform, post_id, author, created_at, text, __rb_row FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason = 0`;
  return store.change(
    `UPDATE ${CANONICAL_TABLE} SET __rb_reason = $conflict_code, __rb_first = copies.first_row
     FROM (
       SELECT __rb_row AS row_id, first_row FROM (
         SELECT __rb_row, author, created_at, text,
           first_value(__rb_row) OVER copies AS first_row, first_value(author) OVER copies AS first_author,
           first_value(created_at) OVER copies AS first_created, first_value(text) OVER copies AS first_text
         FROM (${kept}) SEMI JOIN (SELECT platform, post_id FROM (${kept}) GROUP BY ALL HAVING count(*) > 1) USING (platform, post_id)
         WINDOW copies AS (PARTITION BY platform, post_id ORDER BY __rb_row)
       )
       WHERE __rb_row <> first_row
         AND (author IS DISTINCT FROM first_author OR created_at IS DISTINCT FROM first_created OR (text IS NOT NULL AND first_text IS NOT NULL AND text <> first_text))
     ) AS copies
     WHERE ${CANONICAL_TABLE}.rowid = copies.row_id`,
    { conflict_code: plan.codes.conflict },
  );
}

/** The flag column of the pipeline's last warning: text that looks like UTF-8 read as Windows-1252. */
function mojibakeFlag(plan: CanonicalPlan): string {
  return `__rb_warn_${plan.warnings.length - 1}`;
}

/**
 * Evaluates the mapping once, straight from the file, into a temporary table
 * in file order (its rowid is the record index): the checks, the rejects and
 * the insert then read plain columns instead of re-running every parse. The
 * texts damaged by a spreadsheet are repaired there, before copies of a post
 * are compared: a damaged copy and a clean one are then the same post.
 */
export async function materializeCanonical(store: Store, plan: CanonicalPlan, relation: CsvRelation): Promise<void> {
  // __rb_first: for a conflicting copy of a post, the row of its first copy (see markConflicts).
  const sql = `CREATE OR REPLACE TEMP TABLE ${CANONICAL_TABLE} AS SELECT *, NULL::BIGINT AS __rb_first FROM (${canonicalSql(plan, relation.sql)})`;
  await inFileOrder(store, () => store.change(sql, { ...plan.params, ...relation.params }));
  await repairStagedText(store, plan);
}

const damagedTextRow = z.object({ row_id: z.number(), text: z.string() });

/**
 * Rewrites the text of the rows flagged as mojibake with its repair, and unflags a row its repair leaves as it is (the
 * pattern also matches valid text: "Spaß“"), then the text of a row damaged beyond repair with the clean text of
 * another copy of the post in the file, when it is that text damaged: the two are then the same post, not a conflict
 * (few rows: both run in JavaScript).
 */
async function repairStagedText(store: Store, plan: CanonicalPlan): Promise<void> {
  const flag = mojibakeFlag(plan);
  const damaged = await store.rows('texts to repair', damagedTextRow, `SELECT rowid::DOUBLE AS row_id, text FROM ${CANONICAL_TABLE} WHERE ${flag}`);
  const repaired = damaged.map((row) => ({ row_id: row.row_id, text: repairMojibake(row.text) }));
  await rewriteStagedText(store, repaired.filter((row, index) => row.text !== damaged[index]?.text));
  const intact = repaired.filter((row, index) => row.text === damaged[index]?.text).map((row) => row.row_id);
  if (intact.length > 0) await store.run(`UPDATE ${CANONICAL_TABLE} SET ${flag} = false WHERE rowid IN (SELECT unnest($ids))`, { ids: listValue(intact) });
  const lost = `__rb_warn_${plan.warnings.length - 2}`;
  const pairs = await store.rows(
    'texts lost beyond repair',
    lostCopyRow,
    // The few damaged rows first: the join then probes the file's rows with them, never pairs the file with itself.
    `WITH damaged AS (SELECT rowid AS row_id, platform, post_id, text FROM ${CANONICAL_TABLE} WHERE ${lost})
     SELECT damaged.row_id::DOUBLE AS row_id, damaged.text AS damaged, clean.text AS clean
     FROM damaged JOIN ${CANONICAL_TABLE} AS clean ON clean.platform = damaged.platform AND clean.post_id = damaged.post_id
     WHERE NOT clean.${lost} AND clean.text IS NOT NULL`,
  );
  const healed = new Map<number, string>();
  for (const pair of pairs) if (!healed.has(pair.row_id) && isDamagedFormOf(pair.clean, pair.damaged)) healed.set(pair.row_id, pair.clean);
  await rewriteStagedText(store, [...healed].map(([row_id, text]) => ({ row_id, text })));
}

const lostCopyRow = z.object({ row_id: z.number(), damaged: z.string(), clean: z.string() });

async function rewriteStagedText(store: Store, rows: ReadonlyArray<{ row_id: number; text: string }>): Promise<void> {
  if (rows.length === 0) return;
  await store.run(
    `UPDATE ${CANONICAL_TABLE} SET text = repaired.text
     FROM (SELECT unnest($ids) AS row_id, unnest($texts) AS text) AS repaired
     WHERE ${CANONICAL_TABLE}.rowid = repaired.row_id`,
    { ids: listValue(rows.map((row) => row.row_id)), texts: listValue(rows.map((row) => row.text)) },
  );
}

export async function dropCanonical(store: Store): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS ${CANONICAL_TABLE}`);
}
