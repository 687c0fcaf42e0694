import { fileName } from '../../ingest/archive.js';
import { MIN_SAMPLE, type MetricSpec } from '../../metrics/catalogue.js';
import { DIAGNOSTIC_METRICS, groupBoundByListedMissing, listedMissingEnd, thinSampleOf } from '../../metrics/diagnostics/catalogue.js';
import type { BrandDiagnostics, SampleReason } from '../../metrics/diagnostics/types.js';
import { hasNoData, hasPartialPosts, isLowerBoundUnder } from '../../metrics/coverage.js';
import { changeNotSettled, pendingPoints } from '../../metrics/pending.js';
import type { BrandMetrics, CoverageWarning, MetricsReport, TrendPoint } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { catalogueOf, changeOf, comparedRank, labelValues, slaTargets } from './brandLookup.js';
import { measuredInbound, onlyUntrackedUnmeasured, warningsOf } from './coverage.js';
import { noChangeText } from './kpis.js';
import { comparedOnBrandNotes } from './comparedOn.js';
import { platformName } from './platformName.js';
import { leaderboardOrder } from './leaderboard.js';
import { filesWithRows, type MentionSample, type StoreFacts } from './storeFacts.js';
import { type Cell, cell } from './cells.js';
import { printableName } from './examples.js';
import { exportTool, importCounts, importSummaries, metricDefinitions } from './methodology.js';
import { partMonthBrands } from './part-months.js';
import { periodMonths } from './period-months.js';
import { previousPeriodHeading } from './previousPeriod.js';
import { sampleReasonText } from './scorecard.js';
import { understatesSubject } from './themes.js';
import type { LabelledValue } from './types.js';

export interface WorkbookInputs {
  metrics: MetricsReport;
  /** Null when the report is made from a metrics JSON alone: no example mentions, no import records. */
  facts: StoreFacts | null;
  t: Translate;
  format: Formatter;
  client: { id: string; name: string };
  agency: string | null;
  generatedAt: Date;
  /** The client's unanswered mentions the report lists (none from a platform without its posts, as in the PDF). */
  unanswered: MentionSample[];
  /** The brands' business hours, as the appendix lists them (the outside-hours figures rest on them). */
  businessHours: LabelledValue[];
  /** The previous period as the report names it ("September 2025"): the changes sheet's column. */
  previousLabel: string;
  /** Why a brand's scorecard cell is left empty, as the scorecard prints it under the dash ("Response rate: no mention in the period."), by brand id. */
  emptyReasons: ReadonlyMap<string, string[]>;
}

interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
}

/** One table of the workbook: a header row and typed cells. */
export interface WorkbookSheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export interface WorkbookModel {
  title: string;
  creator: string;
  created: Date;
  sheets: WorkbookSheet[];
}

/**
 * metrics.xlsx as the report model holds it: the numbers of the report for
 * working on them in Excel or Google Sheets, one table per sheet
 * (leaderboard, per platform, trend, diagnostics, example mentions, data
 * quality, coverage, settings, subjects, definitions). Rates and shares are fractions shown as
 * percentages, times are minutes, dates are Excel dates in the report's
 * timezone; sheet names and headers are in the report's language.
 */
export function buildWorkbookModel(inputs: WorkbookInputs): WorkbookModel {
  const { metrics, t } = inputs;
  const sheets: WorkbookSheet[] = [];
  const values = valueColumns(inputs);
  const ranked = catalogueOf(metrics).filter((spec) => spec.better !== null);
  const brands = leaderboardOrder(metrics);
  sheets.push(
    table(t('sheet.leaderboard'), brands, [
      ...brandColumns(inputs),
      ...values,
      ...ranked.map((spec): Column<BrandMetrics> => ({ header: t('sheet.rank', { label: inputs.t(spec.label, labelValues(inputs.format, spec)) }), value: (brand) => cell.count(comparedRank(metrics, brand, spec.key)) })),
      ...flagColumns(inputs),
    ]),
  );

  // Platforms as the PDF names them ("Facebook"), not as the store writes them ("facebook"); the brands of each in the leaderboard's order.
  const place = new Map(brands.map((brand, index) => [brand.id, index]));
  const inOrder = (group: readonly BrandMetrics[]) => [...group].sort((a, b) => (place.get(a.id) ?? 0) - (place.get(b.id) ?? 0));
  const platformRows = (metrics.byPlatform ?? []).flatMap((group) => inOrder(group.brands).map((brand) => ({ platform: platformName(group.platform), brand })));
  sheets.push(
    table(t('sheet.platforms'), platformRows, [
      { header: t('sheet.platform'), value: (row) => cell.text(row.platform) },
      ...brandColumns(inputs).map((column) => ({ header: column.header, value: (row: { brand: BrandMetrics }) => column.value(row.brand) })),
      ...[...values, ...flagColumns(inputs)].map((column) => ({ header: column.header, value: (row: { brand: BrandMetrics }) => column.value(row.brand) })),
      // Why a rate is blank or marked there: the coverage sheet's sentences for the platform.
      { header: t('sheet.coverage.warnings'), value: (row) => cell.text(coverageText(inputs, row.brand, false)) },
    ]),
  );
  sheets.push(
    changesSheet(inputs),
    trendSheet(inputs),
    diagnosticsSheet(inputs),
    examplesSheet(inputs),
    qualitySheet(inputs),
    coverageSheet(inputs, platformRows),
    settingsSheet(inputs),
    themesSheet(inputs),
    pairsSheet(t('sheet.definitions'), [t('sheet.item'), t('sheet.definitions')], metricDefinitions(inputs.format, t)),
  );
  return { title: `${t('report.title')} · ${inputs.client.name}`, creator: inputs.agency ?? 'replybench', created: inputs.generatedAt, sheets };
}

