import { fileName } from '../../ingest/archive.js';
import type { Brand } from '../../config/types.js';
import { METRIC_DEFINITIONS } from '../../metrics/definitions.js';
import { changeNotSettled } from '../../metrics/pending.js';
import { formatById } from '../../ingest/formats/index.js';
import { noticeText } from '../../ingest/notices.js';
import type { BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import type { Language } from '../i18n/language.js';
import { leaderboardOrder } from './leaderboard.js';
import { businessHoursSettings } from './businessHours.js';
import { coverageNotes, LOW_SAMPLE_MARK, lowSampleOf, measuredInbound, noAnswerLines, noAnswerNotes, noDataLine, platformsInPartLine } from './coverage.js';
import { printableName } from './examples.js';
import { themesMarked } from './themes.js';
import { filesWithRows, type StoreFacts } from './storeFacts.js';
import type { CoverageRow, LabelledValue, ReportModel } from './types.js';

/** The plain-language definitions at the end of the client report (`glossary.<id>.title` / `.text`), in this order. */
export const GLOSSARY = ['responseRate', 'responseTime', 'targets', 'replyShare', 'shareOfVoice', 'noAnswer', 'ranks', 'change', 'samples', 'coverage', 'canned', 'unsolicited', 'followUps', 'outsideHours', 'audience', 'timing'] as const;

/** The report shows no per-platform figures, so that definition stays in docs/metrics.md only. */
const DEFINITIONS_LEFT_OUT = new Set(['byPlatform']);
const MAX_FILES_LISTED = 12;

/** The tool an imported file came from, as the client reads it: not the importer's id ('twcs', 'generic'), which means nothing to them. */
export function exportTool(formatId: string, t: Translate): string {
  return formatId === 'generic' ? t('methodology.ownMapping') : (formatById(formatId)?.tool ?? formatId);
}

export type Methodology = Pick<ReportModel, 'definitions' | 'settings' | 'dataQuality' | 'importedFiles' | 'importedFilesMore' | 'warnings' | 'coverage'>;

/**
 * The appendix: definitions in the report's language, the settings the numbers rest on (the business hours among them,
 * which the outside-hours figures need to be read), and what the data looked like.
 */
export function buildMethodology(metrics: MetricsReport, facts: StoreFacts | null, format: Formatter, t: Translate, periodLabel: string, brands: readonly Brand[]): Methodology {
  const settings = metrics.settings;
  const lowRates = metrics.brands.filter((brand) => lowSampleOf('responseRate', brand, brand.responseRate) !== null);
  const lowTimes = metrics.brands.filter((brand) => lowSampleOf('responseTimeMedianMin', brand, brand.responseTimeMedianMin) !== null);
  const definitions = glossary(metrics, format, t, lowRates.length + lowTimes.length > 0 || themesMarked(metrics));
  const settingRows: LabelledValue[] = [
    { label: t('setting.period'), value: periodLabel },
    { label: t('setting.timezone'), value: format.timezoneName() },
    { label: t('setting.brands'), value: metrics.brands.map((brand) => brand.name).join(', ') },
  ];
  if (settings) {
    settingRows.push(
      { label: t('setting.window'), value: format.span(settings.responseWindowMin) },
      { label: t('setting.inbound'), value: settings.inbound === 'questions' ? t('setting.inboundQuestions') : t('setting.inboundAll') },
      { label: t('setting.sla'), value: settings.sla.map((target) => format.span(target)).join(', ') },
    );
  }
  settingRows.push(...businessHoursSettings(metrics.brands, brands, format, t));
  const quality = metrics.dataQuality;
  const pending = quality.pending ?? metrics.brands.reduce((sum, brand) => sum + brand.pending, 0);
  // The page's data-quality table is one column of counts, and its files table four: each written as a column.
  const qualityCounts: Array<[key: string, count: number]> = [
    ['quality.posts', quality.posts],
    ['quality.repliesBeforeParent', quality.repliesBeforeParent],
    ['quality.unresolvedParents', quality.unresolvedParents],
    ['quality.pending', pending],
    ...(facts ? importCounts(facts) : []),
  ];
  const qualityShown = format.columnCounts(qualityCounts.map(([, count]) => count));
  const dataQuality: LabelledValue[] = qualityCounts.map(([key], index) => ({ label: t(key), value: qualityShown[index] ?? '' }));
  const withRows = facts ? filesWithRows(facts) : [];
  const listed = withRows.slice(0, MAX_FILES_LISTED);
  const column = (pick: (batch: (typeof listed)[number]) => number) => format.columnCounts(listed.map(pick));
  const [rowsRead, imported, duplicates, rejected] = [column((batch) => batch.rowsRead), column((batch) => batch.imported), column((batch) => batch.duplicates), column((batch) => batch.rejected)];
  const importedFiles = listed.map((batch, index) => ({
    file: printableName(fileName(batch.file)),
    format: exportTool(batch.format, t),
    rowsRead: rowsRead[index] ?? '',
    imported: imported[index] ?? '',
    duplicates: duplicates[index] ?? '',
    rejected: rejected[index] ?? '',
  }));
  const more = withRows.length - importedFiles.length;
  const warnings: string[] = [];
  warnings.push(...coverageNotes(metrics, format, t).map((note) => note.text));
  const noData = noDataLine(metrics, format, t);
  if (noData) warnings.push(noData);
  const inPart = platformsInPartLine(metrics, format, t);
  if (inPart) warnings.push(inPart);
  warnings.push(...noAnswerLines(noAnswerNotes(metrics, format, t), metrics, format, t));
  if (lowRates.length > 0) warnings.push(t('warning.lowSample', { brands: format.list(lowRates.map((brand) => brand.name)) }));
  if (lowTimes.length > 0) warnings.push(t('warning.lowSampleTimes', { brands: format.list(lowTimes.map((brand) => brand.name)) }));
  const pendingLine = pendingWarning(metrics.brands, format, t);
  if (pendingLine) warnings.push(pendingLine);
  if (facts && facts.rejectedRows > 0) warnings.push(t(facts.rejectedRows === 1 ? 'warning.rejectedOne' : 'warning.rejected', { count: format.count(facts.rejectedRows) }));
  warnings.push(...importSummaries(facts, format, t));
  return {
    definitions,
    settings: settingRows,
    dataQuality,
    importedFiles,
    importedFilesMore: more > 0 ? t('methodology.moreFiles', { count: format.count(more) }) : null,
    warnings,
    coverage: coverageRows(metrics, format, t),
  };
}

/** The imports' counts the data-quality page and sheet give, each under its label's key: files (those that held rows), rows imported, duplicates, rows rejected. */
export function importCounts(facts: StoreFacts): Array<[key: string, count: number]> {
  const files = filesWithRows(facts);
  const sum = (pick: (batch: StoreFacts['imports'][number]) => number) => files.reduce((total, batch) => total + pick(batch), 0);
  return [
    ['quality.files', files.length],
    ['quality.rowsImported', sum((batch) => batch.imported)],
    ['quality.duplicates', sum((batch) => batch.duplicates)],
    ['quality.rowsRejected', facts.rejectedRows],
  ];
}

/** One line per warning of an imported file that changed its rows or left some unread, as the import said it, in the report's language: the analyst's notes. */
export function importNotes(facts: StoreFacts | null, format: Formatter, t: Translate): string[] {
  return (facts?.imports ?? []).flatMap((batch) =>
    // The notice names archive members and post ids from the file: printed without their control characters, as file names are.
    batch.notices.map((notice) => t('warning.importNotice', { file: printableName(fileName(batch.file)), notice: printableName(noticeText(notice, format.language)) })),
  );
}

/**
 * One line per imported file whose import changed its rows or left some unread, in the client's words: how many
 * kinds of irregularity, and that the agency keeps the details (the analyst notes give each in the import's own
 * words, which name columns and encodings).
 */
export function importSummaries(facts: StoreFacts | null, format: Formatter, t: Translate): string[] {
  return (facts?.imports ?? []).flatMap((batch) => {
    const kinds = batch.notices.length;
    if (kinds === 0) return [];
    const values = { file: printableName(fileName(batch.file)), count: format.count(kinds) };
    return [t(kinds === 1 ? 'warning.importRepairedOne' : 'warning.importRepaired', values)];
  });
}

/** What each brand's figures rest on, as the metrics' coverage gives it. */
function coverageRows(metrics: MetricsReport, format: Formatter, t: Translate): CoverageRow[] {
  const brands = leaderboardOrder(metrics).flatMap((brand) => (brand.coverage ? [{ brand, coverage: brand.coverage }] : []));
  // Each count written as its column writes it (columnCounts): "8.380" above "15.682" in Spanish.
  const column = (pick: (entry: (typeof brands)[number]) => number) => format.columnCounts(brands.map(pick));
  const brandPosts = column(({ coverage }) => coverage.brandPosts);
  const measured = column(({ coverage }) => coverage.inboundMeasured);
  const inbound = column(({ brand }) => brand.inbound);
  const noAnswer = column(({ coverage }) => coverage.massMentions + coverage.closers);
  const listedMissing = column(({ coverage }) => coverage.listedResponsesMissing);
  const missingParent = column(({ coverage }) => coverage.repliesWithMissingParent);
  return brands.map(({ brand, coverage }, index) => ({
    brandName: brand.name,
    brandPosts: brandPosts[index] ?? '',
    inboundMeasured: t('coverage.measuredOf', { measured: measured[index] ?? '', inbound: inbound[index] ?? '' }),
    noAnswer: noAnswer[index] ?? '',
    span: coverage.span.first === null || coverage.span.last === null ? format.missing : format.dayMonthSpan(new Date(coverage.span.first), new Date(coverage.span.last)),
    days: t('coverage.daysOf', { days: format.count(coverage.span.daysWithData), periodDays: format.count(coverage.span.periodDays) }),
    listedResponsesMissing: listedMissing[index] ?? '',
    repliesWithMissingParent: missingParent[index] ?? '',
  }));
}

/**
 * One page of plain language: what each figure means, with the settings of this report filled in. The full reference is the workbook's.
 * The small-samples entry names the mark only when a figure of the report carries it: a symbol explained but never shown puzzles the reader.
 */
function glossary(metrics: MetricsReport, format: Formatter, t: Translate, marked: boolean): LabelledValue[] {
  const values = {
    window: format.span(metrics.settings?.responseWindowMin ?? 7 * 1440),
    handles: format.count(metrics.settings?.massMentionHandles ?? 5),
    followers: format.count(metrics.diagnostics?.settings.influencerFollowers ?? 1000),
  };
  return GLOSSARY.map((id) => {
    const title = t(`glossary.${id}.title`);
    return { label: id === 'samples' && marked ? `${title} ${LOW_SAMPLE_MARK}` : title, value: t(`glossary.${id}.text`, values) };
  });
}

/**
 * The metric reference of src/metrics/definitions.ts (one source with
 * docs/metrics.md): English as written there, Spanish and French from the template's
 * strings (`metric.<id>.title` / `metric.<id>.text`).
 */
export function metricDefinitions(format: Formatter, t: Translate): LabelledValue[] {
  return METRIC_DEFINITIONS.filter((definition) => !DEFINITIONS_LEFT_OUT.has(definition.id)).map((definition) =>
    format.language === 'en'
      ? { label: definition.title, value: forTheClient(definition.text, format.language, t) }
      : { label: t(`metric.${definition.id}.title`), value: forTheClient(t(`metric.${definition.id}.text`), format.language, t) },
  );
}

/** The warnings the reference names by their codes, and the keys of their names in words ("Responses missing: ..."). */
const NAMED_WARNINGS = { 'responses-missing': 'coverage.nameResponsesMissing', 'brand-posts-partial': 'coverage.nameBrandPostsPartial' } as const;

/**
 * The reference as the client's workbook gives it: without JSON fields and config keys (withoutFieldNames), with
 * the warnings named in words instead of codes, without the clause on naming an account by its user id (the
 * agency's business), and in English with "the setup" for "the config".
 */
function forTheClient(text: string, language: Language, t: Translate): string {
  let client = withoutFieldNames(text).replace(/;\s*[^.;]*\bid:\d+/g, '');
  for (const [code, key] of Object.entries(NAMED_WARNINGS)) client = client.replaceAll(code, t(key));
  if (language === 'en') client = client.replace(/\b(T|t)he config\b/g, '$1he setup');
  return client;
}

/**
 * The reference names JSON fields and config keys for the readers of
 * docs/metrics.md, "(lowSampleTimes)", "(metrics.coverage)", or in a sentence
 * of their own ("Los umbrales se configuran en metrics.coverage."); a client
 * reading the workbook has no use for them.
 */
function withoutFieldNames(text: string): string {
  return text
    .replace(/\s*\([a-z]+(?:[A-Z][a-z0-9]*)+\)/g, '')
    .replace(/\s*\((?:metrics|report)\.[^)]*\)/g, '')
    .replace(/\s*[^.:;]*\b(?:metrics|report)\.[a-zA-Z]+[^.]*\./g, '');
}

