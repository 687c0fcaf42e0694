/**
 * Coverage (METRICS.md, "Coverage: what the data can and cannot tell"): the
 * partial exports agencies really have, with the numbers computed by hand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import { computeDiagnostics } from '../../src/metrics/diagnostics/index.js';
import { coverageSentences } from '../../src/cli/coverage-sentences.js';
import { metricsCsv } from '../../src/metrics/format/csv.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import type { Store } from '../../src/store/database.js';
import { brandOf as brand, configWith, storeWith, type TestPost } from './helpers.js';

let store: Store | undefined;
afterEach(() => store?.close());

const brands = [{ id: 'acme', accounts: { twitter: ['AcmeCares'], facebook: ['acme.page'] } }, { id: 'rival', handles: ['RivalHelp'] }];

async function metricsOf(posts: TestPost[], extra: Record<string, unknown> = {}): Promise<MetricsReport> {
  store = await storeWith(posts);
  return computeMetrics(store, configWith(brands, extra), '2017-10');
}


/** Acme's point of the trend for a month. */
const acmeMonth = (report: MetricsReport, month: string) => report.trend?.find((entry) => entry.brandId === 'acme' && entry.month === month);

const day = (d: number, h = 10) => `2017-10-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;

describe('coverage', () => {
  it('a mentions-only export: no brand posts, so response metrics are null, unranked, not 0%', async () => {
    const mentions: TestPost[] = Array.from({ length: 4 }, (_, i) => ({ id: `a${i}`, author: `u${i}`, at: day(i + 2), text: '@AcmeCares hello?' }));
    const rivalMentions: TestPost[] = [
      { id: 'r1', author: 'x', at: day(3), text: '@RivalHelp hi' },
      { id: 'r2', author: 'RivalHelp', at: day(3, 11), text: '@x hello', parent: 'r1' },
    ];
    const report = await metricsOf([...mentions, ...rivalMentions]);
    const acme = brand(report, 'acme');
    expect(acme).toMatchObject({ inbound: 4, answered: 0, responseRate: null, responseRateCi: null, responseTimeMedianMin: null, withinSla: { '60': null, '1440': null } });
    // Four mentions on four days of October's 31: the data covers part of the period.
    expect(acme.coverage).toEqual({
      brandPosts: 0,
      // Nor any on other days of the data.
      ownPostsElsewhere: 0,
      inboundMeasured: 0,
      massMentions: 0,
      closers: 0,
      inboundWithListedResponses: 0,
      listedResponsesMissing: 0,
      // No post of its own: no span its answers could be measured in, and no mention outside it.
      outsideOwnPosts: 0,
      ownPosts: { first: null, last: null, gaps: [] },
      replies: 0,
      repliesWithMissingParent: 0,
      // Acme's two accounts in the config (AcmeCares, acme.page): tracked, with no export of their posts.
      accountsTracked: 2,
      topAuthor: { author: 'u0', mentions: 1, share: 0.25 },
      span: { first: day(2), last: day(5), daysWithData: 4, spanDays: 4, periodDays: 31, busiestDay: '2017-10-02', busiestDayMentions: 1, busiestDayShare: 0.25 },
      warnings: ['no-brand-posts', 'partial-period'],
    });
    expect(acme.rank.responseRate).toBeNull();
    expect(acme.buckets.unanswered).toBe(0);
    // Its 4 mentions are inside the 7-day answer window at the newest post (the 3rd, 11:00), but no rate of its can rise:
    // the data quality's pending mentions are those of measured brands, none here.
    expect([acme.pending, report.dataQuality.pending]).toEqual([0, 0]);
    // Its mentions still count for share of voice: 4 of 5.
    expect(acme.shareOfVoice).toBeCloseTo(4 / 5, 12);
    const rival = brand(report, 'rival');
    expect(rival).toMatchObject({ inbound: 1, answered: 1, responseRate: 1 });
    expect(rival.rank.responseRate).toBe(1);
    expect(rival.coverage?.warnings).toEqual(['partial-period']);
    // The CSV carries the same coverage, one column per field.
    const [header, acmeRow] = metricsCsv(report).replace(/^\uFEFF/, '').split('\r\n');
    const cells = (line: string | undefined) => (line ?? '').split(',');
    const at = (name: string) => cells(acmeRow)[cells(header).indexOf(name)];
    expect([at('coverage.inboundMeasured'), at('coverage.warnings'), at('responseRate')]).toEqual(['0', 'no-brand-posts partial-period', '']);
  });

  it('no post of the brand in the period but some on other days of the data: a quiet stretch, not an export to import', async () => {
    const mentions: TestPost[] = Array.from({ length: 4 }, (_, i) => ({ id: `a${i}`, author: `u${i}`, at: day(i + 2), text: '@AcmeCares hello?' }));
    // Its answers of September (the trend's month before): its care export is in the data, October was quiet.
    const september: TestPost[] = [
      { id: 's1', author: 'v', at: '2017-09-20T10:00:00Z', text: '@AcmeCares hi' },
      { id: 's2', author: 'AcmeCares', at: '2017-09-20T10:30:00Z', text: '@v hello', parent: 's1' },
    ];
    const report = await metricsOf([...mentions, ...september]);
    const acme = brand(report, 'acme');
    expect([acme.coverage?.brandPosts, acme.coverage?.ownPostsElsewhere, acme.coverage?.warnings]).toEqual([0, 1, ['no-brand-posts', 'partial-period']]);
    const twitter = report.byPlatform?.find((scope) => scope.platform === 'twitter')?.brands.find((entry) => entry.id === 'acme');
    expect(twitter?.coverage?.ownPostsElsewhere).toBe(1);
    expect(coverageSentences(report, { warningsOnly: true })).toContain(
      'brand ACME, Twitter: the data holds no post of the brand here in the period, only on other days, so its answers cannot be measured for this period: a longer period would measure them.',
    );
    expect(coverageSentences(report, { warningsOnly: true }).join(' ')).not.toMatch(/ACME, Twitter: the data holds no post of the brand here, so/);
    // One post of its own in October, not a reply: too few to compare, and nothing to import either.
    const few = await metricsOf([...mentions, ...september, { id: 'b1', author: 'AcmeCares', at: day(9), text: 'Maintenance tonight' }]);
    expect(brand(few, 'acme').coverage?.warnings).toContain('few-brand-posts');
    expect(coverageSentences(few, { warningsOnly: true })).toContain(
      'brand ACME, Twitter: the data holds only 1 post of the brand, none a reply: its response figures are shown but not compared. Its other posts there are on other days: a longer period would measure them.',
    );
  });

  it('a platform without brand posts is left out of the brand-wide rate, not counted as unanswered', async () => {
    const report = await metricsOf([
      { id: 't1', author: 'ana', at: day(2), text: '@AcmeCares help' },
      { id: 't2', author: 'AcmeCares', at: day(2, 11), text: '@ana sure', parent: 't1' },
      { id: 't3', author: 'bob', at: day(3), text: '@AcmeCares hello' },
      // Facebook: only the customers' comments were exported.
      ...Array.from({ length: 6 }, (_, i) => ({ id: `f${i}`, author: `fan${i}`, at: day(i + 4), text: '@acme.page any news?', platform: 'facebook' })),
    ]);
    const acme = brand(report, 'acme');
    expect(acme).toMatchObject({ inbound: 8, answered: 1, responseRate: 0.5 });
    expect(acme.coverage).toMatchObject({ brandPosts: 1, inboundMeasured: 2, warnings: ['no-brand-posts', 'partial-period'] });
    expect(brand(report, 'acme', 'facebook')).toMatchObject({ inbound: 6, responseRate: null, coverage: { warnings: ['no-brand-posts', 'partial-period'], inboundMeasured: 0 } });
    expect(brand(report, 'acme', 'twitter')).toMatchObject({ inbound: 2, responseRate: 0.5, coverage: { warnings: ['partial-period'] } });
  });

  it('listed responses missing from the data make the rate a lower bound, without an interval', async () => {
    const mentions: TestPost[] = Array.from({ length: 10 }, (_, i) => ({
      id: `m${i}`,
      author: `u${i}`,
      at: day(i + 2),
      text: '@AcmeCares where is my parcel',
      // The export lists each mention's response; only the first four are in the data.
      responses: `r${i}`,
    }));
    const replies: TestPost[] = [0, 1, 2, 3].map((i) => ({ id: `r${i}`, author: 'AcmeCares', at: day(i + 2, 11), text: '@u sorry', parent: `m${i}` }));
    const report = await metricsOf([...mentions, ...replies]);
    const acme = brand(report, 'acme');
    expect(acme).toMatchObject({ inbound: 10, answered: 4, responseRate: 0.4 });
    expect(acme.coverage).toMatchObject({ inboundWithListedResponses: 10, listedResponsesMissing: 6, warnings: ['responses-missing', 'partial-period'] });
    // A Wilson interval of 4 in 10 (17% to 69%) would say the rate may lie below 40%, where it can only be higher.
    expect(acme.responseRateCi).toBeNull();
    // 6 of 10 is above the default 5%; a threshold of 70% accepts it, and the rate has its interval.
    const lenient = await metricsOf([...mentions, ...replies], { metrics: { coverage: { responsesMissing: 0.7 } } });
    expect(brand(lenient, 'acme').coverage?.warnings).toEqual(['partial-period']);
    expect(brand(lenient, 'acme').responseRateCi?.map((bound) => Math.round(bound * 1000) / 1000)).toEqual([0.168, 0.687]);
  });

  it('weighs the missing responses against the mentions the rate rests on: mass mentions do not hide them, and a brand without a rate has no lower bound', async () => {
    // 11 mentions need an answer, 2 of them (18%) unanswered with a listed response the data lacks; 40 mass mentions list none.
    // Over every inbound mention that is 2 of 51 (3.9%), under the 5% threshold: the warning would not be given.
    const measured: TestPost[] = Array.from({ length: 11 }, (_, i) => ({ id: `m${i}`, author: `u${i}`, at: day((i % 28) + 1), text: '@AcmeCares my order?', ...(i < 2 ? { responses: `gone${i}` } : {}) }));
    const answers: TestPost[] = Array.from({ length: 9 }, (_, i) => ({ id: `a${i + 2}`, author: 'AcmeCares', at: day(((i + 2) % 28) + 1, 11), text: '@u on its way', parent: `m${i + 2}` }));
    const storm: TestPost[] = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, author: 'tagger', at: day((i % 28) + 1, 15), text: '@AcmeCares @RivalHelp @b3 @b4 @b5 look at this' }));
    // Rival has no post in the data: its mentions listing responses the data lacks give it no rate, so no lower bound either.
    const rival: TestPost[] = [{ id: 'x1', author: 'v', at: day(4), text: '@RivalHelp hi', responses: 'gone-rival' }];
    const report = await metricsOf([...measured, ...answers, ...storm, ...rival]);
    const acme = brand(report, 'acme');
    expect(acme).toMatchObject({ inbound: 51, answered: 9, responseRate: 9 / 11 });
    expect(acme.coverage).toMatchObject({ inboundMeasured: 11, massMentions: 40, listedResponsesMissing: 2 });
    expect(acme.coverage?.warnings).toContain('responses-missing');
    expect(brand(report, 'rival')).toMatchObject({ responseRate: null, coverage: { inboundWithListedResponses: 1, listedResponsesMissing: 0 } });
    expect(brand(report, 'rival').coverage?.warnings).not.toContain('responses-missing');
  });

  it("a care export of the brand's replies without the messages they answer: parents missing", async () => {
    const replies: TestPost[] = Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, author: 'AcmeCares', at: day(i + 2), text: `@c${i} We offer support via Twitter in English`, parent: `gone${i}` }));
    const report = await metricsOf([...replies, { id: 'm', author: 'zoe', at: day(9), text: '@AcmeCares hi' }, { id: 'a', author: 'AcmeCares', at: day(9, 12), text: '@zoe hi', parent: 'm' }]);
    const acme = brand(report, 'acme');
    expect(acme).toMatchObject({ brandPosts: 6, replies: 6, broadcasts: 0 });
    expect(acme.coverage).toMatchObject({ repliesWithMissingParent: 5, warnings: ['parents-missing', 'partial-period'] });
  });

  it('the trend has no rate for a month whose brand posts were not exported', async () => {
    const report = await metricsOf([
      { id: 's1', author: 'ana', at: '2017-09-12T10:00:00Z', text: '@AcmeCares september?' },
      { id: 'o1', author: 'bob', at: day(12), text: '@AcmeCares october?' },
      { id: 'o2', author: 'AcmeCares', at: day(12, 11), text: '@bob yes', parent: 'o1' },
    ]);
    expect(acmeMonth(report, '2017-09')).toMatchObject({ inbound: 1, answered: 0, responseRate: null });
    expect(acmeMonth(report, '2017-10')).toMatchObject({ inbound: 1, answered: 1, responseRate: 1 });
  });

  it('the trend has no value, not 0 mentions, for a month the data does not cover; 0 where it covers the month', async () => {
    const report = await metricsOf([
      { id: 'a1', author: 'AcmeCares', at: '2017-08-20T10:00:00Z', text: 'Our shops open at 9' },
      { id: 'o1', author: 'bob', at: day(12), text: '@AcmeCares october?' },
      { id: 'o2', author: 'AcmeCares', at: day(12, 11), text: '@bob yes', parent: 'o1' },
    ]);
    // July and September: nothing of any brand. August: Acme posted, nobody mentioned it.
    expect(acmeMonth(report, '2017-07')).toMatchObject({ inbound: null, answered: null, responseRate: null });
    expect(acmeMonth(report, '2017-09')).toMatchObject({ inbound: null, answered: null });
    expect(acmeMonth(report, '2017-08')).toMatchObject({ inbound: 0, answered: 0, responseRate: null });
    expect(acmeMonth(report, '2017-10')).toMatchObject({ inbound: 1, answered: 1 });
  });

  it('counting questions only, the trend gives 0, not no value, to a month the data covers with mentions but no question', async () => {
    const report = await metricsOf(
      [
        { id: 's1', author: 'ana', at: '2017-09-12T10:00:00Z', text: '@AcmeCares thanks for nothing' },
        { id: 'o1', author: 'bob', at: day(12), text: '@AcmeCares october?' },
      ],
      { metrics: { inbound: 'questions' } },
    );
    expect(acmeMonth(report, '2017-09')).toMatchObject({ inbound: 0, answered: 0 });
    expect(acmeMonth(report, '2017-08')).toMatchObject({ inbound: null });
    expect(acmeMonth(report, '2017-10')).toMatchObject({ inbound: 1 });
  });

  it("quotes no unanswered example from a platform where the data cannot measure the brand's answers", async () => {
    store = await storeWith([
      { id: 't1', author: 'ana', at: day(2), text: '@AcmeCares still waiting' },
      { id: 't2', author: 'AcmeCares', at: day(3), text: 'Our shops open at 9' },
      { id: 'f1', author: 'fan', at: day(4), text: '@acme.page hello?', platform: 'facebook' },
    ]);
    const diagnostics = await computeDiagnostics(store, configWith(brands), '2017-10');
    const acme = diagnostics.brands.find((entry) => entry.id === 'acme');
    expect(acme?.unansweredExamples.map((example) => example.text)).toEqual(['@AcmeCares still waiting']);
  });

  it('quotes no unanswered example whose export lists a response the data does not hold: it may have been answered', async () => {
    store = await storeWith([
      { id: 't1', author: 'ana', at: day(2), text: '@AcmeCares still waiting' },
      { id: 't3', author: 'eve', at: day(3), text: '@AcmeCares answered elsewhere?', responses: 't3-reply' },
      { id: 't2', author: 'AcmeCares', at: day(3), text: 'Our shops open at 9' },
    ]);
    const diagnostics = await computeDiagnostics(store, configWith(brands), '2017-10');
    expect(diagnostics.brands.find((entry) => entry.id === 'acme')?.unansweredExamples.map((example) => example.text)).toEqual(['@AcmeCares still waiting']);
  });

  it('gives a brand with no posts in the data no diagnostic response rates (influencers, sentiment), not 0%', async () => {
    store = await storeWith([
      { id: 'm1', author: 'star', at: day(2), text: '@AcmeCares awful service' },
      { id: 'r1', author: 'x', at: day(3), text: '@RivalHelp hi' },
      { id: 'r2', author: 'RivalHelp', at: day(3, 11), text: '@x hello', parent: 'r1' },
    ]);
    await store.run("UPDATE posts SET author_followers = 50000, sentiment = 'negative'");
    // One mention per group: the minimum of mentions per group is lowered to see the rates at all.
    const diagnostics = await computeDiagnostics(store, configWith(brands, { metrics: { minGroupMentions: 1 } }), '2017-10');
    const acme = diagnostics.brands.find((entry) => entry.id === 'acme');
    const rival = diagnostics.brands.find((entry) => entry.id === 'rival');
    expect(acme?.influencers?.influencers.responseRate ?? null).toBeNull();
    expect(acme?.sentiment?.bySentiment.negative.responseRate ?? null).toBeNull();
    expect(rival?.influencers?.influencers.responseRate).toBe(1);
    expect(rival?.sentiment?.bySentiment.negative.responseRate).toBe(1);
  });
});