/**
 * analyst-notes.xlsx: the analyst's notes (analystNotes.ts) in a workbook of
 * their own, beside the report: metrics.xlsx goes to the client, and carries
 * no file, config key or export column.
 */
export function buildAnalystWorkbookModel(inputs: Pick<WorkbookInputs, 't' | 'client' | 'agency' | 'generatedAt'>, notes: readonly LabelledValue[]): WorkbookModel {
  const { t } = inputs;
  return {
    title: `${t('analyst.sheet')} · ${inputs.client.name}`,
    creator: inputs.agency ?? 'replybench',
    created: inputs.generatedAt,
    sheets: [pairsSheet(t('analyst.sheet'), [t('analyst.topic'), t('analyst.note')], notes)],
  };
}

/** What the PDF marks beside a brand's figures (†, ≥), as columns a sheet that sorts and charts them keeps: per brand, and per brand on each platform. */
function flagColumns({ t }: WorkbookInputs): Array<Column<BrandMetrics>> {
  return [
    // Empty beside a figure that is not there ("—" in the PDF, which marks nothing on it).
    { header: t('sheet.lowSample'), value: (brand) => cell.boolean(brand.responseRate === null ? null : brand.lowSample) },
    { header: t('sheet.lowSampleTimes'), value: (brand) => cell.boolean(brand.responseTimeMedianMin === null ? null : (brand.lowSampleTimes ?? false)) },
    // The shares answered within each target are lower bounds on the same warnings as the rate (RATE_MARKS): the PDF marks them alike.
    { header: t('sheet.lowerBoundShares'), value: (brand) => cell.boolean(brand.responseRate === null ? null : isLowerBoundUnder(warningsOf(brand))) },
  ];
}

function table<Row>(name: string, rows: readonly Row[], columns: ReadonlyArray<Column<Row>>): WorkbookSheet {
  return { name, headers: columns.map((column) => column.header), rows: rows.map((row) => columns.map((column) => column.value(row))) };
}

/** The group of a share answered, as the diagnostics sheet's note names those the data can only understate. */
const SHARE_GROUPS: Partial<Record<string, string>> = {
  followUpAnsweredShare: 'sheet.partialShare.followUps',
  abandonedShare: 'sheet.partialShare.followUps',
  responseRateInsideHours: 'sheet.partialShare.businessHours',
  responseRateOutsideHours: 'sheet.partialShare.businessHours',
  influencerResponseRate: 'sheet.partialShare.influencers',
  negativeResponseRate: 'sheet.partialShare.sentiment',
};

/** Every brand's subjects, one row each, as `replybench themes --format csv` gives them. */
function themesSheet(inputs: WorkbookInputs): WorkbookSheet {
  const { metrics, t } = inputs;
  const rows = leaderboardOrder(metrics).flatMap((brand) => (brand.themes ?? []).map((theme) => ({ brand, theme })));
  // No subject: the sheet says why under its headers, as the PDF's section does, instead of standing empty.
  if (rows.length === 0) {
    const why = t(metrics.brands.some((brand) => brand.themes !== undefined) ? 'absent.themes' : 'absent.themesLeftOut');
    return { ...table(t('sheet.themes'), rows, themeColumns(inputs)), rows: [[cell.text(why)]] };
  }
  return table(t('sheet.themes'), rows, themeColumns(inputs));
}

