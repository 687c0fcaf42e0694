import type { Better, MetricUnit } from '../../metrics/catalogue.js';
import { specOf } from '../../metrics/catalogue.js';
import { DIAGNOSTIC_METRICS, listedMissingEnd, placedDiagnostic, thinSampleOf, understatesShare } from '../../metrics/diagnostics/catalogue.js';
import { placedFigure, unrankedForBounds } from '../../metrics/ranking.js';
import { DIAGNOSTIC_NOTE_CODES, SAMPLE_REASONS, type BrandDiagnostics, type DiagnosticNote, type Diagnostics, type SampleReason } from '../../metrics/diagnostics/types.js';
import type { Benchmark, BrandMetrics, MetricsReport } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { benchmarkOf, catalogueOf, formatValue, rankOf, ranksCompare } from './brandLookup.js';
import { type AudienceField, comparedOnNotes, otherPlatforms } from './comparedOn.js';
import { answersUpperBound, hasPartialPosts } from '../../metrics/coverage.js';
import { COVERAGE_MARKS, coverageNotes, LOW_SAMPLE_MARK, LOWER_BOUND_MARK, lowSampleOf, measuredInbound, printsBound, warningsOf } from './coverage.js';
import { leaderboardOrder } from './leaderboard.js';
import type { LabelledValue } from './types.js';

/*
 * The mistakes scorecard (issue 12): every brand against the median of the
 * competitors on each classic community-management mistake. Values, ranks
 * and competitor medians are the metrics' and the diagnostics' own
 * (src/metrics/ranking.ts); only the better / same / worse verdict is made
 * here, with the thresholds of `report.scorecard`.
 */

/** Against the competitor median; `incomparable` when fewer than 2 measured competitors besides the brand itself give it. */
export type ScorecardTone = 'better' | 'same' | 'worse' | 'incomparable';

/**
 * Why a cell has no value: a coverage warning, a diagnostic note, too small a
 * sample (each `scorecard.reason.<reason>` in the strings), or nothing to
 * measure in the period (`scorecard.none.<column>`).
 */
export const SCORECARD_REASONS = ['no-brand-posts', ...DIAGNOSTIC_NOTE_CODES, ...SAMPLE_REASONS, 'other-platforms', 'no-data'] as const;
export type ScorecardReason = (typeof SCORECARD_REASONS)[number];

/** Printed beside the colour, so the verdict survives black-and-white printing. */
export const TONE_SYMBOLS: Record<ScorecardTone, string> = { better: '✓', same: '≈', worse: '✗', incomparable: '○' };

/** A verdict against a median needs at least this many measured competitors (METRICS.md, "Comparability"). */
export const MIN_COMPETITORS = 2;

export interface ScorecardThresholds {
  /** Rates and shares within this many percentage points of the competitor median are "about the same". */
  sameWithinPoints: number;
  /** Times within this percent of the competitor median are "about the same". */
  sameWithinPercent: number;
}

export const DEFAULT_SCORECARD_THRESHOLDS: ScorecardThresholds = { sameWithinPoints: 2, sameWithinPercent: 10 };

export interface ScorecardCell {
  /** The value with its coverage marks, or "—". */
  text: string;
  rank: string | null;
  /** Against the competitor median; null when there is no value or no median to compare with. */
  tone: ScorecardTone | null;
  symbol: string | null;
  reason: ScorecardReason | null;
  /** The reason in the report's words, printed in the cell; null when there is a value. */
  reasonText: string | null;
}

export interface ScorecardRow {
  brandId: string;
  brandName: string;
  isClient: boolean;
  /** How many mentions that need an answer its figures rest on ("412 mentions"). */
  sample: string;
  cells: ScorecardCell[];
}

export interface ScorecardColumn {
  key: ScorecardMetric;
  label: string;
}

export interface Scorecard {
  columns: ScorecardColumn[];
  rows: ScorecardRow[];
  /** The competitor median of each column, as the benchmarks give it. */
  medians: string[];
  /** Under each median: how many measured competitors it rests on ("of 3 competitors"). */
  medianNotes: string[];
  legend: Array<{ tone: ScorecardTone | 'none'; symbol: string; text: string }>;
  /** How to read the table, then the coverage sentences its marks refer to. */
  notes: string[];
  /** One short definition per column, in column order. */
  definitions: LabelledValue[];
}

