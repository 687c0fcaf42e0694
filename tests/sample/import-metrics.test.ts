/**
 * The sample through the real pipeline: its exports import with nothing
 * rejected, and the SQL metrics tell the story the generator wrote, number
 * for number against the ground truth computed from the generated posts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { importFiles } from '../../src/ingest/import.js';
import type { FileImportResult } from '../../src/ingest/result.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import { computeDiagnostics, type Diagnostics } from '../../src/metrics/diagnostics/index.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { writeSampleExports, type SampleExport } from '../../src/sample/index.js';
import type { SampleData } from '../../src/sample/generate.js';
import { SAMPLE_DATA_DIR } from '../../src/sample/paths.js';
import { SAMPLE_OUTAGE, SAMPLE_REPORT_PERIOD } from '../../src/sample/spec.js';
import { Store } from '../../src/store/database.js';
import { computeThemes } from '../../src/themes/index.js';
import { GroundTruth, median } from './ground-truth.js';
import { storedRows } from '../stored-rows.js';

let dir: string;
let data: SampleData;
let files: SampleExport[];
let results: FileImportResult[];
let store: Store;
let config: Config;
let metrics: MetricsReport;
let diagnostics: Diagnostics;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'replybench-sample-'));
  ({ data, files } = writeSampleExports(join(dir, 'exports')));
  config = loadConfig(join(SAMPLE_DATA_DIR, 'replybench.yaml'));
  store = await Store.open(join(dir, 'sample.duckdb'));
  results = [];
  for (const file of files) {
    const mapping = file.mapping ? { mapping: join(SAMPLE_DATA_DIR, file.mapping) } : {};
    const outcome = await importFiles(store, [file.path], { format: 'auto', timezone: file.timezone, ...mapping });
    expect(outcome.failures).toEqual([]);
    results.push(...outcome.results);
  }
  metrics = await computeMetrics(store, config, SAMPLE_REPORT_PERIOD);
  diagnostics = await computeDiagnostics(store, config, SAMPLE_REPORT_PERIOD);
}, 180_000);

afterAll(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const brand = (id: string) => {
  const found = metrics.brands.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no brand ${id}`);
  return found;
};
const diagnosed = (id: string) => {
  const found = diagnostics.brands.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no brand ${id}`);
  return found;
};

describe('the sample imports cleanly', () => {
  it('detects each file as the format it was written in, rejects nothing and warns about nothing', () => {
    expect(files.length).toBeGreaterThan(3);
    expect(results.map((result) => result.format)).toEqual(files.map((file) => file.format));
    for (const [index, result] of results.entries()) {
      expect(result.rowsRead).toBe(files[index]?.rows);
      expect(result.rejected).toBe(0);
      expect(result.skippedBlank).toBe(0);
      expect(result.warnings).toEqual([]);
      expect(result.imported + result.duplicates).toBe(result.rowsRead);
    }
  });

  it('stores every generated post once: tweets found by two exports or two searches count as duplicates', async () => {
    const [row] = await storedRows(store, 'SELECT count(*)::DOUBLE AS posts, count(DISTINCT platform)::DOUBLE AS platforms FROM posts');
    expect(row?.posts).toBe(data.posts.length);
    expect(row?.platforms).toBe(3);
    const duplicates = results.reduce((sum, result) => sum + result.duplicates, 0);
    const rows = files.reduce((sum, file) => sum + file.rows, 0);
    expect(duplicates).toBe(rows - data.posts.length);
    expect(duplicates).toBeGreaterThan(0);
  });
});

describe(`the sample's metrics for ${SAMPLE_REPORT_PERIOD}`, () => {
  it('count the inbound mentions, answers and response times the generator produced', () => {
    const truth = new GroundTruth(data);
    for (const expected of data.brands) {
      const inbound = truth.inbound(expected.id, SAMPLE_REPORT_PERIOD);
      const times = truth.answered(inbound, expected.id);
      const measured = brand(expected.id);
      expect([expected.id, measured.inbound, measured.answered]).toEqual([expected.id, inbound.length, times.length]);
      expect(measured.responseTimeMedianMin).toBeCloseTo(median(times), 6);
    }
    expect(metrics.dataQuality.repliesBeforeParent).toBe(0);
    expect(metrics.dataQuality.pending).toBe(0);
  });

  it('rank the client first on response rate; Kwikly fastest but answering few; Telbo the megaphone', () => {
    expect(brand('vireo').rank.responseRate).toBe(1);
    expect(brand('kwikly').rank.responseTimeMedianMin).toBe(1);
    expect(brand('kwikly').responseRate).toBeLessThan(0.35);
    expect(brand('kwikly').rank.responseRate).toBeGreaterThanOrEqual(4);
    expect(brand('vireo').rank.responseTimeMedianMin).toBe(2);
    expect(brand('telbo').rank.replyShare).toBe(5);
    expect(brand('telbo').replyShare).toBeLessThan(0.2);
    expect(brand('vireo').shareOfVoice).toBeGreaterThan(0.3);
  });

  it('diagnose Ondanet\'s canned replies, Zentel\'s unsolicited mentions and the client\'s dropped follow-ups', () => {
    const canned = Object.fromEntries(diagnostics.brands.map((b) => [b.id, b.canned.cannedShare ?? 0]));
    expect(canned.ondanet).toBeGreaterThan(0.5);
    expect(Math.max(...Object.values(canned))).toBe(canned.ondanet);
    expect(canned.vireo).toBeLessThan(0.1);
    expect(diagnosed('zentel').unsolicited.unsolicitedShare).toBeGreaterThan(0.1);
    for (const other of ['vireo', 'telbo', 'ondanet', 'kwikly']) expect(diagnosed(other).unsolicited.unsolicitedPosts).toBe(0);
    // The competitors with enough follow-ups to measure (metrics.minFollowUps): at least two, so the comparison is made.
    const followUps = diagnostics.brands.filter((b) => b.role === 'competitor').flatMap((b) => (b.followThrough.answeredShare === null ? [] : [b.followThrough.answeredShare]));
    expect(followUps.length).toBeGreaterThanOrEqual(2);
    expect(diagnosed('vireo').followThrough.answeredShare ?? 1).toBeLessThan(median(followUps));
  });
});

describe('the client\'s outage month, as the report and `replybench themes` show it', () => {
  const outageMonth = SAMPLE_OUTAGE.days[0].iso.slice(0, 7);

  it('is the trend\'s peak of the client\'s mentions, its lowest response rate and its slowest median response, as the generator wrote them', () => {
    const truth = new GroundTruth(data);
    const points = (metrics.trend ?? []).filter((point) => point.brandId === 'vireo');
    expect(points.map((point) => point.month)).toEqual(data.calendar.months);
    const outage = points.find((point) => point.month === outageMonth);
    const inbound = truth.inbound('vireo', outageMonth);
    const times = truth.answered(inbound, 'vireo');
    expect([outage?.inbound, outage?.answered]).toEqual([inbound.length, times.length]);
    expect(outage?.responseTimeMedianMin).toBeCloseTo(median(times), 6);
    const others = points.filter((point) => point !== outage);
    expect(outage?.inbound ?? 0).toBeGreaterThan(1.15 * Math.max(...others.map((point) => point.inbound ?? 0)));
    expect(outage?.responseRate ?? 1).toBeLessThan(Math.min(...others.map((point) => point.responseRate ?? 1)) - 0.02);
    expect(outage?.responseTimeMedianMin ?? 0).toBeGreaterThan(Math.max(...others.map((point) => point.responseTimeMedianMin ?? Infinity)) + 10);
  });

  it('has the outage theme rise far above the month before, answered less, later and below the competitors\' rate on it', async () => {
    const outageTheme = async (period: string) => {
      const brands = await computeThemes(store, config, period);
      return brands.find((brand) => brand.id === 'vireo')?.themes.find((theme) => theme.name === 'outage' && theme.source === 'config');
    };
    const during = await outageTheme(outageMonth);
    const [year, month] = outageMonth.split('-').map(Number) as [number, number];
    const before = await outageTheme(month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`);
    expect(during?.mentions ?? 0).toBeGreaterThan(250);
    expect(during?.share ?? 0).toBeGreaterThan(4 * (before?.share ?? 1));
    expect(during?.previousMentions).toBe(before?.mentions);
    // Ondanet's own outage earlier that month gives the competitors enough outage mentions to compare.
    expect(during?.benchmark?.gap ?? 0).toBeLessThan(-0.1);
    expect(during?.responseRate ?? 1).toBeLessThan((before?.responseRate ?? 0) - 0.2);
    expect(during?.responseTimeMedianMin ?? 0).toBeGreaterThan(3 * (before?.responseTimeMedianMin ?? Infinity));
  });
});