function themeColumns(inputs: WorkbookInputs): Array<Column<{ brand: BrandMetrics; theme: NonNullable<BrandMetrics['themes']>[number] }>> {
  const { t } = inputs;
  return [
    ...brandColumns(inputs).map((column) => ({ header: column.header, value: (row: { brand: BrandMetrics }) => column.value(row.brand) })),
    { header: t('themes.theme'), value: (row) => cell.text(row.theme.name) },
    { header: t('sheet.themes.source'), value: (row) => cell.text(t(row.theme.source === 'config' ? 'themes.source.config' : 'themes.source.found')) },
    { header: t('themes.mentions'), value: (row) => cell.count(row.theme.mentions) },
    { header: t('sheet.themes.share'), value: (row) => cell.share(row.theme.share) },
    { header: t('sheet.themes.previous'), value: (row) => cell.count(row.theme.previousMentions) },
    { header: t('themes.change'), value: (row) => cell.relativeChange(row.theme.change === null ? null : row.theme.change / 100) },
    { header: t('sheet.themes.measured'), value: (row) => cell.count(row.theme.measured) },
    { header: t('label.answered'), value: (row) => cell.count(row.theme.answered) },
    { header: t('label.responseRate'), value: (row) => cell.share(row.theme.responseRate) },
    { header: t('sheet.themes.lowerBound'), value: (row) => cell.boolean(row.theme.measured === 0 ? null : understatesSubject(row.theme)) },
    { header: t('sheet.themes.rateEnd'), value: (row) => cell.share(row.theme.responseRateEnd) },
    { header: t('sheet.minutes', { label: t('label.responseTimeMedianMin') }), value: (row) => cell.minutes(row.theme.responseTimeMedianMin) },
    { header: t('sheet.themes.competitorRate'), value: (row) => cell.share(row.theme.benchmark?.competitorRate) },
    { header: t('sheet.themes.competitorRateEnd'), value: (row) => cell.share(row.theme.benchmark?.competitorRateEnd) },
    { header: t('sheet.themes.competitorTime'), value: (row) => cell.minutes(row.theme.benchmark?.competitorTimeMedianMin) },
    { header: t('sheet.themes.competitors'), value: (row) => cell.count(row.theme.benchmark?.competitorsMeasured) },
    { header: t('sheet.themes.worstRank'), value: (row) => cell.count(row.theme.benchmark?.worstRank) },
  ];
}

function pairsSheet(name: string, headers: string[], rows: readonly LabelledValue[]): WorkbookSheet {
  // A text longer than a row can show goes on in the rows below its label's.
  return { name, headers, rows: rows.flatMap((row) => inParts(row.value).map((part, index) => [cell.text(index === 0 ? row.label : ''), cell.text(part)])) };
}

/**
 * Characters a cell of a sheet's widest column (60, sheet.ts) shows within Excel's tallest row (409 points, 27 lines),
 * with room for lines that end short of the column: the coverage definition, near 4,000, was cut at half.
 */
const ROW_TEXT = 1300;

/** A text in parts of ROW_TEXT characters at most, cut between sentences, else between clauses (; then ,), else between words. */
function inParts(text: string): string[] {
  if (text.length <= ROW_TEXT) return [text];
  for (const boundary of [/(?<=[.!?])\s+/, /(?<=;)\s+/, /(?<=,)\s+/, /\s+/]) {
    const pieces = text.split(boundary);
    if (pieces.length < 2 || pieces.some((piece) => piece.length > ROW_TEXT)) continue;
    const parts: string[] = [];
    for (const piece of pieces) {
      const last = parts.at(-1);
      if (last !== undefined && last.length + 1 + piece.length <= ROW_TEXT) parts[parts.length - 1] = `${last} ${piece}`;
      else parts.push(piece);
    }
    return parts;
  }
  return [text];
}

function brandColumns({ t, client }: WorkbookInputs): Array<Column<BrandMetrics>> {
  return [
    { header: t('leaderboard.brand'), value: (brand) => cell.text(brand.name) },
    { header: t('sheet.role'), value: (brand) => cell.text(brand.id === client.id ? t('sheet.client') : t('sheet.competitor')) },
  ];
}

/**
 * Every metric of the catalogue, in its order: after the inbound mentions, those that need an answer and are
 * measured (the response rate's denominator, so that answered / it gives the rate shown), and the 95% interval
 * after the response rate.
 */
function valueColumns(inputs: WorkbookInputs): Array<Column<BrandMetrics>> {
  const { t, metrics } = inputs;
  return catalogueOf(metrics).flatMap((spec): Array<Column<BrandMetrics>> => {
    const column: Column<BrandMetrics> = { header: metricLabel(inputs, spec), value: (brand) => ({ value: spec.value(brand), kind: spec.unit }) };
    if (spec.key === 'inbound') return [column, { header: t('sheet.needingAnswer'), value: (brand) => cell.count(brand.coverage?.inboundMeasured) }];
    if (spec.key !== 'responseRate') return [column];
    return [
      column,
      { header: t('sheet.intervalLow'), value: (brand) => cell.share(brand.responseRateCi?.[0]) },
      { header: t('sheet.intervalHigh'), value: (brand) => cell.share(brand.responseRateCi?.[1]) },
    ];
  });
}