export const SCORECARD_METRICS = [
  'responseRate',
  'responseTimeMedianMin',
  'replyShare',
  'unsolicitedShare',
  'cannedShare',
  'followUpAnsweredShare',
  'responseRateOutsideHours',
  'influencerResponseRate',
  'negativeResponseRate',
] as const;
export type ScorecardMetric = (typeof SCORECARD_METRICS)[number];

/** Where a column's value, rank and median come from. */
interface ColumnSource {
  key: ScorecardMetric;
  unit: MetricUnit;
  better: Better;
  value: (brand: BrandMetrics, diagnostics: BrandDiagnostics | undefined) => number | null;
  rank: (brand: BrandMetrics, diagnostics: BrandDiagnostics | undefined) => number | null;
  benchmark: Benchmark | undefined;
  /** The diagnostic note that says the export or config cannot give this value. */
  note?: DiagnosticNote['code'];
  /** Why the diagnostics left the value out for want of data (too few replies, follow-ups, mentions). */
  sampleReason: (diagnostics: BrandDiagnostics | undefined) => SampleReason | null;
  /** The mentions a value kept whatever their number rests on, when fewer than MIN_SAMPLE (the rate outside business hours). */
  thinSample: (diagnostics: BrandDiagnostics | undefined) => number | null;
  /** A rate of inbound mentions answered: unknown without the brand's posts. */
  isRate: boolean;
  /**
   * Where responses the export lists and the data lacks make the value a lower bound (responses-missing: for the response rate, any of
   * the brand's; for a share the diagnostics answer, any of the mentions it counts), its other end, every one of them an answer; null
   * when they do not, or when the margin is unknown (its posts held in part, which marks it for that cause).
   */
  listedEnd: (brand: BrandMetrics, diagnostics: BrandDiagnostics | undefined, value: number) => number | null;
  /** Whether the brand's value takes part in the ranks: compared, or a bound the ranks count (rankedCount, for the catalogue's). */
  placed: (brand: BrandMetrics, diagnostics: BrandDiagnostics | undefined) => boolean;
}

const NOTE_OF: Partial<Record<ScorecardMetric, DiagnosticNote['code']>> = {
  responseRateOutsideHours: 'no-business-hours',
  influencerResponseRate: 'no-follower-data',
  negativeResponseRate: 'no-sentiment-data',
};

const RATES = new Set<ScorecardMetric>(['responseRate', 'responseRateOutsideHours', 'influencerResponseRate', 'negativeResponseRate']);

function columnSources(metrics: MetricsReport, diagnostics: Diagnostics): ColumnSource[] {
  const catalogue = catalogueOf(metrics);
  return SCORECARD_METRICS.map((key): ColumnSource => {
    const common = { key, note: NOTE_OF[key], isRate: RATES.has(key), sampleReason: () => null, thinSample: () => null };
    if (key === 'responseRate' || key === 'responseTimeMedianMin' || key === 'replyShare') {
      const spec = specOf(catalogue, key);
      if (!spec.better) throw new Error(`scorecard metric "${key}" is not ranked`);
      const listedEnd = (brand: BrandMetrics, _diagnosed: BrandDiagnostics | undefined, value: number) => (key === 'responseRate' ? answersUpperBound(brand, value) : null);
      const placed = (brand: BrandMetrics) => placedFigure(brand, spec);
      return { ...common, unit: spec.unit, better: spec.better, value: (brand) => spec.value(brand), rank: (brand) => rankOf(brand, key), benchmark: benchmarkOf(metrics, key), listedEnd, placed };
    }
    const spec = specOf(DIAGNOSTIC_METRICS, key);
    return {
      ...common,
      unit: spec.unit,
      better: spec.better,
      value: (_brand, diagnosed) => (diagnosed ? spec.value(diagnosed) : null),
      sampleReason: (diagnosed) => (diagnosed ? spec.sampleReason(diagnosed) : null),
      thinSample: (diagnosed) => (diagnosed ? thinSampleOf(spec, diagnosed) : null),
      rank: (_brand, diagnosed) => diagnosed?.rank[key] ?? null,
      benchmark: diagnostics.benchmarks.find((item) => item.metric === key),
      listedEnd: (_brand, diagnosed) => (diagnosed ? listedMissingEnd(diagnosed, spec, diagnostics.settings) : null),
      placed: (_brand, diagnosed) => diagnosed !== undefined && placedDiagnostic(diagnosed, spec, diagnostics.settings),
    };
  });
}

