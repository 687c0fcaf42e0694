import type { BrandMetrics, MetricsReport } from '../types.js';
import { alignedTable, printable } from './aligned.js';

/** A terminal leaderboard: brands by response rank, one line each, then notes. */
export function metricsTable(report: MetricsReport): string {
  const sla = report.settings?.sla ?? [];
  const header = ['#', 'Brand', 'Inbound', 'Answered', 'Rate', '95% CI', 'Median', 'P90', ...sla.map((t) => `<=${duration(t)}`), 'Reply share', 'SoV'];
  const brands = [...report.brands].sort(
    (a, b) => (a.rank.responseRate ?? Infinity) - (b.rank.responseRate ?? Infinity) || a.name.localeCompare(b.name),
  );
  const rows = brands.map((brand) => [
    brand.rank.responseRate === null || brand.rank.responseRate === undefined ? '-' : String(brand.rank.responseRate),
    `${printable(brand.name)}${brand.role === 'client' ? ' *' : ''}${brand.lowSample ? ' (low sample)' : ''}`,
    String(brand.inbound),
    String(brand.answered),
    percent(brand.responseRate),
    brand.responseRateCi ? `${percent(brand.responseRateCi[0])}-${percent(brand.responseRateCi[1])}` : '-',
    minutes(brand.responseTimeMedianMin),
    minutes(brand.responseTimeP90Min),
    ...sla.map((t) => percent(brand.withinSla[String(t)] ?? null)),
    percent(brand.replyShare),
    percent(brand.shareOfVoice),
  ]);
  const quality = report.dataQuality;
  const notes = [
    `Period ${report.period.label ?? ''} ${report.period.start} .. ${report.period.end} (${report.period.timezone}); * = client.`,
    `Data quality: ${quality.posts} posts, ${quality.pending ?? 0} mentions pending, ${quality.repliesBeforeParent} replies stamped before their parent, ${quality.unresolvedParents} parents not in the data.`,
  ];
  if (brands.some((brand: BrandMetrics) => brand.lowSample)) notes.push('(low sample) = fewer than 30 inbound mentions: read with care.');
  return [...alignedTable(header, rows, [1]), '', ...notes, ''].join('\n');
}

function percent(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`;
}

function minutes(value: number | null): string {
  return value === null ? '-' : duration(value);
}

function duration(min: number): string {
  if (min < 60) return `${Number(min.toFixed(1))}m`;
  if (min < 1440) return `${Number((min / 60).toFixed(1))}h`;
  return `${Number((min / 1440).toFixed(1))}d`;
}
