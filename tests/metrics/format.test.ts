import { describe, expect, it } from 'vitest';
import { metricsCsv, textCell } from '../../src/metrics/format/csv.js';
import { metricsTable } from '../../src/metrics/format/table.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { configWith, storeWith } from './helpers.js';

async function sample(): Promise<MetricsReport> {
  const store = await storeWith([
    { id: 'm1', author: 'a', at: '2017-10-02T10:00:00Z', text: '@acme hi' },
    { id: 'r1', author: 'acme', at: '2017-10-02T10:30:00Z', parent: 'm1' },
    { id: 'm0', author: 'a', at: '2017-09-02T10:00:00Z', text: '@acme hi' },
    { id: 'r0', author: 'acme', at: '2017-09-02T10:10:00Z', parent: 'm0' },
    { id: 'm2', author: 'b', at: '2017-10-03T10:00:00Z', text: '@evil hi' },
  ]);
  const config = configWith([{ id: 'acme' }, { id: 'evil' }]);
  const evil = config.brands[1];
  if (evil) evil.name = '=HYPERLINK("http://x.test","click")';
  try {
    return await computeMetrics(store, config, '2017-10');
  } finally {
    store.close();
  }
}

describe('csv', () => {
  it('starts with a BOM, has one row per brand and CRLF line ends', async () => {
    const csv = metricsCsv(await sample());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 brands, final empty
    expect(lines[0]?.split(',').slice(0, 9)).toEqual(['period.start', 'period.end', 'period.timezone', 'id', 'name', 'role', 'inbound', 'answered', 'pending']);
  });

  it('neutralises text cells that a spreadsheet would run, and keeps negative numbers numeric', async () => {
    const report = await sample();
    // On one mention a month no change is computed (fewer than 30 mentions); the CSV's numbers are what is tested here.
    const acme = report.brands.find((brand) => brand.id === 'acme');
    expect(acme?.changeReason).toMatchObject({ shareOfVoice: 'thin-period', responseTimeMedianMin: 'thin-period' });
    if (acme) acme.change = { ...acme.change, shareOfVoice: -50, responseTimeMedianMin: 200 };
    const csv = metricsCsv(report);
    const header = csv.slice(1).split('\r\n')[0]?.split(',') ?? [];
    const evilRow = csv.split('\r\n').find((line) => line.includes('HYPERLINK')) ?? '';
    expect(evilRow).toContain(`"'=HYPERLINK(""http://x.test"",""click"")"`);
    const acmeRow = csv.split('\r\n').find((line) => line.includes(',acme,')) ?? '';
    const cells = acmeRow.split(',');
    expect(cells[header.indexOf('change.shareOfVoice')]).toBe('-50');
    expect(cells[header.indexOf('change.responseTimeMedianMin')]).toBe('200');
    expect(cells[header.indexOf('responseTimeMedianCi.low')]).toBe('');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 600', "'+33 600"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    // Controls and bidi overrides go, as in the deck and the workbook; what they hid is guarded as any other cell.
    ['\tx', 'x'],
    ['\t=1+1', "'=1+1"],
    ['Acme\u202eevil\u0001', 'Acme evil'],
    ['a,b', '"a,b"'],
    ['plain', 'plain'],
  ])('textCell(%j) = %j', (input, output) => {
    expect(textCell(input)).toBe(output);
  });
});

