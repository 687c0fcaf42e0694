import { describe, expect, it } from 'vitest';
import { themesCsv, themesTable } from '../../src/themes/format.js';
import type { Theme, ThemeBenchmark, ThemesReport } from '../../src/themes/types.js';

const theme = (name: string, responseRateEnd: number | null, benchmark: ThemeBenchmark): Theme & { benchmark: ThemeBenchmark } => ({
  name,
  source: 'config',
  mentions: 40,
  share: 0.5,
  previousMentions: 40,
  change: 0,
  changeReason: null,
  measured: 32,
  answered: 16,
  listedMissing: responseRateEnd === null ? 0 : 6,
  responseRate: 0.5,
  responseRateEnd,
  responseTimeMedianMin: 30,
  sentiment: null,
  examples: [],
  benchmark,
});

describe('replybench themes, as a table and as CSV', () => {
  it('marks a rate, and a competitors’ median, that are lower bounds, as the report does', () => {
    const report: ThemesReport = {
      period: { start: '2017-10-01T00:00:00Z', end: '2017-11-01T00:00:00Z', timezone: 'UTC', label: '2017-10' },
      brands: [
        {
          id: 'acme',
          name: 'Acme',
          role: 'client',
          themes: [
            theme('network', 22 / 32, { competitorRate: 0.875, competitorRateEnd: 0.9375, competitorTimeMedianMin: 35, competitorsMeasured: 2, gap: -0.375, worstRank: null }),
            theme('billing', null, { competitorRate: 0.9, competitorRateEnd: null, competitorTimeMedianMin: 20, competitorsMeasured: 2, gap: -0.4, worstRank: 1 }),
          ],
        },
      ],
    };
    const lines = themesTable(report).split('\n');
    expect(lines.find((line) => line.includes('network'))).toMatch(/≥ 50% of 32 +30 min +≥ 88% \(2\) +-$/);
    expect(lines.find((line) => line.includes('billing'))).toMatch(/ 50% of 32 +30 min +90% \(2\) +1$/);
    expect(lines.find((line) => line.includes('billing'))).not.toContain('≥');
    const rows = themesCsv(report).split('\r\n');
    expect(rows[1]?.split(',').slice(-2)).toEqual([String(22 / 32), '0.9375']);
    expect(rows[2]?.split(',').slice(-2)).toEqual(['', '']);
  });
});
