import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/report/charts/buildCharts.js';
import { CHART_IDS, type ChartBuild, type ChartId, chartData } from '../../src/report/charts/chartData.js';
import { brandColours, HEAT_SCHEMES, heatColour } from '../../src/report/charts/palette.js';
import { curveMinutes } from '../../src/report/charts/curve-minutes.js';
import { chartSvg, compileChart, prefixIds, renderSvg } from '../../src/report/charts/renderChart.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { translator } from '../../src/report/i18n/strings.js';
import { ReportTemplate } from '../../src/report/template.js';
import { withAudience } from './audienceFixture.js';
import type { Coverage, MetricsReport } from '../../src/metrics/types.js';
import type { Theme } from '../../src/themes/types.js';
import { emptyCoverage, fixtureMetrics } from './helpers.js';

const template = ReportTemplate.open(undefined);

/** The Vega inputs of every chart drawn. */
function chartInputs(context: Parameters<typeof chartData>[0]): Partial<Record<ChartId, ChartBuild['inputs']>> {
  return Object.fromEntries(Object.entries(chartData(context)).map(([id, build]) => [id, build.inputs]));
}

/** A theme as src/themes computes it, with what a test sets. */
function theme(name: string, measured: number, answered: number, extra: Partial<Theme> = {}): Theme {
  return { name, source: 'config', mentions: measured, share: null, previousMentions: 0, change: null, changeReason: null, measured, answered, listedMissing: 0, responseRate: measured === 0 ? null : answered / measured, responseRateEnd: null, responseTimeMedianMin: 30, sentiment: null, examples: [], ...extra };
}

/** Acme talks about billing (28 of 35 answered) and outages (10 of 40); RivalCo about billing only (15 of 30). */
function withThemes(metrics: MetricsReport): MetricsReport {
  const themes: Record<string, Theme[]> = { acme: [theme('billing', 35, 28), theme('outage', 40, 10)], rivalco: [theme('billing', 30, 15)] };
  return { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, themes: themes[brand.id] ?? [] })) };
}

