import { repeatedColumnNotices } from './repeated-columns.js';
import { refuseReorderedHeader } from './header-again.js';
import type { DuckDBValue } from '@duckdb/node-api';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { counted } from '../report/i18n/plain-numbers.js';
import type { Store } from '../store/database.js';
import type { SqlParams } from '../store/session.js';
import { earlierImport, earlierImportWarning, recordBatch, startBatch, type BatchSource, type EarlierImport } from './batch.js';
import { CANONICAL_ROWS, canonicalPlan, dropCanonical, markConflicts, materializeCanonical, type CanonicalPlan } from './canonical.js';
import { chooseFormat } from './choose-format.js';
import { type DayMonthSwap, dayMonthNotices, eitherWayNotices, readingDatesAsWritten, refuseSwappedDates } from './day-month.js';
import { loadDirect } from './direct.js';
import { createMappingContext } from './formats/mapping-context.js';
import { dateFormatAdvice } from './formats/date-hint.js';
import type { ExportFormat } from './formats/types.js';
import { learnHandles } from './learned-handles.js';
import { LineMap } from './line-map.js';
import { copyWarnings, mergePosts } from './merge.js';
import { type ImportNotice, withWarnings } from './notices.js';
import type { ImportProgress } from './progress.js';
import { insertRejects, insertStructuralRejects } from './rejects.js';
import { repeatImport } from './repeat.js';
import { localTimesZone } from './local-times.js';
import type { FileImportResult } from './result.js';
import { prepareSource, type PreparedSource } from './source/prepare.js';
import { scanRecords } from './source/record-scan.js';
import { cutShortError, recoverRecords, type StructuralReject } from './source/recover.js';
import { scanShape, type RecordShape } from './source/shape-scan.js';
import { createStaging, csvRelation, dropStaging, firstRead, needsRecovery, readWithRetries, recoveredRead, type CsvRead, type Layout } from './staging.js';
import { fileStats, type FileStats, firstRejectLines, reasonWithPlace, rejectsByReason } from './stats.js';

