import type { BrandMetrics, MetricsReport } from '../types.js';

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
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((text, column) => (column === 1 ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  const quality = report.dataQuality;
  const notes = [
    `Period ${report.period.label ?? ''} ${report.period.start} .. ${report.period.end} (${report.period.timezone}); * = client.`,
    `Data quality: ${quality.posts} posts, ${quality.pending ?? 0} mentions pending, ${quality.repliesBeforeParent} replies stamped before their parent, ${quality.unresolvedParents} parents not in the data.`,
  ];
  if (brands.some((brand: BrandMetrics) => brand.lowSample)) notes.push('(low sample) = fewer than 30 inbound mentions: read with care.');
  return [line(header), line(header.map((_, column) => '-'.repeat(widths[column] ?? 0))), ...rows.map(line), '', ...notes, ''].join('\n');
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

/** Brand names come from a config an agency edits: keep control characters off the terminal. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