function inputsFor(language: Language) {
  const metrics = withThemes(withAudience(fixtureMetrics()));
  const t = translator(template.strings(language), language);
  const format = new Formatter(language, t, metrics.period.timezone);
  // What queries/report/response_curve.sql gives for these response times: how many are at most each minute of the curve.
  const times: Record<string, number[]> = { acme: [3, 12, 45, 80, 400, 3000], rivalco: [1, 2, 5, 9, 30] };
  const { grid, ticks } = curveMinutes(metrics.settings?.responseWindowMin ?? 7 * 1440);
  const answeredWithin = Object.fromEntries(
    Object.entries(times).map(([id, list]) => [id, [...grid, ...ticks].map((minutes) => [minutes, list.filter((time) => time <= minutes).length] as [number, number])]),
  );
  return { t, inputs: chartInputs({ metrics, answeredWithin, format, t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' }) };
}

describe('chart rows', () => {
  it('turns brand and trend metrics into long rows, in brand order, for the client only where the chart is about the client', () => {
    const metrics = fixtureMetrics();
    const acme = metrics.brands.find((brand) => brand.id === 'acme');
    if (!acme) throw new Error('fixture has no acme');
    const none = { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 };
    const unmeasured: Coverage = {
      ...emptyCoverage(),
      warnings: ['no-brand-posts'],
    };
    const nothingAnswered = { answered: 0, responseRate: null, responseRateCi: null, responseTimeMedianMin: null, responseTimeP90Min: null, withinSla: { '60': null, '1440': null }, buckets: none };
    metrics.brands = [
      acme,
      { ...acme, ...nothingAnswered, id: 'quiet', name: 'Quiet', role: 'competitor', inbound: 0, replies: 0, broadcasts: 3, replyShare: 0 },
      // A mentions-only competitor: no 0% bar, no bucket row, no curve.
      { ...acme, ...nothingAnswered, id: 'unheard', name: 'Unheard', role: 'competitor', inbound: 40, replies: 0, broadcasts: 0, replyShare: null, coverage: unmeasured },
    ];
    metrics.trend = [
      { month: '2017-10', brandId: 'acme', inbound: 50, answered: 30, responseRate: 0.6, responseRateEnd: null, responseTimeMedianMin: 90 },
      { month: '2017-09', brandId: 'ghost', inbound: 5, answered: 1, responseRate: 0.2, responseRateEnd: null, responseTimeMedianMin: null },
      { month: '2017-09', brandId: 'acme', inbound: 40, answered: 26, responseRate: 0.65, responseRateEnd: null, responseTimeMedianMin: null },
    ];
    metrics.hourOfWeek = [
      { brandId: 'quiet', weekday: 0, hour: 9, inbound: 1, answered: 1, responseTimeMedianMin: 10 },
      { brandId: 'acme', weekday: 6, hour: 23, inbound: 8, answered: 6, responseTimeMedianMin: 30 },
    ];
    const t = translator(template.strings('en'), 'en');
    const inputs = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' });

    const buckets = inputs['response-time-buckets']?.datasets.buckets ?? [];
    expect(buckets.map((row) => [row.brand, row.brandOrder, row.bucketOrder, row.share])).toEqual([
      ['Acme Telecom', 0, 0, 20 / 50], ['Acme Telecom', 0, 1, 5 / 50], ['Acme Telecom', 0, 2, 0], ['Acme Telecom', 0, 3, 0], ['Acme Telecom', 0, 4, 5 / 50], ['Acme Telecom', 0, 5, 20 / 50],
    ]);
    expect(buckets.map((row) => row.bucket)).toEqual(inputs['response-time-buckets']?.values.bucketDomain);
    expect(inputs['response-rate']?.datasets.brands?.map((row) => row.brand)).toEqual(['Acme Telecom']);
    expect(new Set(inputs['cumulative-answered']?.datasets.curve?.map((row) => row.brand))).toEqual(new Set(['Acme Telecom']));

    expect(inputs['reply-broadcast']?.datasets.posts).toEqual([
      { brand: 'Acme Telecom', brandOrder: 0, kind: 'Replies to people', kindOrder: 0, count: 30, share: 0.75 },
      { brand: 'Acme Telecom', brandOrder: 0, kind: 'Broadcasts', kindOrder: 1, count: 10, share: 0.25 },
      { brand: 'Quiet', brandOrder: 1, kind: 'Replies to people', kindOrder: 0, count: 0, share: 0 },
      { brand: 'Quiet', brandOrder: 1, kind: 'Broadcasts', kindOrder: 1, count: 3, share: 1 },
    ]);

    expect(inputs.trend?.datasets.trend).toEqual([
      { brand: 'Acme Telecom', isClient: true, monthLabel: 'Oct 17', rate: 0.6, hours: 1.5 },
      { brand: 'Acme Telecom', isClient: true, monthLabel: 'Sept 17', rate: 0.65, hours: null },
    ]);
    expect(inputs.trend?.datasets.clientVolume).toEqual([{ monthLabel: 'Oct 17', inbound: 50 }, { monthLabel: 'Sept 17', inbound: 40 }]);
    expect(inputs.trend?.values.monthOrder).toEqual(['Sept 17', 'Oct 17']);

    expect(inputs['hour-of-week']?.datasets.cells).toEqual([{ day: 'Sun', hour: 23, inbound: 8, hours: 0.5 }]);
  });

  it('turns the diagnostics into response rate and median time per sentiment and per audience, for the brands whose export has them', () => {
    const { inputs } = inputsFor('en');
    expect(inputs.sentiment?.datasets.groups).toEqual([
      { brand: 'Acme Telecom', brandOrder: 0, group: 'Negative', groupOrder: 0, rate: 0.5, hours: 95 / 60, rateLabel: '50% · 20', timeLabel: '1.6\u00a0h †' },
      { brand: 'Acme Telecom', brandOrder: 0, group: 'Neutral', groupOrder: 1, rate: 0.7, hours: 40 / 60, rateLabel: '70% · 20', timeLabel: '40\u00a0min †' },
      { brand: 'Acme Telecom', brandOrder: 0, group: 'Positive', groupOrder: 2, rate: 0.6, hours: 20 / 60, rateLabel: '60% · 10', timeLabel: '20\u00a0min †' },
    ]);
    // Each median rests on fewer than 30 answers (10, 14 and 6): named in words, which the deck's bars need too.
    expect(inputs.sentiment?.notes).toEqual([
      'The export has no sentiment for the mentions of RivalCo, CannTel, SwiftNet and MegaFon Ibérica.',
      '† Median times on fewer than 30 answered mentions, to read with care: Acme Telecom (Negative, 10; Neutral, 14; Positive, 6).',
    ]);
    // Medians on 30 answers or more: no such line.
    const metrics = withAudience(fixtureMetrics());
    const many = { ...metrics, diagnostics: metrics.diagnostics && { ...metrics.diagnostics, brands: metrics.diagnostics.brands.map((brand) => (brand.sentiment ? { ...brand, sentiment: { ...brand.sentiment, bySentiment: { negative: { ...brand.sentiment.bySentiment.negative, inbound: 60, answered: 30 }, neutral: { ...brand.sentiment.bySentiment.neutral, inbound: 60, answered: 42 }, positive: { ...brand.sentiment.bySentiment.positive, inbound: 50, answered: 30 } } } } : brand)) } };
    const en = translator(template.strings('en'), 'en');
    const wide = chartData({ metrics: many, answeredWithin: null, format: new Formatter('en', en, 'Europe/Madrid'), t: en, palette: brandColours(many.brands, '#0B5FFF'), primary: '#0B5FFF' }).sentiment?.inputs;
    expect(wide?.notes).toEqual(['The export has no sentiment for the mentions of RivalCo, CannTel, SwiftNet and MegaFon Ibérica.']);
    // Every median on 30 answers or more: no time is marked.
    expect(wide?.datasets.groups?.map((row) => row.timeLabel)).toEqual(['1.6\u00a0h', '40\u00a0min', '20\u00a0min']);
    // RivalCo answers more of its mentions than Acme: it comes first, as on the leaderboard.
    expect(inputs.influencers?.datasets.groups?.map((row) => [row.brand, row.group, row.rateLabel])).toEqual([
      ['RivalCo', 'Influencers', '100% · 5'],
      ['RivalCo', 'Other authors', '79% · 75'],
      ['Acme Telecom', 'Influencers', '88% · 8'],
      ['Acme Telecom', 'Other authors', '55% · 42'],
    ]);
    // Influencers in a dark slate of no brand's: in the client's colour, a competitor's bar read as the client's.
    expect(inputs.influencers?.values.groupRange).toEqual(['#3E4C59', '#C9CED6']);
    expect(inputs.influencers?.values.hoursDomain).toEqual([0, 0.75 * 1.3]);
  });

  it('says which bars are missing because too few mentions, or none, would carry them, so a gap never reads as 0%', () => {
    const metrics = withAudience(fixtureMetrics());
    const diagnostics = metrics.diagnostics;
    const acme = diagnostics?.brands.find((brand) => brand.id === 'acme');
    if (!diagnostics || !acme?.sentiment) throw new Error('audience fixture expected');
    // Under a minimum of 15 mentions, Acme's 10 positive mentions get no rate: no bar.
    diagnostics.settings = { ...diagnostics.settings, minGroupMentions: 15 };
    acme.sentiment.bySentiment.positive = { ...acme.sentiment.bySentiment.positive, responseRate: null, responseTimeMedianMin: null };
    const t = translator(template.strings('en'), 'en');
    const inputs = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' });
    expect(inputs.sentiment?.notes).toContain('No bar where fewer than 15 mentions would carry it: Acme Telecom (Positive, 10).');
    expect((inputs.sentiment?.notes ?? []).join(' ')).toContain('Median times on fewer than 30 answered mentions');
    // Every influencer group has its rate: no such sentence there.
    expect((inputs.influencers?.notes ?? []).join(' ')).not.toContain('No bar');
    // A group the brand got no mention of has no bar either, and the note says why.
    acme.sentiment.bySentiment.neutral = { ...acme.sentiment.bySentiment.neutral, inbound: 0, responseRate: null, responseTimeMedianMin: null };
    const without = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' });
    expect(without.sentiment?.notes).toContain('No bar where the brand received no such mention: Acme Telecom (Neutral).');
    expect(without.sentiment?.notes).toContain('No bar where fewer than 15 mentions would carry it: Acme Telecom (Positive, 10).');
    // With one group only there is no chart: the notes say nothing of median times the page does not show.
    expect((without.sentiment?.notes ?? []).join(' ')).not.toContain('Median times');
  });

  it('leaves the audience charts out when no brand\'s export can split its mentions, or the metrics carry no diagnostics', () => {
    const metrics = withAudience(fixtureMetrics());
    for (const brand of metrics.diagnostics?.brands ?? []) Object.assign(brand, { sentiment: null, influencers: null });
    const t = translator(template.strings('en'), 'en');
    const format = new Formatter('en', t, metrics.period.timezone);
    const context = { answeredWithin: null, format, t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' };
    const none = chartInputs({ ...context, metrics });
    expect(none.sentiment).toBeUndefined();
    expect(none.influencers).toBeUndefined();
    expect(chartInputs({ ...context, metrics: fixtureMetrics() }).sentiment).toBeUndefined();
  });

  it('says in a sentence, in the chart\'s place, that no bar compares the groups when only one group has bars', () => {
    const metrics = withAudience(fixtureMetrics());
    // No brand has an influencers' rate (too few of their mentions): only "other authors" would have bars.
    for (const brand of metrics.diagnostics?.brands ?? []) if (brand.influencers) brand.influencers.influencers = { ...brand.influencers.influencers, responseRate: null, responseTimeMedianMin: null };
    const t = translator(template.strings('en'), 'en');
    const format = new Formatter('en', t, metrics.period.timezone);
    const builds = chartData({ answeredWithin: null, format, t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF', metrics });
    expect([builds.influencers?.instead, builds.influencers?.native]).toEqual(['No bar compares influencers with other authors: no brand received 30 mentions (the least a rate needs) from each group.', []]);
    expect(builds.influencers?.inputs.notes?.length).toBeGreaterThan(0);
    // Sentiment keeps its three groups of bars: drawn.
    expect([builds.sentiment?.instead, builds.sentiment?.native.length]).toEqual([undefined, 2]);
  });
});

describe('trend notes', () => {
  const logNote = 'Response times are drawn on a logarithmic scale, so fast and slow brands both stay readable.';
  it('names the months whose median time rests on fewer than 30 answered mentions, brand by brand, and none when every one rests on more', () => {
    const metrics = fixtureMetrics();
    const point = (month: string, brandId: string, answered: number, minutes: number | null) => ({ month, brandId, inbound: 60, answered, responseRate: answered / 60, responseRateEnd: null, responseTimeMedianMin: minutes });
    // Acme: 21 answers in August, 29 in September (thin, named in month order whatever the rows' order), 30 in October (not); RivalCo 12 in October; SwiftNet's median is missing (no note).
    metrics.trend = [point('2017-09', 'acme', 29, 50), point('2017-08', 'acme', 21, 40), point('2017-10', 'acme', 30, 45), point('2017-10', 'rivalco', 12, 20), point('2017-10', 'swiftnet', 3, null)];
    const t = translator(template.strings('en'), 'en');
    const notesOf = (report: MetricsReport) => chartInputs({ metrics: report, answeredWithin: null, format: new Formatter('en', t, report.period.timezone), t, palette: brandColours(report.brands, '#0B5FFF'), primary: '#0B5FFF' }).trend?.notes;
    expect(notesOf(metrics)).toEqual([logNote, 'Median times on fewer than 30 answered mentions, to read with care: Acme Telecom in Aug 17 (21) and Sept 17 (29); RivalCo in Oct 17 (12).']);
    expect(notesOf({ ...metrics, trend: [point('2017-09', 'acme', 30, 45), point('2017-10', 'acme', 30, 45)] })).toEqual([logNote]);
  });

  it('says under the trend and the share answered over time whose rates are lower bounds for responses their export lists and the data lacks', () => {
    const metrics = fixtureMetrics();
    metrics.brands = metrics.brands.map((brand) => (brand.id === 'acme' ? { ...brand, coverage: { ...(brand.coverage ?? emptyCoverage()), warnings: ['responses-missing'] } } : brand));
    const t = translator(template.strings('en'), 'en');
    const inputs = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' });
    const line = 'Responses the export of Acme Telecom lists are missing from the data of October 2017: its shares answered are lower bounds.';
    expect(inputs.trend?.notes).toContain(line);
    expect(inputs['cumulative-answered']?.notes).toContain(line);
    // Without the warning, no such line.
    const whole = fixtureMetrics();
    const wholeInputs = chartInputs({ metrics: whole, answeredWithin: null, format: new Formatter('en', t, whole.period.timezone), t, palette: brandColours(whole.brands, '#0B5FFF'), primary: '#0B5FFF' });
    expect(wholeInputs.trend?.notes?.some((note) => note.startsWith('Responses the export'))).toBe(false);
  });

  it('marks a month the exports reach in part on the axis of every output, and says why under the chart', () => {
    const metrics = fixtureMetrics();
    const point = (month: string, brandId: string) => ({ month, brandId, inbound: 60, answered: 40, responseRate: 40 / 60, responseRateEnd: null, responseTimeMedianMin: 30 });
    const t = translator(template.strings('en'), 'en');
    const build = (partial: string[], brands?: MetricsReport['trendPartialBrands']) =>
      chartData({
        metrics: { ...metrics, trend: [point('2017-09', 'acme'), point('2017-10', 'acme')], trendPartialMonths: partial, ...(brands ? { trendPartialBrands: brands } : {}) },
        answeredWithin: null,
        format: new Formatter('en', t, metrics.period.timezone),
        t,
        palette: brandColours(metrics.brands, '#0B5FFF'),
        primary: '#0B5FFF',
      }).trend;
    // October is the month the exports end in: its label says so in the PDF's chart and the deck's, and a note says why.
    const partial = build(['2017-10']);
    expect(partial?.native[0]?.labels).toEqual(['Sept 17', 'Oct 17 *']);
    expect(partial?.inputs.values.monthOrder).toEqual(['Sept 17', 'Oct 17 *']);
    expect(partial?.inputs.notes).toContain('* Every brand’s exports cover part of Oct 17 only: the figures of that month rest on fewer days than a whole month’s.');
    // Whose data falls short is named: the client's own, two competitors', each month with its brands.
    const ids = metrics.brands.map((brand) => brand.id);
    expect(build(['2017-10'], [{ month: '2017-10', brands: ['acme'] }])?.inputs.notes).toContain('* Acme Telecom’s exports cover part of Oct 17 only: its figures of that month rest on fewer days than a whole month’s.');
    const mixed = build(['2017-09', '2017-10'], [
      { month: '2017-09', brands: ids },
      { month: '2017-10', brands: ['rivalco', 'swiftnet'] },
    ]);
    expect(mixed?.native[0]?.labels).toEqual(['Sept 17 *', 'Oct 17 *']);
    expect((mixed?.inputs.notes ?? []).filter((note) => note.startsWith('*'))).toEqual([
      '* Every brand’s exports cover part of Sept 17 only: the figures of that month rest on fewer days than a whole month’s.',
      '* The exports of RivalCo and SwiftNet cover part of Oct 17 only: their figures of that month rest on fewer days than a whole month’s.',
    ]);
    // A month marked but not drawn (before the data starts) is not named.
    const whole = build(['2016-10']);
    expect(whole?.native[0]?.labels).toEqual(['Sept 17', 'Oct 17']);
    expect((whole?.inputs.notes ?? []).join(' ')).not.toMatch(/exports cover part/);
  });

  it('draws no month after the data ends (a quarter whose last month it does not reach), and says so', () => {
    const metrics = fixtureMetrics();
    const point = (month: string, inbound: number | null) => ({ month, brandId: 'acme', inbound, answered: inbound === null ? null : 40, responseRate: inbound === null ? null : 40 / inbound, responseRateEnd: null, responseTimeMedianMin: inbound === null ? null : 30 });
    const t = translator(template.strings('en'), 'en');
    const trend = chartData({
      metrics: { ...metrics, trend: [point('2017-09', 60), point('2017-10', 60), point('2017-11', null), point('2017-12', null)] },
      answeredWithin: null,
      format: new Formatter('en', t, metrics.period.timezone),
      t,
      palette: brandColours(metrics.brands, '#0B5FFF'),
      primary: '#0B5FFF',
    }).trend;
    expect(trend?.native[0]?.labels).toEqual(['Sept 17', 'Oct 17']);
    expect(trend?.inputs.notes).toContain('The data ends in October 2017: the months after it are not drawn.');
  });

  it('says under the trend that its points are whole months when the period is part of one, or across two', () => {
    const metrics = fixtureMetrics();
    const point = (month: string) => ({ month, brandId: 'acme', inbound: 60, answered: 40, responseRate: 40 / 60, responseRateEnd: null, responseTimeMedianMin: 30 });
    const t = translator(template.strings('en'), 'en');
    const notes = (start: string, end: string, label: string) =>
      chartData({
        metrics: { ...metrics, period: { ...metrics.period, start, end, label }, trend: [point('2017-09'), point('2017-10')] },
        answeredWithin: null,
        format: new Formatter('en', t, metrics.period.timezone),
        t,
        palette: brandColours(metrics.brands, '#0B5FFF'),
        primary: '#0B5FFF',
      }).trend?.inputs.notes ?? [];
    const whole = (text: string) => text.startsWith('Each point is a whole calendar month');
    // The fixture's period is October 2017 in Europe/Madrid (CEST, UTC+2): whole months, nothing said.
    expect(metrics.period.timezone).toBe('Europe/Madrid');
    expect(notes(metrics.period.start, metrics.period.end, metrics.period.label ?? '2017-10').some(whole)).toBe(false);
    expect(notes('2017-10-09T22:00:00Z', '2017-10-20T22:00:00Z', '2017-10-10..2017-10-20').filter(whole)).toEqual([
      "Each point is a whole calendar month: Oct 17 also holds days outside this report's period, 10 October 2017 – 20 October 2017.",
    ]);
    expect(notes('2017-09-24T22:00:00Z', '2017-10-05T22:00:00Z', '2017-09-25..2017-10-05').filter(whole)).toEqual([
      "Each point is a whole calendar month: Sept 17 and Oct 17 also hold days outside this report's period, 25 September 2017 – 5 October 2017.",
    ]);
  });

  it('names in the trend no brand that has no rate and no time in the months drawn (no post of its own)', () => {
    const metrics = fixtureMetrics();
    const point = (month: string, brandId: string, rate: number | null, minutes: number | null) => ({ month, brandId, inbound: 60, answered: 30, responseRate: rate, responseRateEnd: null, responseTimeMedianMin: minutes });
    const t = translator(template.strings('en'), 'en');
    const trend = [point('2017-09', 'acme', 0.5, 40), point('2017-10', 'acme', 0.6, 30), point('2017-09', 'rivalco', null, null), point('2017-10', 'rivalco', null, null), point('2017-10', 'swiftnet', 0.2, null)];
    const inputs = chartInputs({ metrics: { ...metrics, trend }, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' }).trend;
    expect([...new Set(inputs?.datasets.trend?.map((row) => row.brand))]).toEqual(['Acme Telecom', 'SwiftNet']);
  });

  it('draws median times on a logarithmic axis ticked at round durations around the values, and on a linear one when a median is 0', () => {
    const metrics = fixtureMetrics();
    const point = (month: string, brandId: string, minutes: number | null) => ({ month, brandId, inbound: 60, answered: 40, responseRate: 40 / 60, responseRateEnd: null, responseTimeMedianMin: minutes });
    const t = translator(template.strings('en'), 'en');
    const trendOf = (trend: MetricsReport['trend']) => chartInputs({ metrics: { ...metrics, trend }, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' }).trend;
    // 8 minutes to 30 hours: from the 5-minute step below to the 3-day step above, both ends labelled.
    const log = trendOf([point('2017-09', 'acme', 8), point('2017-10', 'acme', 50), point('2017-10', 'rivalco', 1800)]);
    expect(log?.values.timeScale).toEqual({ type: 'log', domain: [5 / 60, 72], nice: false });
    const ticksOf = (trend: ReturnType<typeof trendOf>) => {
      const axis = trend?.values.timeAxis as { values: number[]; labelExpr: string };
      const labels = JSON.parse(axis.labelExpr.slice(0, axis.labelExpr.indexOf('}') + 1)) as Record<string, string>;
      return axis.values.map((hours) => labels[String(hours)]);
    };
    expect(ticksOf(log)).toEqual(['5\u00a0min', '15\u00a0min', '1\u00a0h', '4\u00a0h', '24\u00a0h', '3\u00a0d']);
    // Under a minute, the axis reads in seconds; one median on a step is widened one step each side; past 90 days, the slowest median ends it.
    expect(ticksOf(trendOf([point('2017-09', 'acme', 0.3), point('2017-10', 'acme', 0.3), point('2017-10', 'rivalco', 0.5)]))).toEqual(['10\u00a0s', '30\u00a0s']);
    expect(ticksOf(trendOf([point('2017-09', 'acme', 60), point('2017-10', 'acme', 60)]))).toEqual(['15\u00a0min', '1\u00a0h', '4\u00a0h']);
    expect(ticksOf(trendOf([point('2017-09', 'acme', 30_000), point('2017-10', 'acme', 30_000), point('2017-10', 'rivalco', 200_000)]))).toEqual(['7\u00a0d', '30\u00a0d', '90\u00a0d', '138.9\u00a0d']);
    expect(log?.values.timeAxisTitle).toBeNull();
    expect(log?.notes).toContain(logNote);
    const linear = trendOf([point('2017-09', 'acme', 0), point('2017-10', 'acme', 50)]);
    expect(linear?.values.timeScale).toEqual({ type: 'linear' });
    expect(linear?.values.timeAxisTitle).toBe('Hours');
    expect(linear?.notes).not.toContain(logNote);
  });

  it('starts with the first month the data covers, and says so: the months before it are not drawn as months of nothing', () => {
    const metrics = fixtureMetrics();
    const empty = (month: string, brandId: string) => ({ month, brandId, inbound: null, answered: null, responseRate: null, responseRateEnd: null, responseTimeMedianMin: null });
    const point = (month: string, brandId: string) => ({ month, brandId, inbound: 60, answered: 40, responseRate: 40 / 60, responseRateEnd: null, responseTimeMedianMin: 30 });
    metrics.trend = [empty('2017-08', 'acme'), empty('2017-08', 'rivalco'), point('2017-09', 'acme'), empty('2017-09', 'rivalco'), point('2017-10', 'acme'), point('2017-10', 'rivalco')];
    const t = translator(template.strings('fr'), 'fr');
    const trend = chartInputs({ metrics, answeredWithin: null, format: new Formatter('fr', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' }).trend;
    expect(trend?.values.monthOrder).toEqual(['sept. 17', 'oct. 17']);
    expect(trend?.notes?.[0]).toBe('Les données commencent en septembre 2017\u00a0: les mois précédents ne sont pas tracés.');
  });
});

describe('brand colours', () => {
  it('never gives a competitor a colour of the client’s hue: a teal client keeps its teal, the competitors another colour each', () => {
    const brands = [{ name: 'Vireo', role: 'client' as const }, ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((name) => ({ name, role: 'competitor' as const }))];
    const teal = brandColours(brands, '#0F766E').range;
    expect(teal[0]).toBe('#0F766E');
    // The palette's two teals (#2F9E8F, #5F9EA0) are left out for this client; the other eight go round.
    expect(teal.slice(1)).not.toContain('#2F9E8F');
    expect(teal.slice(1)).not.toContain('#5F9EA0');
    expect(new Set(teal.slice(1, 9)).size).toBe(8);
    // A blue client keeps every colour but the blue-grey one.
    expect(brandColours(brands, '#0B5FFF').range.slice(1)).not.toContain('#4C6A92');
    // A grey primary is close to no hue: every colour of the palette is used.
    expect(new Set(brandColours(brands, '#555555').range.slice(1)).size).toBe(10);
  });
});

describe('honest charts', () => {
  const t = translator(template.strings('en'), 'en');
  async function svgOf(metrics: ReturnType<typeof fixtureMetrics>, id: 'hour-of-week' | 'trend' | 'response-time-buckets' | 'response-rate') {
    const inputs = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' })[id];
    if (!inputs) throw new Error(`no ${id} inputs`);
    const compiled = compileChart(chartSpec(template, id), { ...inputs, t, language: 'en' });
    expect(compiled.warnings).toEqual([]);
    return { inputs, svg: await renderSvg(compiled.vegaSpec, 'x') };
  }
  /** How many times each label is written as a text mark of the SVG. */
  const labelCount = (svg: string, label: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].filter((match) => match[1] === label).length;

  it('writes a brand\'s name whole beside its waiting times, with the marks its note explains', async () => {
    const metrics = fixtureMetrics();
    // A name of 17 letters, marked as resting on few mentions and as a lower bound: "Telefónica España ≥ †".
    metrics.brands = metrics.brands.map((brand, index) =>
      index === 0 ? { ...brand, name: 'Telefónica España', lowSample: true, coverage: { ...(brand.coverage ?? emptyCoverage()), warnings: ['responses-missing'] } } : brand,
    );
    const { svg } = await svgOf(metrics, 'response-time-buckets');
    expect(labelCount(svg, 'Telefónica España ≥ †')).toBe(1);
    expect(svg).not.toContain('Telefónica España …');
  });

  it("cuts a long marked name before its marks, so the chart's label limit never drops them", async () => {
    const metrics = fixtureMetrics();
    // 37 characters and "†": the axis's limit cut it at "… – Se…", and the mark with it (the page trial's client).
    metrics.brands = metrics.brands.map((brand, index) => (index === 0 ? { ...brand, name: 'Télécom Ébène & Fils – Service Client', lowSample: true } : brand));
    const { svg } = await svgOf(metrics, 'response-time-buckets');
    expect(labelCount(svg, 'Télécom Ébène &amp; Fils… †')).toBe(1);
  });

  it('draws no interval on a rate that has none (a lower bound by an unknown margin), not one of zero width at its bar\'s end', async () => {
    const metrics = fixtureMetrics();
    const withCi = (await svgOf(metrics, 'response-rate')).svg;
    const first = metrics.brands[0];
    if (!first?.responseRateCi) throw new Error('the fixture gives its first brand an interval');
    metrics.brands = metrics.brands.map((brand, index) => (index === 0 ? { ...brand, responseRateCi: null } : brand));
    const { inputs, svg } = await svgOf(metrics, 'response-rate');
    const row = ((inputs.datasets.brands ?? []) as Array<{ brand: string; low: number | null; high: number | null; labelAt: number }>).find((entry) => entry.brand === first.name);
    expect(row).toMatchObject({ low: null, high: null, labelAt: first.responseRate });
    // Each interval is a rule (layer 1) and two ticks (layers 2 and 3): one brand fewer, three marks fewer.
    const marks = (text: string) => [...text.matchAll(/layer_[123]_marks"[^>]*>([\s\S]*?)<\/g>/g)].map((group) => (group[1]?.match(/<(line|path)\b/g) ?? []).length).reduce((sum, n) => sum + n, 0);
    expect(marks(withCi) - marks(svg)).toBe(3);
    expect(svg).not.toMatch(/NaN/);
  });

  it('keeps apart two marked brands whose long names begin alike: each keeps the end that tells it apart, its marks and its own bar', async () => {
    const metrics = fixtureMetrics();
    const names = ['Télécom Ébène & Fils – Service Client', 'Télécom Ébène & Fils – Service Pro'];
    metrics.brands = metrics.brands.map((brand, index) => (index < 2 ? { ...brand, name: names[index] ?? brand.name, lowSample: true } : brand));
    const { inputs, svg } = await svgOf(metrics, 'response-time-buckets');
    // One row per brand and bucket: cut to "Télécom Ébène & Fils… †" both, the two brands' rows would be one brand's;
    // whole, the axis's label limit cut both to "Télécom Ébène & Fils – Se…" and dropped their marks.
    const labels = new Set(((inputs.datasets.buckets ?? []) as Array<{ brand: string }>).map((row) => row.brand));
    expect([...labels].filter((label) => label.startsWith('Télécom')).sort()).toEqual(['Télécom Ébè…ervice Pro †', 'Télécom Ébè…ice Client †']);
    for (const label of ['Télécom Ébè…ice Client †', 'Télécom Ébè…ervice Pro †']) expect(labelCount(svg, label.replace('&', '&amp;'))).toBe(1);
  });

  it('draws the median heatmap on the same 0-23 hours and seven days as the mentions heatmap', async () => {
    const metrics = fixtureMetrics();
    // Answers only at 09:00 and 15:00 on Monday; a mention at 03:00 on Sunday waits unanswered.
    metrics.hourOfWeek = [
      { brandId: 'acme', weekday: 0, hour: 9, inbound: 8, answered: 7, responseTimeMedianMin: 30 },
      { brandId: 'acme', weekday: 0, hour: 15, inbound: 6, answered: 6, responseTimeMedianMin: 90 },
      { brandId: 'acme', weekday: 6, hour: 3, inbound: 1, answered: 0, responseTimeMedianMin: null },
    ];
    const { inputs, svg } = await svgOf(metrics, 'hour-of-week');
    expect(inputs.panels).toBeUndefined();
    for (let hour = 0; hour < 24; hour += 1) expect([hour, labelCount(svg, String(hour)) >= 2]).toEqual([hour, true]);
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) expect([day, labelCount(svg, day)]).toEqual([day, 2]);
    expect(svg).not.toMatch(/NaN/);
  });

  it('writes the median heatmap\'s legend with one decimal at most, even when a single hour has a median', async () => {
    const metrics = fixtureMetrics();
    // 42.075 min is 0.70125 h: alone, it is both ends of the colour scale.
    metrics.hourOfWeek = [{ brandId: 'acme', weekday: 4, hour: 20, inbound: 7, answered: 7, responseTimeMedianMin: 42.075 }];
    const { svg } = await svgOf(metrics, 'hour-of-week');
    expect(labelCount(svg, '0.7')).toBeGreaterThan(0);
    expect(svg).not.toContain('0.70125');
  });

  it('leaves blank an hour whose median rests on fewer than 6 answered mentions, and says so', async () => {
    const metrics = fixtureMetrics();
    // Monday 09:00: 7 answered, a median of 30 min; Sunday 14:00: 2 answered, a median of 17.8 h that would be the darkest cell.
    metrics.hourOfWeek = [
      { brandId: 'acme', weekday: 0, hour: 9, inbound: 8, answered: 7, responseTimeMedianMin: 30 },
      { brandId: 'acme', weekday: 6, hour: 14, inbound: 3, answered: 2, responseTimeMedianMin: 1068 },
    ];
    const t = translator(template.strings('en'), 'en');
    const inputs = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' })['hour-of-week'];
    expect(inputs?.datasets.cells).toEqual([
      { day: 'Mon', hour: 9, inbound: 8, hours: 0.5 },
      { day: 'Sun', hour: 14, inbound: 3, hours: null },
    ]);
    expect(inputs?.notes).toEqual(['An hour whose median would rest on fewer than 6 answered mentions is left blank: too few for a median to tell.']);
    // With too few answers in every hour, the median panel gives way to that sentence alone: the brand did answer.
    metrics.hourOfWeek = [{ brandId: 'acme', weekday: 6, hour: 14, inbound: 3, answered: 2, responseTimeMedianMin: 1068 }];
    const thin = chartInputs({ metrics, answeredWithin: null, format: new Formatter('en', t, metrics.period.timezone), t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' })['hour-of-week'];
    expect([thin?.panels, thin?.notes]).toEqual([[0], ['No hour holds at least 6 answered mentions, too few for a median to tell, so no response time by hour is drawn.']]);
  });

  it('leaves out a panel with nothing to draw and says why, instead of a NaN legend or a 0.000000 axis', async () => {
    const metrics = fixtureMetrics();
    metrics.hourOfWeek = [{ brandId: 'acme', weekday: 2, hour: 11, inbound: 3, answered: 0, responseTimeMedianMin: null }];
    metrics.trend = (metrics.trend ?? []).map((point) => ({ ...point, answered: 0, responseRate: 0, responseTimeMedianMin: null }));
    // Every month whole, so that only the notes of the empty panels are said.
    metrics.trendPartialMonths = [];
    const hours = await svgOf(metrics, 'hour-of-week');
    expect(hours.inputs.panels).toEqual([0]);
    expect(hours.inputs.notes).toEqual(['The data holds no answer by Acme Telecom to these mentions, so no response time by hour is drawn.']);
    expect(hours.svg).not.toMatch(/NaN|Median response time/);
    const trend = await svgOf(metrics, 'trend');
    expect(trend.inputs.notes).toEqual(['No mention was answered in these months, so no response time is drawn.']);
    expect(trend.svg).not.toMatch(/NaN|0\.000000|Median response time/);
    // The grey bars have their own legend entry beside the brands' lines.
    expect(labelCount(trend.svg, 'Mentions received by Acme Telecom')).toBe(1);
    metrics.trend = (metrics.trend ?? []).map((point) => ({ ...point, responseRate: null }));
    expect((await svgOf(metrics, 'trend')).inputs.notes).toEqual([
      'The data holds no replies by the tracked brands in these months, so no response rate or time is drawn; the grey bars show the mentions Acme Telecom received.',
    ]);
  });
});

describe('subjects by brand', () => {
  it('puts the client\'s most mentioned subjects against every brand\'s response rate on them, blank where a brand has none', () => {
    const metrics = withThemes(fixtureMetrics());
    const t = translator(template.strings('en'), 'en');
    const format = new Formatter('en', t, metrics.period.timezone);
    const build = chartData({ metrics, answeredWithin: null, format, t, palette: brandColours(metrics.brands, '#0B5FFF'), primary: '#0B5FFF' }).themes;
    const grid = build?.native[0];
    expect(grid?.labels).toEqual(['outage', 'billing']);
    // The client first, whatever its rank (Acme is second of five), then the competitors in leaderboard order.
    const competitors = metrics.brands.filter((brand) => brand.responseRate !== null && brand.role === 'competitor').sort((a, b) => (a.rank.responseRate ?? 99) - (b.rank.responseRate ?? 99));
    expect(grid?.columns).toEqual(['Acme Telecom', ...competitors.map((brand) => brand.name)]);
    const acme = grid?.columns?.indexOf('Acme Telecom') ?? -1;
    const rival = grid?.columns?.indexOf('RivalCo') ?? -1;
    expect([grid?.series[0]?.values[acme], grid?.series[1]?.values[acme], grid?.series[1]?.values[rival], grid?.series[0]?.values[rival]]).toEqual([0.25, 0.8, 0.5, null]);
    expect(build?.inputs.datasets?.cells).toContainEqual({ theme: 'billing', brand: 'Acme Telecom', rate: 0.8, label: '80% · 35' });
    // The deck writes the same texts in its cells.
    expect(grid?.cellLabels?.[1]?.[acme]).toBe('80% · 35');
  });
});

describe('chart specs', () => {
  for (const language of LANGUAGES) {
    it(`all ${CHART_IDS.length} specs compile with zero Vega-Lite warnings (${language})`, () => {
      const { t, inputs } = inputsFor(language);
      for (const id of CHART_IDS) {
        const chartData = inputs[id];
        expect(chartData, id).toBeDefined();
        if (!chartData) continue;
        const { warnings } = compileChart(chartSpec(template, id), { ...chartData, t, language });
        expect([id, warnings]).toEqual([id, []]);
      }
    });
  }

  for (const language of LANGUAGES) {
    it(`cuts no legend label short in any chart (${language})`, async () => {
      const { t, inputs } = inputsFor(language);
      for (const id of CHART_IDS) {
        const chartData = inputs[id];
        if (!chartData) continue;
        const svg = await renderSvg(compileChart(chartSpec(template, id), { ...chartData, t, language }).vegaSpec, id);
        // Vega ends a label cut at its labelLimit with an ellipsis ("Respuestas a perso…").
        const legendLabels = [...svg.matchAll(/role-legend[\s\S]*?<\/g>\s*<\/g>/g)].flatMap((legend) => [...legend[0].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]));
        expect([id, legendLabels.filter((label) => label?.endsWith('…'))]).toEqual([id, []]);
        // Vega's descriptions for screen readers are English whatever the language ("line mark container"): none is left.
        expect([id, svg.match(/aria-(roledescription|label)="[^"]*"/g)]).toEqual([id, null]);
      }
    });
  }

  it('colours a subject answered poorly red and one answered well green, the same in the PDF and the deck', () => {
    const channels = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    const [red0, green0] = channels(heatColour(HEAT_SCHEMES.rate, 0, 0, 1));
    const [red1, green1] = channels(heatColour(HEAT_SCHEMES.rate, 1, 0, 1));
    expect((red0 ?? 0) > (green0 ?? 0) && (green1 ?? 0) > (red1 ?? 0)).toBe(true);
    // The PDF's spec names the scheme the deck's table is filled with.
    expect(JSON.stringify(chartSpec(template, 'themes'))).toContain(`"scheme":"${HEAT_SCHEMES.rate}"`);
  });

  it('renders every chart to an SVG with marks, in the named font, with ids unique to the chart', async () => {
    const { t, inputs } = inputsFor('en');
    const allIds: string[] = [];
    for (const id of CHART_IDS) {
      const chartData = inputs[id];
      if (!chartData) throw new Error(`no data for ${id}`);
      const svg = await renderSvg(compileChart(chartSpec(template, id), { ...chartData, t, language: 'en' }).vegaSpec, `c-${id}`);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('Noto Sans');
      const inkedMarks = [...svg.matchAll(/<path\b[^>]*>/g)].filter((path) =>
        [...(path[0] ?? '').matchAll(/(?:fill|stroke)="([^"]+)"/g)].some((colour) => !/^(none|white|#fff|#ffffff|transparent|rgb\(255, 255, 255\))$/i.test(colour[1] ?? '')),
      );
      expect(inkedMarks.length, id).toBeGreaterThan(3);
      const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? '');
      for (const svgId of ids) expect(svgId.startsWith(`c-${id}-`)).toBe(true);
      allIds.push(...ids);
    }
    // Some charts clip their marks: the check above has ids to look at.
    expect(allIds.length).toBeGreaterThan(0);
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('draws a chart asked again the same (kept), and anew when one value of its data changes', async () => {
    const { t, inputs } = inputsFor('en');
    const rate = inputs['response-rate'];
    if (!rate) throw new Error('no response-rate inputs');
    const spec = chartSpec(template, 'response-rate');
    const first = await chartSvg(spec, { ...rate, t, language: 'en' }, 'response-rate', 'c-response-rate');
    expect(await chartSvg(spec, { ...rate, t, language: 'en' }, 'response-rate', 'c-response-rate')).toBe(first);
    const brands = (rate.datasets.brands ?? []).map((row, index) => (index === 0 ? { ...row, rate: 0.123 } : row));
    const changed = await chartSvg(spec, { ...rate, datasets: { ...rate.datasets, brands }, t, language: 'en' }, 'response-rate', 'c-response-rate');
    expect(changed).not.toBe(first);
    expect(changed).toBe(await renderSvg(compileChart(spec, { ...rate, datasets: { ...rate.datasets, brands }, t, language: 'en' }).vegaSpec, 'c-response-rate'));
  });

  it('writes axis numbers in the report language (decimal comma and spaced % in French)', async () => {
    const { t, inputs } = inputsFor('fr');
    const data = inputs['response-rate'];
    if (!data) throw new Error('no response-rate data');
    const svg = await renderSvg(compileChart(chartSpec(template, 'response-rate'), { ...data, t, language: 'fr' }).vegaSpec, 'x');
    expect(svg).toContain('40\u00a0%');
    expect(svg).not.toMatch(/>40%</);
    expect(svg).toContain('Part des mentions avec réponse');
  });

  it('prefixes clip ids and their references together', () => {
    const svg = '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"></g><use href="#clip1"/></svg>';
    expect(prefixIds(svg, 'c-a')).toBe('<svg><clipPath id="c-a-clip1"><rect/></clipPath><g clip-path="url(#c-a-clip1)"></g><use href="#c-a-clip1"/></svg>');
  });

  it('fills translated strings and injected values, and refuses a placeholder without a value', () => {
    const t = translator({ 'a.title': 'Titre' }, 'test');
    const spec = { mark: 'bar', title: 't:a.title', encoding: { x: { field: 'v', type: 'quantitative', scale: { domain: '{{d}}' } } }, data: { name: 't' } };
    const compiled = compileChart(spec, { datasets: { t: [{ v: 1 }] }, values: { d: [0, 2] }, t, language: 'fr' });
    expect(JSON.stringify(compiled.vegaSpec)).toContain('Titre');
    expect(JSON.stringify(compiled.vegaSpec)).toContain('[0,2]');
    expect(() => compileChart(spec, { datasets: { t: [] }, values: {}, t, language: 'fr' })).toThrow('{{d}}');
  });
});
