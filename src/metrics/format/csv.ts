import type { MetricsReport } from '../types.js';
import { plainText, readsAsFormula } from '../../plain-text.js';
import { flatColumns } from './columns.js';

const BOM = '\uFEFF';

/**
 * One row per brand, UTF-8 with a byte-order mark and CRLF line ends, so
 * Google Sheets and an English Excel open it as is (docs/report.md says what
 * an Excel set to Spanish or French needs). Numbers are written as plain
 * numbers (a negative change stays a number); only text cells are guarded
 * against formula injection.
 */
export function metricsCsv(report: MetricsReport): string {
  const columns = flatColumns(report);
  const lines = [columns.map((column) => textCell(column.name)).join(',')];
  for (const brand of report.brands) lines.push(columns.map((column) => cell(column.value(brand, report))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return textCell(value);
}

/**
 * A text cell that a spreadsheet will not run: a leading =, +, -, @, tab or
 * carriage return makes Excel and Sheets read a formula, so such a cell gets
 * a leading apostrophe (shown as text, OWASP's advice). Then RFC 4180 quoting.
 * Controls and bidi overrides go first, as in the deck and the workbook: an
 * override in a brand's name reorders the cells shown after it.
 */
export function textCell(text: string): string {
  // plainText has folded tabs and line breaks: a leading = + - @ is what is left to guard, a quote or comma to quote.
  const plain = plainText(text);
  const safe = readsAsFormula(plain) ? `'${plain}` : plain;
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