/** A metric's column header: its label, "(min)" after times. */
function metricLabel({ t, format }: WorkbookInputs, spec: MetricSpec<never>): string {
  const label = t(spec.label, labelValues(format, spec));
  return spec.unit === 'minutes' ? t('sheet.minutes', { label }) : label;
}

/**
 * Every brand's figures against the previous period, one row per brand and metric: the value, the previous one and
 * the change as the summary prints it (points for rates and shares, percent for times and counts), or why there is none.
 */
function changesSheet(inputs: WorkbookInputs): WorkbookSheet {
  const { metrics, t, format } = inputs;
  const brands = leaderboardOrder(metrics);
  // A metric no brand has a change of, nor a reason for its absence (0 pending mentions then and now), has nothing to show.
  const specs = catalogueOf(metrics).filter((spec) => brands.some((brand) => changeOf(brand, spec.key) !== null || brand.changeReason?.[spec.key] !== undefined));
  const rows = brands.flatMap((brand) => specs.map((spec) => ({ brand, spec })));
  return table(t('sheet.changes'), rows, [
    ...brandColumns(inputs).map((column) => ({ header: column.header, value: (row: { brand: BrandMetrics }) => column.value(row.brand) })),
    { header: t('sheet.metric'), value: (row) => cell.text(metricLabel(inputs, row.spec)) },
    { header: t('sheet.thisPeriod'), value: (row) => ({ value: row.spec.value(row.brand), kind: row.spec.unit }) },
    { header: previousPeriodHeading(metrics, format, t), value: (row) => ({ value: row.brand.previous?.[row.spec.key] ?? null, kind: row.spec.unit }) },
    { header: t('sheet.changePoints'), value: (row) => cell.points(row.spec.change === 'pp' ? changeOf(row.brand, row.spec.key) : null) },
    { header: t('sheet.changePercent'), value: (row) => cell.relativeChange(row.spec.change === 'percent' ? nullableDivide(changeOf(row.brand, row.spec.key), 100) : null) },
    { header: t('sheet.notes'), value: (row) => cell.text(changeNote(inputs, row.brand, row.spec)) },
  ]);
}

function nullableDivide(value: number | null, by: number): number | null {
  return value === null ? null : value / by;
}

/** Why a change is not given, or why the one given may still change (a fall its pending mentions could make up). */
function changeNote({ t, format, previousLabel }: WorkbookInputs, brand: BrandMetrics, spec: MetricSpec): string | null {
  const reason = brand.changeReason?.[spec.key];
  if (reason) return noChangeText(t, reason, spec, previousLabel);
  if (!changeNotSettled(brand, spec.key)) return null;
  return t('sheet.changeNotSettled', { pending: format.count(brand.pending), measured: format.count(measuredInbound(brand)), points: format.pointsUnsigned(pendingPoints(brand) ?? 0) });
}

function trendSheet(inputs: WorkbookInputs): WorkbookSheet {
  const { metrics, t } = inputs;
  const order = new Map(leaderboardOrder(metrics).map((brand, index) => [brand.id, index]));
  const names = new Map(metrics.brands.map((brand) => [brand.id, brand.name]));
  const partMonths = partMonthBrands(metrics);
  // As the chart's note says: the rates of the period's months of a brand whose posts it holds in part are lower bounds.
  const understated = new Set(metrics.brands.filter(hasPartialPosts).map((brand) => brand.id));
  const { first, last } = periodMonths(metrics.period);
  // And a month's rate where responses its exports list are missing from the data of that month (TrendPoint.responseRateEnd).
  const lowerBound = (point: TrendPoint) => (understated.has(point.brandId) && point.month >= first && point.month <= last) || point.responseRateEnd != null;
  // A month the data does not cover is left out, not written as 0 mentions.
  const points = [...(metrics.trend ?? [])].filter((point) => names.has(point.brandId) && point.inbound !== null).sort((a, b) => a.month.localeCompare(b.month) || (order.get(a.brandId) ?? 0) - (order.get(b.brandId) ?? 0));
  return table(t('sheet.trend'), points, [
    { header: t('sheet.month'), value: (point) => cell.month(point.month) },
    { header: t('leaderboard.brand'), value: (point) => cell.text(names.get(point.brandId) ?? point.brandId) },
    { header: t('label.inbound'), value: (point) => cell.count(point.inbound) },
    { header: t('label.answered'), value: (point) => cell.count(point.answered) },
    { header: t('label.responseRate'), value: (point) => cell.share(point.responseRate) },
    { header: t('sheet.lowerBound'), value: (point) => cell.boolean(lowerBound(point)) },
    { header: t('sheet.rateEnd'), value: (point) => cell.share(point.responseRateEnd) },
    { header: t('sheet.minutes', { label: t('label.responseTimeMedianMin') }), value: (point) => cell.minutes(point.responseTimeMedianMin) },
    // As the chart's note names them: a month the brand's exports reach in part, whose figures rest on fewer days.
    { header: t('sheet.partMonth'), value: (point) => cell.boolean(partMonths.get(point.month)?.includes(point.brandId) ?? false) },
  ]);
}

