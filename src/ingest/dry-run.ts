import { type DayMonthSwap, dayMonthNotices, eitherWayNotices, readingDatesAsWritten, refuseSwappedDates } from './day-month.js';
import { repeatedColumnNotices } from './repeated-columns.js';
import { refuseReorderedHeader } from './header-again.js';
import type { DuckDBValue } from '@duckdb/node-api';
import { basename } from 'node:path';
import { z } from 'zod';
import { AlreadyReported, UserError } from '../errors.js';
import { printable } from '../metrics/format/aligned.js';
import { counted } from '../report/i18n/plain-numbers.js';
import { Store } from '../store/database.js';
import { alreadyStored, type StoredUnknown } from './already-stored.js';
import { archiveExports, expandArchive, isExportArchive } from './archive.js';
import { CANONICAL_ROWS, canonicalPlan, MAPPED_COLUMNS, materializeCanonical, PIPELINE_REASONS, type CanonicalPlan } from './canonical.js';
import { EARLIEST_OTHER, FUTURE_REASON, PLATFORM_BEGINNINGS, tooEarlyReason } from './plausible-dates.js';
import { chooseFormat } from './choose-format.js';
import { dateFormatAdvice, proposeDateFormat } from './formats/date-hint.js';
import { createMappingContext } from './formats/mapping-context.js';
import { quoteIdentifier } from './formats/sql-helpers.js';
import type { FormatId, MappedColumn } from './formats/types.js';
import { type FileProfile, fileProfile } from './file-profile.js';
import { resolveImportOptions, type ImportRequest } from './import.js';
import { learnHandles } from './learned-handles.js';
import { mergePosts } from './merge.js';
import { type ImportNotice, withWarnings } from './notices.js';
import { prepareSource, type PreparedSource, type SourceEncoding } from './source/prepare.js';
import { recoverRecords, type StructuralReject } from './source/recover.js';
import { scanShape } from './source/shape-scan.js';
import { shortRowsWarning } from './import-file.js';
import { type CsvRead, type CsvRelation, csvRelation, describeDelimiter, firstRead, type Layout, NeedsRecovery, needsRecovery, readWithRetries, recoveredRead } from './staging.js';
import { fileStats, rejectsByReason } from './stats.js';
import { localTimesZone, mappingZone } from './local-times.js';

const SHOWN_ROWS = 5;
/** Unread dates looked at to tell the day from the month. */
const DAY_EVIDENCE = 2000;

/** What importing a file would do, found without writing to any database. */
export interface DryRunReport {
  path: string;
  /** The content's hash, as import_batches records it: the same content imported before is found by it. */
  sha256: string;
  format: { id: FormatId; label: string; detected: boolean };
  encoding: SourceEncoding;
  /** The delimiter between cells; null for a workbook. */
  delimiter: string | null;
  headerLine: number;
  timezone: string;
  /** Whether the layout reads times that name no offset in `timezone`; false where every time names its own (the Kaggle layout). */
  readsLocalTimes: boolean;
  /** Per store field, the file's columns its value is read from; with none, the value every kept row gets (the format's own or --platform), or null. */
  fields: Array<{ field: MappedColumn; columns: string[]; constant: string | null }>;
  /** The first data rows (blank ones skipped): the post as it would be stored, or why it would be rejected. */
  rows: Array<{ row: number; post: Record<MappedColumn, string | number | null> | null; rejected: string | null }>;
  rowsRead: number;
  wouldImport: number;
  /**
   * Of those, the posts the database holds already (an import adds none of them: it skips them, or fills their
   * empty fields): 0 before its first import; null when it cannot tell (no database named, or one it cannot read
   * now without writing or without harm, see alreadyStored).
   */
  alreadyStored: number | null;
  /** Why alreadyStored is null, when a database is named: an import of this process writes it, another program holds it, an import was cut short in it, or it is no store of this version. */
  alreadyStoredUnknown: StoredUnknown | null;
  /** Rows repeating a post earlier in the same file (an import keeps the first). */
  repeatedInFile: number;
  rejected: number;
  skippedBlank: number;
  rejectedByReason: Record<string, number>;
  /** What the import would warn of, in English (rows kept but reported, per warning, among them). */
  warnings: string[];
  /** The same warnings as data, for a text in another language (the local page). */
  notices: ImportNotice[];
  /**
   * Examples of dates that could not be read, and what to set in a generic mapping: in words,
   * and (for a generic file) the date.format the examples fit, with whether their day and month could be swapped.
   */
  unreadDates: { examples: string[]; advice: string; format: string | null; dayMonthAmbiguous: boolean } | null;
  /**
   * Whether most rows read would be rejected for their date (missing, not read, in the future or before the platform
   * existed): the column taken for the date most likely holds something else (a user id read as a number of seconds).
   */
  datesDoubtful: boolean;
  /** The handles that importing this file alone would learn for numeric user ids. */
  learnedHandles: Array<{ userId: string; handle: string; replies: number; repliesTotal: number }>;
  /** Its span, kinds, most frequent authors and mentioned handles, and what it can support. */
  profile: FileProfile;
}