/** Mentions still inside the answer window, as a share of those a brand's rate rests on, past which the summary and the leaderboard say its rate may still rise. */
const PENDING_NOTABLE = 0.1;

/**
 * Whether the brand's rate may still rise by much: a tenth or more of the mentions it rests on were still inside the
 * answer window when the data ends (a new user's one-day export: every mention of a competitor, "0%" in the tables),
 * or, fewer, enough to make up the fall of its rate the report shows against the previous period (changeNotSettled).
 */
export function notablyPending(brand: BrandMetrics): boolean {
  const measured = measuredInbound(brand);
  return (measured > 0 && brand.pending / measured >= PENDING_NOTABLE) || changeNotSettled(brand, 'responseRate');
}

/**
 * Whose rates may still rise: of `brands`, those with mentions still inside the answer window when the data ends,
 * each with its count (a mention of two brands is one of each), and their sum when `brands` are all the report's
 * (`some`: a few of them, whose sum beside the methodology's would read as a second total).
 */
export function pendingWarning(brands: readonly BrandMetrics[], format: Formatter, t: Translate, part: 'all' | 'some' = 'all'): string | null {
  const waiting = brands.filter((brand) => brand.pending > 0);
  const [only] = waiting;
  if (only === undefined) return null;
  if (waiting.length === 1) return t(only.pending === 1 ? 'warning.pendingOne' : 'warning.pending', { count: format.count(only.pending), brand: only.name });
  const each = format.list(waiting.map((brand) => t('warning.pendingOfBrand', { count: format.count(brand.pending), brand: brand.name })));
  if (part === 'some') return t('warning.pendingSomeBrands', { brands: each });
  const pending = waiting.reduce((sum, brand) => sum + brand.pending, 0);
  return t('warning.pendingBrands', { count: format.count(pending), brands: each });
}