describe('table', () => {
  it('lists every brand with its numbers and the data-quality line', async () => {
    const table = metricsTable(await sample());
    expect(table).toMatch(/ACME \*/);
    expect(table).toContain('100.0%');
    // A measured time keeps its tenth: 30 minutes is "30.0m", as 6 hours is "6.0h".
    expect(table).toContain('30.0m');
    expect(table).toMatch(/Data quality: 3 posts/);
    expect(table.split('\n')[0]).toMatch(/^#\s+Brand\s+Inbound\s+Need answer\s+Answered\s+Rate/);
    // The SLA targets are set lengths: "<=1h", not "<=1.0h" as a measured 60 minutes reads.
    expect(table.split('\n')[0]).toMatch(/\s<=1h\s+<=1d(\s|$)/);
    // ACME: 1 inbound mention, which needs an answer.
    expect(table.split('\n').find((line) => line.includes('ACME *'))).toMatch(/ACME \*\s+\(low sample\)\s+1\s+1\s+1\s+100\.0%/);
    expect(table).toContain('(low sample) = fewer than 30 mentions needing an answer: read with care.');
  });

  it('calls a brand the data holds nothing of "no data", not a low sample, and counts in the singular where there is one', async () => {
    // Ghost is in the config; the data holds nothing of it.
    const store = await storeWith([
      { id: 'm1', author: 'a', at: '2017-10-02T10:00:00Z', text: '@acme hi' },
      { id: 'r1', author: 'acme', at: '2017-10-02T10:30:00Z', parent: 'm1' },
    ]);
    const report = await computeMetrics(store, configWith([{ id: 'acme' }, { id: 'ghost' }]), '2017-10').finally(() => store.close());
    const table = metricsTable({ ...report, dataQuality: { ...report.dataQuality, posts: 1, pending: 1, repliesBeforeParent: 1, unresolvedParents: 1 } });
    expect(table.split('\n').find((line) => line.includes('GHOST'))).toMatch(/GHOST \(no data\)/);
    expect(table).toContain('(no data) = the data holds neither a post of the brand nor a mention of it in the period: check its handles, or import its exports.');
    expect(table).toContain('Data quality: 1 post, 1 mention pending, 1 reply stamped before its parent, 1 parent not in the data.');
    // ACME, measured on one mention, is still a low sample.
    expect(table).toContain('(low sample) = fewer than 30 mentions needing an answer');
  });

  it('calls a brand mentioned but with none of its posts "not measured", not a low sample', async () => {
    const store = await storeWith([
      { id: 'm1', author: 'a', at: '2017-10-02T10:00:00Z', text: '@acme hi' },
      { id: 'r1', author: 'acme', at: '2017-10-02T10:30:00Z', parent: 'm1' },
      { id: 'm2', author: 'b', at: '2017-10-03T10:00:00Z', text: '@rival where are you?' },
    ]);
    const report = await computeMetrics(store, configWith([{ id: 'acme' }, { id: 'rival' }]), '2017-10').finally(() => store.close());
    const table = metricsTable(report);
    expect(table.split('\n').find((line) => line.includes('RIVAL'))).toMatch(/RIVAL \(not measured\)\s/);
    expect(table).toContain('(not measured) = mentions of the brand, but none its answers can be measured on (none of its posts where they are): run replybench check to see what to import.');
  });
});

describe('json', () => {
  it('has the field names of the contract', async () => {
    const report = JSON.parse(JSON.stringify(await sample())) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['period', 'brands', 'dataQuality']));
    const brand = (report.brands as Array<Record<string, unknown>>)[0] ?? {};
    for (const key of [
      'id', 'name', 'role', 'inbound', 'answered', 'pending', 'responseRate', 'responseRateCi', 'responseTimeMedianMin', 'responseTimeMedianCi',
      'responseTimeP90Min', 'responseTimeMeanMin', 'withinSla', 'buckets', 'brandPosts', 'replies', 'broadcasts', 'replyShare',
      'replyToBroadcast', 'shareOfVoice', 'rank', 'lowSample',
    ]) {
      expect(brand).toHaveProperty(key);
    }
    expect(Object.keys(brand.buckets as object)).toEqual(['0-1h', '1-4h', '4-8h', '8-24h', '24h+', 'unanswered']);
    expect(Object.keys(report.dataQuality as object)).toEqual(expect.arrayContaining(['posts', 'repliesBeforeParent', 'unresolvedParents']));
  });
});