/** The header columns an expression reads: each appears in it as a quoted identifier. */
function columnsIn(expression: string, names: readonly string[]): string[] {
  return names.filter((name) => expression.includes(quoteIdentifier(name)));
}

/** Which columns feed each field; a field that reads none shows the value the kept rows got, if any. */
async function fieldSources(store: Store, plan: CanonicalPlan): Promise<DryRunReport['fields']> {
  const fields = MAPPED_COLUMNS.map((field) => ({ field, columns: columnsIn(plan.select.columns[field], plan.names) }));
  const unread = fields.filter((field) => field.columns.length === 0);
  const [values] = unread.length
    ? await store.rows(
        'values of unread fields',
        fieldValuesRow,
        `SELECT ${unread.map(({ field }) => `any_value(${quoteIdentifier(field)})::VARCHAR AS ${quoteIdentifier(field)}`).join(', ')} FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason = 0`,
      )
    : [];
  return fields.map((field) => ({ ...field, constant: field.columns.length ? null : (values?.[field.field] ?? null) }));
}

/** A field that reads no column: the value the kept rows got, as text, by field name. */
const fieldValuesRow = z.record(z.string(), z.string().nullable());
/** A first row: its number and reject code, and every mapped field (author_followers a number, the rest text). */
const shownRow = z.object({ __rb_row: z.number(), __rb_reason: z.number() }).catchall(z.union([z.string(), z.number()]).nullable());
const rawDateRow = z.object({ raw: z.string() });
const learnedHandleRow = z.object({ userId: z.string(), handle: z.string(), replies: z.number(), repliesTotal: z.number() });

async function shownRows(store: Store, plan: CanonicalPlan): Promise<DryRunReport['rows']> {
  const values = MAPPED_COLUMNS.map((column) => {
    if (column === 'created_at') return `strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at`;
    if (column === 'author_followers') return 'author_followers::DOUBLE AS author_followers';
    return quoteIdentifier(column);
  });
  const rows = await store.rows(
    'first rows',
    shownRow,
    `SELECT __rb_row::DOUBLE AS __rb_row, __rb_reason::DOUBLE AS __rb_reason, ${values.join(', ')}
     FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank ORDER BY __rb_row LIMIT ${SHOWN_ROWS}`,
  );
  return rows.map((row) => {
    const reason = row.__rb_reason;
    const post = Object.fromEntries(MAPPED_COLUMNS.map((column) => [column, row[column] ?? null])) as Record<MappedColumn, string | number | null>;
    return { row: row.__rb_row + 1, post: reason === 0 ? post : null, rejected: reason === 0 ? null : (plan.reasons[reason - 1] ?? 'rejected') };
  });
}

/**
 * The first rows of the file with the rows the row-by-row recovery set apart
 * (too many cells) among them, each numbered by its place in the file: the
 * rewrite DuckDB read left those out, so its rows after one come later in the file.
 */
function withStructuralRejects(rows: DryRunReport['rows'], structural: readonly StructuralReject[]): DryRunReport['rows'] {
  if (structural.length === 0) return rows;
  const setApart = structural.map((reject) => reject.record).sort((a, b) => a - b);
  const kept = rows.map((row) => {
    let record = row.row - 1;
    for (const at of setApart) if (at <= record) record += 1;
    return { ...row, row: record + 1 };
  });
  const rejected = structural.map((reject) => ({ row: reject.record + 1, post: null, rejected: reject.reason }));
  return [...kept, ...rejected].sort((a, b) => a.row - b.row).slice(0, SHOWN_ROWS);
}

/**
 * Reads the file into the canonical table as the import does: rows with more
 * cells than the header (which the shape pass finds, whether DuckDB's reader
 * stops on them or not) are set apart by the row-by-row recovery, and the
 * other rows read from its rewrite.
 */