/**
 * A column of the Diagnostics sheet, why it is empty for want of data when it is (fewer than 30 follow-ups), and
 * the fewer than MIN_SAMPLE mentions a value shown rests on, as the scorecard's † marks it (business hours).
 */
interface DiagnosticColumn extends Column<BrandDiagnostics> {
  sampleReason?: (brand: BrandDiagnostics) => SampleReason | null;
  thinSample?: (brand: BrandDiagnostics) => number | null;
}

function diagnosticsSheet(inputs: WorkbookInputs): WorkbookSheet {
  const { metrics, t, client } = inputs;
  const diagnostics = metrics.diagnostics;
  const neutral = (brand: BrandDiagnostics) => brand.sentiment?.bySentiment.neutral;
  const positive = (brand: BrandDiagnostics) => brand.sentiment?.bySentiment.positive;
  const columns: DiagnosticColumn[] = [
    { header: t('leaderboard.brand'), value: (brand) => cell.text(brand.name) },
    { header: t('sheet.role'), value: (brand) => cell.text(brand.id === client.id ? t('sheet.client') : t('sheet.competitor')) },
    ...DIAGNOSTIC_METRICS.map((spec): DiagnosticColumn => ({ header: metricLabel(inputs, spec), value: (brand) => ({ value: spec.value(brand), kind: spec.unit }), sampleReason: spec.sampleReason, thinSample: (brand) => thinSampleOf(spec, brand) })),
    { header: t('label.replies'), value: (brand) => cell.count(brand.canned.replies) },
    { header: t('sheet.cannedReplies'), value: (brand) => cell.count(brand.canned.cannedReplies) },
    { header: t('label.brandPosts'), value: (brand) => cell.count(brand.unsolicited.brandPosts) },
    { header: t('sheet.unsolicitedPosts'), value: (brand) => cell.count(brand.unsolicited.unsolicitedPosts) },
    { header: t('sheet.followUps'), value: (brand) => cell.count(brand.followThrough.followUps) },
    { header: t('sheet.conversations'), value: (brand) => cell.count(brand.followThrough.conversations) },
    { header: t('sheet.abandoned'), value: (brand) => cell.count(brand.followThrough.abandoned) },
    { header: t('sheet.influencerInbound'), value: (brand) => cell.count(brand.influencers?.influencers.inbound) },
    { header: t('sheet.othersResponseRate'), value: (brand) => cell.share(brand.influencers?.others.responseRate), sampleReason: (brand) => brand.influencers?.others.reason ?? null },
    { header: t('sheet.negativeInbound'), value: (brand) => cell.count(brand.sentiment?.bySentiment.negative.inbound) },
    { header: t('sheet.neutralResponseRate'), value: (brand) => cell.share(neutral(brand)?.responseRate), sampleReason: (brand) => neutral(brand)?.reason ?? null },
    { header: t('sheet.positiveResponseRate'), value: (brand) => cell.share(positive(brand)?.responseRate), sampleReason: (brand) => positive(brand)?.reason ?? null },
  ];
  // The sheet's own empty cells left out for want of data, one sentence per reason ("Follow-ups answered, Conversations abandoned: fewer than 30 follow-ups.").
  const sampleNotes = (brand: BrandDiagnostics): string[] => {
    if (!diagnostics) return [];
    const byReason = new Map<string, string[]>();
    for (const column of columns) {
      const reason = column.value(brand).value === null ? column.sampleReason?.(brand) : null;
      if (!reason) continue;
      const text = sampleReasonText(reason, diagnostics, inputs.format, t);
      byReason.set(text, [...(byReason.get(text) ?? []), column.header]);
    }
    return [...byReason].map(([reason, headers]) => t('sheet.emptyReason', { columns: headers.join(', '), reason }));
  };
  // A rate shown on fewer than MIN_SAMPLE mentions, as the scorecard's † says ("Answered outside business hours: 14 mentions, fewer than 30: read it with care.").
  const thinNotes = (brand: BrandDiagnostics): string[] =>
    columns.flatMap((column) => {
      const count = column.value(brand).value === null ? null : (column.thinSample?.(brand) ?? null);
      return count !== null ? [t('sheet.emptyReason', { columns: column.header, reason: t('sheet.thinReason', { count: inputs.format.count(count), minimum: inputs.format.count(MIN_SAMPLE) }) })] : [];
    });
  // The figures that responses listed and missing make bounds (listedMissingEnd; the audience groups the sheet adds, as their chart marks them), named as their columns are.
  const listedMissingNote = (brand: BrandDiagnostics): string[] => {
    if (!diagnostics) return [];
    const groups = [
      { header: t('sheet.othersResponseRate'), group: brand.influencers?.others },
      { header: t('sheet.neutralResponseRate'), group: neutral(brand) },
      { header: t('sheet.positiveResponseRate'), group: positive(brand) },
    ].filter(({ group }) => group !== undefined && group.responseRate !== null && groupBoundByListedMissing(group, diagnostics.settings));
    const bounded = DIAGNOSTIC_METRICS.filter((spec) => listedMissingEnd(brand, spec, diagnostics.settings) !== null);
    // The shares answered can only be higher; the abandoned share, of conversations whose last message may have been answered, only lower.
    const lower = [...bounded.filter((spec) => spec.better === 'higher').map((spec) => metricLabel(inputs, spec)), ...groups.map(({ header }) => header)];
    const upper = bounded.filter((spec) => spec.better === 'lower').map((spec) => metricLabel(inputs, spec));
    const share = inputs.format.percentSetting(diagnostics.settings.responsesMissingShare);
    return [
      ...(lower.length === 0 ? [] : [t('sheet.diagnosticsListedMissing', { share, shares: inputs.format.list(lower) })]),
      ...(upper.length === 0 ? [] : [t('sheet.diagnosticsListedMissingUpper', { share, shares: inputs.format.list(upper) })]),
    ];
  };
  const notesOf = (brand: BrandDiagnostics) =>
    [
      ...(inputs.emptyReasons.get(brand.id) ?? []),
      ...sampleNotes(brand),
      ...thinNotes(brand),
      ...(brand.lowerBoundShares.length === 0 ? [] : [t('sheet.diagnosticsPostsPartial', { shares: inputs.format.list([...new Set(brand.lowerBoundShares.flatMap((key) => SHARE_GROUPS[key] ?? []))].map((group) => t(group))) })]),
      ...listedMissingNote(brand),
      ...(diagnostics ? comparedOnBrandNotes(brand, diagnostics, inputs.format, t) : []),
      ...(diagnostics?.notes ?? []).filter((note) => note.brandId === brand.id || note.brandId === null).map((note) => t(`advice.note.${note.code}`, { brand: brand.name })),
    ].join(' ');
  // In the order of every per-brand table (leaderboardOrder), not the config's.
  const ordered = leaderboardOrder(metrics).flatMap((brand) => diagnostics?.brands.filter((entry) => entry.id === brand.id) ?? []);
  return table(t('sheet.diagnostics'), ordered, [...columns, { header: t('sheet.notes'), value: (brand) => cell.text(notesOf(brand) || null) }]);
}