/**
 * Better, about the same or worse than the competitor median, by the
 * thresholds of `report.scorecard`; not comparable when the median rests on
 * fewer than 2 measured competitors.
 */
export function toneOf(value: number | null, median: number | null, better: Better, unit: MetricUnit, thresholds: ScorecardThresholds, competitors = MIN_COMPETITORS): ScorecardTone | null {
  if (value === null) return null;
  // No median at all (no competitor measured) is the fewest of all: the value is shown as not comparable, never bare.
  if (competitors < MIN_COMPETITORS) return 'incomparable';
  if (median === null) return null;
  const gap = value - median;
  // A small tolerance so that a gap of exactly the threshold, up to floating-point noise, counts as within it.
  const tolerance = 1e-9;
  const within = unit === 'minutes' ? Math.abs(gap) <= (Math.abs(median) * thresholds.sameWithinPercent) / 100 + tolerance : Math.abs(gap) * 100 <= thresholds.sameWithinPoints + tolerance;
  if (within) return 'same';
  return gap > 0 === (better === 'higher') ? 'better' : 'worse';
}

/**
 * The verdict of a figure against a median where each lies between two ends (`values`, `medians`: the printed one
 * first): the one `toneAt` gives the printed pair, where every pair of ends gives the same, the band of "about the same"
 * included; else none.
 */
export function verdictAtEveryEnd<Value, Median>(toneAt: (value: Value, median: Median) => ScorecardTone | null, values: readonly [Value, Value], medians: readonly [Median, Median]): ScorecardTone | null {
  const printed = toneAt(values[0], medians[0]);
  return values.every((value) => medians.every((median) => toneAt(value, median) === printed)) ? printed : null;
}

/**
 * The scorecard of every brand, in leaderboard order; null when the metrics
 * carry no diagnostics (a report made from a metrics file alone).
 */