async function readAsImportWould(store: Store, plan: CanonicalPlan, prepared: PreparedSource, layout: Layout): Promise<{ read: CsvRead; structural: readonly StructuralReject[] }> {
  const shape = scanShape(prepared.readPath, { delimiter: layout.delimiter, headerLine: layout.headerLine, columns: layout.names.length });
  // Awaited below only on some paths: a failed pass must not go unhandled meanwhile.
  shape.catch(() => undefined);
  const materialize = (relation: CsvRelation): Promise<void> => materializeCanonical(store, plan, relation);
  let recoverFrom: CsvRead;
  try {
    const read = await readWithRetries(firstRead(prepared), layout, materialize, shape);
    if (!needsRecovery(await shape)) return { read, structural: [] };
    recoverFrom = read;
  } catch (error) {
    if (!(error instanceof NeedsRecovery)) throw error;
    recoverFrom = error.read;
  }
  const recovery = await recoverRecords(recoverFrom.source, layout, await shape);
  return { read: await readWithRetries(recoveredRead(recovery), layout, materialize), structural: recovery.rejects };
}

/** Why a dry run cannot tell how many of its posts the database holds, as the terminal says it. */
const STORED_UNKNOWN_WHY: Record<StoredUnknown, string> = {
  importing: 'an import writes it',
  'held-elsewhere': 'another program has it open',
  'unfinished-import': 'it holds the rows of an import that was cut short, which the import clears first',
  'other-store': 'it is no replybench database of this version',
};

/** What to do of dates a known layout's patterns do not read, in the command line's words. */
export const LAYOUT_DATES_ADVICE = 'check --format and --timezone, or map the file with --format generic and a date.format';

async function unreadDates(store: Store, plan: CanonicalPlan, isGeneric: boolean): Promise<DryRunReport['unreadDates']> {
  const rows = await store.rows(
    'unread dates',
    rawDateRow,
    `SELECT __rb_raw_date AS raw FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason = $code ORDER BY __rb_row LIMIT 5`,
    { code: plan.codes.badDate },
  );
  if (rows.length === 0) return null;
  const examples = rows.map((row) => row.raw);
  if (!isGeneric) return { examples, advice: LAYOUT_DATES_ADVICE, format: null, dayMonthAmbiguous: false };
  // Which number is the day is judged on many more values than the five shown.
  const evidence = await store.rows(
    'more unread dates',
    rawDateRow,
    `SELECT DISTINCT __rb_raw_date AS raw FROM (${CANONICAL_ROWS}) WHERE NOT __rb_blank AND __rb_reason = $code LIMIT ${DAY_EVIDENCE}`,
    { code: plan.codes.badDate },
  );
  const hint = proposeDateFormat(examples, evidence.map((row) => row.raw));
  return { examples, advice: dateFormatAdvice(examples, hint), format: hint?.format ?? null, dayMonthAmbiguous: hint?.dayMonthAmbiguous ?? false };
}

/** Where a dry run looks beyond the file: the database an import would add to, and the zone its days are counted in. */
export interface DryRunContext {
  /** The database whose posts are counted (read only); none by default. */
  database?: string | null;
  /** An import of this process holds the database: it is not opened (see alreadyStored). */
  databaseBusy?: boolean;
  /** The zone the file's days are counted in (the client's); the zone its local times are read in by default. */
  daysIn?: string;
}

/**
 * Reads a file the way `replybench import` would, in a database held in
 * memory, and reports what would be stored and rejected, and how many of its
 * posts the database `around` names (read only) holds already. No file is written
 * but the temporary copies the reading itself needs, removed at the end.
 */
export function dryRunFile(file: string, request: ImportRequest, around: DryRunContext = {}, path = file): Promise<DryRunReport> {
  // As the import reads a file whose dates its layout's patterns read the wrong way round: the other way, said.
  return readingDatesAsWritten((swap) => dryRunAs(file, request, around, path, swap));
}