function examplesSheet(inputs: WorkbookInputs): WorkbookSheet {
  const { facts, t, format, metrics } = inputs;
  const windowMin = metrics.settings?.responseWindowMin ?? 7 * 1440;
  const rows = [
    ...inputs.unanswered.map((sample) => ({ list: t('examples.unanswered'), sample })),
    ...(facts?.slowest ?? []).map((sample) => ({ list: t('examples.slowest'), sample })),
  ];
  const status = (sample: MentionSample) =>
    sample.responseMin !== null
      ? t('examples.answeredAfter', { time: format.duration(sample.responseMin) })
      : sample.pending
        ? t('examples.pending')
        : t('examples.noAnswer', { window: format.span(windowMin) });
  return table(t('sheet.examples'), rows, [
    { header: t('sheet.list'), value: (row) => cell.text(row.list) },
    { header: t('examples.when'), value: (row) => cell.dateTime(row.sample.createdAtMs, metrics.period.timezone) },
    { header: t('sheet.platform'), value: (row) => cell.text(platformName(row.sample.platform)) },
    { header: t('sheet.author'), value: (row) => cell.text(`@${row.sample.author}`) },
    { header: t('examples.text'), value: (row) => cell.text(row.sample.text) },
    { header: t('sheet.minutes', { label: t('sheet.responseTime') }), value: (row) => cell.minutes(row.sample.responseMin) },
    { header: t('examples.detail'), value: (row) => cell.text(status(row.sample)) },
  ]);
}