export function buildScorecard(metrics: MetricsReport, format: Formatter, t: Translate, thresholds: ScorecardThresholds): Scorecard | null {
  const diagnostics = metrics.diagnostics;
  if (!diagnostics) return null;
  const all = columnSources(metrics, diagnostics);
  const brands = leaderboardOrder(metrics);
  const computed = brands.map((brand) => {
    const diagnosed = diagnosedOf(diagnostics, brand);
    return all.map((source) => cellOf(source, brand, diagnosed, diagnostics, format, t, thresholds));
  });
  // A rank among one measured brand ("1"), or one every measured brand shares, says nothing: it is left out.
  const placed = all.map((source) => brands.filter((brand) => source.placed(brand, diagnosedOf(diagnostics, brand))).length);
  const compares = all.map((_source, index) => ranksCompare(computed.map((cells) => cells[index]?.rank), placed[index] ?? 0));
  const allCells = computed.map((cells) => cells.map((cell, index) => (compares[index] ? cell : { ...cell, rank: null })));
  // A column no brand can be measured on (no business hours, follower counts or sentiment in these exports) is left out, with one line under the table.
  const shown = all.map((_source, index) => allCells.some((cells) => cells[index]?.reason === null));
  const sources = all.filter((_source, index) => shown[index]);
  const leftOut = all.flatMap((source, index) => {
    if (shown[index]) return [];
    // A brand without any post of its own says nothing about the column itself.
    const reasons = new Set(allCells.map((cells) => cells[index]).filter((cell) => cell?.reason !== 'no-brand-posts').map((cell) => cell?.reasonText));
    const label = t(`scorecard.column.${source.key}`);
    return [reasons.size === 1 ? `${label} (${[...reasons][0]})` : label];
  });
  const rows = brands.map((brand, row): ScorecardRow => {
    const measured = measuredInbound(brand);
    return {
      brandId: brand.id,
      brandName: brand.name,
      isClient: brand.role === 'client',
      sample: sampleText(brand, measured, format, t),
      cells: (allCells[row] ?? []).filter((_cell, index) => shown[index]),
    };
  });
  const printed = rows.flatMap((row) => row.cells.map((cell) => cell.text)).join(' ');
  const notes = [t('scorecard.noteRank'), t('scorecard.noteMedian')];
  if (printed.includes(LOW_SAMPLE_MARK)) notes.push(t('scorecard.noteLowSample'));
  for (const note of coverageNotes(metrics, format, t)) {
    if (note.warning === 'parents-missing' || !printed.includes(note.mark)) continue;
    notes.push(`${note.mark} ${note.text}`);
  }
  if (sources.some(medianIsBound)) notes.push(t('scorecard.noteMedianBound'));
  const listedBounds = listedMissingBounds(brands, rows, sources, diagnostics);
  const rankNote = ranksLeftToBounds(brands, rows, sources, diagnostics) ? [t('rank.noteUnknown')] : [];
  if (listedBounds.length > 0) {
    const named = listedBounds.map(({ brand, columns }) => t('format.namedParts', { name: brand.name, parts: format.list(columns.map((index) => t(`scorecard.column.${sources[index]?.key}`))) }));
    notes.push([t('scorecard.noteListedMissing', { share: format.percentSetting(diagnostics.settings.responsesMissingShare), list: format.list(named) }), ...rankNote].join(' '));
  } else notes.push(...rankNote);
  if (leftOut.length > 0) notes.push(t(leftOut.length === 1 ? 'scorecard.leftOutOne' : 'scorecard.leftOut', { columns: format.list(leftOut) }));
  notes.push(...partialNotes(metrics, diagnostics, sources, format, t));
  const followers = format.count(diagnostics.settings.influencerFollowers);
  const legendValues = { points: format.pointsUnsigned(thresholds.sameWithinPoints), percent: format.percent(thresholds.sameWithinPercent / 100) };
  return {
    columns: sources.map((source) => ({ key: source.key, label: t(`scorecard.column.${source.key}`) })),
    rows,
    medians: sources.map((source) => medianText(format, source)),
    medianNotes: sources.map((source) => {
      const competitors = source.benchmark?.competitorsMeasured ?? 0;
      if (source.benchmark?.competitorMedian == null) return '';
      return t(competitors === 1 ? 'scorecard.medianOfOne' : 'scorecard.medianOf', { count: format.count(competitors) });
    }),
    legend: [
      { tone: 'better', symbol: TONE_SYMBOLS.better, text: t('scorecard.legend.better') },
      { tone: 'same', symbol: TONE_SYMBOLS.same, text: t('scorecard.legend.same', legendValues) },
      { tone: 'worse', symbol: TONE_SYMBOLS.worse, text: t('scorecard.legend.worse') },
      { tone: 'incomparable', symbol: TONE_SYMBOLS.incomparable, text: t('scorecard.legend.incomparable', { count: format.count(MIN_COMPETITORS) }) },
      { tone: 'none', symbol: format.missing, text: t('scorecard.legend.none') },
    ],
    notes,
    definitions: sources.map((source) => ({ label: t(`scorecard.column.${source.key}`), value: t(`scorecard.definition.${source.key}`, { followers }) })),
  };
}

/** Whether a column's median rests on competitors' lower bounds that move it (Benchmark.competitorMedianEnd): it is one too. */
const medianIsBound = (source: ColumnSource): boolean => source.benchmark?.competitorMedianEnd != null;

function medianText(format: Formatter, source: ColumnSource): string {
  const text = formatValue(format, source, source.benchmark?.competitorMedian ?? null);
  return medianIsBound(source) ? `${LOWER_BOUND_MARK} ${text}` : text;
}

/**
 * Each brand whose shares the diagnostics answer carry "≥" for responses its export lists and the data lacks, with the
 * indexes of those columns (the note names them: "Vireo (Follow-ups answered, Negative mentions answered)"): the
 * coverage notes speak of its response rate only.
 */