async function dryRunAs(file: string, request: ImportRequest, around: DryRunContext, path: string, swap: DayMonthSwap | null): Promise<DryRunReport> {
  // `file` is read; `path` is how the report and its messages name it (an archive's member is archive.zip:member.csv).
  const options = resolveImportOptions(request);
  const prepared = await prepareSource(file, undefined, path);
  const store = await Store.open(':memory:');
  try {
    const { format, layout } = chooseFormat(prepared, options.format, options.delimiter);
    const context = createMappingContext(layout.names, { timezoneParam: '$timezone', platformParam: options.platform === null ? null : '$platform', file: path, dayMonthSwapped: swap !== null });
    const baseParams: Record<string, DuckDBValue> = { timezone: options.timezone };
    if (options.platform !== null) baseParams.platform = options.platform;
    const select = format.select(context);
    const plan = canonicalPlan(select, layout, baseParams);
    // The in_clause optimizer turns IN lists into joins, which lose the file order the first rows are shown in.
    await store.run("SET disabled_optimizers = 'in_clause'");
    const { read, structural } = await readAsImportWould(store, plan, prepared, layout);
    // As the import says it, or refuses a file cut short.
    const shortRows = read.padded && !read.source.ragged ? [await shortRowsWarning(read.source, layout)] : [];
    const stats = await fileStats(store, plan);
    await refuseReorderedHeader(read.source, layout, plan, stats, null);
    // As the import refuses, or reads the other way, a file whose day and month are the wrong way round for its layout.
    await refuseSwappedDates(store, plan, stats, csvRelation(read, layout), path);
    const eitherWay = await eitherWayNotices(store, select, csvRelation(read, layout), swap);

    const rejectedByReason = rejectsByReason(structural, stats, plan);
    const rows = withStructuralRejects(await shownRows(store, plan), structural);
    const fields = await fieldSources(store, plan);
    const dates = await unreadDates(store, plan, format.id === 'generic');
    // The kept rows go into the in-memory posts table, so learning reads them as an import's would.
    await mergePosts(store, 1, { duplicatesInFile: stats.duplicatesInFile > 0 });
    await learnHandles(store, 1, select);
    const learned = await store.rows(
      'learned handles',
      learnedHandleRow,
      'SELECT user_id AS "userId", handle, replies::DOUBLE AS replies, replies_total::DOUBLE AS "repliesTotal" FROM learned_handles ORDER BY user_id',
    );
    const stored = await alreadyStored(store, around.database ?? null, around.databaseBusy);
    return {
      path,
      sha256: prepared.sha256,
      format: { id: format.id, label: format.label, detected: options.format === 'auto' },
      encoding: prepared.encoding,
      delimiter: prepared.encoding === 'xlsx' ? null : layout.delimiter,
      headerLine: layout.headerLine,
      timezone: mappingZone(select, options.timezone),
      readsLocalTimes: localTimesZone(select, options.timezone) !== null,
      fields,
      rows,
      rowsRead: stats.rows + structural.length,
      wouldImport: stats.kept - stats.duplicatesInFile,
      alreadyStored: stored.count,
      alreadyStoredUnknown: stored.unknown,
      repeatedInFile: stats.duplicatesInFile,
      rejected: Object.values(rejectedByReason).reduce((sum, count) => sum + count, 0),
      skippedBlank: stats.blank,
      rejectedByReason,
      ...withWarnings([
        ...repeatedColumnNotices(plan, layout),
        ...dayMonthNotices(swap),
        ...read.source.warnings,
        ...eitherWay,
        ...shortRows,
        ...stats.warnings.flatMap((warning, index): ImportNotice[] =>
          warning.count > 0 ? [{ code: 'rows', count: warning.count, reason: plan.warnings[index] ?? '', unit: prepared.lineUnit, line: null }] : [],
        ),
      ]),
      unreadDates: dates,
      datesDoubtful: datesDoubtful(rejectedByReason, stats.rows + structural.length),
      learnedHandles: learned,
      profile: await fileProfile(store, around.daysIn ?? options.timezone),
    };
  } finally {
    store.close();
    prepared.cleanup();
  }
}

/** The dry run of one export: its report, or why the import would refuse it. */
export type DryRunOutcome = { path: string; report: DryRunReport; error?: undefined } | { path: string; report?: undefined; error: UserError };

/**
 * What importing `path` would do: one outcome per export, an archive's each member as the import reads it (named
 * archive.zip:member.csv, the archive's other files said in the first; a member the import would refuse is said as
 * refused, and the others still read), else the file's. A file, or an archive, that cannot be read at all throws.
 */
