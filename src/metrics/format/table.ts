import { counted } from '../../report/i18n/plain-numbers.js';
import { metricCatalogue, type MetricSpec, type MetricUnit } from '../catalogue.js';
import { hasNoData } from '../coverage.js';
import { isBoundFigure, responseRateOrder } from '../ranking.js';
import type { BrandMetrics, MetricsReport } from '../types.js';
import { slaTargets } from './columns.js';
import { alignedTable, printable } from './aligned.js';

/** A terminal leaderboard: brands by response rank, one line each, then notes. */
export function metricsTable(report: MetricsReport): string {
  const shown = metricCatalogue(slaTargets(report)).filter((spec) => spec.shows.terminal !== undefined);
  const headerOf = (spec: MetricSpec) => (spec.target === undefined ? (spec.shows.terminal ?? spec.key) : `<=${span(spec.target)}`);
  // The rates rest on the mentions needing an answer (coverage), not on every inbound one: that count stands beside it.
  const header = ['#', 'Brand', ...shown.flatMap((spec) => (spec.key === 'responseRate' ? [headerOf(spec), '95% CI'] : spec.key === 'inbound' ? [headerOf(spec), 'Need answer'] : [headerOf(spec)]))];
  const brands = responseRateOrder(report.brands);
  const rows = brands.map((brand) => [
    brand.rank.responseRate === null || brand.rank.responseRate === undefined ? '-' : String(brand.rank.responseRate),
    // A brand the data holds nothing of has no sample to call low; nor has one whose answers cannot be measured (148 mentions, none of its posts).
    `${printable(brand.name)}${brand.role === 'client' ? ' *' : ''}${hasNoData(brand) ? ' (no data)' : unmeasured(brand) ? ' (not measured)' : brand.lowSample ? ' (low sample)' : ''}`,
    ...shown.flatMap((spec) => {
      const value = spec.value(brand);
      // A lower bound (responses its export lists missing from the data, its posts held in part) is marked as the report marks it; 100% is exact.
      const text = `${value !== null && value < 1 && isBoundFigure(brand, spec) ? '>=' : ''}${cell(spec.unit, value)}`;
      if (spec.key === 'inbound') return [text, cell('count', brand.coverage?.inboundMeasured ?? null)];
      if (spec.key !== 'responseRate') return [text];
      return [text, brand.responseRateCi ? `${percent(brand.responseRateCi[0])}-${percent(brand.responseRateCi[1])}` : '-'];
    }),
  ]);
  const quality = report.dataQuality;
  const notes = [
    `Period ${report.period.label ?? ''} ${report.period.start} .. ${report.period.end} (${report.period.timezone}); * = client.`,
    `Data quality: ${counted('en', quality.posts, 'post', 'posts')}, ${counted('en', quality.pending ?? 0, 'mention', 'mentions')} pending, ${counted('en', quality.repliesBeforeParent, 'reply stamped before its parent', 'replies stamped before their parent')}, ${counted('en', quality.unresolvedParents, 'parent', 'parents')} not in the data.`,
  ];
  notes.push('Rate and the <= columns are shares of Need answer, the mentions that need an answer; Median and P90 are of the answered ones.');
  if (rows.some((row) => row.some((text) => text.startsWith('>=')))) notes.push('>= = a lower bound: the data lacks responses its export lists, or holds its posts on part of the period: run replybench check to see which.');
  if (brands.some((brand) => brand.responseRate !== null && brand.rank.responseRate == null)) notes.push('# - = no rank: the rate is not compared, or answers missing from the data could change its place.');
  if (brands.some((brand: BrandMetrics) => brand.lowSample && !hasNoData(brand) && !unmeasured(brand))) notes.push('(low sample) = fewer than 30 mentions needing an answer: read with care.');
  if (brands.some(unmeasured)) notes.push('(not measured) = mentions of the brand, but none its answers can be measured on (none of its posts where they are): run replybench check to see what to import.');
  if (brands.some(hasNoData)) notes.push('(no data) = the data holds neither a post of the brand nor a mention of it in the period: check its handles, or import its exports.');
  return [...alignedTable(header, rows, [1]), '', ...notes, ''].join('\n');
}

/** Mentions of the brand, and none its response figures rest on, for want of its posts on their platforms (not because none needed an answer). */
function unmeasured(brand: BrandMetrics): boolean {
  return !hasNoData(brand) && brand.inbound > 0 && brand.coverage?.inboundMeasured === 0 && brand.coverage.warnings.includes('no-brand-posts');
}

function cell(unit: MetricUnit, value: number | null): string {
  if (unit === 'share') return percent(value);
  if (unit === 'minutes') return minutes(value);
  if (value === null) return '-';
  return unit === 'ratio' ? value.toFixed(1) : String(value);
}

function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

function minutes(value: number | null): string {
  return value === null ? '-' : duration(value);
}

/** A length that is set, not measured (an SLA target): "30m", "1h", "1d", "1.5h". */
function span(min: number): string {
  return duration(min).replace(/\.0(?=[mhd]$)/, '');
}

function duration(min: number): string {
  // The tenth is kept when it is 0: "6.0m" beside "48.2m", "6.0h" beside "5.8h".
  if (min < 60) return `${min.toFixed(1)}m`;
  if (min < 1440) return `${(min / 60).toFixed(1)}h`;
  return `${(min / 1440).toFixed(1)}d`;
}
