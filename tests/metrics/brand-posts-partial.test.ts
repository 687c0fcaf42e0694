import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { coverageSentences } from '../../src/cli/coverage-sentences.js';
import { metricCatalogue, showsInFull } from '../../src/metrics/catalogue.js';
import { parseConfig } from '../../src/config/load.js';
import { computeMetrics, metricsOf } from '../../src/metrics/compute.js';
import { diagnosticsOf } from '../../src/metrics/diagnostics/index.js';
import { changeOf } from '../../src/metrics/ranking.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { buildImprovements } from '../../src/report/advice/index.js';
import { chartData } from '../../src/report/charts/chartData.js';
import { brandColours } from '../../src/report/charts/palette.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { translator } from '../../src/report/i18n/strings.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { buildScorecard, DEFAULT_SCORECARD_THRESHOLDS } from '../../src/report/model/scorecard.js';
import { buildThemes } from '../../src/report/model/themes.js';
import { ReportTemplate } from '../../src/report/template.js';
import { Store } from '../../src/store/database.js';
import { themesOf, withThemes } from '../../src/themes/index.js';
import { importOne } from '../ingest/helpers.js';
import { brandOf, configWith, storeWith, type TestPost } from './helpers.js';

/**
 * Four brands with one mention a day at 10:00 UTC, 1 to 30 October 2017,
 * answered 30 minutes later where a brand's export holds its answer:
 * - acme (the client): its care export stops on 15 October, so its answers
 *   of the 1st to the 15th are in the data and nothing of it after (15 of 30),
 *   while its mentions run on for a fortnight;
 * - late's export starts on 20 October: it answers the 20th to the 30th (11),
 *   and its mentions began 19 days before its first post (19 unanswered);
 * - rival answers every mention but those of the 10th, 20th and 30th (27),
 *   steady all but those of the 5th, 10th, ... (24): each has its last post
 *   on the 29th, a day before its last mention, which no export's end explains.
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
  mentionsOf('steady', '10', (d) => d % 5 !== 0);
  all.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' });
  return all;
}

const config = configWith([{ id: 'acme' }, { id: 'rival' }, { id: 'late' }, { id: 'steady' }]);
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
      // Its first and last post in October.
      ownPosts: { first: '2017-10-01T10:30:00Z', last: '2017-10-15T10:30:00Z' },
    });
    expect(acme.coverage?.warnings).toEqual(['brand-posts-partial']);
    expect(brandOf(report, 'acme', 'twitter').coverage?.warnings).toEqual(['brand-posts-partial']);
    expect(brandOf(report, 'late').coverage).toMatchObject({ outsideOwnPosts: 19, ownPosts: { first: '2017-10-20T10:30:00Z', last: '2017-10-30T10:30:00Z' } });
    expect(brandOf(report, 'late').coverage?.warnings).toEqual(['brand-posts-partial']);
    // A day without a post after the last one is no export's end: nothing is outside.
    for (const id of ['rival', 'steady']) expect(brandOf(report, id).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
  });

  it('gives its rate and the shares answered within a target no rank, no interval and no change, and leaves them out of the median; its times stay compared', () => {
    const acme = brandOf(report, 'acme');
    expect(acme.responseRate).toBe(0.5);
    expect([acme.rank.responseRate, acme.rank['withinSla.60'], acme.responseRateCi]).toEqual([null, null, null]);
    expect(acme.rank.responseTimeMedianMin).toBe(1);
    // September: 30 of 30 answered. A fall of 50 points would be the export's, not the brand's.
    expect([acme.change?.responseRate, acme.changeReason?.responseRate, acme.change?.answered, acme.changeReason?.answered]).toEqual([null, 'brand-posts-partial', null, 'brand-posts-partial']);
    expect(acme.changeReason?.brandPosts).toBe('brand-posts-partial');
    // Against a previous period that held its posts on part of it only, the reason says so: rival's figures after acme's October.
    expect(changeOf(brandOf(report, 'rival'), acme, metricCatalogue([60, 1440])).reasons).toMatchObject({ responseRate: 'brand-posts-partial-previous', 'withinSla.60': 'brand-posts-partial-previous' });
    expect(brandOf(report, 'rival').rank.responseRate).toBe(1);
    // The competitor median rests on rival and steady: late's rate (11 of 30) is a lower bound as well.
    const median = report.benchmarks?.find((benchmark) => benchmark.metric === 'responseRate');
    expect([median?.competitorMedian, median?.competitorsMeasured]).toEqual([expect.closeTo(0.85, 9), 2]);
  });

  it('says in check where and when the data holds its posts, in local dates, once per platform', () => {
    const lines = coverageSentences(report, { warningsOnly: true });
    expect(lines).toContain(
      'brand ACME, Twitter: the data holds its own posts from 2017-10-01 to 2017-10-15 only, and 15 of its 30 mentions needing an answer came before its first post or after its last: they count as unanswered, so its response rate is a lower bound and takes no rank. Import its posts of the whole period.',
    );
    expect(lines.filter((line) => line.startsWith('brand ACME, all platforms'))).toEqual([]);
    const kiritimati = coverageSentences({ ...report, period: { ...report.period, timezone: 'Pacific/Kiritimati' } }, { warningsOnly: true });
    // Its first and last posts, 1 and 15 October at 10:30 UTC, are 00:30 on the 2nd and the 16th at UTC+14.
    expect(kiritimati.some((line) => line.startsWith('brand ACME, Twitter: the data holds its own posts from 2017-10-02 to 2017-10-16 only'))).toBe(true);
  });

  it('says the client’s rate as a lower bound without a rank, under the tile and in the findings, and gives no advice on it', async () => {
    const template = ReportTemplate.open(undefined);
    const { model } = await buildReportModel({ metrics: report, config, facts: null, template, language: 'en' });
    expect(model.findings[0]).toBe('ACME answered at least 50% of the 30 mentions it received; the data holds its posts on part of the period only, so the rate is not ranked against the other brands.');
    const tile = model.kpis.find((kpi) => kpi.label === 'Response rate');
    expect(tile).toMatchObject({ value: '≥ 50%', note: null });
    expect(tile?.flags).toContain('≥ Lower bound: the data holds its posts on part of the period only');
    expect(model.kpiNotes).toContain(
      'The data holds ACME’s own posts on Twitter from 1 to 15 October 2017 only: 15 of the 30 mentions needing an answer came before its first post or after its last and count as unanswered, so its response rate is only a lower bound and is not ranked against the other brands.',
    );
    // 50% against the competitors' 85% would be the first advice: it rests on the answers the data lacks.
    expect(buildImprovements(report, 'en').map((item) => item.id)).not.toContain('unanswered');
  });

  it('leaves its shares answered out of the diagnostics\' and the themes\' medians and ranks, and marks them on the scorecard and by theme, with a verdict only where they beat the median even so', async () => {
    // Every mention at 10:00 falls outside these hours: the rate outside business hours is each brand's response rate.
    const hours = { 'mon-sun': '00:00-09:00' };
    const themed = parseConfig(
      { client: 'acme', brands: ['acme', 'rival', 'late', 'steady'].map((id) => ({ id, name: id.toUpperCase(), accounts: { twitter: [id] }, businessHours: hours })), themes: { outage: ['down'] } },
      'test.yaml',
      '/tmp',
    );
    const full = await withAnalysis(store, themed, '2017-10', async (analysis) => {
      const metrics = await metricsOf(analysis);
      return { ...withThemes(metrics, await themesOf(analysis)), diagnostics: await diagnosticsOf(analysis) };
    });
    const outside = full.diagnostics.benchmarks.find((benchmark) => benchmark.metric === 'responseRateOutsideHours');
    // rival's 90% and steady's 80%: late's 37% (a lower bound) is out of the median, and neither acme nor late has a rank.
    expect([outside?.competitorMedian, outside?.competitorsMeasured]).toEqual([expect.closeTo(0.85, 9), 2]);
    expect(full.diagnostics.brands.map((brand) => [brand.id, brand.rank.responseRateOutsideHours])).toEqual([
      ['acme', null],
      ['rival', 1],
      ['late', null],
      ['steady', 2],
    ]);
    // Its unanswered mentions all came after its last post: none is quoted as unanswered (its answer may be outside the data); steady's are.
    expect(full.diagnostics.brands.map((brand) => [brand.id, brand.unansweredExamples.length])).toEqual([
      ['acme', 0],
      ['rival', 3],
      ['late', 0],
      ['steady', 5],
    ]);
    expect(brandOf(full, 'acme').themes?.find((theme) => theme.name === 'outage')?.benchmark).toMatchObject({ competitorsMeasured: 2, competitorRate: expect.closeTo(0.85, 9) });
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const format = new Formatter('en', t, 'UTC');
    const card = buildScorecard(full, format, t, DEFAULT_SCORECARD_THRESHOLDS);
    const acmeRow = card?.rows.find((row) => row.brandName === 'ACME');
    const cellOf = (key: string) => acmeRow?.cells[card?.columns.findIndex((entry) => entry.key === key) ?? -1];
    // 50% against 85%: behind, or not, for want of its answers: no verdict and no rank.
    expect(cellOf('responseRate')).toMatchObject({ text: '≥ 50%', rank: null, tone: null });
    expect(cellOf('responseRateOutsideHours')).toMatchObject({ text: '≥ 50%', rank: null, tone: null });
    // The charts of shares answered say whose are lower bounds; the response-rate chart puts them after the ranked brands.
    const charts = chartData({ metrics: full, answeredWithin: null, format, t, palette: brandColours(full.brands, '#0B5FFF'), primary: '#0B5FFF' });
    const partialLine = '≥ The data holds the posts of ACME and LATE on part of October 2017 only: their shares answered are lower bounds.';
    // Under the curves, which carry no mark, the line says it without one.
    expect(charts['cumulative-answered']?.inputs.notes).toContain(partialLine.replace('≥ ', ''));
    expect(charts.themes?.inputs.notes).toContain(partialLine);
    const rateRows = (charts['response-rate']?.inputs.datasets.brands ?? []) as Array<{ brand: string }>;
    expect(rateRows.map((row) => row.brand)).toEqual(['RIVAL', 'STEADY', 'ACME', 'LATE']);
    // The workbook's diagnostics say it beside its shares answered.
    const { model } = await buildReportModel({ metrics: full, config: themed, facts: null, template: ReportTemplate.open(undefined), language: 'en', improvements: buildImprovements(full, 'en') });
    // Behind the median on every figure, each a lower bound: "What to improve" says they are judged only where ahead even so, not that none falls behind.
    expect(model.absent.find((line) => line.startsWith('What to improve'))).toMatch(
      /^What to improve: the client’s figures marked ≥ in “[^”]+” are lower bounds, since answers are missing from the data, and are judged only where the verdict is the same whatever those answers were;/,
    );
    const sheet = model.workbook.sheets.find((entry) => entry.name === 'Diagnostics');
    const notes = sheet?.headers.indexOf('Notes') ?? -1;
    const noted = (sheet?.rows ?? []).filter((row) => String(row[notes]?.value ?? '').includes('The data holds its posts on part of the period only')).map((row) => row[0]?.value);
    expect(noted).toEqual(['ACME', 'LATE']);
    const themes = buildThemes(full, format, t, 'September 2017');
    expect(themes?.rows.find((row) => row.name === 'outage')).toMatchObject({ rate: '≥ 50% of 30', tone: null });
    expect(themes?.notes).toContain('≥ a lower bound: answers are missing from the data');
  });

  it('flags no brand of the real Kaggle sample and its Excel-saved copy, where brands stop answering for hours, not for a window', async () => {
    const kaggle = await Store.open(':memory:');
    try {
      for (const file of ['twcs_kaggle_sample.csv', 'twcs_excel_mangled.csv']) await importOne(kaggle, join(import.meta.dirname, '../fixtures/ingest', file));
      const brands = ['applesupport', 'ask_spectrum', 'british_airways', 'chasesupport', 'comcastcares', 'hpsupport', 'o2', 'southwestair', 'spotifycares', 'sprintcare', 'tesco', 'upshelp', 'virgintrains'];
      const real = await computeMetrics(kaggle, configWith(brands.map((id) => ({ id }))), '2017-10');
      // AppleSupport's last reply is two hours before its last mention, whose window the copy's later tweets close.
      expect(real.brands.filter((brand) => (brand.coverage?.outsideOwnPosts ?? 0) > 0 || brand.coverage?.warnings.includes('brand-posts-partial')).map((brand) => brand.id)).toEqual([]);
      expect(real.dataQuality.posts).toBeGreaterThan(150);
    } finally {
      kaggle.close();
    }
  });

  it('counts nothing outside the posts of a platform with too few of them to compare (few-brand-posts), there or over all platforms', async () => {
    const day = (d: number, time = '10:00') => `2017-10-${String(d).padStart(2, '0')}T${time}:00Z`;
    const mixed: TestPost[] = [];
    for (let d = 1; d <= 30; d += 1) {
      mixed.push({ id: `t${d}`, author: `c${d}`, at: day(d), text: '@mixed help' }, { id: `t${d}r`, author: 'mixed', at: day(d, '10:30'), text: `@c${d} on it`, parent: `t${d}` });
      mixed.push({ id: `f${d}`, author: `f${d}`, at: day(d), text: 'help', platform: 'facebook', parentUrl: 'https://facebook.com/mixed/posts/1' });
    }
    // Four promotions on Facebook in the first days, no reply there.
    for (let d = 1; d <= 4; d += 1) mixed.push({ id: `promo${d}`, author: 'mixed', at: day(d, '12:00'), text: 'New plans', platform: 'facebook' });
    mixed.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' });
    const few = await storeWith(mixed);
    try {
      const both = configWith([{ id: 'mixed', accounts: { twitter: ['mixed'], facebook: ['mixed'] } }, { id: 'other' }]);
      const metrics = await computeMetrics(few, both, '2017-10');
      expect(brandOf(metrics, 'mixed', 'facebook').coverage).toMatchObject({ outsideOwnPosts: 0, warnings: ['few-brand-posts'] });
      expect(brandOf(metrics, 'mixed').coverage).toMatchObject({ outsideOwnPosts: 0 });
      expect(brandOf(metrics, 'mixed').coverage?.warnings).not.toContain('brand-posts-partial');
    } finally {
      few.close();
    }
  });

  it('says so plainly of a brand the data holds no post of in the period, measured through its answers after it', async () => {
    const later: TestPost[] = [];
    for (let d = 1; d <= 30; d += 1) {
      later.push({ id: `m${d}`, author: `c${d}`, at: `2017-10-${String(d).padStart(2, '0')}T10:00:00Z`, text: '@acme help' });
      // Its export starts on 1 November: it holds the answers to the last six days of October only.
      if (d >= 25) later.push({ id: `m${d}r`, author: 'acme', at: `2017-11-01T${String(d - 15).padStart(2, '0')}:00:00Z`, text: `@c${d} on it`, parent: `m${d}` });
    }
    later.push({ id: 'december', author: 'newsdesk', at: '2017-12-20T10:00:00Z', text: 'December news' });
    const elsewhere = await storeWith(later);
    try {
      const config1 = configWith([{ id: 'acme' }, { id: 'rival' }]);
      const metrics = await computeMetrics(elsewhere, config1, '2017-10');
      expect(brandOf(metrics, 'acme').coverage).toMatchObject({ outsideOwnPosts: 24, ownPosts: { first: null, last: null }, warnings: ['brand-posts-partial'] });
      expect(coverageSentences(metrics, { warningsOnly: true })).toContain(
        'brand ACME, Twitter: the data holds none of its own posts in the period, only outside it, and 24 of its 30 mentions needing an answer came unanswered: its response rate is a lower bound and takes no rank. Import its posts of the whole period.',
      );
      const { model } = await buildReportModel({ metrics, config: config1, facts: null, template: ReportTemplate.open(undefined), language: 'en' });
      expect(model.kpiNotes.join(' ')).toContain('The data holds ACME’s own posts outside the period only: 24 of the 30 mentions');
    } finally {
      elsewhere.close();
    }
  });

  it('adds up no warning over all platforms from platforms that each fall short of it, and quotes their unanswered mentions', async () => {
    const posts: TestPost[] = [];
    for (const platform of ['twitter', 'facebook']) {
      // 20 mentions a platform, each answered; then 3 more, on the 28th to the 30th, unanswered after a week without a post.
      for (let d = 1; d <= 20; d += 1) {
        posts.push({ id: `${platform}${d}`, author: `c${d}`, at: `2017-10-${String(d).padStart(2, '0')}T10:00:00Z`, text: '@acme help', platform });
        posts.push({ id: `${platform}${d}r`, author: 'acme', at: `2017-10-${String(d).padStart(2, '0')}T10:30:00Z`, text: `@c${d} on it`, platform, parent: `${platform}${d}` });
      }
      for (const d of [28, 29, 30]) posts.push({ id: `${platform}${d}`, author: `c${d}`, at: `2017-10-${d}T10:00:00Z`, text: '@acme help', platform });
    }
    posts.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' });
    const split = await storeWith(posts);
    try {
      const both = configWith([{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival' }]);
      const metrics = await computeMetrics(split, both, '2017-10');
      for (const platform of ['twitter', 'facebook']) expect(brandOf(metrics, 'acme', platform).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
      expect(brandOf(metrics, 'acme').coverage?.warnings).not.toContain('brand-posts-partial');
      const diagnostics = await withAnalysis(split, both, '2017-10', (analysis) => diagnosticsOf(analysis));
      const quoted = diagnostics.brands.find((brand) => brand.id === 'acme')?.unansweredExamples.map((example) => example.createdAt.slice(0, 10));
      expect(quoted).toContain('2017-10-28');
    } finally {
      split.close();
    }
  });
});


describe('a care export that ends a few days before the period does, beside mentions that run on', () => {
  /**
   * Two mentions a day of acme and of rival, 1 September to 31 October 2017 at 10:00 and 14:00 UTC, in a listening
   * export (batch 1), each answered 30 minutes later; acme's answers are in its care export (batch 2), on the October
   * days of `answers` and the September days of `september` (every one by default); `oneExport` puts them in the
   * listening export instead. A post on 20 November closes every window unless `pending`.
   */
  function month(answers: (d: number) => boolean, options: { pending?: boolean; oneExport?: boolean; september?: (d: number) => boolean; november?: boolean; times?: string[] } = {}): TestPost[] {
    const all: TestPost[] = [];
    for (const [month, days] of [['09', 30], ['10', 31]] as const) {
      for (let d = 1; d <= days; d += 1) {
        const date = `2017-${month}-${String(d).padStart(2, '0')}`;
        for (const [brand, answered] of [['acme', month === '09' ? (options.september?.(d) ?? true) : answers(d)], ['rival', true]] as const) {
          for (const time of options.times ?? ['10:00', '14:00']) {
            const id = `${brand}-${month}-${d}-${time}`;
            all.push({ id, author: `c${d}${time}`, at: `${date}T${time}:00Z`, text: `@${brand} my line is down` });
            const batch = brand === 'acme' && !options.oneExport ? 2 : 1;
            if (answered) all.push({ id: `${id}-r`, author: brand, at: `${date}T${time.replace(':00', ':30')}:00Z`, text: 'we are on it', parent: id, batch });
          }
        }
      }
    }
    if (!options.pending) all.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' });
    // Its care export of November, imported beside October's (batch 3): a post a day.
    if (options.november) for (let d = 1; d <= 15; d += 1) all.push({ id: `acme-11-${d}`, author: 'acme', at: `2017-11-${String(d).padStart(2, '0')}T09:00:00Z`, text: 'News of the day', batch: 3 });
    return all;
  }

  async function acmeIn(posts: TestPost[], extra: Record<string, unknown> = {}, period = '2017-10'): Promise<ReturnType<typeof brandOf>> {
    const cut = await storeWith(posts);
    try {
      return brandOf(await computeMetrics(cut, configWith([{ id: 'acme' }, { id: 'rival' }], extra), period), 'acme', 'twitter');
    } finally {
      cut.close();
    }
  }

  it('takes the mentions after its last post for answers the data lacks when a brand that answers every day falls silent for its last 3 days, where its export ends', async () => {
    // 56 of 62 answered: the 6 mentions of the 29th to the 31st came after a care export pulled on the 28th. Every September
    // day held its answers (d = 1: 2 silent days are the most it leaves likely), and the care export holds nothing after the 28th.
    // The same with windows still open at the end of the data, and with its care export of November imported too.
    for (const options of [{}, { pending: true }, { november: true }]) {
      const acme = await acmeIn(month((d) => d <= 28, options));
      expect(acme.coverage).toMatchObject({ inboundMeasured: 62, outsideOwnPosts: 6, warnings: ['brand-posts-partial'] });
      expect([acme.responseRate, acme.rank.responseRate]).toEqual([56 / 62, null]);
    }
  });

  it('says under the chart of shares answered, in French, that its shares are lower bounds, of one brand in the singular; the workbook\'s trend marks its October rate', async () => {
    const cut = await storeWith(month((d) => d <= 28));
    try {
      const metrics = await computeMetrics(cut, configWith([{ id: 'acme', name: 'Acme' }, { id: 'rival' }]), '2017-10');
      const t = translator(ReportTemplate.open(undefined).strings('fr'), 'fr', 'fr');
      const charts = chartData({ metrics, answeredWithin: null, format: new Formatter('fr', t, 'UTC'), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' });
      expect(charts['cumulative-answered']?.inputs.notes).toContain('Les données ne contiennent les publications d’Acme que sur une partie d’octobre 2017\u00a0: ses parts de mentions avec réponse sont des minimums.');
      // The workbook's trend says it of acme's October rate, not of its September one, nor of rival's.
      const { model } = await buildReportModel({ metrics, config: configWith([{ id: 'acme', name: 'Acme' }, { id: 'rival' }]), facts: null, template: ReportTemplate.open(undefined), language: 'en' });
      const trend = model.workbook.sheets.find((sheet) => sheet.name === 'Trend');
      const column = trend?.headers.indexOf('Response rate a lower bound (answers missing from the data)') ?? -1;
      expect(column).toBeGreaterThan(0);
      expect(trend?.rows.filter((row) => row[column]?.value === true).map((row) => [row[0]?.value, row[1]?.value])).toEqual([[new Date('2017-10-01T00:00:00Z'), 'Acme']]);
    } finally {
      cut.close();
    }
  });

  it('takes its care export pulled overnight, holding the night’s mentions, or beside a listening export that holds one of its replies, for one that ends with its posts', async () => {
    const cut = month((d) => d <= 28);
    // Pulled at 08:00 on the 29th: the care export holds the mentions of that night too.
    const overnight = [...cut, ...['02:00', '07:00'].map((time) => ({ id: `night-${time}`, author: `n${time}`, at: `2017-10-29T${time}:00Z`, text: '@acme no signal', batch: 2 }))];
    expect((await acmeIn(overnight)).coverage).toMatchObject({ outsideOwnPosts: 8, warnings: ['brand-posts-partial'] });
    // The listening export (batch 1, to the 20th of November) holds one of its replies of the 10th.
    const listened = cut.map((post) => (post.id === 'acme-10-10-10:00-r' ? { ...post, batch: 1 } : post));
    expect((await acmeIn(listened)).coverage).toMatchObject({ outsideOwnPosts: 6, warnings: ['brand-posts-partial'] });
  });

  it('takes the week before a report of a week for the brand’s days, and a cut at its end for one', async () => {
    // Four mentions a day, answered every day to the 28th: the week of the 25th to the 31st, after a week of answers every day.
    const acme = await acmeIn(month((d) => d <= 28, { times: ['09:00', '10:00', '14:00', '16:00'] }), {}, '2017-10-25..2017-10-31');
    expect(acme.coverage).toMatchObject({ inboundMeasured: 28, outsideOwnPosts: 12, warnings: ['brand-posts-partial'] });
  });

  it('takes no silence for a cut where an export holding its posts of its last day runs on: its publishing export ends with its last broadcast, its care export holds its silence', async () => {
    const silent = month((d) => d <= 28, { oneExport: true });
    const broadcasts = Array.from({ length: 28 }, (_, index) => ({ id: `news-${index + 1}`, author: 'acme', at: `2017-10-${String(index + 1).padStart(2, '0')}T15:00:00Z`, text: 'Our news of the day', batch: 3 }));
    expect((await acmeIn([...silent, ...broadcasts])).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
  });

  it('takes no density from a previous period of a few days, and judges the previous period against the one before it, as its own report did', async () => {
    // September holds its 30th only: one day says nothing of the brand's days. In October it answers on odd days, to the 27th:
    // 4 silent days where a density of 14 days in 31 leaves 12 likely.
    const odd = (d: number) => d % 2 === 1;
    const lateStart = month((d) => d <= 27 && odd(d)).filter((post) => !post.at.startsWith('2017-09') || post.at.startsWith('2017-09-30'));
    expect((await acmeIn(lateStart)).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // August and September on odd days, September's last answer on the 25th; October every day. Against August, September's
    // 5 silent days are likely (its own report ranks its rate); against October they would not be.
    const august = month(() => true).flatMap((post) => (post.at.startsWith('2017-09') ? [{ ...post, id: `aug-${post.id}`, at: post.at.replace('2017-09', '2017-08') }] : []));
    const steadyThenDaily = [...august.filter((post) => !post.id.endsWith('-r') || post.author !== 'acme' || odd(Number(post.at.slice(8, 10)))), ...month(() => true, { september: (d) => d <= 25 && odd(d) })];
    const october = await storeWith(steadyThenDaily);
    try {
      const acme = brandOf(await computeMetrics(october, configWith([{ id: 'acme' }, { id: 'rival' }]), '2017-10'), 'acme', 'twitter');
      expect(acme.changeReason?.responseRate ?? null).toBeNull();
      // Points: 100% of 62 against 26 of 60.
      expect(acme.change?.responseRate).toBeCloseTo(100 * (1 - 26 / 60), 9);
    } finally {
      october.close();
    }
  });

  it('takes no silence for an export’s end when the brand’s days leave it likely: fewer than 3 of its days, its days of the week, holidays, or a brand that answers every other day', async () => {
    // Two days (the 30th and 31st) are no export's end.
    expect((await acmeIn(month((d) => d <= 29))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // One export holding its answers and the mentions to the 31st: it did not answer them; its rate says so.
    expect((await acmeIn(month((d) => d <= 28, { oneExport: true }))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // Weekdays only, to Friday the 27th: of the 28th to the 31st, Monday 30 and Tuesday 31 are its days, 2.
    const weekdays = (d: number) => d <= 27 && ![1, 7, 8, 14, 15, 21, 22].includes(d);
    const septemberWeekdays = (d: number) => ![2, 3, 9, 10, 16, 17, 23, 24, 30].includes(d);
    expect((await acmeIn(month(weekdays, { september: septemberWeekdays }))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // The config's holidays take the 29th to the 31st out.
    expect((await acmeIn(month((d) => d <= 28), { holidays: ['2017-10-29', '2017-10-30', '2017-10-31'] })).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // Answers on odd days only, as in September, to the 25th: 6 silent days after its last, where a density of 15 days in 30 leaves 10 likely.
    const odd = (d: number) => d % 2 === 1;
    expect((await acmeIn(month((d) => d <= 25 && odd(d), { september: odd }))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
  });

  /** Its care export in two files, the second (batch 4) from the 20th: the days between them hold none of its answers, while the mentions run on. */
  const twoFiles = (answers: (d: number) => boolean) =>
    month(answers).map((post) => (post.author === 'acme' && post.at.startsWith('2017-10') && Number(post.at.slice(8, 10)) >= 20 ? { ...post, batch: 4 } : post));

  it('takes the mentions between two files of its care export for answers the data lacks, and says which days it holds', async () => {
    // Answers to the 10th and from the 20th, in two exports that end and begin with them: the 18 mentions of the 11th to
    // the 19th came where the data holds none of its posts (9 of its days, where September's every day leaves 2 likely).
    const cut = await storeWith(twoFiles((d) => d <= 10 || d >= 20));
    try {
      const metrics = await computeMetrics(cut, configWith([{ id: 'acme', name: 'Acme' }, { id: 'rival' }]), '2017-10');
      const acme = brandOf(metrics, 'acme', 'twitter');
      expect(acme.coverage).toMatchObject({
        inboundMeasured: 62,
        outsideOwnPosts: 18,
        ownPosts: { first: '2017-10-01T10:30:00Z', last: '2017-10-31T14:30:00Z', gaps: [{ from: '2017-10-10T14:30:00Z', to: '2017-10-20T10:30:00Z' }] },
        warnings: ['brand-posts-partial'],
      });
      expect([acme.responseRate, acme.rank.responseRate]).toEqual([44 / 62, null]);
      expect(brandOf(metrics, 'acme').coverage?.ownPosts.gaps).toEqual([]);
      expect(coverageSentences(metrics, { warningsOnly: true })).toContain(
        'brand Acme, Twitter: the data holds its own posts from 2017-10-01 to 2017-10-10 and from 2017-10-20 to 2017-10-31 only, and 18 of its 62 mentions needing an answer came at times for which the data holds none of its posts: they count as unanswered, so its response rate is a lower bound and takes no rank. Import its posts of the whole period.',
      );
      const { model } = await buildReportModel({ metrics, config: configWith([{ id: 'acme', name: 'Acme' }, { id: 'rival' }]), facts: null, template: ReportTemplate.open(undefined), language: 'fr' });
      expect(JSON.stringify(model)).toContain('Les données ne contiennent les publications d’Acme que du 1er au 10 et du 20 au 31 octobre 2017 sur Twitter\u00a0: 18 des 62 mentions appelant une réponse sont arrivées à des moments pour lesquels les données ne contiennent aucune de ses publications');
      // Its rate, a lower bound, has no interval: the dash in that column is said.
      expect(model.leaderboardNotes).toContain('— dans la colonne de l’intervalle à 95\u00a0%\u00a0: un taux marqué ≥ est un minimum et n’a pas d’intervalle, puisqu’il ne peut qu’être plus élevé.');
      const coverageSheet = model.workbook.sheets.find((sheet) => sheet.name === 'Couverture');
      expect(JSON.stringify(coverageSheet?.rows)).toContain('aucune entre ses publications du 10 octobre 2017 et du 20 octobre 2017');
    } finally {
      cut.close();
    }
  });

  it('takes no gap between its posts that one export runs through, or that its days leave likely', async () => {
    // One export holding its answers and the mentions: it did not answer from the 11th to the 19th; its rate says so.
    expect((await acmeIn(month((d) => d <= 10 || d >= 20, { oneExport: true }))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // One care export holding its answers before and after, and no row between: the export may hold only the threads it
    // answered, and a silence of the brand reads so; without two files, nothing says the export lost those days.
    expect((await acmeIn(month((d) => d <= 10 || d >= 20))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
    // Two silent days (the 11th and 12th): as many as September's every day leaves likely.
    expect((await acmeIn(twoFiles((d) => d <= 10 || d >= 13))).coverage).toMatchObject({ outsideOwnPosts: 0, ownPosts: { gaps: [] }, warnings: [] });
  });

  it('takes the days on which no file of its care export holds a row: a second file that begins with the mentions days before its first answer, or holds one older message', async () => {
    /** The two files, the second also holding the customers' mentions of `days`. */
    const secondHolds = (days: (d: number) => boolean) =>
      twoFiles((d) => d <= 10 || d >= 20).map((post) => (post.author !== 'acme' && post.at.startsWith('2017-10') && days(Number(post.at.slice(8, 10))) ? { ...post, batch: 4 } : post));
    // The second file holds the mentions from the 15th: no file holds a row on the 11th to the 14th (4 of its days, 2 likely).
    // The 18 mentions between its posts of the 10th and the 20th count.
    expect((await acmeIn(secondHolds((d) => d >= 15 && d < 20))).coverage).toMatchObject({
      outsideOwnPosts: 18,
      ownPosts: { gaps: [{ from: '2017-10-10T14:30:00Z', to: '2017-10-20T10:30:00Z' }] },
      warnings: ['brand-posts-partial'],
    });
    // One older message of a thread, of the 12th, in the second file: the 11th and the 13th to the 19th hold no row.
    expect((await acmeIn(secondHolds((d) => d === 12)))).toMatchObject({ coverage: { outsideOwnPosts: 18, warnings: ['brand-posts-partial'] } });
    // From the 13th: the 11th and 12th are 2 days, as many as its days leave likely.
    expect((await acmeIn(secondHolds((d) => d >= 13 && d < 20))).coverage).toMatchObject({ outsideOwnPosts: 0, warnings: [] });
  });
});

describe('shares answered that rest on platforms holding the brand’s posts whole', () => {
  const BOTH_PLATFORMS = configWith([
    { id: 'acme', name: 'Acme', accounts: { twitter: ['acme'], facebook: ['acme'] } },
    { id: 'rival', accounts: { twitter: ['rival'], facebook: ['rival'] } },
  ]);

  /**
   * Two mentions a day of acme and of rival on Twitter and on Facebook, October 2017 at 10:00 and 14:00 UTC, each
   * answered 30 minutes later where `answered` says, listing a response the export does not hold where `lost` says; a
   * post on 20 November closes every Twitter window.
   */
  function bothPlatforms(answered: (brand: string, platform: string, d: number) => boolean, lost: (brand: string, platform: string, d: number) => boolean = () => false): TestPost[] {
    const posts: TestPost[] = [];
    for (let d = 1; d <= 31; d += 1) {
      const date = `2017-10-${String(d).padStart(2, '0')}`;
      for (const brand of ['acme', 'rival']) {
        for (const platform of ['twitter', 'facebook']) {
          for (const time of ['10:00', '14:00']) {
            const id = `${brand}-${platform}-${d}-${time}`;
            posts.push({ id, author: `c${d}${time}`, at: `${date}T${time}:00Z`, text: `@${brand} my line is down`, platform, responses: lost(brand, platform, d) ? `${id}-lost` : null });
            if (answered(brand, platform, d)) posts.push({ id: `${id}-r`, author: brand, at: `${date}T${time.replace(':00', ':30')}:00Z`, text: 'we are on it', parent: id, platform });
          }
        }
      }
    }
    posts.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' });
    return posts;
  }

  /**
   * October's metrics and diagnostics of `posts`, whose export gives a sentiment to the Facebook mentions only (every
   * brand is compared there): the SQL expression `sentiment` of each, negative unless given.
   */
  async function withFacebookSentiment(posts: TestPost[], sentiment = "'negative'") {
    const store = await storeWith(posts);
    try {
      await store.run(`UPDATE posts SET sentiment = ${sentiment} WHERE platform = 'facebook' AND kind = 'post' AND author <> 'newsdesk'`);
      return await withAnalysis(store, BOTH_PLATFORMS, '2017-10', async (analysis) => ({ ...(await metricsOf(analysis)), diagnostics: await diagnosticsOf(analysis) }));
    } finally {
      store.close();
    }
  }

  /** Each brand's October: twelve mentions a day on Twitter, all answered; `facebookHours` on Facebook, where acme's export ends on the 22nd. */
  function facebookCutOn22nd(facebookHours = 2): TestPost[] {
    const posts: TestPost[] = [];
    for (let d = 1; d <= 31; d += 1) {
      const date = `2017-10-${String(d).padStart(2, '0')}`;
      for (const brand of ['acme', 'rival']) {
        for (const [platform, hours] of [['twitter', 12], ['facebook', facebookHours]] as const) {
          for (let hour = 0; hour < hours; hour += 1) {
            const time = `${String(8 + hour).padStart(2, '0')}:00`;
            const id = `${brand}-${platform}-${d}-${time}`;
            posts.push({ id, author: `c${d}${time}`, at: `${date}T${time}:00Z`, text: `@${brand} my line is down`, platform });
            if (platform === 'twitter' || brand === 'rival' || d <= 22) posts.push({ id: `${id}-r`, author: brand, at: `${date}T${time.replace(':00', ':30')}:00Z`, text: 'we are on it', parent: id, platform });
          }
        }
      }
    }
    // A post on each platform on 20 November closes every window (pending is judged by each platform's newest post).
    posts.push({ id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' }, { id: 'november-fb', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news', platform: 'facebook' });
    return posts;
  }

  it('are lower bounds where the platform they are compared on holds its posts in part, and the sentiment chart says so, though its rate over all platforms is whole', async () => {
    // The 08:00 Facebook mentions are negative, the 09:00 ones positive: two groups of 31 each, the chart's minimum being 30.
    const full = await withFacebookSentiment(facebookCutOn22nd(), "CASE WHEN hour(created_at) = 8 THEN 'negative' ELSE 'positive' END");
    // 18 of its 62 Facebook mentions came after its last post there; 18 of its 434 over both platforms are under 5%.
    expect(brandOf(full, 'acme', 'facebook').coverage).toMatchObject({ outsideOwnPosts: 18, warnings: ['brand-posts-partial'] });
    expect(brandOf(full, 'acme').coverage?.warnings).not.toContain('brand-posts-partial');
    const acme = full.diagnostics.brands.find((brand) => brand.id === 'acme');
    expect([acme?.postsPartial, acme?.lowerBoundShares]).toEqual([false, ['negativeResponseRate']]);
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const charts = chartData({ metrics: full, answeredWithin: null, format: new Formatter('en', t, 'UTC'), t, palette: brandColours(full.brands, '#0B5FFF'), primary: '#0B5FFF' });
    const labels = ((charts.sentiment?.inputs.datasets.groups ?? []) as Array<{ brand: string; rateLabel: string }>).filter((row) => row.brand === 'Acme' && row.rateLabel !== '');
    expect(labels.length).toBeGreaterThan(0);
    for (const row of labels) expect(row.rateLabel.startsWith('≥')).toBe(true);
    expect(charts.sentiment?.inputs.notes).toContain('≥ The data holds the posts of Acme on Facebook on part of October 2017 only: its shares answered are lower bounds.');
  });

  it('print no "≥" on a lower bound of 100%, which cannot be higher', async () => {
    // Three Facebook mentions a day: those of 08:00 and 09:00 up to the 22nd, where acme's export ends, are negative (44, all
    // answered), the others positive (49, of which acme answered the 22 of 10:00 up to the 22nd).
    const full = await withFacebookSentiment(facebookCutOn22nd(3), "CASE WHEN day(created_at) <= 22 AND hour(created_at) < 10 THEN 'negative' ELSE 'positive' END");
    expect(full.diagnostics.brands.find((brand) => brand.id === 'acme')?.lowerBoundShares).toContain('negativeResponseRate');
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const format = new Formatter('en', t, 'UTC');
    const card = buildScorecard(full, format, t, DEFAULT_SCORECARD_THRESHOLDS);
    // Exact, it is ranked as any other, beside rival's 100% (a rank every brand shares, which the scorecard leaves out).
    const row = card?.rows.find((entry) => entry.brandId === 'acme');
    expect(row?.cells[card?.columns.findIndex((column) => column.key === 'negativeResponseRate') ?? -1]?.text).toBe('100%');
    expect(full.diagnostics.brands.map((brand) => brand.rank.negativeResponseRate)).toEqual([1, 1]);
    // One rule decides both, on the share as printed: 99.6% prints as 100%, without "≥", and is ranked; 99.4% is "≥ 99%".
    expect([showsInFull('share', 0.996), showsInFull('share', 0.994), showsInFull('minutes', 1), showsInFull('share', null)]).toEqual([true, false, false, false]);
    const charts = chartData({ metrics: full, answeredWithin: null, format, t, palette: brandColours(full.brands, '#0B5FFF'), primary: '#0B5FFF' });
    const labels = ((charts.sentiment?.inputs.datasets.groups ?? []) as Array<{ brand: string; group: string; rateLabel: string }>).filter((entry) => entry.brand === 'Acme' && entry.rateLabel !== '');
    expect(labels.map((entry) => [entry.group, entry.rateLabel])).toEqual([
      ['Negative', '100% · 44'],
      ['Positive', '≥ 45% · 49'],
    ]);
    // The deck's bars have no labels: its name carries the mark on the chart of shares answered, and the note says what it means.
    expect(charts.sentiment?.native[0]?.labels).toContain('Acme ≥');
    expect(charts.sentiment?.inputs.notes).toContain('≥ The data holds the posts of Acme on part of October 2017 only: its shares answered are lower bounds.');
  });

  it('are not lower bounds for listed responses the data lacks on another platform: the Twitter export lists answers that are not in the data', async () => {
    // From the 21st, acme's Twitter mentions list a response the export does not hold; rival leaves one Facebook mention in four unanswered.
    const lost = (brand: string, platform: string, d: number) => brand === 'acme' && platform === 'twitter' && d > 20;
    const posts = bothPlatforms((brand, platform, d) => !lost(brand, platform, d) && (platform === 'twitter' || brand === 'acme' || d % 4 !== 0), lost);
    const full = await withFacebookSentiment(posts);
    expect(brandOf(full, 'acme').coverage?.warnings).toContain('responses-missing');
    expect(brandOf(full, 'acme', 'facebook').coverage?.warnings).not.toContain('responses-missing');
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const card = buildScorecard(full, new Formatter('en', t, 'UTC'), t, DEFAULT_SCORECARD_THRESHOLDS);
    const row = card?.rows.find((entry) => entry.brandId === 'acme');
    const cellOf = (key: string) => row?.cells[card?.columns.findIndex((column) => column.key === key) ?? -1];
    // Its response rate over both platforms is a lower bound; its negative Facebook mentions answered, 62 of 62, are not.
    expect(cellOf('responseRate')?.text.startsWith('≥')).toBe(true);
    expect(cellOf('negativeResponseRate')?.text).toBe('100%');
  });

  it('are not lower bounds: a brand whose Twitter posts end on the 20th keeps the rank of its negative mentions answered on Facebook, where the sentiment is compared', async () => {
    // acme's Twitter care export ends on the 20th; rival leaves one Facebook mention in four unanswered.
    const posts = bothPlatforms((brand, platform, d) => (platform === 'twitter' ? brand === 'rival' || d <= 20 : brand === 'acme' || d % 4 !== 0));
    const full = await withFacebookSentiment(posts);
    const diagnostics = full.diagnostics;
    expect(diagnostics.comparedPlatforms.sentiment).toEqual(['facebook']);
    const acme = diagnostics.brands.find((brand) => brand.id === 'acme');
    // 22 of its 124 mentions needing an answer came after its last Twitter post: its shares over every platform are lower bounds.
    expect(acme?.postsPartial).toBe(true);
    expect(acme?.lowerBoundShares).not.toContain('negativeResponseRate');
    // 62 of 62 negative Facebook mentions answered, against rival's 48 of 62: first, as it is.
    expect(acme?.sentiment?.bySentiment.negative.responseRate).toBe(1);
    expect(acme?.rank.negativeResponseRate).toBe(1);
    // On the scorecard its response rate is a lower bound, its negative mentions answered are not.
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const card = buildScorecard(full, new Formatter('en', t, 'UTC'), t, DEFAULT_SCORECARD_THRESHOLDS);
    const row = card?.rows.find((entry) => entry.brandId === 'acme');
    const cellOf = (key: string) => row?.cells[card?.columns.findIndex((column) => column.key === key) ?? -1];
    expect(cellOf('responseRate')?.text.startsWith('≥')).toBe(true);
    expect(cellOf('negativeResponseRate')).toMatchObject({ text: '100%', rank: '1' });
  });
});