export async function dryRunExports(path: string, request: ImportRequest, around: DryRunContext = {}): Promise<DryRunOutcome[]> {
  if (!(await isExportArchive(path))) return [{ path, report: await dryRunFile(path, request, around) }];
  const archive = await expandArchive(path);
  try {
    const outcomes: DryRunOutcome[] = [];
    for (const { name, member, notes } of archiveExports(path, archive)) {
      try {
        const report = await dryRunFile(member.file, request, around, name);
        outcomes.push({ path: name, report: notes.length > 0 ? { ...report, ...withWarnings([...notes, ...report.notices]) } : report });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        outcomes.push({ path: name, error });
      }
    }
    return outcomes;
  } finally {
    archive.cleanup();
  }
}

function shown(value: string | number | null, limit = 60): string {
  if (value === null) return '';
  const text = String(value).replace(/\s+/g, ' ');
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
}

/** The fields a row line shows, in this order, when they have a value. */
const ROW_FIELDS: MappedColumn[] = ['created_at', 'author', 'kind', 'parent_id', 'parent_url', 'thread_id', 'reply_to_user', 'response_ids', 'author_name', 'author_followers', 'url', 'language', 'sentiment', 'topic', 'text'];

/** Fields whose values may hold spaces: shown quoted. */
const QUOTED_FIELDS = new Set<MappedColumn>(['author_name', 'parent_url', 'url', 'topic', 'text']);

