import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { coverageSentences } from '../../src/cli/coverage-sentences.js';
import { computeMetrics, metricsOf } from '../../src/metrics/compute.js';
import { diagnosticsOf } from '../../src/metrics/diagnostics/index.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { buildImprovements } from '../../src/report/advice/index.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { translator } from '../../src/report/i18n/strings.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { buildScorecard, DEFAULT_SCORECARD_THRESHOLDS } from '../../src/report/model/scorecard.js';
import { buildThemes } from '../../src/report/model/themes.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { themesOf, withThemes } from '../../src/themes/index.js';
import { brandOf, configWith, storeWith, type TestPost } from './helpers.js';

/**
 * Three brands with one mention a day at 10:00 UTC, 1 to 30 October 2017,
 * answered 30 minutes later where a brand's export holds its answer:
 * - acme (the client): its care export stops on 15 October, so its answers
 *   of the 1st to the 15th are in the data and nothing of it after (15 of 30);
 * - rival answers every mention but those of the 10th, 20th and 30th (27 of
 *   30): its last post is the 29th's answer, and the 30th's mention comes
 *   after it (1 of 30, under the 5% threshold);
 * - late's export starts on 20 October: it answers the 20th to the 30th (11),
 *   and the mentions of the 1st to the 13th came a week or more before its
 *   first post (13); those of the 14th to the 19th came within a week of it.
 * In September acme answers each of its 30 daily mentions. A post on 20
 * November closes every October mention's 7-day window (none is pending).
 */
function posts(): TestPost[] {
  const all: TestPost[] = [];
  const day = (month: string, d: number, time = '10:00') => `2017-${month}-${String(d).padStart(2, '0')}T${time}:00Z`;
  const mentionsOf = (brand: string, month: string, answered: (d: number) => boolean) => {
    for (let d = 1; d <= 30; d += 1) {
      const id = `${brand}-${month}-${d}`;
      all.push({ id, author: `customer${d}`, at: day(month, d), text: `@${brand} my line is down (${d})` });
      if (answered(d)) all.push({ id: `${id}-r`, author: brand, at: day(month, d, '10:30'), text: `@customer${d} we are on it`, parent: id });
    }
  };
  mentionsOf('acme', '10', (d) => d <= 15);
  mentionsOf('acme', '09', () => true);
  mentionsOf('rival', '10', (d) => d % 10 !== 0);
  mentionsOf('late', '10', (d) => d >= 20);
  all.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' });
  return all;
}

const config = configWith([{ id: 'acme' }, { id: 'rival' }, { id: 'late' }]);
let store: Store;
let report: MetricsReport;

beforeAll(async () => {
  store = await storeWith(posts());
  report = await computeMetrics(store, config, '2017-10');
});

afterAll(() => store?.close());