function listedMissingBounds(brands: readonly BrandMetrics[], rows: readonly ScorecardRow[], sources: readonly ColumnSource[], diagnostics: Diagnostics): Array<{ brand: BrandMetrics; columns: number[] }> {
  return brands.flatMap((brand, row) => {
    const diagnosed = diagnosedOf(diagnostics, brand);
    const columns = sources.flatMap((source, index) => {
      const value = source.value(brand, diagnosed);
      return source.key !== 'responseRate' && value !== null && source.listedEnd(brand, diagnosed, value) !== null && rows[row]?.cells[index]?.text.startsWith(LOWER_BOUND_MARK) ? [index] : [];
    });
    return columns.length === 0 ? [] : [{ brand, columns }];
  });
}

/**
 * Whether a figure has no rank for responses the data lacks (assignRanks): a bound by a known margin, or a figure
 * between such a bound's ends, in a column of two brands measured or more (one with one brand measured ranks none).
 */
function ranksLeftToBounds(brands: readonly BrandMetrics[], rows: readonly ScorecardRow[], sources: readonly ColumnSource[], diagnostics: Diagnostics): boolean {
  return sources.some((source, index) => {
    const figureOf = (brand: BrandMetrics) => source.value(brand, diagnosedOf(diagnostics, brand));
    const endOf = (brand: BrandMetrics) => {
      const value = figureOf(brand);
      return value === null ? null : source.listedEnd(brand, diagnosedOf(diagnostics, brand), value);
    };
    const figure = { better: source.better, unit: source.unit, value: figureOf };
    const counted = (brand: BrandMetrics) => source.placed(brand, diagnosedOf(diagnostics, brand));
    if (brands.filter((brand) => figureOf(brand) !== null).length < 2) return false;
    return brands.some((brand, row) => rows[row]?.cells[index]?.rank == null && unrankedForBounds(brands, brand, figure, counted, endOf));
  });
}

/** Each brand's diagnostics by its id, built once per diagnostics: the scorecard asks for them cell by cell. */
const DIAGNOSED_BY_ID = new WeakMap<Diagnostics, Map<string, BrandDiagnostics>>();

function diagnosedOf(diagnostics: Diagnostics, brand: BrandMetrics): BrandDiagnostics | undefined {
  let byId = DIAGNOSED_BY_ID.get(diagnostics);
  if (!byId) {
    byId = new Map(diagnostics.brands.map((entry) => [entry.id, entry]));
    DIAGNOSED_BY_ID.set(diagnostics, byId);
  }
  return byId.get(brand.id);
}

