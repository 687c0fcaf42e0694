/**
 * The trend's note on a month the exports reach in part names whose data falls short: a competitor's care export cut
 * on 21 October marks October as that competitor's, not the client's, whose October is whole, in the chart's note (the
 * PDF's and the deck's) and the workbook's Trend sheet, in every language.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { ReportTemplate } from '../../src/report/template.js';
import { configWith, storeWith, type TestPost } from '../metrics/helpers.js';

const template = ReportTemplate.open(undefined);
const BRANDS = [
  { id: 'acme', name: 'Acme Telecom' },
  { id: 'kwikly', name: 'Kwikly Mobile' },
];

/** Noon UTC of `day` of `month` (0-based) 2017, plus `minutes`. */
const at = (month: number, day: number, minutes = 0) => new Date(Date.UTC(2017, month, day, 12) + minutes * 60_000).toISOString();
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Two mentions of `handle` on each of `days` of `month`, each answered by it after 10 minutes. */
function answeredDays(handle: string, month: number, days: number[]): TestPost[] {
  return days.flatMap((day) =>
    [0, 1].flatMap((n): TestPost[] => {
      const id = `${handle}${month}-${day}-${n}`;
      return [
        { id, author: `${id}-author`, at: at(month, day, n * 60), text: `@${handle} hello?` },
        { id: `${id}r`, author: handle, at: at(month, day, n * 60 + 10), text: 'on it', parent: id },
      ];
    }),
  );
}

/** September and October of both brands; Kwikly's care export of October ends on the 21st, Acme's goes on to the 31st. */
async function metrics(): Promise<MetricsReport> {
  const store = await storeWith([...answeredDays('acme', 8, range(1, 30)), ...answeredDays('acme', 9, range(1, 31)), ...answeredDays('kwikly', 8, range(1, 30)), ...answeredDays('kwikly', 9, range(1, 21))]);
  try {
    return await computeMetrics(store, configWith(BRANDS), '2017-10');
  } finally {
    store.close();
  }
}

describe('a month one competitor’s exports reach in part', () => {
  it('is that competitor’s in the trend’s note and the workbook, not the client’s', async () => {
    const report = await metrics();
    expect(report.trendPartialBrands).toEqual([{ month: '2017-10', brands: ['kwikly'] }]);
    const expected = {
      en: '* Kwikly Mobile’s exports cover part of Oct 17 only: its figures of that month rest on fewer days than a whole month’s.',
      es: '* Las exportaciones de Kwikly Mobile cubren solo una parte de oct 17: sus cifras de ese mes se basan en menos días que las de un mes completo.',
      fr: '* Les exports de Kwikly Mobile ne couvrent qu’une partie d’oct. 17\u00a0: ses chiffres de ce mois reposent sur moins de jours que ceux d’un mois entier.',
    };
    for (const language of ['en', 'es', 'fr'] as const) {
      const { model, t } = await buildReportModel({ metrics: report, config: configWith(BRANDS), facts: null, template, language, generatedAt: new Date('2017-11-03T10:00:00Z') });
      const notes = model.charts.trend?.notes ?? [];
      expect(notes).toContain(expected[language]);
      expect(notes.filter((note) => note.startsWith('*')).join(' ')).not.toContain('Acme');
      // The Trend sheet marks Kwikly's October, and neither Acme's October nor any September.
      const sheet = model.workbook.sheets.find((entry) => entry.name === t('sheet.trend'));
      const column = sheet?.headers.indexOf(t('sheet.partMonth')) ?? -1;
      expect(column).toBeGreaterThan(0);
      const marked = (sheet?.rows ?? []).filter((row) => row[column]?.value === true).map((row) => `${String((row[0]?.value as Date | undefined)?.toISOString()).slice(0, 7)} ${String(row[1]?.value)}`);
      expect([language, marked]).toEqual([language, ['2017-10 Kwikly Mobile']]);
    }
  });
});