function qualitySheet(inputs: WorkbookInputs): WorkbookSheet {
  const { metrics, facts, t } = inputs;
  const quality = metrics.dataQuality;
  const pending = quality.pending ?? metrics.brands.reduce((sum, brand) => sum + brand.pending, 0);
  const rows: Cell[][] = [
    [cell.text(t('quality.posts')), cell.count(quality.posts)],
    [cell.text(t('quality.repliesBeforeParent')), cell.count(quality.repliesBeforeParent)],
    [cell.text(t('quality.unresolvedParents')), cell.count(quality.unresolvedParents)],
    [cell.text(t('quality.pending')), cell.count(pending)],
  ];
  if (facts) {
    rows.push(...importCounts(facts).map(([key, count]) => [cell.text(t(key)), cell.count(count)]));
    for (const batch of filesWithRows(facts)) rows.push([cell.text(t('sheet.importedFile', { file: printableName(fileName(batch.file)), format: exportTool(batch.format, t) })), cell.count(batch.imported)]);
    for (const note of importSummaries(facts, inputs.format, t)) rows.push([cell.text(note), cell.text(null)]);
  }
  return { name: t('sheet.quality'), headers: [t('sheet.item'), t('sheet.value')], rows };
}

function coverageSheet(inputs: WorkbookInputs, platformRows: ReadonlyArray<{ platform: string; brand: BrandMetrics }>): WorkbookSheet {
  const { metrics, t } = inputs;
  const rows = [...leaderboardOrder(metrics).map((brand) => ({ platform: t('sheet.allPlatforms'), brand, allPlatforms: true })), ...platformRows.map((row) => ({ ...row, allPlatforms: false }))];
  const timezone = metrics.period.timezone;
  const instant = (iso: string | null) => (iso === null ? cell.text(null) : cell.day(Date.parse(iso), timezone));
  // Each gap by the posts around it: "none between its posts of 10 October 2025 and of 20 October 2025" (its days of posts are not missing).
  const gapsText = (gaps: ReadonlyArray<{ from: string; to: string }>) =>
    gaps.length === 0 ? null : gaps.map((gap) => t('sheet.coverage.ownPostGap', { from: inputs.format.date(new Date(gap.from)), to: inputs.format.date(new Date(gap.to)) })).join('; ');
  return table(t('sheet.coverage'), rows, [
    { header: t('sheet.platform'), value: (row) => cell.text(row.platform) },
    ...brandColumns(inputs).map((column) => ({ header: column.header, value: (row: { brand: BrandMetrics }) => column.value(row.brand) })),
    { header: t('label.brandPosts'), value: (row) => cell.count(row.brand.coverage?.brandPosts ?? row.brand.brandPosts) },
    { header: t('label.inbound'), value: (row) => cell.count(row.brand.inbound) },
    { header: t('sheet.coverage.inboundMeasured'), value: (row) => cell.count(row.brand.coverage?.inboundMeasured) },
    { header: t('sheet.coverage.massMentions'), value: (row) => cell.count(row.brand.coverage?.massMentions) },
    { header: t('sheet.coverage.closers'), value: (row) => cell.count(row.brand.coverage?.closers) },
    { header: t('sheet.coverage.inboundWithListedResponses'), value: (row) => cell.count(row.brand.coverage?.inboundWithListedResponses) },
    { header: t('sheet.coverage.listedResponsesMissing'), value: (row) => cell.count(row.brand.coverage?.listedResponsesMissing) },
    { header: t('sheet.coverage.repliesWithMissingParent'), value: (row) => cell.count(row.brand.coverage?.repliesWithMissingParent) },
    { header: t('sheet.coverage.topAuthor'), value: (row) => cell.text(row.brand.coverage?.topAuthor?.author) },
    { header: t('sheet.coverage.topAuthorShare'), value: (row) => cell.share(row.brand.coverage?.topAuthor?.share) },
    { header: t('sheet.coverage.firstPost'), value: (row) => instant(row.brand.coverage?.span.first ?? null) },
    { header: t('sheet.coverage.lastPost'), value: (row) => instant(row.brand.coverage?.span.last ?? null) },
    { header: t('sheet.coverage.firstOwnPost'), value: (row) => instant(row.brand.coverage?.ownPosts?.first ?? null) },
    { header: t('sheet.coverage.lastOwnPost'), value: (row) => instant(row.brand.coverage?.ownPosts?.last ?? null) },
    { header: t('sheet.coverage.ownPostGaps'), value: (row) => cell.text(gapsText(row.brand.coverage?.ownPosts.gaps ?? [])) },
    { header: t('sheet.coverage.outsideOwnPosts'), value: (row) => cell.count(row.brand.coverage?.outsideOwnPosts) },
    { header: t('sheet.coverage.daysWithData'), value: (row) => cell.count(row.brand.coverage?.span.daysWithData) },
    { header: t('sheet.coverage.busiestDayShare'), value: (row) => cell.share(row.brand.coverage?.span.busiestDayShare) },
    { header: t('sheet.coverage.warnings'), value: (row) => cell.text(coverageText(inputs, row.brand, row.allPlatforms)) },
  ]);
}