function cellOf(
  source: ColumnSource,
  brand: BrandMetrics,
  diagnosed: BrandDiagnostics | undefined,
  diagnostics: Diagnostics,
  format: Formatter,
  t: Translate,
  thresholds: ScorecardThresholds,
): ScorecardCell {
  const warnings = warningsOf(brand);
  // Without any post of the brand its answers cannot be seen: the diagnostics would count every mention as unanswered (0%), not unknown.
  const noPostsAnywhere = warnings.includes('no-brand-posts') && brand.responseRate === null;
  const value = noPostsAnywhere ? null : source.value(brand, diagnosed);
  if (value === null) {
    const reason = reasonOf(source, brand, diagnosed, diagnostics, noPostsAnywhere);
    const reasonText = reason === 'no-data' ? t(`scorecard.none.${source.key}`) : isSampleReason(reason) ? sampleReasonText(reason, diagnostics, format, t) : t(`scorecard.reason.${reason}`);
    return { text: format.missing, rank: null, tone: null, symbol: null, reason, reasonText };
  }
  let text = formatValue(format, source, value);
  if (lowSampleOf(source.key, brand, value) !== null || source.thinSample(diagnosed) !== null) text = `${text} ${LOW_SAMPLE_MARK}`;
  // Its posts held on part of the period only: its response rate, or a share the diagnostics answer, is a lower bound by an unknown margin (ranked by nothing), with a verdict only when even so it beats the median;
  // a share answered in full is exact.
  const partial = source.key === 'responseRate' ? hasPartialPosts(brand) : diagnosed !== undefined && understatesShare(diagnosed, source.key);
  // Listed responses the data lacks make the shares answered of the mentions they belong to lower bounds, up to `far`; its posts held in part, those that rest on them (partial).
  const far = source.listedEnd(brand, diagnosed, value);
  const bound = (far !== null || partial) && printsBound(source.unit, value);
  if (bound) text = `${LOWER_BOUND_MARK} ${text}`;
  // Rates and times rest on the brand's answers, which the data lacks where it holds none of its posts (as on the leaderboard).
  if ((source.isRate || source.unit === 'minutes') && warnings.includes('no-brand-posts')) text = `${text} ${COVERAGE_MARKS['no-brand-posts']}`;
  // Too few posts of its own to compare: shown, marked, without rank or verdict.
  const fewPosts = warnings.includes('few-brand-posts');
  if (fewPosts) return { text: `${text} ${COVERAGE_MARKS['few-brand-posts']}`, rank: null, tone: null, symbol: null, reason: null, reasonText: null };
  const rank = source.rank(brand, diagnosed);
  // A competitor's value is one of those the median rests on: judged against it, the brand needs 2 other measured competitors.
  const others = (source.benchmark?.competitorsMeasured ?? 0) - (brand.role === 'competitor' ? 1 : 0);
  const median = source.benchmark?.competitorMedian ?? null;
  const toneAt = (at: number, against = median) => {
    const judged = toneOf(at, against, source.better, source.unit, thresholds, others);
    // A value printed as the median is ("3 min" against "3 min") is never called better or worse than it: words match the shown numbers.
    return (judged === 'better' || judged === 'worse') && against !== null && formatValue(format, source, against) === formatValue(format, source, at) ? 'same' : judged;
  };
  // The figure, up to `far`, and a median that rests on competitors' bounds (Benchmark.competitorMedianEnd) each lie between two ends.
  const held = verdictAtEveryEnd(toneAt, [value, far ?? value], [median, source.benchmark?.competitorMedianEnd ?? median]);
  // Its posts held in part, the figure is a lower bound by an unknown margin: only "better" holds whatever it is. ○ (too few competitors)
  // says nothing of the brand's figure, and stays.
  const tone = partial && (held === 'worse' || held === 'same') ? null : held;
  return { text, rank: rank === null ? null : String(rank), tone, symbol: tone === null ? null : TONE_SYMBOLS[tone], reason: null, reasonText: null };
}

function reasonOf(source: ColumnSource, brand: BrandMetrics, diagnosed: BrandDiagnostics | undefined, diagnostics: Diagnostics, noPostsAnywhere: boolean): ScorecardReason {
  if (noPostsAnywhere) return 'no-brand-posts';
  const note = source.note;
  if (note && diagnostics.notes.some((entry) => entry.code === note && (entry.brandId === brand.id || entry.brandId === null))) return note;
  const sample = source.sampleReason(diagnosed);
  if (sample) return sample;
  // Its mentions of the kind are all on platforms the comparison leaves out (comparedOn.ts): not "none".
  const field = PARTIAL_COLUMNS.find((column) => column.key === source.key)?.field;
  return field && diagnosed && otherPlatforms(diagnosed, field) > 0 ? 'other-platforms' : 'no-data';
}

/** The reasons the diagnostics' own notes already give, once for the brand. */
const NOTE_CODES: ReadonlySet<ScorecardReason | null> = new Set(DIAGNOSTIC_NOTE_CODES);

const SAMPLE_REASON_CODES: ReadonlySet<ScorecardReason | null> = new Set(SAMPLE_REASONS);

function isSampleReason(reason: ScorecardReason): reason is SampleReason {
  return SAMPLE_REASON_CODES.has(reason);
}

/** A value left out for want of data, with its minimum ("fewer than 100 replies"): the page holds no other word of it. */
export function sampleReasonText(reason: SampleReason, diagnostics: Diagnostics, format: Formatter, t: Translate): string {
  const minimum = { 'too-few-replies': diagnostics.settings.minReplies, 'too-few-follow-ups': diagnostics.settings.minFollowUps, 'too-few-mentions': diagnostics.settings.minGroupMentions }[reason];
  return t(`scorecard.reason.${reason}`, { minimum: format.count(minimum) });
}

/**
 * Each brand's empty cells with why, "Columns: reason", one entry per reason in column order: the workbook's
 * notes say what the scorecard says under its dashes ("Response rate: no mention in the period."). A column the
 * export cannot feed is left to the diagnostics' own notes, and one left out for want of data (fewer than 100
 * replies) to the Diagnostics sheet, which names each of its own columns it leaves empty.
 */
