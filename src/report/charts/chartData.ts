import type { BrandMetrics, BucketKey, MetricsReport } from '../../metrics/types.js';
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

/** Chart inputs per chart id; a chart whose data is missing (e.g. no trend) is left out. */
export function chartInputs(context: Context): Partial<Record<ChartId, Inputs>> {
  const common = { brandDomain: context.colours.domain, brandRange: context.colours.range, primary: context.primary };
  const result: Partial<Record<ChartId, Inputs>> = {};
  const brands = context.metrics.brands;
  if (brands.some((brand) => brand.responseRate !== null)) result['response-rate'] = responseRate(context, common);
  if (brands.some((brand) => brand.inbound > 0)) {
    result['response-time-buckets'] = buckets(context, common);
    result['cumulative-answered'] = cumulative(context, common);
    result['share-of-voice'] = shareOfVoice(context, common);
  }
  const trend = trendInputs(context, common);
  if (trend) result.trend = trend;
  const hours = hourOfWeek(context);
  if (hours) result['hour-of-week'] = hours;
  if (brands.some((brand) => brand.replies + brand.broadcasts > 0)) result['reply-broadcast'] = replyBroadcast(context, common);
  return result;
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
      label: format.percent(brand.responseRate),
    }));
  return { datasets: { brands: rows }, values: { ...common, brandOrder: rows.map((row) => row.brand) } };
}

function buckets({ metrics, t }: Context, common: Record<string, JsonValue>): Inputs {
  const ordered = byValueDescending(metrics.brands, (brand) => brand.withinSla['60'] ?? brand.responseRate);
  const rows = ordered
    .filter((brand) => brand.inbound > 0)
    .flatMap((brand, brandOrder) =>
      BUCKETS.map((bucket, bucketOrder) => ({ brand: brand.name, brandOrder, bucket: t(`bucket.${bucket}`), bucketOrder, share: brand.buckets[bucket] / brand.inbound })),
    );
  return { datasets: { buckets: rows }, values: { ...common, bucketDomain: BUCKETS.map((bucket) => t(`bucket.${bucket}`)) } };
}

/** Share of all inbound answered within t minutes, on a log grid; from exact times when the store gave them, else from the buckets. */
function cumulative({ metrics, responseTimes, t, format }: Context, common: Record<string, JsonValue>): Inputs {
  const window = metrics.settings?.responseWindowMin ?? 7 * 1440;
  const grid: number[] = [];
  for (let minutes = 1; minutes < window; minutes *= 1.15) grid.push(Math.round(minutes * 100) / 100);
  grid.push(window);
  const curve: Array<Record<string, JsonValue>> = [];
  for (const brand of metrics.brands) {
    if (brand.inbound === 0) continue;
    const times = responseTimes?.[brand.id];
    const points = times ? grid.map((minutes) => [minutes, countAtMost(times, minutes) / brand.inbound] as const) : bucketPoints(brand, window);
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
  return steps.map(([minutes, count]) => [minutes, count / brand.inbound] as const);
}

function trendInputs({ metrics, format }: Context, common: Record<string, JsonValue>): Inputs | null {
  const trend = metrics.trend ?? [];
  if (trend.length === 0) return null;
  const names = new Map(metrics.brands.map((brand) => [brand.id, brand]));
  const months = [...new Set(trend.map((point) => point.month))].sort();
  const clientId = metrics.brands.find((brand) => brand.role === 'client')?.id;
  const rows = trend
    .filter((point) => names.has(point.brandId))
    .map((point) => ({
      brand: names.get(point.brandId)?.name ?? point.brandId,
      isClient: point.brandId === clientId,
      monthLabel: format.shortMonth(point.month),
      rate: point.responseRate,
      hours: point.responseTimeMedianMin === null ? null : point.responseTimeMedianMin / 60,
    }));
  const clientVolume = trend
    .filter((point) => point.brandId === clientId)
    .map((point) => ({ monthLabel: format.shortMonth(point.month), inbound: point.inbound }));
  return { datasets: { trend: rows, clientVolume }, values: { ...common, monthOrder: months.map((month) => format.shortMonth(month)) } };
}

function hourOfWeek({ metrics, format }: Context): Inputs | null {
  const clientId = metrics.brands.find((brand) => brand.role === 'client')?.id;
  const cells = (metrics.hourOfWeek ?? []).filter((cell) => cell.brandId === clientId);
  if (cells.length === 0) return null;
  const days = format.weekdays();
  const rows = cells.map((cell) => ({
    day: days[cell.weekday] ?? String(cell.weekday),
    hour: cell.hour,
    inbound: cell.inbound,
    hours: cell.responseTimeMedianMin === null ? null : cell.responseTimeMedianMin / 60,
  }));
  return { datasets: { cells: rows }, values: { dayOrder: days } };
}

function replyBroadcast({ metrics, t }: Context, common: Record<string, JsonValue>): Inputs {
  const ordered = byValueDescending(metrics.brands, (brand) => brand.replyShare).filter((brand) => brand.replies + brand.broadcasts > 0);
  const replies = t('chart.replyBroadcast.replies');
  const broadcasts = t('chart.replyBroadcast.broadcasts');
  const rows = ordered.flatMap((brand, brandOrder) => [
    { brand: brand.name, brandOrder, kind: replies, kindOrder: 0, count: brand.replies },
    { brand: brand.name, brandOrder, kind: broadcasts, kindOrder: 1, count: brand.broadcasts },
  ]);
  return { datasets: { posts: rows }, values: { ...common, kindDomain: [replies, broadcasts] } };
}

function shareOfVoice({ metrics, format }: Context, common: Record<string, JsonValue>): Inputs {
  const rows = byValueDescending(metrics.brands, (brand) => brand.shareOfVoice)
    .filter((brand) => brand.shareOfVoice !== null)
    .map((brand, order) => ({ brand: brand.name, order, share: brand.shareOfVoice, label: `${format.percent(brand.shareOfVoice)} · ${format.count(brand.inbound)}` }));
  return { datasets: { brands: rows }, values: { ...common, brandOrder: rows.map((row) => row.brand) } };
}
