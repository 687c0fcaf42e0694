import { UserError } from '../errors.js';

/** What `replybench report --formats` can choose; metrics.json is always written. */
export const REPORT_FORMATS = ['pdf', 'pptx', 'xlsx', 'html', 'csv', 'svg'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

/** "pdf,pptx" -> the formats named, in REPORT_FORMATS order; undefined -> all of them. */
export function parseFormats(list: string | undefined, option = '--formats'): ReportFormat[] {
  if (list === undefined) return [...REPORT_FORMATS];
  const names = list
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isReportFormat(name));
  if (unknown.length > 0 || names.length === 0) {
    const what = unknown.length > 0 ? `"${unknown.join('", "')}" ${unknown.length === 1 ? 'is not a format' : 'are not formats'}` : 'no format named';
    throw new UserError(`${option} "${list}": ${what}; use a comma-separated list of ${REPORT_FORMATS.join(', ')}.`);
  }
  return REPORT_FORMATS.filter((format) => names.includes(format));
}
