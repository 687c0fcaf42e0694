import { from, op, type ColumnTable } from 'arquero';
import { spanSentence } from '../model/coverage.js';
import type { AnswerGroup, BrandDiagnostics, SentimentLabel } from '../../metrics/diagnostics/types.js';
import type { BrandMetrics, BucketKey, HourOfWeekCell, MetricsReport, TrendPoint } from '../../metrics/types.js';
import type { Formatter } from '../i18n/format.js';
import type { Translate } from '../i18n/strings.js';
import type { ChartInputs, JsonValue } from './renderChart.js';

/** Sorted first-response times in minutes per brand id (answered mentions of the period). */
export type ResponseTimes = Record<string, number[]>;

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
] as const;
export type ChartId = (typeof CHART_IDS)[number];

const BUCKETS: BucketKey[] = ['0-1h', '1-4h', '4-8h', '8-24h', '24h+', 'unanswered'];

interface Context {
  metrics: MetricsReport;
  responseTimes: ResponseTimes | null;
  format: Formatter;
  t: Translate;
  colours: { domain: string[]; range: string[] };
  primary: string;
}

type Inputs = Omit<ChartInputs, 't' | 'language'>;

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
 * Chart inputs per chart id; a chart without data is left out (the report
 * prints a sentence in its place). A brand whose response metrics are null
 * (no posts of its own in the data) is missing from the response charts, never
 * drawn as 0%.
 */
export function chartInputs(context: Context): Partial<Record<ChartId, Inputs>> {
  const common = { brandDomain: context.colours.domain, brandRange: context.colours.range, primary: context.primary };
  const result: Partial<Record<ChartId, Inputs>> = {};
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
  return result;
}

/** How one audience chart splits a brand's inbound mentions (diagnostics: sentiment, influencer priority). */
interface Audience {
  /** The chart's strings prefix: `{prefix}.group.<key>`, `{prefix}.missingFor`. */
  prefix: string;
  keys: readonly string[];
  /** The groups of a brand, null when the export gave nothing to split its mentions by. */
  groups: (brand: BrandDiagnostics) => Record<string, AnswerGroup> | null;
  /** Colours by group; `primary` stands for the client's colour. */
  range: readonly string[];
}

const SENTIMENTS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

const SENTIMENT_AUDIENCE: Audience = {
  prefix: 'chart.sentiment',
  keys: SENTIMENTS,
  groups: (brand) => brand.sentiment?.bySentiment ?? null,
  // Dark, light and middle grey in black and white, so the three bars stay apart when printed without colour.
  range: ['#B42318', '#C9CED6', '#2F855A'],
};

const INFLUENCER_AUDIENCE: Audience = {
  prefix: 'chart.influencers',
  keys: ['influencers', 'others'],
  groups: (brand) => (brand.influencers ? { influencers: brand.influencers.influencers, others: brand.influencers.others } : null),
  range: ['primary', '#C9CED6'],
};

interface AudienceRow {
  brandId: string;
  key: string;
  inbound: number;
  rate: number | null;
  minutes: number | null;
}

/**
 * Response rate and median response time per group of mentions, per brand,
 * from the diagnostics; null when no brand's export can split its mentions
 * (the report then prints which export columns would). Brands whose export
 * cannot are named under the chart.
 */