/** The report for people: what was detected, where each field comes from, the first rows, the counts. */
export function dryRunText(report: DryRunReport): string {
  const lines = [`${basename(report.path)}: dry run, nothing written`];
  const how = report.format.detected ? 'detected from the header' : 'as asked (--format or --mapping)';
  lines.push(`  format: ${report.format.id} (${report.format.label}), ${how}`);
  const cells = report.delimiter === null ? 'workbook (first worksheet)' : `${describeDelimiter(report.delimiter)}-separated`;
  lines.push(`  read as: ${report.encoding}, ${cells}, header on ${report.delimiter === null ? 'row' : 'line'} ${report.headerLine}; times without an offset in ${report.timezone}`);
  lines.push('  store fields, from the columns:');
  const width = Math.max(...report.fields.map((field) => field.field.length));
  for (const { field, columns, constant } of report.fields) {
    const source = columns.length ? columns.map((column) => `"${column}"`).join(', ') : constant !== null ? `${JSON.stringify(constant)} (set by the format${field === 'platform' ? ' or --platform' : ''})` : '(not in this export)';
    lines.push(`    ${field.padEnd(width)}  ${source}`);
  }
  lines.push(`  the first ${report.rows.length} rows as they would be stored:`);
  for (const row of report.rows) {
    if (!row.post) {
      lines.push(`    row ${row.row}: rejected: ${row.rejected ?? ''}`);
      continue;
    }
    const post = row.post;
    const values = ROW_FIELDS.filter((field) => post[field] !== null).map((field) => `${field}=${QUOTED_FIELDS.has(field) ? shown(post[field]) : String(post[field])}`);
    lines.push(`    row ${row.row}: ${post.platform ?? ''} ${post.post_id ?? ''} ${values.join(' ')}`);
  }
  const stored = report.alreadyStored ?? 0;
  const fresh = report.wouldImport - stored;
  const number = (value: number) => value.toLocaleString('en-US');
  const untold = report.alreadyStoredUnknown === null ? '' : ` (how many of them the database holds already cannot be told: ${STORED_UNKNOWN_WHY[report.alreadyStoredUnknown]})`;
  const imported = stored > 0 ? [`${counted('en', fresh, 'new post', 'new posts')} would be imported`, `${number(stored)} ${stored === 1 ? 'is' : 'are'} in the database already`] : [`${number(report.wouldImport)} would be imported${untold}`];
  const counts = [...imported, `${number(report.rejected)} rejected`];
  if (report.repeatedInFile > 0) counts.push(`${number(report.repeatedInFile)} repeated in the file`);
  if (report.skippedBlank > 0) counts.push(`${number(report.skippedBlank)} blank`);
  lines.push(`  ${counted('en', report.rowsRead, 'row', 'rows')} read: ${counts.join(', ')}`);
  if (report.datesDoubtful) {
    const columns = report.fields.find((field) => field.field === 'created_at')?.columns ?? [];
    lines.push(`    most rows are refused for their date: the column taken for the date (${columns.map((column) => `"${printable(column)}"`).join(", ")}) does not seem to hold dates; map the date to the column that does`);
  }
  for (const [reason, count] of Object.entries(report.rejectedByReason)) lines.push(`    rejected: ${reason}${count === 1 ? '' : ` (${counted('en', count, 'row', 'rows')})`}`);
  if (report.unreadDates) lines.push(`    dates not read, like ${report.unreadDates.examples.map((example) => shown(example)).join(', ')}: ${report.unreadDates.advice}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  const { profile } = report;
  if (profile.first !== null) {
    const kinds = Object.entries(profile.kinds).map(([kind, count]) => `${count} ${count === 1 ? kind : kind === 'reply' ? 'replies' : `${kind}s`}`);
    lines.push(`  spans ${profile.first} .. ${profile.last} (${profile.daysWithPosts} ${profile.daysWithPosts === 1 ? 'day' : 'days'} with posts, days in ${profile.timezone}): ${kinds.join(', ')}`);
    const listed = (entries: FileProfile['topAuthors']) => entries.map((entry) => `${printable(entry.handle)} (${entry.n})`).join(', ');
    if (profile.topAuthors.length > 0) lines.push(`  most frequent authors: ${listed(profile.topAuthors)}`);
    if (profile.topRepliers.length > 0) lines.push(`  most active repliers (likely brand accounts): ${listed(profile.topRepliers)}`);
    if (profile.topMentioned.length > 0) lines.push(`  most mentioned handles: ${listed(profile.topMentioned)}`);
  }
  for (const sentence of profile.supports) lines.push(`  for a report: ${sentence}`);
  if (report.learnedHandles.length) {
    const pairs = report.learnedHandles.map((pair) => `${pair.userId} -> ${pair.handle} (${pair.replies} of ${pair.repliesTotal} replies)`);
    lines.push(`  handles learned for ${report.learnedHandles.length} user ids: ${pairs.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface DryRunOptions extends Omit<ImportRequest, 'onProgress'> {
  json?: boolean;
  /** The database an import would add to (its posts are counted), and the zone the file's days are counted in. */
  context?: DryRunContext;
}

/**
 * `replybench import --dry-run`: reports on each file, on stdout (one JSON
 * object per file with --json); a file that cannot be read is reported on
 * stderr and makes the command fail, as an import would.
 */
export async function runDryRun(paths: readonly string[], options: DryRunOptions): Promise<void> {
  const { json, context = {}, ...request } = options;
  // Options are checked once, before any file is read.
  resolveImportOptions(request);
  let failures = 0;
  let files = 0;
  const refused = (path: string, error: UserError) => {
    failures += 1;
    process.stderr.write(`replybench: ${error.message}\n`);
    if (json) process.stdout.write(`${JSON.stringify({ path, error: error.message })}\n`);
  };
  for (const path of paths) {
    let outcomes: DryRunOutcome[];
    try {
      outcomes = await dryRunExports(path, request, context);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      outcomes = [{ path, error }];
    }
    files += outcomes.length;
    for (const outcome of outcomes) {
      if (outcome.error) {
        refused(outcome.path, outcome.error);
        continue;
      }
      process.stdout.write(json ? `${JSON.stringify(outcome.report)}\n` : dryRunText(outcome.report));
      // The import refuses a file of which no row can be used: the dry run's exit status says so too (its JSON object is the file's one line).
      if (outcome.report.rowsRead > 0 && outcome.report.rejected === outcome.report.rowsRead) {
        failures += 1;
        process.stderr.write(`replybench: ${outcome.report.path}: every row would be rejected, so the import would refuse the file; see the reasons above.\n`);
      }
    }
  }
  if (failures === 0) return;
  if (files === 1) throw new AlreadyReported();
  throw new UserError(`${failures} of ${files} files could not be read or would be refused (see the errors above).`);
}

/** The reasons a row is rejected for its date (canonical.ts's checks): most rows rejected so, the date column is likely the wrong one. */
const DATE_REASONS: ReadonlySet<string> = new Set([
  PIPELINE_REASONS.missingDate,
  PIPELINE_REASONS.badDate,
  FUTURE_REASON,
  ...[...PLATFORM_BEGINNINGS, { platform: null, since: EARLIEST_OTHER }].map((beginning) => tooEarlyReason(beginning.platform, beginning.since)),
]);

/** Whether more than half of `rowsRead` (10 at least) would be rejected for their date. */
function datesDoubtful(rejectedByReason: Record<string, number>, rowsRead: number): boolean {
  const rejected = Object.entries(rejectedByReason).reduce((sum, [reason, count]) => sum + (DATE_REASONS.has(reason) ? count : 0), 0);
  return rowsRead >= 10 && rejected * 2 > rowsRead;
}