export function emptyReasonsOf(scorecard: Scorecard | null, t: Translate): Map<string, string[]> {
  return new Map(
    (scorecard?.rows ?? []).map((row) => {
      const columns = new Map<string, string[]>();
      row.cells.forEach((cell, index) => {
        if (cell.reasonText !== null && !NOTE_CODES.has(cell.reason) && !SAMPLE_REASON_CODES.has(cell.reason)) columns.set(cell.reasonText, [...(columns.get(cell.reasonText) ?? []), scorecard?.columns[index]?.label ?? '']);
      });
      return [row.brandId, [...columns].map(([reason, labels]) => t('sheet.emptyReason', { columns: labels.join(', '), reason }))];
    }),
  );
}

/** The audience columns, and what of a brand's mentions the export could not sort into their groups. */
const PARTIAL_COLUMNS: ReadonlyArray<{ key: ScorecardMetric; field: AudienceField; note: string; split: (brand: BrandDiagnostics) => { unknown: number; known: number } }> = [
  {
    key: 'influencerResponseRate',
    field: 'followers',
    note: 'scorecard.partialFollowers',
    split: (brand) => ({ unknown: brand.influencers?.unknownFollowers ?? 0, known: (brand.influencers?.influencers.inbound ?? 0) + (brand.influencers?.others.inbound ?? 0) }),
  },
  {
    key: 'negativeResponseRate',
    field: 'sentiment',
    note: 'scorecard.partialSentiment',
    split: (brand) => ({ unknown: brand.sentiment?.unknown ?? 0, known: Object.values(brand.sentiment?.bySentiment ?? {}).reduce((sum, group) => sum + group.inbound, 0) }),
  },
];

/**
 * One line per audience column shown whose values leave out some of a brand's mentions (the export gives part of
 * them no sentiment or follower count): a rate on 203 of 596 mentions is compared with rates on all of them. And the
 * platforms the column compares every brand on, when the client's export gives the field on some platforms only.
 */
function partialNotes(metrics: MetricsReport, diagnostics: Diagnostics, sources: readonly ColumnSource[], format: Formatter, t: Translate): string[] {
  const shown = PARTIAL_COLUMNS.filter((column) => sources.some((source) => source.key === column.key));
  const order = leaderboardOrder(metrics);
  const unknownNotes = shown.flatMap((column) => {
    const brands = order.flatMap((brand) => {
      const diagnosed = diagnosedOf(diagnostics, brand);
      const split = diagnosed ? column.split(diagnosed) : { unknown: 0, known: 0 };
      return split.unknown > 0 && split.known > 0 ? [t('chart.audience.unknownOf', { unknown: format.count(split.unknown), total: format.count(split.unknown + split.known), brand: brand.name })] : [];
    });
    return brands.length === 0 ? [] : [t(column.note, { list: format.list(brands) })];
  });
  const subjects = shown.map((column) => ({ field: column.field, subject: t(`scorecard.column.${column.key}`) }));
  return [...unknownNotes, ...comparedOnNotes(subjects, order.map((brand) => brand.id), diagnostics, format, t)];
}

/**
 * What a brand's row rests on: its mentions needing an answer; for a brand
 * without posts in the data, the mentions whose answers it lacks ("0 needing
 * an answer" for 7 mentions would be false); for one without posts on some
 * platforms, the mentions measured of all it received ("59 needing an answer"
 * of 72, 13 of them on a platform without its posts, hid those 13).
 */
function sampleText(brand: BrandMetrics, measured: number, format: Formatter, t: Translate): string {
  const unmeasuredSomewhere = brand.inbound > 0 && warningsOf(brand).includes('no-brand-posts');
  if (measured === 0 && unmeasuredSomewhere) return t(brand.inbound === 1 ? 'scorecard.sampleUnmeasuredOne' : 'scorecard.sampleUnmeasured', { n: format.count(brand.inbound) });
  if (unmeasuredSomewhere) return t('scorecard.samplePartlyMeasured', { n: format.count(measured), inbound: format.count(brand.inbound) });
  return t(measured === 1 ? 'scorecard.sampleOne' : 'scorecard.sample', { n: format.count(measured) });
}
