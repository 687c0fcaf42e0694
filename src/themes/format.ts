import { alignedTable, printable } from '../metrics/format/aligned.js';
import { textCell } from '../metrics/format/csv.js';
import type { BrandThemes, ThemesReport } from './types.js';

const percent = (share: number | null | undefined): string => (share == null ? '-' : `${Math.round(share * 100)}%`);
const minutes = (value: number | null | undefined): string => (value == null ? '-' : value < 60 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1)} h`);
/** "≥ " before a rate that is a lower bound (its other end is set). */
const atLeast = (end: number | null | undefined): string => (end == null ? '' : '≥ ');
const signed = (change: number | null): string => (change === null ? '-' : `${change > 0 ? '+' : ''}${Math.round(change)}%`);

/**
 * One table per brand: each theme with its volume, change and answers; the client's with the competitors' median rate.
 * A rate, or a median, the data may understate is marked "≥", as in the report.
 */
export function themesTable(report: ThemesReport): string {
  const blocks = report.brands.map((brand) => {
    const header = ['Theme', 'Source', 'Mentions', 'Share', 'Change', 'Answered', 'Median time', ...(brand.role === 'client' ? ['Competitors', 'Worst rank'] : [])];
    const rows = brand.themes.map((theme) => [
      printable(theme.name),
      theme.source === 'found' ? `found (${(theme.found ?? []).map((entry) => `${entry.kind} z=${entry.z.toFixed(1)}`).join(', ')})` : 'config',
      String(theme.mentions),
      percent(theme.share),
      signed(theme.change),
      theme.measured > 0 ? `${atLeast(theme.responseRateEnd)}${percent(theme.responseRate)} of ${theme.measured}` : '-',
      minutes(theme.responseTimeMedianMin),
      ...(brand.role === 'client'
        ? [
            theme.benchmark?.competitorRate == null ? '-' : `${atLeast(theme.benchmark.competitorRateEnd)}${percent(theme.benchmark.competitorRate)} (${theme.benchmark.competitorsMeasured})`,
            theme.benchmark?.worstRank == null ? '-' : String(theme.benchmark.worstRank),
          ]
        : []),
    ]);
    const title = `${printable(brand.name)}${brand.role === 'client' ? ' (client)' : ''}`;
    return [title, ...(rows.length === 0 ? ['  no theme in this period: add themes to the config (themes:), or import more mentions'] : alignedTable(header, rows, [0, 1]).map((line) => `  ${line}`))].join('\n');
  });
  return `Themes of ${report.period.label ?? `${report.period.start} .. ${report.period.end}`} (${report.period.timezone}):\n\n${blocks.join('\n\n')}\n`;
}

const COLUMNS: Array<[string, (brand: BrandThemes, theme: BrandThemes['themes'][number]) => string | number | null]> = [
  ['brand', (brand) => brand.id],
  ['theme', (_, theme) => theme.name],
  ['source', (_, theme) => theme.source],
  ['found', (_, theme) => (theme.found ?? []).map((entry) => entry.kind).join(' ') || null],
  ['z', (_, theme) => (theme.found?.length ? Math.max(...theme.found.map((entry) => entry.z)) : null)],
  ['mentions', (_, theme) => theme.mentions],
  ['share', (_, theme) => theme.share],
  ['previousMentions', (_, theme) => theme.previousMentions],
  ['change', (_, theme) => theme.change],
  ['changeReason', (_, theme) => theme.changeReason],
  ['measured', (_, theme) => theme.measured],
  ['answered', (_, theme) => theme.answered],
  ['responseRate', (_, theme) => theme.responseRate],
  ['responseTimeMedianMin', (_, theme) => theme.responseTimeMedianMin],
  ['negative', (_, theme) => theme.sentiment?.negative ?? null],
  ['neutral', (_, theme) => theme.sentiment?.neutral ?? null],
  ['positive', (_, theme) => theme.sentiment?.positive ?? null],
  ['competitorRate', (_, theme) => theme.benchmark?.competitorRate ?? null],
  ['competitorTimeMedianMin', (_, theme) => theme.benchmark?.competitorTimeMedianMin ?? null],
  ['competitorsMeasured', (_, theme) => theme.benchmark?.competitorsMeasured ?? null],
  ['gap', (_, theme) => theme.benchmark?.gap ?? null],
  ['worstRank', (_, theme) => theme.benchmark?.worstRank ?? null],
  ['listedMissing', (_, theme) => theme.listedMissing],
  ['responseRateEnd', (_, theme) => theme.responseRateEnd],
  ['competitorRateEnd', (_, theme) => theme.benchmark?.competitorRateEnd ?? null],
];

/** One row per brand and theme, UTF-8 with a byte-order mark and CRLF, text cells guarded as the metrics CSV guards them. */
export function themesCsv(report: ThemesReport): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const brand of report.brands) {
    for (const theme of brand.themes) {
      lines.push(COLUMNS.map(([, value]) => {
        const cell = value(brand, theme);
        return cell === null ? '' : typeof cell === 'number' ? String(cell) : textCell(cell);
      }).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
