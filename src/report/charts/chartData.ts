import { from, op, type ColumnTable } from 'arquero';
import type { AnswerGroup, BrandDiagnostics, SentimentLabel } from '../../metrics/diagnostics/types.js';
import { type DiagnosticMetricKey, groupBoundByListedMissing } from '../../metrics/diagnostics/catalogue.js';
import { MIN_SAMPLE, type MetricSpec, SCALAR_METRICS } from '../../metrics/catalogue.js';
import { hasNoData, hasPartialPosts, reportedResponsesMissingThreshold } from '../../metrics/coverage.js';
import { BUCKET_KEYS as BUCKETS, type BrandMetrics, type HourOfWeekCell, type MetricsReport, type TrendPoint } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import { type AudienceField, comparedOnNote, otherPlatforms } from '../model/comparedOn.js';
import { COVERAGE_MARKS, crowdsOnOneDay, LOW_SAMPLE_MARK, LOWER_BOUND_MARK, noDataLine, platformsWith, printsBound, spanSentence, valueMarks, warningsOf } from '../model/coverage.js';
import { shortenText } from '../model/examples.js';
import { partMonthNotes } from '../model/part-months.js';
import { periodMonths, wholeMonths } from '../model/period-months.js';
import { leaderboardOrder } from '../model/leaderboard.js';
import { shownThemes, subjectListedNote, subjectMarks, themeGridBrands, understatesSubject } from '../model/themes.js';
import { THEME_MIN_MENTIONS } from '../../themes/index.js';
import type { NativeChart, NativeSeries, NativeUnit } from '../model/types.js';
import { BACKGROUND_GREY, BUCKET_COLOURS, type BrandPalette, colourOf, DECK_BACKGROUND_GREY, DECK_FOREGROUND, FOREGROUND, HEAT_SCHEMES, heatColour, SENTIMENT_COLOURS } from './palette.js';
import { type AnsweredWithin, curveMinutes } from './curve-minutes.js';
import type { ChartInputs, JsonValue } from './renderChart.js';