export interface FileImportOptions {
  /** The format to read with, or `auto` to detect it from the header. */
  format: ExportFormat | 'auto';
  /** Delimiter forced by a generic mapping. */
  delimiter?: string;
  /** Platform for exports that do not say (lower case). */
  platform: string | null;
  /** IANA timezone of local times written without an offset. */
  timezone: string;
  /** Read a file imported before again, to fill stored posts' empty fields (see ImportRequest.again). */
  again?: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** What every step of one file's import shares. */
interface FileJob {
  store: Store;
  path: string;
  /** Absolute path, as import_batches and import_rejects record it. */
  file: string;
  format: ExportFormat;
  layout: Layout;
  plan: CanonicalPlan;
  options: FileImportOptions;
  earlier: EarlierImport | null;
  /** What the batch row records before the rows go in. */
  batch: BatchSource;
  report: (phase: ImportProgress['phase'], fraction: number | null) => void;
  /** Warnings from outside the file (an archive's other members). */
  notes: readonly ImportNotice[];
  /** The file's day and month read the other way round from its layout's order, or null. */
  swap: DayMonthSwap | null;
}

/** How an archive member is imported: named `archive.zip:member.csv`, recorded under the archive's absolute path. */
export interface ArchiveMemberImport {
  name: string;
  file: string;
  notes: ImportNotice[];
}

/**
 * Imports one export file in one transaction: it lands whole or not at all.
 * A file already imported the same way adds nothing and is not recorded again. A clean file (the
 * usual case) goes straight from the reader into `posts`; a file with
 * rejected, blank or damaged rows, or with a post repeated, takes the checked
 * path, which works in temporary tables first; a file with rows that do not
 * fit the header (found by the shape pass that runs beside the load) is read
 * row by row first, and only the rows that fit reach DuckDB. Either way a
 * file that fails at any step leaves the database exactly as it was. A file
 * whose dates its layout's own patterns read the wrong way round (a day-first
 * Sprout export) is read again the other way, with a warning.
 */
export function importFile(store: Store, source: string, options: FileImportOptions, member?: ArchiveMemberImport): Promise<FileImportResult> {
  return readingDatesAsWritten((swap) => importFileAs(store, source, options, member, swap));
}

/** importFile, with the layout's day and month read the other way round when `swap` says the file writes them so. */
async function importFileAs(store: Store, source: string, options: FileImportOptions, member: ArchiveMemberImport | undefined, swap: DayMonthSwap | null): Promise<FileImportResult> {
  // An archive member is read from its temporary copy and named after the archive.
  const path = member?.name ?? source;
  let current: ImportProgress['phase'] = 'reading';
  let rows: number | null = null;
  const report = (phase: ImportProgress['phase'], fraction: number | null, bytes?: ImportProgress['bytes'], sheetRows?: number): void => {
    current = phase;
    options.onProgress?.({ path, phase, fraction, ...(bytes ? { bytes } : {}), ...(sheetRows === undefined ? {} : { sheetRows }), ...(rows === null ? {} : { rows }) });
  };
  report('reading', 0);
  const prepared = await prepareSource(
    source,
    (done, total) => report('reading', total > 0 ? done / total : null, { done, total }),
    path,
    (sheetRows) => report('reading', null, undefined, sheetRows),
  );
  try {
    const { format, layout } = chooseFormat(prepared, options.format, options.delimiter);
    const context = createMappingContext(layout.names, {
      timezoneParam: '$timezone',
      platformParam: options.platform === null ? null : '$platform',
      file: path,
      dayMonthSwapped: swap !== null,
    });
    const baseParams: Record<string, DuckDBValue> = { timezone: options.timezone };
    if (options.platform !== null) baseParams.platform = options.platform;
    const select = format.select(context);
    const plan = canonicalPlan(select, layout, baseParams);
    const file = member?.file ?? resolve(source);
    const localTimesIn = localTimesZone(select, options.timezone);

    const earlier = await earlierImport(store, prepared.sha256);
    if (options.again && !earlier) {
      throw new UserError(`${path}: was never imported into this store, so --again has nothing to fill; import it without --again.`);
    }
    if (earlier && !options.again) {
      const repeated = await repeatImport(store, earlier, prepared, format, options.platform, localTimesIn);
      if (repeated) return repeated;
    }
    const batch: BatchSource = { file, sha256: prepared.sha256, format: format.id, encoding: prepared.encoding, platform: options.platform, localTimesIn };
    const job: FileJob = { store, path, file, format, layout, plan, options, earlier, batch, report, notes: [...(member?.notes ?? []), ...repeatedColumnNotices(plan, layout), ...dayMonthNotices(swap)], swap };
    report('loading', null);
    // Runs beside DuckDB's insert (it only reads the file): rows with too many cells, and the longest record.
    const shape = scanShape(prepared.readPath, { delimiter: layout.delimiter, headerLine: layout.headerLine, columns: layout.names.length });
    shape.then(
      (counted) => {
        rows = counted.records;
        if (current === 'loading') report('loading', null);
      },
      () => undefined,
    );
    const direct = await loadDirect(store, firstRead(prepared), layout, plan, shape, () => startBatch(store, batch), async (load) => {
      report('saving', null);
      await refuseUnreadRecords(load.read.source.path, shape, load.rows);
      await refuseRoundedIds(store, load.read.source, 'SELECT post_id FROM posts WHERE batch_id = $batch_id', { batch_id: load.batchId });
      const warnings = await fileWarnings(job, load.read, load.rows);
      warnings.push(...copyWarnings(load, job.batch.localTimesIn));
      // A file that repeats a post is read the checked way: this one repeats none.
      return finishBatch(job, load.read.source, { batchId: load.batchId, rows: load.rows, blank: 0, kept: load.rows, repeated: 0, imported: load.imported, filled: load.filled, conflicts: 0, rejectedByReason: {}, warnings });
    });
    if ('done' in direct) return direct.done;
    const facts = await shape;
    if (!direct.recover && !needsRecovery(facts)) return await importChecked(job, direct.read, shape, []);
    report('checking', null);
    const recovery = await recoverRecords(direct.read.source, layout, facts);
    return await importChecked(job, recoveredRead(recovery), null, recovery.rejects);
  } finally {
    await dropCanonical(store);
    await dropStaging(store);
    prepared.cleanup();
  }
}

/**
 * A file read as no row whose shape pass found records after its header is refused, not imported empty: DuckDB's reader
 * has returned no row, and no error, where the lines it skipped above the header ended otherwise than the rest.
 */
export async function refuseUnreadRecords(path: string, shape: Promise<RecordShape> | null, rows: number): Promise<void> {
  if (rows > 0 || shape === null) return;
  const { records } = await shape;
  if (records > 0) {
    throw new UserError(`${path}: none of the ${records.toLocaleString('en-US')} records after its header could be read. Open the file in a spreadsheet and save it again as CSV (UTF-8), or export it again.`);
  }
}

/** Warnings about the file as a whole, in the order the summary prints them. */
async function fileWarnings(job: FileJob, read: CsvRead, rows: number): Promise<ImportNotice[]> {
  const warnings = [...job.notes, ...read.source.warnings, ...(await eitherWayNotices(job.store, job.plan.select, csvRelation(read, job.layout), job.swap))];
  // A file read again adds its new posts in this import's zone; those stored already and dated otherwise are said apart (differing copies).
  if (job.earlier) warnings.push(earlierImportWarning(job.earlier));
  if (rows === 0) warnings.push({ code: 'no-rows' });
  if (read.padded && !read.source.ragged) warnings.push(await shortRowsWarning(read.source, job.layout));
  return warnings;
}

/** Builds the file's result and records its batch; inside the import's transaction. */
async function finishBatch(
  job: FileJob,
  source: PreparedSource,
  counts: {
    batchId: number;
    rows: number;
    blank: number;
    kept: number;
    /** Kept rows that repeat a post earlier in the file. */
    repeated: number;
    imported: number;
    filled: number;
    conflicts: number;
    rejectedByReason: Record<string, number>;
    rejectedFirstAt?: Record<string, number>;
    warnings: ImportNotice[];
    unreadDate?: UnreadDate | null;
  },
): Promise<FileImportResult> {
  const rejected = Object.values(counts.rejectedByReason).reduce((sum, count) => sum + count, 0);
  const learnedHandles = await learnHandles(job.store, counts.batchId, job.plan.select);
  const result: FileImportResult = {
    path: job.path,
    format: job.format.id,
    encoding: source.encoding,
    batchId: counts.batchId,
    sha256: source.sha256,
    rowsRead: counts.rows,
    imported: counts.imported,
    localTimesIn: job.batch.localTimesIn,
    duplicates: counts.kept - counts.imported,
    repeatedInFile: counts.repeated,
    rejected,
    conflicts: counts.conflicts,
    skippedBlank: counts.blank,
    rejectedByReason: counts.rejectedByReason,
    ...(counts.rejectedFirstAt && Object.keys(counts.rejectedFirstAt).length > 0 ? { rejectedFirstAt: { unit: source.lineUnit, lines: counts.rejectedFirstAt } } : {}),
    ...(counts.unreadDate ? { firstUnreadDate: counts.unreadDate } : {}),
    ...withWarnings(counts.warnings),
    learnedHandles,
    ...(job.options.again ? { filled: counts.filled } : {}),
  };
  await recordBatch(job.store, result);
  return result;
}

/**
 * The checked path: the mapping is evaluated once into a temporary table,
 * counted, and the rejected rows are recorded with their lines before the
 * kept ones are merged.
 */
async function importChecked(job: FileJob, start: CsvRead, shape: Promise<RecordShape> | null, structural: readonly StructuralReject[]): Promise<FileImportResult> {
  const { store, plan, layout, format } = job;
  const read = await readWithRetries(start, layout, (relation) => materializeCanonical(store, plan, relation), shape ?? undefined);
  const source = read.source;
  job.report('checking', null);
  let stats = await fileStats(store, plan);
  // Later copies of a post that contradict the first are kept apart, not merged.
  if (stats.duplicatesInFile > 0 && (await markConflicts(store, plan)) > 0) stats = await fileStats(store, plan);
  const rejected = stats.rejects.reduce((sum, reason) => sum + reason.count, 0);
  const needsLines = rejected > 0 || stats.warnings.some((warning) => warning.count > 0);
  await refuseSwappedDates(store, plan, stats, csvRelation(read, layout), source.path);
  await refuseRoundedIds(store, source, CANONICAL_ROWS);
  const lines = needsLines ? await LineMap.build(source, layout, stats.rows) : null;
  await refuseReorderedHeader(source, layout, plan, stats, lines);
  const unreadDate = lines ? await firstUnreadDate(store, plan, stats, lines) : null;
  if (unreadDate) failWhenNoDateReads(source, plan, stats, unreadDate, format);
  if (stats.kept === 0 && rejected + structural.length > 0) throw everyRowRejected(source, plan, stats, lines, structural);

  await refuseUnreadRecords(source.path, shape, stats.rows + structural.length);
  const warnings = await fileWarnings(job, read, stats.rows + structural.length);
  stats.warnings.forEach((warning, index) => {
    if (warning.count === 0) return;
    const line = warning.firstRow === null || !lines ? null : lines.lineOf(warning.firstRow);
    warnings.push({ code: 'rows', count: warning.count, reason: plan.warnings[index] ?? '', unit: source.lineUnit, line });
  });
  if (rejected > 0) await createStaging(store, read, layout);

  job.report('saving', null);
  const result = await store.transaction(async () => {
    const batchId = await startBatch(store, job.batch);
    if (rejected > 0 && lines) await insertRejects(store, plan, layout, lines, { id: batchId, file: job.file });
    await insertStructuralRejects(store, structural, { id: batchId, file: job.file });
    const merged = await mergePosts(store, batchId, { duplicatesInFile: stats.duplicatesInFile > 0 });
    const rejectedByReason = rejectsByReason(structural, stats, plan);
    const rejectedFirstAt = firstRejectLines(structural, stats, plan, lines);
    const conflicts = stats.rejects[plan.codes.conflict - 1]?.count ?? 0;
    return finishBatch(job, source, {
      batchId,
      rows: stats.rows + structural.length,
      blank: stats.blank,
      kept: stats.kept,
      repeated: stats.duplicatesInFile,
      imported: merged.imported,
      filled: merged.filled,
      conflicts,
      rejectedByReason,
      rejectedFirstAt,
      unreadDate,
      warnings: [...warnings, ...copyWarnings(merged, job.batch.localTimesIn)],
    });
  });
  await lines?.drop(store);
  return result;
}

const rawDateRow = z.object({ raw: z.string().nullable() });
/** The first date a file could not read, with its line (the result's firstUnreadDate). */
type UnreadDate = NonNullable<FileImportResult['firstUnreadDate']>;
const roundedIdsRow = z.object({ long: z.number(), rounded: z.number(), zeros: z.number() });

/** Zeros past the 15th digit, over a file's long ids that all end so, that chance leaves at 1 in 10,000 at most. */
const ROUNDED_ZEROS = 4;

/**
 * Excel keeps 15 significant digits: a longer id it saved in full ends in
 * zeros past the 15th (1204569437812604928 becomes 1204569437812600000), and
 * the real id is lost. One such id may be chance (1 in 10 for a 16-digit id);
 * most of a file's long ids like that (of 5 or more), or every one of a few
 * whose zeros past the 15th digit number 4 or more (3 ids of 18 digits ending
 * in 000, one of 19 ending in 0000), is Excel's doing: replies would point at
 * the wrong posts, so the file is refused. `relation` selects the file's post ids.
 */
async function refuseRoundedIds(store: Store, source: PreparedSource, relation: string, params: SqlParams = {}): Promise<void> {
  const [ids] = await store.rows(
    'ids rounded by Excel',
    roundedIdsRow,
    `SELECT count(*)::DOUBLE AS long, count(*) FILTER (WHERE rounded)::DOUBLE AS rounded, coalesce(sum(length(post_id) - 15) FILTER (WHERE rounded), 0)::DOUBLE AS zeros
     FROM (SELECT post_id, regexp_full_match(substr(post_id, 16), '0+') AS rounded FROM (${relation}) WHERE length(post_id) >= 16 AND regexp_full_match(post_id, '[0-9]+'))`,
    params,
  );
  if (ids && ((ids.long >= 5 && ids.rounded * 2 > ids.long) || (ids.long > 0 && ids.rounded === ids.long && ids.zeros >= ROUNDED_ZEROS))) {
    throw new UserError(
      `${source.path}: ${ids.rounded.toLocaleString('en-US')} of its ${ids.long.toLocaleString('en-US')} ids of 16 digits or more end in zeros past the 15th digit: Excel rounded them to 15 digits and the real ids are lost (replies would point at the wrong posts). Export the data again without opening it in Excel.`,
    );
  }
}

/**
 * A file in which not one date could be read is almost always read with the
 * wrong format or timezone setting: stop with an example rather than reject
 * every row.
 */
function failWhenNoDateReads(source: PreparedSource, plan: CanonicalPlan, stats: FileStats, example: UnreadDate, format: ExportFormat): void {
  const bad = stats.rejects[plan.codes.badDate - 1];
  if (!bad) return;
  const withoutDate = (stats.rejects[plan.codes.missingId - 1]?.count ?? 0) + (stats.rejects[plan.codes.missingDate - 1]?.count ?? 0);
  if (bad.count + withoutDate < stats.rows - stats.blank) return;
  const fault = `${source.path}:${example.line}: no date could be read: ${counted('en', bad.count, 'row', 'rows')} ${bad.count === 1 ? 'has a date' : 'have dates'} like "${example.raw}" that the ${format.label} format does not understand.`;
  throw new UserError(`${fault} Check --format; for local times without an offset pass --timezone; with --format generic ${dateFormatAdvice(example.raw ? [example.raw] : [])}.`, fault);
}

/** The first date the file could not read, with its line: the import's summary quotes it (docs/formats.md). */
async function firstUnreadDate(store: Store, plan: CanonicalPlan, stats: FileStats, lines: LineMap): Promise<UnreadDate | null> {
  const bad = stats.rejects[plan.codes.badDate - 1];
  if (!bad || bad.count === 0 || bad.firstRow === null) return null;
  const [example] = await store.rows('first unread date', rawDateRow, `SELECT __rb_raw_date AS raw FROM (${CANONICAL_ROWS}) WHERE __rb_row = $row`, { row: bad.firstRow });
  return { line: lines.lineOf(bad.firstRow), raw: example?.raw ?? '' };
}

/**
 * A file of which not one row could be used adds nothing: that is a failure
 * (exit status 1, nothing written), told with the most frequent reasons and
 * the first line of each.
 */
function everyRowRejected(source: PreparedSource, plan: CanonicalPlan, stats: FileStats, lines: LineMap | null, structural: readonly StructuralReject[]): UserError {
  const counts = rejectsByReason(structural, stats, plan);
  const first = firstRejectLines(structural, stats, plan, lines);
  const reasons = Object.entries(counts);
  const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const listed = top.map(([reason, count]) => reasonWithPlace(reason, count, source.lineUnit, first[reason]));
  const more = reasons.length > top.length ? `; and ${reasons.length - top.length} more reason${reasons.length - top.length === 1 ? '' : 's'}` : '';
  const total = reasons.reduce((sum, [, count]) => sum + count, 0);
  const fault = `${source.path}: every row was rejected (${counted('en', total, 'row', 'rows')}), so nothing was imported: ${listed.join('; ')}${more}.`;
  return new UserError(`${fault} Fix the file or the options (--format, --platform, the mapping) and import it again.`, fault);
}

/** The warning of a file whose rows had fewer cells than the header (read padded); a file that ends inside its last row is refused. */
export async function shortRowsWarning(source: PreparedSource, layout: Layout): Promise<ImportNotice> {
  const facts = await scanRecords(source.readPath, { delimiter: layout.delimiter, headerLine: layout.headerLine, columns: layout.names.length });
  if (facts.cutShort) throw cutShortError(source.path, facts.cutShort.line, facts.cutShort.fields, layout.names.length);
  const first = facts.shortRecords.first;
  return { code: 'short-rows', count: facts.shortRecords.count, width: layout.names.length, unit: 'line', line: first ? first.line : null };
}