function audienceInputs({ metrics, format, t, primary }: Context, audience: Audience): Inputs | null {
  const diagnostics = metrics.diagnostics;
  if (!diagnostics) return null;
  const byId = new Map(diagnostics.brands.map((brand) => [brand.id, brand]));
  const ordered = byValueDescending(metrics.brands, (brand) => brand.responseRate);
  // A brand with no post of its own in the data has no answers to split: the diagnostics would show 0%, not unknown.
  const measurable = ordered.filter((brand) => !(brand.coverage?.warnings.includes('no-brand-posts') && brand.responseRate === null));
  const split = measurable.filter((brand) => {
    const groups = byId.get(brand.id);
    return groups !== undefined && audience.groups(groups) !== null;
  });
  if (split.length === 0) return null;
  const flat: AudienceRow[] = split.flatMap((brand) => {
    const groups = audience.groups(byId.get(brand.id) as BrandDiagnostics) ?? {};
    return audience.keys.map((key) => {
      const group = groups[key];
      return { brandId: brand.id, key, inbound: group?.inbound ?? 0, rate: group?.responseRate ?? null, minutes: group?.responseTimeMedianMin ?? null };
    });
  });
  const names = Object.fromEntries(split.map((brand, index) => [brand.id, { name: brand.name, order: index }]));
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
    rateLabel: row.rate === null ? '' : `${format.percent(row.rate)} · ${format.count(row.inbound)}`,
    timeLabel: row.minutes === null ? '' : format.duration(row.minutes),
  }));
  const missing = measurable.filter((brand) => !split.includes(brand)).map((brand) => brand.name);
  const notes = missing.length === 0 ? [] : [t(`${audience.prefix}.missingFor`, { brands: format.list(missing) })];
  const range = audience.range.map((colour) => (colour === 'primary' ? primary : colour));
  // Room past the longest bar for its label.
  const longest = Math.max(0, ...points.map((point) => point.hours ?? 0));
  return {
    datasets: { groups: points },
    values: { groupDomain: audience.keys.map((key) => labels[key] ?? key), groupRange: range, brandOrder: split.map((brand) => brand.name), hoursDomain: [0, longest > 0 ? longest * 1.3 : 1] },
    notes,
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

function responseRate({ metrics, format }: Context, common: Record<string, JsonValue>): Inputs {
  const rows = byValueDescending(metrics.brands, (brand) => brand.responseRate)
    .filter((brand) => brand.responseRate !== null)
    .map((brand, order) => ({
      brand: brand.name,
      order,
      rate: brand.responseRate,
      low: brand.responseRateCi?.[0] ?? brand.responseRate,
      high: brand.responseRateCi?.[1] ?? brand.responseRate,
      label: brand.coverage?.warnings.includes('responses-missing') ? `≥ ${format.percent(brand.responseRate)}` : format.percent(brand.responseRate),
    }));
  return { datasets: { brands: rows }, values: { ...common, brandOrder: rows.map((row) => row.brand) } };
}

function buckets({ metrics, t }: Context, common: Record<string, JsonValue>): Inputs {
  const ordered = byValueDescending(metrics.brands, (brand) => brand.withinSla['60'] ?? brand.responseRate).filter(measured);
  const labels = Object.fromEntries(BUCKETS.map((bucket) => [bucket, t(`bucket.${bucket}`)]));
  const rows = from(ordered.map((brand) => ({ brand: brand.name, inbound: measuredInbound(brand), ...brand.buckets })))
    .derive({ brandOrder: () => op.row_number() - 1 })
    .fold(BUCKETS, { as: ['key', 'count'] })
    .params({ labels, order: Object.fromEntries(BUCKETS.map((bucket, index) => [bucket, index])) } satisfies Recoding)
    .derive({
      bucket: (d: Folded, $: Recoding) => op.recode(d.key, $.labels),
      bucketOrder: (d: Folded, $: Recoding) => op.recode(d.key, $.order),
      share: (d: Folded) => d.count / d.inbound,
    })
    .select('brand', 'brandOrder', 'bucket', 'bucketOrder', 'share');
  return { datasets: { buckets: jsonRows(rows) }, values: { ...common, bucketDomain: BUCKETS.map((bucket) => t(`bucket.${bucket}`)) } };
}

/** Share of all inbound answered within t minutes, on a log grid; from exact times when the store gave them, else from the buckets. */
function cumulative({ metrics, responseTimes, t, format }: Context, common: Record<string, JsonValue>): Inputs {
  const window = metrics.settings?.responseWindowMin ?? 7 * 1440;
  const grid: number[] = [];
  for (let minutes = 1; minutes < window; minutes *= 1.15) grid.push(Math.round(minutes * 100) / 100);
  grid.push(window);
  const curve: Array<Record<string, JsonValue>> = [];
  for (const brand of metrics.brands.filter(measured)) {
    const times = responseTimes?.[brand.id];
    const points = times ? grid.map((minutes) => [minutes, countAtMost(times, minutes) / measuredInbound(brand)] as const) : bucketPoints(brand, window);
    for (const [minutes, share] of points) curve.push({ brand: brand.name, isClient: brand.role === 'client', minutes, share });
  }
  const ticks = [1, 10, 60, 240, 1440, window].filter((value, index, all) => value <= window && all.indexOf(value) === index);
  const labels = Object.fromEntries(ticks.map((minutes) => [String(minutes), format.duration(minutes)]));
  const marks = [
    { minutes: 10, label: format.duration(10) },
    { minutes: 60, label: format.duration(60) },
    { minutes: 1440, label: t('unit.hours', { n: 24 }) },
  ].filter((mark) => mark.minutes <= window);
  return {
    datasets: { curve, marks },
    values: { ...common, minutesDomain: [1, window], tickValues: ticks, tickLabelExpr: `${JSON.stringify(labels)}[toString(datum.value)] || ''` },
  };
}

function countAtMost(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? Infinity) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

function bucketPoints(brand: BrandMetrics, window: number): Array<readonly [number, number]> {
  const b = brand.buckets;
  const steps: Array<[number, number]> = [
    [60, b['0-1h']],
    [240, b['0-1h'] + b['1-4h']],
    [480, b['0-1h'] + b['1-4h'] + b['4-8h']],
    [1440, b['0-1h'] + b['1-4h'] + b['4-8h'] + b['8-24h']],
    [window, brand.answered],
  ];
  // Without exact times the curve is only known at the bucket limits, so it starts at 1 h rather than inventing earlier points.
  return steps.map(([minutes, count]) => [minutes, count / measuredInbound(brand)] as const);
}

function trendInputs({ metrics, format, t }: Context, common: Record<string, JsonValue>): Inputs | null {
  const trend = metrics.trend ?? [];
  if (trend.length === 0) return null;
  const brands = from(metrics.brands.map((brand) => ({ brandId: brand.id, brand: brand.name })));
  const points = from(trend);
  const months = points.select('month').dedupe().orderby('month').array('month') as string[];
  const monthLabels = Object.fromEntries(months.map((month) => [month, format.shortMonth(month)]));
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
  const values = { ...common, monthOrder: months.map((month) => format.shortMonth(month)) };
  const datasets = { trend: jsonRows(rows), clientVolume: jsonRows(clientVolume) };
  const drawn = datasets.trend;
  const client = metrics.brands.find((brand) => brand.role === 'client')?.name ?? '';
  // An axis over no value reads 0.000000: a panel with nothing to draw gives way to a sentence.
  if (!drawn.some((row) => row.rate !== null)) return { datasets, values, panels: [0], notes: [t('chart.trend.noReplies', { client })] };
  if (!drawn.some((row) => row.hours !== null)) return { datasets, values, panels: [0], notes: [t('chart.trend.noTimes')] };
  return { datasets, values };
}

function hourOfWeek({ metrics, format, t }: Context): Inputs | null {
  const clientId = metrics.brands.find((brand) => brand.role === 'client')?.id ?? null;
  const all = metrics.hourOfWeek ?? [];
  // A table made from no rows has no columns for the filter to read.
  if (all.length === 0) return null;
  const cells = from(all)
    .params({ clientId })
    .filter((d: HourOfWeekCell, $: { clientId: string | null }) => d.brandId === $.clientId);
  if (cells.numRows() === 0) return null;
  const days = format.weekdays();
  const rows = cells
    .params({ days: { ...days } })
    .derive({
      day: (d: HourOfWeekCell, $: { days: Record<string, string> }) => op.recode('' + d.weekday, $.days),
      hours: (d: HourOfWeekCell) => (d.responseTimeMedianMin === null ? null : d.responseTimeMedianMin / 60),
    })
    .select('day', 'hour', 'inbound', 'hours');
  const cellRows = jsonRows(rows);
  // Both heatmaps show every hour and every day, so the median lines up under the volume whatever is missing.
  const values = { dayOrder: days, hourDomain: Array.from({ length: 24 }, (_, hour) => hour) };
  const client = metrics.brands.find((brand) => brand.role === 'client');
  const name = client?.name ?? '';
  // A week drawn from one evening is that evening's pattern, not the week's: the chart says so.
  const thin = client?.coverage?.warnings.includes('partial-period') ? spanSentence(name, client.coverage.span, format, t) : null;
  const partial = thin === null ? [] : [t('chart.hourOfWeek.partial', { span: thin })];
  if (cellRows.some((row) => row.hours !== null)) return { datasets: { cells: cellRows }, values, notes: partial };
  return { datasets: { cells: cellRows }, values, panels: [0], notes: [...partial, t('chart.hourOfWeek.noTimes', { client: name })] };
}

function replyBroadcast({ metrics, t }: Context, common: Record<string, JsonValue>): Inputs {
  const ordered = byValueDescending(metrics.brands, (brand) => brand.replyShare).filter((brand) => brand.replies + brand.broadcasts > 0);
  const kinds = { replies: t('chart.replyBroadcast.replies'), broadcasts: t('chart.replyBroadcast.broadcasts') };
  const rows = from(ordered.map((brand) => ({ brand: brand.name, replies: brand.replies, broadcasts: brand.broadcasts })))
    .derive({ brandOrder: () => op.row_number() - 1 })
    .fold(['replies', 'broadcasts'], { as: ['key', 'count'] })
    .params({ labels: kinds, order: { replies: 0, broadcasts: 1 } } satisfies Recoding)
    .derive({ kind: (d: Folded, $: Recoding) => op.recode(d.key, $.labels), kindOrder: (d: Folded, $: Recoding) => op.recode(d.key, $.order) })
    .select('brand', 'brandOrder', 'kind', 'kindOrder', 'count');
  return { datasets: { posts: jsonRows(rows) }, values: { ...common, kindDomain: [kinds.replies, kinds.broadcasts] } };
}

function shareOfVoice({ metrics, format }: Context, common: Record<string, JsonValue>): Inputs {
  const rows = byValueDescending(metrics.brands, (brand) => brand.shareOfVoice)
    .filter((brand) => brand.shareOfVoice !== null)
    .map((brand, order) => ({ brand: brand.name, order, share: brand.shareOfVoice, label: `${format.percent(brand.shareOfVoice)} · ${format.count(brand.inbound)}` }));
  return { datasets: { brands: rows }, values: { ...common, brandOrder: rows.map((row) => row.brand) } };
}

/** Rows of a table built from metrics, which hold only JSON values. */
function jsonRows(table: ColumnTable): Array<Record<string, JsonValue>> {
  return table.objects() as Array<Record<string, JsonValue>>;
}