export const CHART_IDS = [
  'response-rate',
  'response-time-buckets',
  'cumulative-answered',
  'trend',
  'hour-of-week',
  'reply-broadcast',
  'share-of-voice',
  'sentiment',
  'influencers',
  'themes',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

interface Context {
  metrics: MetricsReport;
  answeredWithin: AnsweredWithin | null;
  format: Formatter;
  t: Translate;
  palette: BrandPalette;
  primary: string;
}

type Inputs = Omit<ChartInputs, 't' | 'language'>;

/** One chart's data: the Vega inputs of the PDF's chart and the deck's native charts, from the same rows. */
export interface ChartBuild {
  inputs: Inputs;
  native: NativeChart[];
  /** A sentence printed in the chart's place, its notes under it, when the data would draw nothing worth a chart. */
  instead?: string;
}

/**
 * Types of the rows and params arquero expressions read. Arquero compiles
 * each expression from its source text, so they reach values only through
 * these two arguments, never through variables around them.
 */
interface Folded {
  key: string;
  count: number;
  inbound: number;
}
interface Recoding {
  labels: Record<string, string>;
  order: Record<string, number>;
}
interface TrendParams {
  clientId: string | null;
  monthLabels: Record<string, string>;
}

/**
 * Chart data per chart id; a chart without data is left out (the report
 * prints a sentence in its place). A brand whose response metrics are null
 * (no posts of its own in the data) is missing from the response charts, never
 * drawn as 0%.
 */
export function chartData(context: Context): Partial<Record<ChartId, ChartBuild>> {
  const common = { brandDomain: context.palette.domain, brandRange: context.palette.range, primary: context.primary };
  const result: Partial<Record<ChartId, ChartBuild>> = {};
  const brands = context.metrics.brands;
  if (brands.some(measured)) {
    result['response-rate'] = responseRate(context, common);
    result['response-time-buckets'] = buckets(context, common);
    result['cumulative-answered'] = cumulative(context, common);
  }
  if (brands.some((brand) => brand.inbound > 0)) result['share-of-voice'] = shareOfVoice(context, common);
  const trend = trendInputs(context, common);
  if (trend) result.trend = trend;
  const hours = hourOfWeek(context);
  if (hours) result['hour-of-week'] = hours;
  if (brands.some((brand) => brand.replies + brand.broadcasts > 0)) result['reply-broadcast'] = replyBroadcast(context, common);
  const sentiment = audienceInputs(context, SENTIMENT_AUDIENCE);
  if (sentiment) result.sentiment = sentiment;
  const influencers = audienceInputs(context, INFLUENCER_AUDIENCE);
  if (influencers) result.influencers = influencers;
  const themes = themeGrid(context);
  if (themes) result.themes = themes;
  return result;
}

/** A native chart with the fields its kind leaves empty. */
function native(chart: Pick<NativeChart, 'kind' | 'title' | 'labels' | 'series' | 'unit'> & Partial<NativeChart>): NativeChart {
  return { horizontal: false, categoryColours: null, interval: null, axisTitle: null, columns: null, fills: null, cellLabels: null, volume: null, logScale: false, ...chart };
}

/** Long rows (one per category and series) as native series: categories and series in their given orders. */
function pivot<Row>(rows: readonly Row[], category: (row: Row) => string, categories: readonly string[], series: ReadonlyArray<{ key: string; name: string; colour: string }>, seriesOf: (row: Row) => string, value: (row: Row) => number | null): NativeSeries[] {
  return series.map((entry) => ({
    name: entry.name,
    colour: entry.colour,
    values: categories.map((label) => {
      const row = rows.find((candidate) => category(candidate) === label && seriesOf(candidate) === entry.key);
      return row === undefined ? null : value(row);
    }),
  }));
}

/** How one audience chart splits a brand's inbound mentions (diagnostics: sentiment, influencer priority). */
export interface Audience {
  /** The chart's strings prefix: `{prefix}.group.<key>`, `{prefix}.missingFor`. */
  prefix: string;
  keys: readonly string[];
  /** The groups of a brand, null when the export gave nothing to split its mentions by. */
  groups: (brand: BrandDiagnostics) => Record<string, AnswerGroup> | null;
  /** The brand's mentions the export gave nothing to put in a group by (no sentiment, no follower count): not in the chart. */
  unknown: (brand: BrandDiagnostics) => number;
  /** Colours by group. */
  range: readonly string[];
  /** The export's field the split rests on. */
  field: AudienceField;
  /** The share answered of the brand's diagnostics that rests on the same platforms (lowerBoundShares). */
  share: DiagnosticMetricKey;
}

const SENTIMENTS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

const SENTIMENT_AUDIENCE: Audience = {
  prefix: 'chart.sentiment',
  keys: SENTIMENTS,
  groups: (brand) => brand.sentiment?.bySentiment ?? null,
  unknown: (brand) => brand.sentiment?.unknown ?? 0,
  range: SENTIMENTS.map((sentiment) => SENTIMENT_COLOURS[sentiment]),
  field: 'sentiment',
  share: 'negativeResponseRate',
};

const INFLUENCER_AUDIENCE: Audience = {
  prefix: 'chart.influencers',
  keys: ['influencers', 'others'],
  groups: (brand) => (brand.influencers ? { influencers: brand.influencers.influencers, others: brand.influencers.others } : null),
  unknown: (brand) => brand.influencers?.unknownFollowers ?? 0,
  range: [FOREGROUND, BACKGROUND_GREY],
  field: 'followers',
  share: 'influencerResponseRate',
};

/** The audience charts; each names its groups `{prefix}.group.<key>` in the strings. */
export const AUDIENCES: readonly Audience[] = [SENTIMENT_AUDIENCE, INFLUENCER_AUDIENCE];

interface AudienceRow {
  brandId: string;
  key: string;
  inbound: number;
  answered: number;
  /** The group's mentions whose export lists a response the data lacks (AnswerGroup.listedMissing). */
  listedMissing: number;
  rate: number | null;
  minutes: number | null;
}

/**
 * Response rate and median response time per group of mentions, per brand,
 * from the diagnostics; null when no brand's export can split its mentions
 * (the report then says which exports lack it). Brands whose export
 * cannot are named under the chart.
 */
function audienceInputs({ metrics, format, t }: Context, audience: Audience): ChartBuild | null {
  const diagnostics = metrics.diagnostics;
  if (!diagnostics) return null;
  const byId = new Map(diagnostics.brands.map((brand) => [brand.id, brand]));
  const ordered = byValueDescending(metrics.brands, (brand) => brand.responseRate);
  // A brand with no post of its own in the data has no answers to split: the diagnostics would show 0%, not unknown.
  const measurable = ordered.filter((brand) => !(brand.coverage?.warnings.includes('no-brand-posts') && brand.responseRate === null));
  // A brand whose mentions of the kind are all on platforms the comparison leaves out has no bar to draw: the note
  // that names those platforms counts them (comparedOn.ts).
  const onlyElsewhere = (brand: BrandDiagnostics) =>
    otherPlatforms(brand, audience.field) > 0 && audience.unknown(brand) === 0 && Object.values(audience.groups(brand) ?? {}).every((group) => group.inbound === 0);
  const shown = measurable.filter((brand) => {
    const groups = byId.get(brand.id);
    return !(groups && onlyElsewhere(groups));
  });
  const split = shown.filter((brand) => {
    const groups = byId.get(brand.id);
    return groups !== undefined && audience.groups(groups) !== null;
  });
  if (split.length === 0) return null;
  const flat: AudienceRow[] = split.flatMap((brand) => {
    const groups = audience.groups(byId.get(brand.id) as BrandDiagnostics) ?? {};
    return audience.keys.map((key) => {
      const group = groups[key];
      return { brandId: brand.id, key, inbound: group?.inbound ?? 0, answered: group?.answered ?? 0, listedMissing: group?.listedMissing ?? 0, rate: group?.responseRate ?? null, minutes: group?.responseTimeMedianMin ?? null };
    });
  });
  const names = Object.fromEntries(split.map((brand, index) => [brand.id, { name: brand.name, order: index }]));
  // Lower bounds where the compared platforms hold the brand's posts in part (BrandDiagnostics.lowerBoundShares), not where another platform does.
  const understated = split.filter((brand) => byId.get(brand.id)?.lowerBoundShares.some((key) => key === audience.share) ?? false);
  // And a group's bar where responses its export lists are missing for more than the warning's share of its mentions (diagnostics catalogue, boundByListedMissing).
  const listing = (row: AudienceRow) => groupBoundByListedMissing(row, diagnostics.settings);
  const labels = Object.fromEntries(audience.keys.map((key) => [key, t(`${audience.prefix}.group.${key}`)]));
  const rows = from(flat)
    .params({ labels, order: Object.fromEntries(audience.keys.map((key, index) => [key, index])) } satisfies Recoding)
    .derive({
      group: (d: AudienceRow, $: Recoding) => op.recode(d.key, $.labels),
      groupOrder: (d: AudienceRow, $: Recoding) => op.recode(d.key, $.order),
      hours: (d: AudienceRow) => (d.minutes === null ? null : d.minutes / 60),
    })
    .objects() as Array<AudienceRow & { group: string; groupOrder: number; hours: number | null }>;
  const points = rows.map((row) => ({
    brand: names[row.brandId]?.name ?? row.brandId,
    brandOrder: names[row.brandId]?.order ?? 0,
    group: row.group,
    groupOrder: row.groupOrder,
    rate: row.rate,
    hours: row.hours,
    rateLabel: row.rate === null ? '' : `${(understated.some((brand) => brand.id === row.brandId) || listing(row)) && printsBound('share', row.rate) ? `${LOWER_BOUND_MARK} ` : ''}${format.percent(row.rate)} · ${format.count(row.inbound)}`,
    // Marked as the leaderboard marks a time on a thin sample; the note under the chart names them.
    timeLabel: row.minutes === null ? '' : `${format.duration(row.minutes)}${row.answered < MIN_SAMPLE ? ` ${LOW_SAMPLE_MARK}` : ''}`,
  }));
  const missing = shown.filter((brand) => !split.includes(brand)).map((brand) => brand.name);
  // What each brand's bars rest on, when the export left some of its mentions out of every group.
  const unknown = split.flatMap((brand) => {
    const groups = byId.get(brand.id) as BrandDiagnostics;
    const left = audience.unknown(groups);
    if (left === 0) return [];
    const counted = Object.values(audience.groups(groups) ?? {}).reduce((sum, group) => sum + group.inbound, 0);
    return [t('chart.audience.unknownOf', { unknown: format.count(left), total: format.count(counted + left), brand: brand.name })];
  });
  // A group without a rate has no bar: said, with why, or a reader takes the gap for 0%. Too few mentions to carry one, or none at all.
  // Each brand once, with its groups: "Telbo (Negative, 8; Neutral, 11)", not Telbo twice.
  const byBrand = (chosen: typeof rows, count: (row: (typeof rows)[number]) => number) =>
    [...new Set(chosen.map((row) => row.brandId))].map((brandId) =>
      t('chart.audience.thinBrand', {
        brand: names[brandId]?.name ?? brandId,
        groups: chosen
          .filter((row) => row.brandId === brandId)
          .map((row) => t('chart.audience.groupCount', { group: row.group, count: format.count(count(row)) }))
          .join(t('format.listSeparator')),
      }),
    );
  const thin = byBrand(rows.filter((row) => row.rate === null && row.inbound > 0), (row) => row.inbound);
  const empty = rows.filter((row) => row.rate === null && row.inbound === 0).map((row) => t('chart.audience.emptyGroup', { brand: names[row.brandId]?.name ?? row.brandId, group: row.group }));
  // A median on fewer answers than the report's sample minimum is named, as the leaderboard marks its times: in words, which the deck's bars, without labels, need too.
  const thinTimes = byBrand(rows.filter((row) => row.minutes !== null && row.answered < MIN_SAMPLE), (row) => row.answered);
  const order = leaderboardOrder(metrics).map((brand) => brand.id);
  const whyNoBar = [
    ...(missing.length === 0 ? [] : [t(`${audience.prefix}.missingFor`, { brands: format.list(missing) })]),
    ...(unknown.length === 0 ? [] : [t(`${audience.prefix}.unknownFor`, { list: format.list(unknown) })]),
    ...(thin.length === 0 ? [] : [t('chart.audience.thinGroups', { minimum: format.count(diagnostics.settings.minGroupMentions), list: format.list(thin) })]),
    ...(empty.length === 0 ? [] : [t('chart.audience.emptyGroups', { list: format.list(empty) })]),
  ];
  // Opens with the mark its bars' labels carry (the deck's bars have no labels: the list names them).
  const thinTimesNote = thinTimes.length === 0 ? [] : [`${LOW_SAMPLE_MARK} ${t('chart.audience.thinTimes', { minimum: format.count(MIN_SAMPLE), list: format.list(thinTimes) })}`];
  // Only the brands whose bars carry the mark: a share answered in full prints without it.
  const marked = (brand: BrandMetrics) => points.some((point) => point.brand === brand.name && point.rateLabel.startsWith(LOWER_BOUND_MARK));
  const partialShown = understated.filter(marked);
  const listingShown = split.filter((brand) => !understated.includes(brand) && marked(brand));
  // The groups whose bars carry the mark for that cause, named: the deck's bars have no labels, and a brand's other bars may be exact.
  const listed = listingShown.map((brand) => {
    const groups = rows.filter((row) => row.brandId === brand.id && row.rate !== null && listing(row) && printsBound('share', row.rate)).map((row) => row.group);
    return t('format.namedParts', { name: brand.name, parts: format.list(groups) });
  });
  const listingNote = listed.length === 0 ? [] : [t('chart.audience.listedMissing', { share: format.percentSetting(diagnostics.settings.responsesMissingShare), list: format.list(listed) })];
  const boundShown = [...partialShown, ...listingShown];
  const restsOn = [...comparedOnNote(audience.field, t(`${audience.prefix}.title`), order, diagnostics, format, t), ...partialNote(partialShown, { metrics, format, t }, { understated: () => true }), ...listingNote];
  // A split compares its groups: with bars in fewer than two, it would only draw the response-rate chart again (the demo: no brand has 30 mentions
  // from influencers). The notes then say why no group has a bar, and nothing of median times the page does not show.
  if (new Set(rows.filter((row) => row.rate !== null).map((row) => row.key)).size < 2) {
    return { inputs: { datasets: {}, values: {}, notes: [...whyNoBar, ...restsOn] }, native: [], instead: t(`${audience.prefix}.noComparison`, { minimum: format.count(diagnostics.settings.minGroupMentions) }) };
  }
  const notes = [...whyNoBar, ...thinTimesNote, ...restsOn];
  // Room past the longest bar for its label.
  const longest = Math.max(0, ...points.map((point) => point.hours ?? 0));
  const brandNames = split.map((brand) => brand.name);
  const groups = audience.keys.map((key, index) => ({ key: labels[key] ?? key, name: labels[key] ?? key, colour: audience.range[index] ?? BACKGROUND_GREY }));
  // The deck's bars have no labels: on the chart of shares answered, a brand whose bars are lower bounds carries the mark after its name, as on the response-rate chart.
  const nativeNames = split.map((brand) => (boundShown.includes(brand) ? `${brand.name} ${LOWER_BOUND_MARK}` : brand.name));
  const nativeOf = (title: string, unit: NativeUnit, value: (point: (typeof points)[number]) => number | null, axisTitle: string | null, names = brandNames) =>
    native({ kind: 'bar', title, labels: names, series: pivot(points, (point) => point.brand, brandNames, groups, (point) => point.group, value), unit, axisTitle });
  return {
    inputs: {
      datasets: { groups: points },
      values: { groupDomain: groups.map((group) => group.name), groupRange: groups.map((group) => group.colour), brandOrder: brandNames, hoursDomain: [0, longest > 0 ? longest * 1.3 : 1] },
      notes,
    },
    native: [
      nativeOf(t('chart.audience.rateTitle'), 'share', (point) => point.rate, null, nativeNames),
      nativeOf(t('label.responseTimeMedianMin'), 'hours', (point) => point.hours, t('chart.audience.hoursAxis')),
    ],
  };
}

/** Mentions the response metrics rest on: the buckets split exactly these (METRICS.md, "Coverage"). */
function measuredInbound(brand: BrandMetrics): number {
  return BUCKETS.reduce((sum, bucket) => sum + brand.buckets[bucket], 0);
}

function measured(brand: BrandMetrics): boolean {
  return brand.responseRate !== null && measuredInbound(brand) > 0;
}

function byValueDescending(brands: readonly BrandMetrics[], value: (brand: BrandMetrics) => number | null): BrandMetrics[] {
  return [...brands].sort((a, b) => (value(b) ?? -1) - (value(a) ?? -1) || a.name.localeCompare(b.name));
}

/**
 * The line under a chart of shares answered that says whose are lower bounds (`understated`, those with posts held in
 * part by default), and why; none when no brand drawn is one. It opens with the mark only where the chart's figures
 * carry it (`marked`).
 */
function partialNote(
  brands: readonly BrandMetrics[],
  { metrics, format, t }: Pick<Context, 'metrics' | 'format' | 't'>,
  { understated = hasPartialPosts, marked = true }: { understated?: (brand: BrandMetrics) => boolean; marked?: boolean } = {},
): string[] {
  const partial = brands.filter(understated);
  if (partial.length === 0) return [];
  const period = format.periodInSentence(metrics.period.start, metrics.period.end, metrics.period.label);
  // A brand whose posts the data holds whole over all platforms is a lower bound here for the platforms it holds them in part on: named.
  const named = partial.map((brand) => {
    const platforms = hasPartialPosts(brand) ? null : platformsWith(metrics, brand.id, 'brand-posts-partial', format);
    return platforms === null ? brand.name : t('chart.brandOnPlatforms', { brand: brand.name, platforms });
  });
  const note = t(partial.length === 1 ? 'chart.partialPostsOne' : 'chart.partialPosts', { brands: format.list(named), period });
  // The mark opens the note where the chart's figures carry it; under curves without labels it would explain nothing.
  return [marked ? `${LOWER_BOUND_MARK} ${note}` : note];
}

/**
 * The lines under a curve of shares answered (the trend, the share answered over time) that say whose are lower bounds:
 * brands whose posts the data holds in part (partialNote), then brands whose exports list responses the data lacks
 * (responses-missing). The curves carry no mark, so the lines open with none.
 */
function curveNotes(brands: readonly BrandMetrics[], context: Pick<Context, 'metrics' | 'format' | 't'>): string[] {
  const { metrics, format, t } = context;
  const listing = brands.filter((brand) => warningsOf(brand).includes('responses-missing') && !hasPartialPosts(brand));
  const period = format.periodInSentence(metrics.period.start, metrics.period.end, metrics.period.label);
  return [
    ...partialNote(brands, context, { marked: false }),
    ...(listing.length === 0 ? [] : [t(listing.length === 1 ? 'chart.listedMissingOne' : 'chart.listedMissing', { brands: format.list(listing.map((brand) => brand.name)), period })]),
  ];
}

/** The characters of a brand name that carries marks on a chart's axis: with them, within the axis's label limit (230 px). */
const MARKED_NAME_CHARACTERS = 22;

/** A name of more than `max` characters as its first and last characters around an ellipsis ("Télécom Ébè…ice Client"). */
function middleCut(name: string, max: number): string {
  const characters = Array.from(shortenText(name, Number.POSITIVE_INFINITY));
  if (characters.length <= max) return characters.join('');
  const head = Math.ceil((max - 1) / 2);
  return `${characters.slice(0, head).join('').trimEnd()}…${characters.slice(characters.length - (max - 1 - head)).join('').trimStart()}`;
}

/** The marks a chart's figures may carry (valueMarks), in the order the leaderboard prints them, and the words that say what each means under the chart. */
const MARK_KEYS: Record<string, string> = {
  [LOWER_BOUND_MARK]: 'chart.mark.lowerBound',
  [LOW_SAMPLE_MARK]: 'chart.mark.lowSample',
  [COVERAGE_MARKS['no-brand-posts']]: 'chart.mark.noBrandPosts',
  [COVERAGE_MARKS['few-brand-posts']]: 'chart.mark.fewBrandPosts',
  [COVERAGE_MARKS['parents-missing']]: 'chart.mark.parentsMissing',
  [COVERAGE_MARKS['dominant-author']]: 'chart.mark.dominantAuthor',
  [COVERAGE_MARKS['partial-period']]: 'chart.mark.partialPeriod',
};

/**
 * The marks of each brand's figure on a chart (the leaderboard's): its figure
 * with them for the PDF ("≥ 64% †"), its name with them for the deck's native
 * chart (which writes one number format for every bar: "Kwikly Mobile † ‡"),
 * and one line under the chart saying what the marks used mean (the
 * leaderboard's notes are pages away); none without marks.
 */
function chartMarks(spec: Pick<MetricSpec<never>, 'marks' | 'key' | 'unit'>, brands: readonly BrandMetrics[], value: (brand: BrandMetrics) => number | null, { format, t }: Pick<Context, 'format' | 't'>) {
  const marks = brands.map((brand) => valueMarks(spec, brand, value(brand)));
  const used = new Set(marks.flatMap((entry) => [...entry.leading, ...entry.trailing]));
  const legend = Object.entries(MARK_KEYS)
    .filter(([mark]) => used.has(mark))
    .map(([mark, key]) => `${mark} ${t(key, { minimum: format.count(MIN_SAMPLE) })}`);
  const marked = (index: number, text: string) => [...(marks[index]?.leading ?? []), text, ...(marks[index]?.trailing ?? [])].join(' ');
  return {
    markedValues: brands.map((brand, index) => marked(index, format.percent(value(brand)))),
    // A long name is cut here, before its marks, where the chart's label limit would cut them off with its end. Where
    // another brand's name is cut to the same text, its middle is cut instead, keeping the end that tells them apart: the
    // chart would draw the two brands' bars as one.
    markedNames: brands.map((brand, index) => {
      const signs = [...(marks[index]?.leading ?? []), ...(marks[index]?.trailing ?? [])];
      if (signs.length === 0) return brand.name;
      const cut = shortenText(brand.name, MARKED_NAME_CHARACTERS);
      const shared = brands.some((other) => other !== brand && shortenText(other.name, MARKED_NAME_CHARACTERS) === cut);
      return [shared ? middleCut(brand.name, MARKED_NAME_CHARACTERS) : cut, ...signs].join(' ');
    }),
    notes: legend.length === 0 ? [] : [legend.join(' · ')],
  };
}

function responseRate({ metrics, format, t, palette }: Context, common: Record<string, JsonValue>): ChartBuild {
  const spec = { ...SCALAR_METRICS.responseRate, key: 'responseRate' };
  // A rate that takes no rank (its posts held on part of the period) stands after the ranked ones, not among them.
  const byRate = byValueDescending(metrics.brands, (brand) => brand.responseRate).filter((brand) => brand.responseRate !== null);
  const measured = [...byRate.filter((brand) => !hasPartialPosts(brand)), ...byRate.filter(hasPartialPosts)];
  const { markedValues, markedNames, notes } = chartMarks(spec, measured, (brand) => brand.responseRate, { format, t });
  const rows = measured.map((brand, order) => ({
    brand: brand.name,
    order,
    rate: brand.responseRate,
    // No interval where the rate has none (a lower bound by an unknown margin): none is drawn, not one of zero width at the bar's end.
    low: brand.responseRateCi?.[0] ?? null,
    high: brand.responseRateCi?.[1] ?? null,
    labelAt: brand.responseRateCi?.[1] ?? brand.responseRate,
    // As the leaderboard prints it: "≥ 64%" for a lower bound, "19% † ‡" for a rate on few mentions, resting on some of its platforms only.
    label: markedValues[order] ?? '',
  }));
  const labels = rows.map((row) => row.brand);
  return {
    inputs: { datasets: { brands: rows }, values: { ...common, brandOrder: labels }, notes },
    native: [
      native({
        kind: 'bar',
        title: t('chart.responseRate.title'),
        labels: markedNames,
        series: [{ name: t('label.responseRate'), values: rows.map((row) => row.rate), colour: common.primary as string }],
        categoryColours: labels.map((name) => colourOf(palette, name)),
        interval: { low: rows.map((row) => row.low), high: rows.map((row) => row.high) },
        unit: 'share',
        axisTitle: t('chart.responseRate.axis'),
      }),
    ],
  };
}

function buckets({ metrics, format, t }: Context, common: Record<string, JsonValue>): ChartBuild {
  const ordered = byValueDescending(metrics.brands, (brand) => brand.withinSla['60'] ?? brand.responseRate).filter(measured);
  const labels = Object.fromEntries(BUCKETS.map((bucket) => [bucket, t(`bucket.${bucket}`)]));
  // The buckets split the mentions the response rate rests on: each brand is named with the rate's marks ("≥" where answers are missing from the data).
  const { markedNames, notes } = chartMarks({ ...SCALAR_METRICS.responseRate, key: 'responseRate' }, ordered, (brand) => brand.responseRate, { format, t });
  const rows = jsonRows(
    from(ordered.map((brand, index) => ({ brand: markedNames[index] ?? brand.name, inbound: measuredInbound(brand), ...brand.buckets })))
      .derive({ brandOrder: () => op.row_number() - 1 })
      .fold([...BUCKETS], { as: ['key', 'count'] })
      .params({ labels, order: Object.fromEntries(BUCKETS.map((bucket, index) => [bucket, index])) } satisfies Recoding)
      .derive({
        bucket: (d: Folded, $: Recoding) => op.recode(d.key, $.labels),
        bucketOrder: (d: Folded, $: Recoding) => op.recode(d.key, $.order),
        share: (d: Folded) => d.count / d.inbound,
      })
      .select('brand', 'brandOrder', 'bucket', 'bucketOrder', 'share'),
  );
  const brands = ordered.map((brand, index) => markedNames[index] ?? brand.name);
  const series = BUCKETS.map((bucket) => ({ key: labels[bucket] ?? bucket, name: labels[bucket] ?? bucket, colour: BUCKET_COLOURS[bucket] }));
  return {
    inputs: { datasets: { buckets: rows }, values: { ...common, bucketDomain: series.map((entry) => entry.name), bucketRange: series.map((entry) => entry.colour) }, notes },
    native: [
      native({
        kind: 'stacked-bar',
        title: t('chart.buckets.title'),
        horizontal: true,
        labels: brands,
        series: pivot(rows, (row) => String(row.brand), brands, series, (row) => String(row.bucket), (row) => row.share as number),
        unit: 'share',
        axisTitle: t('chart.buckets.axis'),
      }),
    ],
  };
}

/**
 * Share of all inbound answered within t minutes, on a log grid; from the
 * store's counts at each minute of the grid (queries/report/response_curve.sql)
 * when the report read them, else from the buckets.
 */
function cumulative({ metrics, answeredWithin, t, format, palette }: Context, common: Record<string, JsonValue>): ChartBuild {
  const window = metrics.settings?.responseWindowMin ?? 7 * 1440;
  const { grid, ticks } = curveMinutes(window);
  const curve: Array<Record<string, JsonValue>> = [];
  const atTicks: NativeSeries[] = [];
  for (const brand of metrics.brands.filter(measured)) {
    const answered = answeredWithin?.[brand.id];
    const counts = answered ? new Map(answered) : undefined;
    const answeredBy = (minutes: number) => {
      const count = counts?.get(minutes);
      // The store's counts are at the minutes of the same window's grid (storeFacts.ts); any other minute is a bug, not a 0%.
      if (count === undefined) throw new Error(`the answered-over-time curve has no count at ${minutes} minutes for ${brand.id}`);
      return count;
    };
    const shareAt = (minutes: number) => (counts ? answeredBy(minutes) / measuredInbound(brand) : bucketShareAt(brand, minutes, window));
    const points = counts ? grid.map((minutes) => [minutes, shareAt(minutes)] as const) : bucketPoints(brand, window);
    for (const [minutes, share] of points) curve.push({ brand: brand.name, isClient: brand.role === 'client', minutes, share });
    atTicks.push({ name: brand.name, colour: colourOf(palette, brand.name), values: ticks.map(shareAt) });
  }
  const labels = Object.fromEntries(ticks.map((minutes) => [String(minutes), format.span(minutes)]));
  const marks = [
    { minutes: 10, label: format.span(10) },
    { minutes: 60, label: format.span(60) },
    { minutes: 1440, label: t('unit.hours', { n: 24 }) },
  ].filter((mark) => mark.minutes <= window);
  // Only the brands drawn are named in the legend: a brand without answers to measure has no curve.
  const drawn = atTicks.map((series) => series.name);
  return {
    inputs: {
      notes: curveNotes(metrics.brands.filter(measured), { metrics, format, t }),
      datasets: { curve, marks },
      values: {
        ...common,
        brandDomain: drawn,
        brandRange: drawn.map((name) => colourOf(palette, name)),
        minutesDomain: [1, window],
        tickValues: ticks,
        tickLabelExpr: `${JSON.stringify(labels)}[toString(datum.value)] || ''`,
      },
    },
    native: [native({ kind: 'line', title: t('chart.cumulative.title'), labels: ticks.map((minutes) => format.span(minutes)), series: atTicks, unit: 'share', axisTitle: t('chart.cumulative.axisY') })],
  };
}

/** The bucket limits a brand's curve is known at without the store's curve, with the shares answered by then. */
function bucketSteps(brand: BrandMetrics, window: number): Array<[number, number]> {
  const b = brand.buckets;
  return [
    [60, b['0-1h']],
    [240, b['0-1h'] + b['1-4h']],
    [480, b['0-1h'] + b['1-4h'] + b['4-8h']],
    [1440, b['0-1h'] + b['1-4h'] + b['4-8h'] + b['8-24h']],
    [window, brand.answered],
  ];
}

function bucketPoints(brand: BrandMetrics, window: number): Array<readonly [number, number]> {
  // Without the store's curve it is only known at the bucket limits, so it starts at 1 h rather than inventing earlier points.
  return bucketSteps(brand, window).map(([minutes, count]) => [minutes, count / measuredInbound(brand)] as const);
}

/** The share answered within `minutes` as the bucket curve draws it (a step: the last bucket limit reached); null before the first. */
function bucketShareAt(brand: BrandMetrics, minutes: number, window: number): number | null {
  const reached = bucketSteps(brand, window).filter(([limit]) => limit <= minutes);
  const last = reached[reached.length - 1];
  return last === undefined ? null : last[1] / measuredInbound(brand);
}

/**
 * For a period that is not whole calendar months (ten days, a range across two months): the trend's points are whole
 * months, and the one or two the period falls in hold days outside it (a 10-day report's 183 mentions beside its month's 548).
 */
function periodInMonths(metrics: MetricsReport, format: Formatter, t: Translate): string[] {
  if (wholeMonths(metrics.period)) return [];
  const { first, last } = periodMonths(metrics.period);
  const months = first === last ? [first] : [first, last];
  const period = format.periodInSentence(metrics.period.start, metrics.period.end, metrics.period.label);
  return [t(months.length === 1 ? 'chart.trend.periodInMonth' : 'chart.trend.periodInMonths', { months: format.list(months.map((month) => format.shortMonth(month))), period })];
}

/** Beside a month of the trend that the exports reach in part. */
const PART_MONTH_MARK = '*';

function trendInputs({ metrics, format, t, palette }: Context, common: Record<string, JsonValue>): ChartBuild | null {
  // The months before the data starts (no mention and no post of any brand) are not drawn as months of nothing.
  // Nor those after it ends (a quarter whose last month the data does not reach): an empty column would read as no mention.
  const held = (metrics.trend ?? []).filter((point) => point.inbound !== null).map((point) => point.month);
  const start = held.reduce<string | null>((first, month) => (first === null || month < first ? month : first), null);
  const end = held.reduce<string | null>((last, month) => (last === null || month > last ? month : last), null);
  const trend = (metrics.trend ?? []).filter((point) => start !== null && end !== null && point.month >= start && point.month <= end);
  if (trend.length === 0 || start === null || end === null) return null;
  const monthName = (month: string) => format.monthYear(new Date(`${month}-15T12:00:00Z`));
  const left = [
    ...((metrics.trend ?? []).some((point) => point.month < start) ? [t('chart.trend.dataFrom', { month: monthName(start) })] : []),
    ...((metrics.trend ?? []).some((point) => point.month > end) ? [t('chart.trend.dataTo', { month: monthName(end) })] : []),
    ...periodInMonths(metrics, format, t),
  ];
  const brands = from(metrics.brands.map((brand) => ({ brandId: brand.id, brand: brand.name })));
  const points = from(trend);
  const months = points.select('month').dedupe().orderby('month').array('month') as string[];
  // One month of data draws one dot per brand, no trend: a sentence says so (its figures are the summary's).
  if (months.length === 1) return { inputs: { datasets: {}, values: {}, notes: [] }, native: [], instead: t('chart.trend.oneMonth', { month: format.monthYear(new Date(`${start}-15T12:00:00Z`)) }) };
  // A month the exports reach in part (the one they end in) is marked on the axis, and the note under the chart says whose.
  const partMonths = new Set(metrics.trendPartialMonths ?? []);
  const monthLabels = Object.fromEntries(months.map((month) => [month, `${format.shortMonth(month)}${partMonths.has(month) ? ` ${PART_MONTH_MARK}` : ''}`]));
  const partNote = partMonthNotes(metrics, months, PART_MONTH_MARK, format, t);
  const params: TrendParams = { clientId: metrics.brands.find((brand) => brand.role === 'client')?.id ?? null, monthLabels };
  const rows = points
    .semijoin(brands, 'brandId')
    .lookup(brands, 'brandId', 'brand')
    .params(params)
    .derive({
      isClient: (d: TrendPoint, $: TrendParams) => d.brandId === $.clientId,
      monthLabel: (d: TrendPoint, $: TrendParams) => op.recode(d.month, $.monthLabels),
      rate: (d: TrendPoint) => d.responseRate,
      hours: (d: TrendPoint) => (d.responseTimeMedianMin === null ? null : d.responseTimeMedianMin / 60),
    })
    .select('brand', 'isClient', 'monthLabel', 'rate', 'hours');
  const clientVolume = points
    .params(params)
    .filter((d: TrendPoint, $: TrendParams) => d.brandId === $.clientId)
    .derive({ monthLabel: (d: TrendPoint, $: TrendParams) => op.recode(d.month, $.monthLabels) })
    .select('monthLabel', 'inbound');
  const monthOrder = months.map((month) => monthLabels[month] ?? month);
  const client = metrics.brands.find((brand) => brand.role === 'client')?.name ?? '';
  const volumeName = t('chart.trend.volumeSeries', { client });
  // A brand without a single rate or time in the months drawn (no post of its own) has no line: it is not named in the legend either.
  const drawnBrands = new Set(
    rows
      .filter((d: { rate: number | null; hours: number | null }) => d.rate !== null || d.hours !== null)
      .array('brand') as string[],
  );
  const datasets = { trend: jsonRows(rows).filter((row) => drawnBrands.has(String(row.brand))), clientVolume: jsonRows(clientVolume) };
  const drawn = datasets.trend;
  const lines = metrics.brands.filter((brand) => drawn.some((row) => row.brand === brand.name)).map((brand) => ({ key: brand.name, name: brand.name, colour: colourOf(palette, brand.name) }));
  const line = (title: string, unit: NativeUnit, field: 'rate' | 'hours', axisTitle: string) =>
    native({ kind: 'line', title, labels: monthOrder, series: pivot(drawn, (row) => String(row.monthLabel), monthOrder, lines, (row) => String(row.brand), (row) => row[field] as number | null), unit, axisTitle });
  const received = new Map(datasets.clientVolume.map((row) => [String(row.monthLabel), row.inbound as number]));
  const volume = { name: volumeName, axisTitle: t('chart.trend.volumeAxis'), values: monthOrder.map((month) => received.get(month) ?? null) };
  const rate = { ...line(t('chart.trend.rateTitle'), 'share', 'rate', t('chart.trend.rateAxis')), volume: params.clientId === null ? null : volume };
  const times = timeAxis(drawn.map((row) => row.hours as number | null), format, t);
  const hours = { ...line(t('label.responseTimeMedianMin'), 'hours', 'hours', times.log ? t('chart.trend.timeAxisLog') : t('chart.trend.timeAxis')), logScale: times.log };
  const values = { ...common, monthOrder, volumeLegend: volumeName, ...times.values };
  // An axis over no value reads 0.000000: a panel with nothing to draw gives way to a sentence.
  if (!drawn.some((row) => row.rate !== null)) return { inputs: { datasets, values, panels: [0], notes: [...left, ...partNote, t('chart.trend.noReplies', { client })] }, native: [] };
  const partial = curveNotes(
    metrics.brands.filter((brand) => drawnBrands.has(brand.name)),
    { metrics, format, t },
  );
  if (!drawn.some((row) => row.hours !== null)) return { inputs: { datasets, values, panels: [0], notes: [...left, ...partNote, t('chart.trend.noTimes'), ...partial, ...listedTrendMonths(metrics, trend, monthLabels, format, t)] }, native: [rate] };
  const logNote = times.log ? [t('chart.trend.logTimes')] : [];
  return { inputs: { datasets, values, notes: [...left, ...partNote, ...logNote, ...partial, ...listedTrendMonths(metrics, trend, monthLabels, format, t), ...thinTrendTimes(metrics, trend, monthLabels, format, t)] }, native: [rate, hours] };
}

/**
 * The months whose rate of a brand is a lower bound for responses its exports list and the data lacks (TrendPoint.responseRateEnd),
 * named per brand: a dip of the curve there may be answers missing from the data. Not the month of a one-month report of a brand
 * whose figures of the month are lower bounds: curveNotes names it. The months of a longer period are named, as its note speaks of
 * the whole period.
 */
function listedTrendMonths(metrics: MetricsReport, trend: readonly TrendPoint[], monthLabels: Record<string, string>, format: Formatter, t: Translate): string[] {
  const { first, last } = periodMonths(metrics.period);
  const named = (brand: BrandMetrics) => first === last && (hasPartialPosts(brand) || warningsOf(brand).includes('responses-missing'));
  const byBrand = metrics.brands
    .map((brand) => ({
      brand,
      months: trend
        .filter((point) => point.brandId === brand.id && point.responseRateEnd != null && !(named(brand) && point.month === first))
        .map((point) => point.month)
        .sort(),
    }))
    .filter((entry) => entry.months.length > 0)
    .map(({ brand, months }) => t('chart.trend.thinBrand', { brand: brand.name, months: format.list(months.map((month) => monthLabels[month] ?? month)) }));
  return byBrand.length === 0 ? [] : [t('chart.trend.listedMonths', { share: format.percentSetting(reportedResponsesMissingThreshold(metrics)), list: byBrand.join(t('format.listSeparator')) })];
}

/** The steps of a logarithmic time axis, in minutes: round durations from 10 seconds to 90 days, far enough apart that two labels never touch. */
const TIME_STEPS = [1 / 6, 0.5, 1, 5, 15, 60, 240, 1440, 4320, 10_080, 43_200, 129_600];

/**
 * The trend's axis of median times. Medians of 10 minutes and of 40 hours
 * side by side flatten the fast brands into the floor of a linear axis, so
 * the months of the client (often the fast one) look alike whatever they
 * were: the axis is logarithmic, from the step below the fastest median to
 * the step above the slowest (one step wider each side when they meet),
 * ticked at every step and at both ends, whenever every time is above 0 (a
 * log axis has no place for 0, and then stays linear).
 */
function timeAxis(hours: ReadonlyArray<number | null>, format: Formatter, t: Translate): { log: boolean; values: Record<string, JsonValue> } {
  const drawn = hours.filter((value): value is number => value !== null);
  const linear = { log: false, values: { timeScale: { type: 'linear' }, timeAxis: { tickCount: 5 }, timeAxisTitle: t('chart.trend.timeAxis') } };
  if (drawn.length === 0 || drawn.some((value) => value <= 0)) return linear;
  const lowest = Math.min(...drawn) * 60;
  const highest = Math.max(...drawn) * 60;
  const below = TIME_STEPS.filter((step) => step <= lowest);
  const above = TIME_STEPS.filter((step) => step >= highest);
  let low = below.at(-1) ?? lowest;
  let high = above[0] ?? highest;
  if (low === high) {
    low = below.at(-2) ?? low / 2;
    high = above[1] ?? high * 2;
  }
  const ticks = [...new Set([low, ...TIME_STEPS.filter((step) => step > low && step < high), high])];
  const label = (minutes: number) => {
    const whole = (n: number) => Number.isInteger(n);
    if (minutes >= 2880 && whole(minutes / 1440)) return t('unit.days', { n: String(minutes / 1440) });
    if (minutes >= 60 && whole(minutes / 60)) return t('unit.hours', { n: String(minutes / 60) });
    return format.span(minutes);
  };
  const labels = Object.fromEntries(ticks.map((minutes) => [String(minutes / 60), label(minutes)]));
  return {
    log: true,
    values: {
      timeScale: { type: 'log', domain: [low / 60, high / 60], nice: false },
      timeAxis: { values: ticks.map((minutes) => minutes / 60), labelExpr: `${JSON.stringify(labels)}[toString(datum.value)] || ''` },
      timeAxisTitle: null,
    },
  };
}

/**
 * The months whose median time rests on fewer answered mentions than the report's sample minimum, per brand, as the
 * leaderboard marks such a time: a line through them swings on a handful of answers, which neither chart shows.
 */
function thinTrendTimes(metrics: MetricsReport, trend: readonly TrendPoint[], monthLabels: Record<string, string>, format: Formatter, t: Translate): string[] {
  const byBrand = metrics.brands
    .map((brand) => ({ brand, months: trend.filter((point) => point.brandId === brand.id && point.responseTimeMedianMin !== null && (point.answered ?? 0) < MIN_SAMPLE).sort((a, b) => a.month.localeCompare(b.month)) }))
    .filter((entry) => entry.months.length > 0)
    .map(({ brand, months }) => t('chart.trend.thinBrand', { brand: brand.name, months: format.list(months.map((point) => t('format.withCount', { label: monthLabels[point.month] ?? point.month, count: format.count(point.answered ?? 0) }))) }));
  // Brands apart with the language's semicolon: each already lists its months with 'and'.
  return byBrand.length === 0 ? [] : [t('chart.audience.thinTimes', { minimum: format.count(MIN_SAMPLE), list: byBrand.join(t('format.listSeparator')) })];
}

/** A median on fewer answered mentions has no 95% interval (queries/median_ci.sql): its hour is left blank, and the chart says so. */
const MIN_TIMED_ANSWERS = 6;

function hourOfWeek({ metrics, format, t }: Context): ChartBuild | null {
  const client = metrics.brands.find((brand) => brand.role === 'client');
  const clientId = client?.id ?? null;
  const name = client?.name ?? '';
  // A metrics file of an earlier version carries no answered counts: its medians are drawn as they are.
  const few = (cell: HourOfWeekCell) => cell.responseTimeMedianMin !== null && cell.answered !== undefined && cell.answered < MIN_TIMED_ANSWERS;
  const all = (metrics.hourOfWeek ?? []).map((cell) => (few(cell) ? { ...cell, responseTimeMedianMin: null } : cell));
  const blanked = (metrics.hourOfWeek ?? []).some((cell) => cell.brandId === clientId && few(cell));
  // A table made from no rows has no columns for the filter to read.
  if (all.length === 0) return null;
  const cells = from(all)
    .params({ clientId })
    .filter((d: HourOfWeekCell, $: { clientId: string | null }) => d.brandId === $.clientId);
  // No mention of the client at any hour: the chart's empty state says so, rather than a grid of zeros; counting questions
  // only, the grid counts questions, and a client with mentions but no question is told as such.
  if (cells.numRows() === 0 || cells.rollup({ inbound: op.sum('inbound') }).get('inbound', 0) === 0) {
    if (metrics.settings?.inbound !== 'questions') return null;
    return { inputs: { datasets: {}, values: {}, notes: [] }, native: [], instead: t('chart.hourOfWeek.emptyQuestions', { client: name }) };
  }
  const days = format.weekdays();
  const rows = cells
    .params({ days: { ...days } })
    .derive({
      // biome-ignore lint/style/useTemplate: arquero compiles this function from its source text
      day: (d: HourOfWeekCell, $: { days: Record<string, string> }) => op.recode('' + d.weekday, $.days),
      hours: (d: HourOfWeekCell) => (d.responseTimeMedianMin === null ? null : d.responseTimeMedianMin / 60),
    })
    .select('day', 'hour', 'inbound', 'hours');
  const cellRows = jsonRows(rows);
  const hourDomain = Array.from({ length: 24 }, (_, hour) => hour);
  // Both heatmaps show every hour and every day, so the median lines up under the volume whatever is missing.
  const values = { dayOrder: days, hourDomain };
  // A week drawn from one evening is that evening's pattern, not the week's: the chart says so.
  const thin = client?.coverage?.warnings.includes('partial-period') ? spanSentence(name, client.coverage.span, format, t) : null;
  const oneDay = client?.coverage !== undefined && crowdsOnOneDay(client.coverage.span);
  const partial = thin === null ? [] : [t(oneDay ? 'chart.hourOfWeek.partialOneDay' : 'chart.hourOfWeek.partial', { span: thin })];
  const minimum = { minimum: format.count(MIN_TIMED_ANSWERS) };
  const volume = heat(t('chart.hourOfWeek.volumeTitle'), 'count', HEAT_SCHEMES.volume, days, hourDomain, cellRows, 'inbound');
  if (cellRows.some((row) => row.hours !== null)) {
    const notes = [...partial, ...(blanked ? [t('chart.hourOfWeek.fewAnswers', minimum)] : [])];
    return { inputs: { datasets: { cells: cellRows }, values, notes }, native: [volume, heat(t('label.responseTimeMedianMin'), 'hours', HEAT_SCHEMES.time, days, hourDomain, cellRows, 'hours', (hours) => format.duration(hours * 60))] };
  }
  // The median's panel is left out: why, in words (answers too few in every hour are not "no answer at all").
  const noTimes = blanked ? t('chart.hourOfWeek.fewAnswersEverywhere', minimum) : t('chart.hourOfWeek.noTimes', { client: name });
  return { inputs: { datasets: { cells: cellRows }, values, panels: [0], notes: [...partial, noTimes] }, native: [volume] };
}

/** A weekday × hour grid as a table: one row per day, a value and a fill per hour (white where there is no value). */
function heat(
  title: string,
  unit: NativeUnit,
  scheme: (typeof HEAT_SCHEMES)[keyof typeof HEAT_SCHEMES],
  days: string[],
  hours: number[],
  cells: Array<Record<string, JsonValue>>,
  field: 'inbound' | 'hours',
  // A cell's text as the report writes the value ("12,4 h"): the bare number says neither its unit nor, in Spanish and French, its decimal comma.
  label?: (value: number) => string,
): NativeChart {
  const valueAt = (day: string, hour: number) => {
    const value = cells.find((cell) => cell.day === day && cell.hour === hour)?.[field];
    return typeof value === 'number' ? value : null;
  };
  const all = cells.map((cell) => cell[field]).filter((value): value is number => typeof value === 'number');
  const low = Math.min(...all);
  const high = Math.max(...all);
  const series = days.map((day) => ({ name: day, colour: '#FFFFFF', values: hours.map((hour) => valueAt(day, hour)) }));
  return native({
    kind: 'heat',
    title,
    labels: days,
    series,
    unit,
    columns: hours.map(String),
    fills: series.map((row) => row.values.map((value) => (value === null ? '#FFFFFF' : heatColour(scheme, value, low, high)))),
    ...(label ? { cellLabels: series.map((row) => row.values.map((value) => (value === null ? '' : label(value)))) } : {}),
  });
}

/**
 * The client's most mentioned themes (rows) by brand (columns): each brand's
 * response rate on the theme, with the mentions it rests on; empty where the
 * brand has no measured mention of it.
 */
function themeGrid({ metrics, t, format }: Context): ChartBuild | null {
  const themes = shownThemes(metrics);
  if (themes.length === 0) return null;
  const brands = themeGridBrands(metrics);
  // One row of cells per subject, one cell per brand: the Vega rows, the native values and their texts all read this grid.
  const grid = themes.map((theme) =>
    brands.map((brand) => {
      const own = (brand.themes ?? []).find((candidate) => candidate.name === theme.name && candidate.source === theme.source);
      const rate = own && own.measured > 0 ? own.responseRate : null;
      const marked = own !== undefined && rate !== null && subjectMarks(own).rate;
      const bound = own !== undefined && understatesSubject(own) && printsBound('share', rate) ? `${LOWER_BOUND_MARK} ` : '';
      const label = rate === null || !own ? '' : `${bound}${format.percent(rate)} · ${format.count(own.measured)}${marked ? ` ${LOW_SAMPLE_MARK}` : ''}`;
      return { theme: theme.name, brand: brand.name, rate, label, marked };
    }),
  );
  const cells = grid.flat();
  if (cells.every((cell) => cell.rate === null)) return null;
  const boundBrands = brands.filter((_, index) => grid.some((row) => row[index]?.label.startsWith(LOWER_BOUND_MARK)));
  const names = themes.map((theme) => theme.name);
  const brandNames = brands.map((brand) => brand.name);
  const series = grid.map((row, index) => ({ name: names[index] ?? '', colour: '#FFFFFF', values: row.map((cell) => cell.rate) }));
  return {
    // The chart has a slide of its own, and may fall on the page after the subjects' table: it says what its marks and blanks mean.
    inputs: {
      datasets: { cells: cells.map(({ marked, ...cell }) => cell) },
      values: { themeOrder: names, brandOrder: brandNames },
      notes: [
        ...(cells.some((cell) => cell.marked) ? [t('chart.themes.lowSample', { minimum: format.count(THEME_MIN_MENTIONS) })] : []),
        ...(cells.some((cell) => cell.rate === null) ? [t('chart.themes.blank')] : []),
        // Why each brand's cells marked "≥" are lower bounds: its posts held in part (named with the period), or responses its export lists missing.
        ...partialNote(boundBrands, { metrics, format, t }),
        ...(boundBrands.some((brand) => !hasPartialPosts(brand)) ? [subjectListedNote(metrics, format, t)] : []),
      ],
    },
    native: [
      native({
        kind: 'heat',
        title: t('chart.themes.title'),
        labels: names,
        series,
        unit: 'share',
        columns: brandNames,
        fills: series.map((row) => row.values.map((value) => (value === null ? '#FFFFFF' : heatColour(HEAT_SCHEMES.rate, value, 0, 1)))),
        cellLabels: grid.map((row) => row.map((cell) => cell.label)),
      }),
    ],
  };
}

function replyBroadcast({ metrics, t }: Context, common: Record<string, JsonValue>): ChartBuild {
  const ordered = byValueDescending(metrics.brands, (brand) => brand.replyShare).filter((brand) => brand.replies + brand.broadcasts > 0);
  const kinds = { replies: t('chart.replyBroadcast.replies'), broadcasts: t('chart.replyBroadcast.broadcasts') };
  const rows = jsonRows(
    from(ordered.map((brand) => ({ brand: brand.name, replies: brand.replies, broadcasts: brand.broadcasts })))
      .derive({ brandOrder: () => op.row_number() - 1, posts: (d: { replies: number; broadcasts: number }) => d.replies + d.broadcasts })
      .fold(['replies', 'broadcasts'], { as: ['key', 'count'] })
      .params({ labels: kinds, order: { replies: 0, broadcasts: 1 } } satisfies Recoding)
      .derive({
        kind: (d: Folded, $: Recoding) => op.recode(d.key, $.labels),
        kindOrder: (d: Folded, $: Recoding) => op.recode(d.key, $.order),
        share: (d: Folded & { posts: number }) => d.count / d.posts,
      })
      .select('brand', 'brandOrder', 'kind', 'kindOrder', 'count', 'share'),
  );
  const replies = { key: kinds.replies, name: kinds.replies, colour: FOREGROUND };
  const broadcasts = { key: kinds.broadcasts, name: kinds.broadcasts, colour: BACKGROUND_GREY };
  const series = [replies, broadcasts];
  const brands = ordered.map((brand) => brand.name);
  return {
    inputs: { datasets: { posts: rows }, values: { ...common, kindDomain: series.map((entry) => entry.name), kindRange: series.map((entry) => entry.colour) } },
    native: [
      native({
        kind: 'stacked-bar',
        title: t('chart.replyBroadcast.title'),
        horizontal: true,
        labels: brands,
        // Shares, not counts: the deck labels a share stacked to 100% with its figure, as the PDF's bars are; a count would label "412".
        series: pivot(rows, (row) => String(row.brand), brands, [{ ...replies, colour: DECK_FOREGROUND }, { ...broadcasts, colour: DECK_BACKGROUND_GREY }], (row) => String(row.kind), (row) => row.share as number),
        unit: 'share',
        axisTitle: t('chart.replyBroadcast.axis'),
      }),
    ],
  };
}

function shareOfVoice({ metrics, format, t, palette }: Context, common: Record<string, JsonValue>): ChartBuild {
  const spec = { ...SCALAR_METRICS.shareOfVoice, key: 'shareOfVoice' };
  // A brand the data holds nothing of draws no 0% slice: the exports may not cover it, and the note under the chart says so.
  const drawn = byValueDescending(metrics.brands, (brand) => brand.shareOfVoice).filter((brand) => brand.shareOfVoice !== null && !hasNoData(brand));
  const marks = chartMarks(spec, drawn, (brand) => brand.shareOfVoice, { format, t });
  // As the leaderboard prints it ("45% ‖", "19% ¶"), with the number of mentions.
  const rows = drawn.map((brand, order) => ({ brand: brand.name, order, share: brand.shareOfVoice, label: `${marks.markedValues[order] ?? ''} · ${format.count(brand.inbound)}` }));
  const labels = rows.map((row) => row.brand);
  // The caption says "all inbound mentions": in questions-only mode they are the questions.
  const absent = noDataLine(metrics, format, t);
  const notes = [...(metrics.settings?.inbound === 'questions' ? [t('chart.shareOfVoice.questionsOnly')] : []), ...(absent === null ? [] : [absent]), ...marks.notes];
  return {
    inputs: { datasets: { brands: rows }, values: { ...common, brandOrder: labels }, notes },
    native: [
      native({
        kind: 'doughnut',
        title: t('chart.shareOfVoice.title'),
        labels: marks.markedNames,
        series: [{ name: t('label.shareOfVoice'), values: rows.map((row) => row.share), colour: common.primary as string }],
        categoryColours: labels.map((name) => colourOf(palette, name)),
        unit: 'share',
      }),
    ],
  };
}

/** Rows of a table built from metrics, which hold only JSON values. */
function jsonRows(table: ColumnTable): Array<Record<string, JsonValue>> {
  return table.objects() as Array<Record<string, JsonValue>>;
}