describe('a brand whose posts the data holds on part of the period only (brand-posts-partial)', () => {
  it('counts the unanswered mentions a whole window away from its posts, with the span of its posts', () => {
    const acme = brandOf(report, 'acme');
    expect(acme.coverage).toMatchObject({
      inboundMeasured: 30,
      outsideOwnPosts: 15,
      // Its September posts run on into October: the span starts with the period.
      ownPosts: { first: '2017-10-01T00:00:00Z', last: '2017-10-15T10:30:00Z' },
    });
    expect(acme.coverage?.warnings).toEqual(['brand-posts-partial']);
    expect(brandOf(report, 'acme', 'twitter').coverage?.warnings).toEqual(['brand-posts-partial']);
    // Only the mentions of the 1st to the 13th: those of the 14th to the 19th came less than a window before its first post.
    expect(brandOf(report, 'late').coverage).toMatchObject({ outsideOwnPosts: 13, ownPosts: { first: '2017-10-20T10:30:00Z', last: '2017-10-30T10:30:00Z' } });
    expect(brandOf(report, 'late').coverage?.warnings).toEqual(['brand-posts-partial']);
    // One mention after its last post is 3% of 30: no warning.
    expect(brandOf(report, 'rival').coverage).toMatchObject({ outsideOwnPosts: 1, warnings: [] });
  });

  it('gives its rate and the shares answered within a target no rank, no interval and no change, and leaves them out of the median; its times stay compared', () => {
    const acme = brandOf(report, 'acme');
    expect(acme.responseRate).toBe(0.5);
    expect([acme.rank.responseRate, acme.rank['withinSla.60'], acme.responseRateCi]).toEqual([null, null, null]);
    expect(acme.rank.responseTimeMedianMin).toBe(1);
    // September: 30 of 30 answered. A fall of 50 points would be the export's, not the brand's.
    expect([acme.change?.responseRate, acme.changeReason?.responseRate, acme.change?.answered, acme.changeReason?.answered]).toEqual([null, 'brand-posts-partial', null, 'brand-posts-partial']);
    expect(brandOf(report, 'rival').rank.responseRate).toBe(1);
    // The competitor median rests on rival alone: late's rate (11 of 30) is a lower bound as well.
    expect(report.benchmarks?.find((benchmark) => benchmark.metric === 'responseRate')).toMatchObject({ competitorMedian: 0.9, competitorsMeasured: 1 });
  });

  it('says in check where and when the data holds its posts, in local dates, once per platform', () => {
    const lines = coverageSentences(report, { warningsOnly: true });
    expect(lines).toContain(
      'brand ACME, twitter: the data holds its own posts from 2017-10-01 to 2017-10-15 only, and 15 of its 30 mentions needing an answer came before or after them: they count as unanswered, so its response rate is a lower bound and is not compared. Import its posts of the whole period.',
    );
    expect(lines.filter((line) => line.startsWith('brand ACME, all platforms'))).toEqual([]);
    const kiritimati = coverageSentences({ ...report, period: { ...report.period, timezone: 'Pacific/Kiritimati' } }, { warningsOnly: true });
    // Its last post, 15 October at 10:30 UTC, is 00:30 on the 16th at UTC+14.
    expect(kiritimati.some((line) => line.startsWith('brand ACME, twitter: the data holds its own posts from 2017-10-01 to 2017-10-16 only'))).toBe(true);
  });

  it('says the client’s rate as a lower bound compared with nothing, under the tile and in the findings, and gives no advice on it', async () => {
    const template = ReportTemplate.open(undefined);
    const { model } = await buildReportModel({ metrics: report, config, facts: null, template, language: 'en' });
    expect(model.findings[0]).toBe('ACME answered at least 50% of the 30 mentions it received; the data holds its posts on part of the period only, so the rate is compared with no other brand.');
    const tile = model.kpis.find((kpi) => kpi.label === 'Response rate');
    expect(tile).toMatchObject({ value: '≥ 50%', note: null });
    expect(tile?.flags).toContain('≥ Lower bound: the data holds its posts on part of the period only');
    expect(model.kpiNotes).toContain(
      'The data holds ACME’s own posts on Twitter from 1 October 2017 to 15 October 2017 only: 15 of the 30 mentions needing an answer came before or after them and count as unanswered, so its response rate is a lower bound and is compared with no other brand.',
    );
    // 50% against rival's 90% would be the first advice: it rests on the answers the data lacks.
    expect(buildImprovements(report, 'en').map((item) => item.id)).not.toContain('unanswered');
  });

  it('marks its shares answered on the scorecard and by theme as lower bounds, with no rank, and a verdict only where they beat the median even so', async () => {
    const themed = { ...config, themes: { outage: ['down'] } };
    const full = await withAnalysis(store, themed, '2017-10', async (analysis) => ({ ...withThemes(await metricsOf(analysis), await themesOf(analysis)), diagnostics: await diagnosticsOf(analysis) }));
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const format = new Formatter('en', t, 'UTC');
    const card = buildScorecard(full, format, t, DEFAULT_SCORECARD_THRESHOLDS);
    const column = card?.columns.findIndex((entry) => entry.key === 'responseRate') ?? -1;
    const acmeRow = card?.rows.find((row) => row.brandName === 'ACME');
    // 50% against rival's 90%: behind, or not, for want of its answers; no verdict and no rank.
    expect(acmeRow?.cells[column]).toMatchObject({ text: '≥ 50%', rank: null, tone: null });
    const themes = buildThemes(full, format, t, 'September 2017');
    expect(themes?.rows.find((row) => row.name === 'outage')).toMatchObject({ rate: '≥ 50% of 30', tone: null });
    expect(themes?.notes).toContain('≥ a lower bound: answers are missing from the data');
  });
});