/**
 * What a brand's figures rest on, in the sentences of the coverage sheet: one
 * per warning, and that the data holds nothing of it (overall, or on a
 * platform where it has an account). A brand without posts where it has no
 * account tracked misses no export; one with posts on its other platforms
 * misses them on some only. Null when there is nothing to say.
 */
function coverageText({ metrics, t }: WorkbookInputs, brand: BrandMetrics, allPlatforms: boolean): string | null {
  const warning = (code: CoverageWarning): string => {
    if (code !== 'no-brand-posts') return t(COVERAGE_SHEET_KEYS[code]);
    if (!allPlatforms) return t(brand.coverage?.accountsTracked === 0 ? 'sheet.coverage.noAccount' : COVERAGE_SHEET_KEYS[code]);
    if (onlyUntrackedUnmeasured(metrics, brand.id)) return t('sheet.coverage.noAccountSome');
    return t((brand.coverage?.brandPosts ?? 0) > 0 ? 'sheet.coverage.noBrandPostsSome' : COVERAGE_SHEET_KEYS[code]);
  };
  // Nothing of the brand in the data: overall, or on a platform where an account of it is tracked (where none is, nothing is expected).
  const nothing = hasNoData(brand) && (allPlatforms || (brand.coverage?.accountsTracked ?? 0) > 0) ? [t('sheet.coverage.noData')] : [];
  return [...nothing, ...(brand.coverage?.warnings ?? []).map(warning)].join(' ') || null;
}

const COVERAGE_SHEET_KEYS: Record<CoverageWarning, string> = {
  'no-brand-posts': 'sheet.coverage.noBrandPosts',
  'few-brand-posts': 'sheet.coverage.fewBrandPosts',
  'responses-missing': 'sheet.coverage.responsesMissing',
  'brand-posts-partial': 'sheet.coverage.brandPostsPartial',
  'parents-missing': 'sheet.coverage.parentsMissing',
  'dominant-author': 'sheet.coverage.dominantAuthor',
  'partial-period': 'sheet.coverage.partialPeriod',
};

function settingsSheet(inputs: WorkbookInputs): WorkbookSheet {
  const { metrics, t, format, client, generatedAt } = inputs;
  const timezone = metrics.period.timezone;
  const settings = metrics.settings;
  const rows: Cell[][] = [
    [cell.text(t('sheet.client')), cell.text(client.name)],
    [cell.text(t('setting.brands')), cell.text(metrics.brands.map((brand) => brand.name).join(', '))],
    [cell.text(t('setting.period')), cell.text(format.periodLabel(metrics.period.start, metrics.period.end, metrics.period.label))],
    [cell.text(t('sheet.periodStart')), cell.dateTime(Date.parse(metrics.period.start), timezone)],
    [cell.text(t('sheet.periodEnd')), cell.dateTime(Date.parse(metrics.period.end), timezone)],
    [cell.text(t('setting.timezone')), cell.text(format.timezoneName())],
    [cell.text(t('sheet.language')), cell.text(format.languageName())],
    [cell.text(t('sheet.generatedAt')), cell.dateTime(generatedAt.getTime(), timezone)],
  ];
  if (settings) {
    rows.push(
      [cell.text(t('sheet.minutes', { label: t('setting.window') })), cell.count(settings.responseWindowMin)],
      [cell.text(t('setting.inbound')), cell.text(settings.inbound === 'questions' ? t('setting.inboundQuestions') : t('setting.inboundAll'))],
    );
  }
  slaTargets(metrics).forEach((target, index) => {
    rows.push([cell.text(t('sheet.minutes', { label: t('sheet.slaTarget', { n: index + 1 }) })), cell.count(target)]);
  });
  for (const hours of inputs.businessHours) rows.push([cell.text(hours.label), cell.text(hours.value)]);
  const diagnostic = metrics.diagnostics?.settings;
  if (diagnostic) {
    rows.push(
      [cell.text(t('sheet.cannedMinUses')), cell.count(diagnostic.cannedMinUses)],
      [cell.text(t('sheet.unsolicitedMinPeople')), cell.count(diagnostic.unsolicitedMinPeople)],
      [cell.text(t('sheet.unsolicitedLookbackDays')), cell.count(diagnostic.unsolicitedLookbackDays)],
      [cell.text(t('sheet.influencerFollowers')), cell.count(diagnostic.influencerFollowers)],
      [cell.text(t('sheet.clockStart')), cell.text(diagnostic.clockStart === 'latest' ? t('sheet.clockLatest') : t('sheet.clockFirst'))],
    );
  }
  return { name: t('sheet.settings'), headers: [t('sheet.item'), t('sheet.value')], rows };
}
