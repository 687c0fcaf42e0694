/**
 * A share the diagnostics answer that counts mentions whose export lists a response the data lacks
 * (coverage responses-missing): known between its value and the value it would take were each of those
 * responses an answer, it is printed with "≥" and ranked only where the rank holds at both ends, as the
 * response rate is (src/metrics/ranking.ts, holdsAtBothEnds). The numbers below are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { withAnalysis } from '../../../src/analysis/analysis.js';
import { coverageSentences } from '../../../src/cli/coverage-sentences.js';
import { metricSpec } from '../../../src/metrics/catalogue.js';
import { metricsOf } from '../../../src/metrics/compute.js';
import { metricsTable } from '../../../src/metrics/format/table.js';
import { diagnosticsOf } from '../../../src/metrics/diagnostics/index.js';
import type { BrandDiagnostics, Diagnostics } from '../../../src/metrics/diagnostics/types.js';
import { assignRanks, benchmarks, holdsAtBothEnds, unrankedForBounds } from '../../../src/metrics/ranking.js';
import type { MetricsReport } from '../../../src/metrics/types.js';
import { findWeakPoints } from '../../../src/report/advice/findings.js';
import { buildImprovements } from '../../../src/report/advice/index.js';
import { chartData } from '../../../src/report/charts/chartData.js';
import { brandColours } from '../../../src/report/charts/palette.js';
import { buildReportModel } from '../../../src/report/model/buildModel.js';
import { Formatter } from '../../../src/report/i18n/format.js';
import { translator } from '../../../src/report/i18n/strings.js';
import { buildScorecard, DEFAULT_SCORECARD_THRESHOLDS } from '../../../src/report/model/scorecard.js';
import { ReportTemplate } from '../../../src/report/template.js';
import { adviceInput, rankAndBenchmark } from '../../fixtures/diagnostics/advice-input.js';
import { configWith, storeWith, type TestPost } from '../helpers.js';

const BRANDS = [{ id: 'acme' }, { id: 'rival' }, { id: 'third' }];

/**
 * 40 conversations of `brand` in October 2017, one a day from the 1st (the 10th and later twice): a customer's
 * mention answered 30 minutes later, then the customer's follow-up under that answer, which the brand answers
 * 30 minutes later in the first `answered` conversations. Of the follow-ups left unanswered, the first `lost`
 * list a response id the data does not hold. In September with `month` '09'.
 */
function conversations(brand: string, answered: number, lost = 0, month = '10'): TestPost[] {
  return Array.from({ length: 40 }, (_, i): TestPost[] => {
    const day = String(1 + (i % 30)).padStart(2, '0');
    const hour = 10 + Math.floor(i / 30) * 4;
    const at = (minutes: number) => `2017-${month}-${day}T${String(hour + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
    const id = `${brand}-${month === '10' ? '' : `${month}-`}${i}`;
    const unanswered = i - answered;
    return [
      { id, author: `${brand}fan${i}`, at: at(0), text: `@${brand} my line is down` },
      { id: `${id}-r`, author: brand, at: at(30), text: `@${brand}fan${i} we are on it`, parent: id },
      { id: `${id}-f`, author: `${brand}fan${i}`, at: at(60), text: `@${brand} still down`, parent: `${id}-r`, responses: unanswered >= 0 && unanswered < lost ? `${id}-gone` : null },
      ...(i < answered ? [{ id: `${id}-fr`, author: brand, at: at(90), text: `@${brand}fan${i} fixed now`, parent: `${id}-f` }] : []),
    ];
  }).flat();
}

/** The metrics and diagnostics of October, with every 7-day window closed by a post of 20 November; with `sentiment`, each customer's first mention negative and its follow-up neutral. */
function october(posts: TestPost[], sentiment = false): Promise<MetricsReport & { diagnostics: Diagnostics }> {
  return analysed(posts, '2017-10', sentiment);
}

/** The same, of another period. */
async function analysed(posts: TestPost[], period: string, sentiment = false): Promise<MetricsReport & { diagnostics: Diagnostics }> {
  const store = await storeWith([...posts, { id: 'november', author: 'newsdesk', at: '2017-11-20T10:00:00Z', text: 'November news' }]);
  try {
    if (sentiment) await store.run("UPDATE posts SET sentiment = CASE WHEN post_id LIKE '%-f' THEN 'neutral' ELSE 'negative' END WHERE author LIKE '%fan%'");
    return await withAnalysis(store, configWith(BRANDS), period, async (analysis) => ({ ...(await metricsOf(analysis)), diagnostics: await diagnosticsOf(analysis) }));
  } finally {
    store.close();
  }
}

function diagnosed(report: { diagnostics: Diagnostics }, id: string): BrandDiagnostics {
  const found = report.diagnostics.brands.find((brand) => brand.id === id);
  if (!found) throw new Error(`no diagnostics of ${id}`);
  return found;
}

function scorecardOf(report: MetricsReport) {
  const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
  return buildScorecard(report, new Formatter('en', t, 'UTC'), t, DEFAULT_SCORECARD_THRESHOLDS);
}

function followUpCell(report: MetricsReport, id: string) {
  const card = scorecardOf(report);
  const row = card?.rows.find((entry) => entry.brandId === id);
  return row?.cells[card?.columns.findIndex((column) => column.key === 'followUpAnsweredShare') ?? -1];
}

describe('a share the diagnostics answer, under responses the export lists and the data lacks', () => {
  it('takes no rank where the responses could lift it above the others, and is printed as a lower bound', async () => {
    // acme answers 24 of 40 follow-ups (60%); 12 of the 16 others list a response the data lacks: up to 36 of 40 (90%).
    // rival answers 30 (75%), third 28 (70%): acme is third at 60% and first at 90%, so neither rival's place nor third's is known.
    const report = await october([...conversations('acme', 24, 12), ...conversations('rival', 30), ...conversations('third', 28)]);
    const acme = diagnosed(report, 'acme');
    expect(acme.followThrough).toMatchObject({ followUps: 40, answered: 24, listedMissing: 12, conversations: 40, abandoned: 16, abandonedListedMissing: 12 });
    expect(acme.followThrough.answeredShare).toBeCloseTo(0.6, 12);
    expect([acme.rank.followUpAnsweredShare, diagnosed(report, 'rival').rank.followUpAnsweredShare, diagnosed(report, 'third').rank.followUpAnsweredShare]).toEqual([null, null, null]);
    // Abandoned: 16 of 40 (40%), and 4 of 40 (10%) were the 12 answers: third at 40%, first at 10% against rival's 25% and third's 30%.
    expect(acme.rank.abandonedShare).toBeNull();
    // Its examples of abandoned conversations are of the 4 whose export lists no response: the 12 others may have been answered.
    expect(acme.followThrough.abandonedExamples.map((example) => example.author)).toEqual(['acmefan36', 'acmefan37', 'acmefan38', 'acmefan39']);
    // A bound by a margin that reaches past the others is no verdict either: 60% is below the competitors' median of 72.5%, 90% above it.
    expect(followUpCell(report, 'acme')).toMatchObject({ text: '≥ 60%', rank: null, tone: null });
    // Under the table, what the mark means and why neither it nor the figures it may pass have a rank (the coverage notes speak of the response rate only).
    expect(scorecardOf(report)?.notes).toContain(
      '≥ Responses the exports list are missing from the data for more than 5% of the mentions these figures count: ACME (Follow-ups answered). Those mentions may have been answered, so these figures are lower bounds, each with a verdict only where that verdict is the same at either end. Where missing answers could change a rank, no rank is given: neither to the lower bound nor to a figure it might pass.',
    );
    // The competitors are exact, and the median rests on both.
    expect(followUpCell(report, 'rival')).toMatchObject({ text: '75%', rank: null });
    expect(report.diagnostics.benchmarks.find((entry) => entry.metric === 'followUpAnsweredShare')).toMatchObject({ competitorMedian: 0.725, competitorsMeasured: 2 });
    // The workbook's Diagnostics sheet names both figures in acme's notes, and nothing of the others'.
    const { model } = await buildReportModel({ metrics: report, config: configWith(BRANDS), facts: null, template: ReportTemplate.open(undefined), language: 'en' });
    const sheet = model.workbook.sheets.find((candidate) => candidate.name === 'Diagnostics');
    const notes = (name: string) => String(sheet?.rows.find((row) => row[0]?.value === name)?.at(-1)?.value ?? '');
    expect(notes('ACME')).toContain('Responses its export lists are missing from the data for more than 5% of the mentions counted in Follow-ups answered: those mentions may have been answered, so these figures are lower bounds.');
    expect(notes('ACME')).toContain('Responses its export lists are missing from the data for more than 5% of the conversations counted in Conversations abandoned: their last messages may have been answered, so this figure is an upper bound.');
    expect(notes('RIVAL')).not.toContain('Responses its export lists');
  });

  it('marks the bars of a group of mentions whose exports list responses the data lacks, and says why under the chart', async () => {
    // The follow-ups neutral: acme's 40, 24 answered (60%), 12 listing a response the data lacks (30%); the first mentions negative, all answered.
    const report = await october([...conversations('acme', 24, 12), ...conversations('rival', 30), ...conversations('third', 28)], true);
    expect(diagnosed(report, 'acme').sentiment?.bySentiment.neutral).toMatchObject({ inbound: 40, answered: 24, listedMissing: 12 });
    expect(diagnosed(report, 'acme').sentiment?.bySentiment.negative).toMatchObject({ inbound: 40, answered: 40, listedMissing: 0 });
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const charts = chartData({ metrics: report, answeredWithin: null, format: new Formatter('en', t, 'UTC'), t, palette: brandColours(report.brands, '#0B5FFF'), primary: '#0B5FFF' });
    const labels = ((charts.sentiment?.inputs.datasets.groups ?? []) as Array<{ brand: string; group: string; rateLabel: string }>).filter((entry) => entry.rateLabel !== '');
    expect(labels.map((entry) => [entry.brand, entry.group, entry.rateLabel])).toEqual([
      ['RIVAL', 'Negative', '100% · 40'],
      ['RIVAL', 'Neutral', '75% · 40'],
      ['THIRD', 'Negative', '100% · 40'],
      ['THIRD', 'Neutral', '70% · 40'],
      ['ACME', 'Negative', '100% · 40'],
      ['ACME', 'Neutral', '≥ 60% · 40'],
    ]);
    expect(charts.sentiment?.inputs.notes).toContain('≥ Responses the exports list are missing from the data for more than 5% of the mentions of ACME (Neutral): those mentions may have been answered, so these shares answered are lower bounds.');
    expect(charts.sentiment?.native[0]?.labels).toContain('ACME ≥');
  });

  it('counts, unranked, ahead of every brand its printed value passes, on the scorecard and the leaderboard', async () => {
    // acme answers 26 of 40 follow-ups (65%) and 12 more list a response the data lacks: up to 95%, past rival's 85%, so unranked,
    // and rival's place with it. third answers 18 (45%): acme's 65% and rival's 85% are ahead of it, so third is third, not second.
    const report = await october([...conversations('acme', 26, 12), ...conversations('rival', 34), ...conversations('third', 18)]);
    expect(['acme', 'rival', 'third'].map((id) => diagnosed(report, id).rank.followUpAnsweredShare)).toEqual([null, null, 3]);
    // The only rank, and one that says something: two brands are ahead of it at every end.
    expect(followUpCell(report, 'third')).toMatchObject({ text: '45%', rank: '3' });
    // Its response rate (66 of 80, 12 listing a lost response: 82.5% to 97.5%) passes rival's 92.5% at one end: unranked, rival's
    // unknown, and ahead of third's 72.5%.
    const rates = report.brands.map((brand) => [brand.id, brand.rank.responseRate]);
    expect(rates).toEqual([['acme', null], ['rival', null], ['third', 3]]);
  });

  it('leaves the client unranked where a competitor\'s bound reaches past it, and in its place by value in every table', async () => {
    // Response rates: acme (the client) 70 of 80 (87.5%); rival 66 of 80 (82.5%), 12 more listing a lost response: up to
    // 97.5%, past acme's; third 58 of 80 (72.5%), behind both at every end.
    const report = await october([...conversations('acme', 30), ...conversations('rival', 26, 12), ...conversations('third', 18)]);
    expect(report.brands.map((brand) => [brand.id, brand.rank.responseRate])).toEqual([['acme', null], ['rival', null], ['third', 3]]);
    const { model } = await buildReportModel({ metrics: report, config: configWith(BRANDS), facts: null, template: ReportTemplate.open(undefined), language: 'en' });
    // No "rank 1 of 3" under the client's tile, and the table does not put it after the brands it is ahead of.
    expect(model.kpis.find((kpi) => kpi.label === 'Response rate')).toMatchObject({ value: '88%', note: null });
    expect(model.findings[0]).toBe('ACME answered 88% of the 80 mentions it received; the rate is not ranked, as replies missing from the data may put RIVAL ahead of it.');
    expect(model.leaderboard.rows.map((row) => row.brandName)).toEqual(['ACME', 'RIVAL', 'THIRD']);
    expect(metricsTable(report).split('\n').slice(2, 5).map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([['-', 'ACME *'], ['-', 'RIVAL'], ['3', 'THIRD']]);
    // The terminal marks RIVAL's bound and says what both dashes mean.
    expect(metricsTable(report)).toMatch(/RIVAL +80 +80 +66 +>=82\.5%/);
    expect(metricsTable(report)).toContain('# - = no rank: the rate is not compared, or answers missing from the data could change its place.');
    // Under the leaderboard, why ACME's exact 88% has no rank.
    expect(model.leaderboardNotes).toContain('Where missing answers could change a rank, no rank is given: neither to the lower bound nor to a figure it might pass.');
  });

  it('prints a lone rank 1 where the other figures are placed without one: the client is first at every end', async () => {
    // Response rates: acme (the client) 76 of 80 (95%); rival 50 of 80 (62.5%), 16 more listing a lost response: up to
    // 82.5%, past third's 75% (60 of 80). Neither rival's place nor third's is known; acme's first place is.
    const report = await october([...conversations('acme', 36), ...conversations('rival', 10, 16), ...conversations('third', 20)]);
    expect(report.brands.map((brand) => [brand.id, brand.rank.responseRate])).toEqual([['acme', 1], ['rival', null], ['third', null]]);
    const { model } = await buildReportModel({ metrics: report, config: configWith(BRANDS), facts: null, template: ReportTemplate.open(undefined), language: 'en' });
    expect(model.kpis.find((kpi) => kpi.label === 'Response rate')).toMatchObject({ value: '95%', note: 'Rank 1 of 3' });
    expect(model.findings[0]).toBe('ACME had the best response rate of the 3 brands: it answered 95% of the 80 mentions it received.');
    const card = scorecardOf(report);
    const rate = card?.columns.findIndex((column) => column.key === 'responseRate') ?? -1;
    expect(card?.rows.map((row) => [row.brandName, row.cells[rate]?.rank])).toEqual([['ACME', '1'], ['THIRD', null], ['RIVAL', null]]);
  });

  it('keeps its rank and verdict where both ends give the same, and is exact at 5% of its mentions or fewer', async () => {
    // 3 of 40 listed (7.5%): 60% to 67.5%, third either way and below the median of 72.5%.
    const bound = await october([...conversations('acme', 24, 3), ...conversations('rival', 30), ...conversations('third', 28)]);
    expect(diagnosed(bound, 'acme').rank.followUpAnsweredShare).toBe(3);
    expect(followUpCell(bound, 'acme')).toMatchObject({ text: '≥ 60%', rank: '3', tone: 'worse' });
    // Ranked, it needs no word on ranks under the table.
    const note = scorecardOf(bound)?.notes.find((line) => line.startsWith('≥ Responses the exports list'));
    expect(note).toMatch(/lower bounds, each with a verdict only where that verdict is the same at either end\.$/);
    // It may be behind by less than it shows, but even at its other end it is 5 points behind: the advice stands, weighed at that
    // end, and says the share as the bound it is.
    expect(findWeakPoints(bound, bound.diagnostics).find((finding) => finding.id === 'follow-ups')?.severity).toBeCloseTo(0.05 / 0.725, 12);
    expect(buildImprovements(bound, 'en').find((item) => item.id === 'follow-ups')?.evidence[0]).toBe('Follow-ups answered: ACME at least 60%, median of 2 measured competitors 73%.');
    // 2 of 40 (5%): not more than the 5% the response rate's warning allows, so taken as exact, and advised on.
    const exact = await october([...conversations('acme', 24, 2), ...conversations('rival', 30), ...conversations('third', 28)]);
    expect(followUpCell(exact, 'acme')).toMatchObject({ text: '60%', rank: '3', tone: 'worse' });
    // check says so, though no warning is raised: 2 of its 80 mentions are too few for its response rate, not for every share.
    expect(coverageSentences(exact)).toContain(
      'brand ACME, Twitter: 2 of its 80 mentions needing an answer (3%) are unanswered in the data, though its export lists a response to each: no more than 5%, so its response rate is taken as exact, but a share answered of fewer of its mentions is a lower bound where they are more than 5% of them (marked ≥).',
    );
    expect(coverageSentences(exact, { warningsOnly: true }).some((line) => line.startsWith('brand ACME'))).toBe(false);
    expect(scorecardOf(exact)?.notes.some((note) => note.startsWith('≥'))).toBe(false);
    expect(findWeakPoints(exact, exact.diagnostics).find((finding) => finding.id === 'follow-ups')).toMatchObject({ metric: 'followUpAnsweredShare', competitorMedian: 0.725 });
  });

  it('gives no verdict to a ranked bound whose other end would be about the same as the median', async () => {
    // acme answers 26 of 40 follow-ups (65%); 3 more list a response the data lacks (7.5%): up to 72.5%. rival 85%, third 62.5%:
    // second at both ends, below the median of 73.75% at both, but 8.75 points behind at one end and 1.25 at the other (within 2: "about the same").
    const report = await october([...conversations('acme', 26, 3), ...conversations('rival', 34), ...conversations('third', 25)]);
    expect(followUpCell(report, 'acme')).toMatchObject({ text: '≥ 65%', rank: '2', tone: null });
    // Nor advice: 1.25 points behind at that end is less than the 2 an item needs.
    expect(findWeakPoints(report, report.diagnostics).map((finding) => finding.id)).not.toContain('follow-ups');
    // 3 more points behind, it is behind at both ends: ✗.
    const behind = await october([...conversations('acme', 25, 3), ...conversations('rival', 34), ...conversations('third', 25)]);
    expect(followUpCell(behind, 'acme')).toMatchObject({ text: '≥ 63%', tone: 'worse' });
  });

  it('makes the median a bound where the bound of a competitor moves it, and judges against both its ends', async () => {
    // rival answers 20 of 40 follow-ups (50%), 5 more listing a response the data lacks: up to 62.5%, third either way (its rank
    // holds, so it stays in the median). The competitors' median is (50% + 85%) / 2 = 67.5%, or 73.75% at rival's other end.
    const report = await october([...conversations('acme', 29), ...conversations('rival', 20, 5), ...conversations('third', 34)]);
    expect(diagnosed(report, 'rival').rank.followUpAnsweredShare).toBe(3);
    const benchmark = report.diagnostics.benchmarks.find((entry) => entry.metric === 'followUpAnsweredShare');
    expect(benchmark).toMatchObject({ competitorMedian: 0.675, competitorsMeasured: 2, best: 0.85, bestEnd: null });
    expect(benchmark?.competitorMedianEnd).toBeCloseTo(0.7375, 12);
    // Its response rate, 60 of 80 (75%), 5 listing a lost response (6.25%): up to 81.25%, third at both ends, below acme's 86.25%.
    // The median of (75% + 92.5%) / 2 = 83.75% is 86.875% at that end.
    expect(report.brands.map((brand) => brand.rank.responseRate)).toEqual([2, 3, 1]);
    expect(report.benchmarks?.find((entry) => entry.metric === 'responseRate')?.competitorMedianEnd).toBeCloseTo(0.86875, 12);
    const card = scorecardOf(report);
    const column = card?.columns.findIndex((entry) => entry.key === 'followUpAnsweredShare') ?? -1;
    expect(card?.medians[column]).toBe('≥ 68%');
    expect(card?.medians[0]).toBe('≥ 84%');
    expect(card?.notes.some((note) => note.startsWith('≥ before a median'))).toBe(true);
    // acme's 72.5% is 5 points ahead of one end ("better") and 1.25 behind the other ("about the same"): no verdict. Its
    // response rate is 2.5 points ahead of one end, and within 2 of the other: none either.
    expect(followUpCell(report, 'acme')).toMatchObject({ text: '73%', rank: '2', tone: null });
    expect(scorecardOf(report)?.rows.find((row) => row.brandId === 'acme')?.cells[0]).toMatchObject({ text: '86%', rank: '2', tone: null });
    // 45%, below rival at both its ends, is 22.5 points behind one end of the median and more behind the other: ✗, and the advice
    // says the median as the bound it is.
    const behind = await october([...conversations('acme', 18), ...conversations('rival', 20, 5), ...conversations('third', 34)]);
    expect(followUpCell(behind, 'acme')).toMatchObject({ text: '45%', rank: '3', tone: 'worse' });
    const advice = buildImprovements(behind, 'en').find((item) => item.id === 'follow-ups');
    expect(advice?.evidence[0]).toBe('Follow-ups answered: ACME 45%, median of 2 measured competitors at least 68%.');
  });

  it('advises on a response rate under responses-missing only where it is behind even at its other end, without the count of answers', async () => {
    // acme: 40 first mentions and 10 of 40 follow-ups answered, 12 follow-ups listing a response the data lacks (15% of 80): 62.5%
    // up to 77.5%. rival 92.5%, third 85%: a median of 88.75%, 11.25 points ahead of acme's other end.
    const report = await october([...conversations('acme', 10, 12), ...conversations('rival', 34), ...conversations('third', 28)]);
    expect(report.brands.find((brand) => brand.id === 'acme')?.coverage?.warnings).toContain('responses-missing');
    // check says it with the count, in words an analyst can act on.
    expect(coverageSentences(report, { warningsOnly: true })).toContain(
      'brand ACME, Twitter: 12 of its 80 mentions needing an answer (15%) are unanswered in the data, though its export lists a response to each: its response rate is a lower bound. Import the exports that hold those responses.',
    );
    const item = buildImprovements(report, 'en').find((entry) => entry.id === 'unanswered');
    expect(item?.evidence[0]).toBe('Response rate: ACME at least 63%, median of 2 measured competitors 89%.');
    expect(item?.evidence.some((line) => /mentions were answered/.test(line))).toBe(false);
    expect(findWeakPoints(report, report.diagnostics).find((finding) => finding.id === 'unanswered')?.severity).toBeCloseTo((0.8875 - 0.775) / 0.8875, 12);
  });

  it('marks the months of the trend whose rate is a lower bound, on the chart and in the workbook', async () => {
    // September: acme answers 40 first mentions and 10 follow-ups of 80, 12 more follow-ups listing a lost response (15%): 62.5% up to
    // 77.5%. October: the same brands, every response in the data.
    const posts = [...conversations('acme', 10, 12, '09'), ...conversations('rival', 34, 0, '09'), ...conversations('acme', 30), ...conversations('rival', 34), ...conversations('third', 28)];
    const report = await october(posts);
    const point = (brand: string, month: string) => report.trend?.find((entry) => entry.brandId === brand && entry.month === month);
    expect(point('acme', '2017-09')).toMatchObject({ responseRate: 0.625 });
    expect(point('acme', '2017-09')?.responseRateEnd).toBeCloseTo(0.775, 12);
    expect([point('acme', '2017-10')?.responseRateEnd, point('rival', '2017-09')?.responseRateEnd]).toEqual([null, null]);
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en');
    const notes = chartData({ metrics: report, answeredWithin: null, format: new Formatter('en', t, 'UTC'), t, palette: brandColours(report.brands, '#0B5FFF'), primary: '#0B5FFF' }).trend?.inputs.notes;
    expect(notes).toContain('Responses the exports list are missing from the data for more than 5% of the mentions needing an answer of these months, so their response rates are lower bounds: ACME in Sept 17.');
    // In a report of both months, whose note on acme speaks of the whole period, September is named too.
    const both = await analysed(posts, '2017-09-01..2017-10-31');
    expect(both.brands.find((brand) => brand.id === 'acme')?.coverage?.warnings).toContain('responses-missing');
    const bothNotes = chartData({ metrics: both, answeredWithin: null, format: new Formatter('en', t, 'UTC'), t, palette: brandColours(both.brands, '#0B5FFF'), primary: '#0B5FFF' }).trend?.inputs.notes;
    expect(bothNotes?.some((note) => note.endsWith('so their response rates are lower bounds: ACME in Sept 17.'))).toBe(true);
    const { model } = await buildReportModel({ metrics: report, config: configWith(BRANDS), facts: null, template: ReportTemplate.open(undefined), language: 'en' });
    const sheet = model.workbook.sheets.find((candidate) => candidate.name === 'Trend');
    const bound = sheet?.headers.indexOf('Response rate a lower bound (answers missing from the data)') ?? -1;
    const end = sheet?.headers.indexOf('Response rate, highest it could be (answers its exports list missing from the data)') ?? -1;
    const rows = (sheet?.rows ?? []).filter((row) => row[1]?.value === 'ACME').map((row) => [row[bound]?.value, row[end]?.value]);
    expect(rows).toEqual([
      [true, point('acme', '2017-09')?.responseRateEnd],
      [false, null],
    ]);
  });

  it('advises on a client bound whose rank changes between its ends where it is behind the median even so', async () => {
    // acme answers 10 of 40 follow-ups, 8 more listing a lost response: 25% up to 45%, past rival's 40%, so unranked. The
    // median of rival's 40% and third's 85% is 62.5%: 17.5 points ahead of acme's other end.
    const report = await october([...conversations('acme', 10, 8), ...conversations('rival', 16), ...conversations('third', 34)]);
    expect(diagnosed(report, 'acme').rank.followUpAnsweredShare).toBeNull();
    expect(report.diagnostics.benchmarks.find((entry) => entry.metric === 'followUpAnsweredShare')).toMatchObject({ client: 0.25, clientEnd: 0.45, competitorMedian: 0.625 });
    expect(followUpCell(report, 'acme')).toMatchObject({ text: '≥ 25%', rank: null, tone: 'worse' });
    const item = buildImprovements(report, 'en').find((entry) => entry.id === 'follow-ups');
    expect(item?.evidence[0]).toBe('Follow-ups answered: ACME at least 25%, median of 2 measured competitors 63%.');
  });

  it('keeps in the median the bound of a competitor that changes rank between its ends, as the range it gives the median', async () => {
    // rival answers 20 of 40 follow-ups (50%), and 12 more list a response the data lacks: up to 80%, past third's 70%, so
    // unranked. Left out, the median would rest on third alone (○); kept, it is (50% + 70%) / 2 = 60% to (80% + 70%) / 2 = 75%,
    // and acme's 30% is behind at either end: ✗.
    const report = await october([...conversations('acme', 12), ...conversations('rival', 20, 12), ...conversations('third', 28)]);
    expect(diagnosed(report, 'rival').rank.followUpAnsweredShare).toBeNull();
    const benchmark = report.diagnostics.benchmarks.find((entry) => entry.metric === 'followUpAnsweredShare');
    // third's 70% is the best ranked value, but rival's other end passes it: no best brand is named.
    expect(benchmark).toMatchObject({ competitorMedian: 0.6, competitorsMeasured: 2, best: null, bestBrandId: null, gapToBest: null });
    expect(benchmark?.competitorMedianEnd).toBeCloseTo(0.75, 12);
    expect(followUpCell(report, 'acme')).toMatchObject({ text: '30%', tone: 'worse' });
    // The advice gives acme's rank (rival's printed 50% counts ahead of it) and names no best brand.
    expect(buildImprovements(report, 'en').find((item) => item.id === 'follow-ups')?.evidence.slice(0, 2)).toEqual([
      'Follow-ups answered: ACME 30%, median of 2 measured competitors at least 60%.',
      'ACME ranks 3 of 3.',
    ]);
    // rival itself has one measured competitor besides it: ○, as before.
    expect(followUpCell(report, 'rival')).toMatchObject({ text: '≥ 50%', rank: null, tone: 'incomparable' });
  });

  it('calls the abandoned share an upper bound in the workbook, apart from the shares answered', async () => {
    // 80 follow-ups in 70 conversations: 3 follow-ups list a response the data lacks (3.75%, exact), the last of 4 abandoned conversations (5.7%).
    const input = adviceInput();
    const client = input.diagnostics?.brands.find((brand) => brand.role === 'client');
    if (!client) throw new Error('the advice fixture has no client');
    client.followThrough = { ...client.followThrough, listedMissing: 3, abandonedListedMissing: 4 };
    rankAndBenchmark(input);
    const config = configWith([{ id: 'acme' }, { id: 'rival' }, { id: 'other' }]);
    const { model } = await buildReportModel({ metrics: input, config, facts: null, template: ReportTemplate.open(undefined), language: 'en' });
    const sheet = model.workbook.sheets.find((candidate) => candidate.name === 'Diagnostics');
    const notes = String(sheet?.rows.find((row) => row[0]?.value === client.name)?.at(-1)?.value ?? '');
    expect(notes).toContain('Responses its export lists are missing from the data for more than 5% of the conversations counted in Conversations abandoned: their last messages may have been answered, so this figure is an upper bound.');
    expect(notes).not.toContain('lower bounds');
  });

  it('leaves a share exact when the responses the data lacks belong to other mentions of the brand', async () => {
    // acme's first mentions of 12 conversations list a lost response besides the answer the data holds: its follow-ups list none.
    const posts = conversations('acme', 24).map((post) => (/^acme-\d+$/.test(post.id) && Number(post.id.slice(5)) < 12 ? { ...post, responses: `${post.id}-r,${post.id}-gone` } : post));
    const report = await october([...posts, ...conversations('rival', 30), ...conversations('third', 28)]);
    expect(diagnosed(report, 'acme').followThrough.listedMissing).toBe(0);
    expect(followUpCell(report, 'acme')).toMatchObject({ text: '60%', rank: '3' });
  });
});

describe('a value known between two ends', () => {
  interface Bounded {
    id: string;
    role: 'client' | 'competitor';
    rank: Record<string, number | null>;
    value: number;
    end: number | null;
  }
  const share = metricSpec('share', (brand: Bounded) => brand.value, 'higher', 'share');
  const brand = (id: string, role: Bounded['role'], value: number, end: number | null = null): Bounded => ({ id, role, rank: {}, value, end });

  it('gives the median and the best value their other ends where bounds that keep their ranks move them', () => {
    // c, 44% to 48%, and d, 80% to 90%, stay below and above the client's 50% at both ends and keep their ranks. The
    // median of b, c and d is c's value: 44% to 48%. d's other end moves no median, but it is the best value's.
    const brands = [brand('client', 'client', 0.5), brand('b', 'competitor', 0.4), brand('c', 'competitor', 0.44, 0.48), brand('d', 'competitor', 0.8, 0.9)];
    const comparable = holdsAtBothEnds(brands, [share], () => true, (entry) => entry.end);
    assignRanks(brands, [share], comparable);
    expect(brands.map((entry) => entry.rank.share)).toEqual([2, 4, 3, 1]);
    expect(benchmarks(brands, [share], comparable, (entry) => entry.end)[0]).toMatchObject({ competitorMedian: 0.44, competitorMedianEnd: 0.48, best: 0.8, bestEnd: 0.9, bestBrandId: 'd' });
    // A move that prints alike is one too: a verdict's band can end between the two.
    const slight = brands.map((entry) => (entry.id === 'c' ? { ...entry, end: 0.442 } : entry));
    expect(benchmarks(slight, [share], comparable, (entry) => entry.end)[0]?.competitorMedianEnd).toBe(0.442);
    // Without c's bound the median is exact: no other end.
    const exact = brands.map((entry) => (entry.id === 'c' ? { ...entry, end: null } : entry));
    expect(benchmarks(exact, [share], comparable, (entry) => entry.end)[0]).toMatchObject({ competitorMedian: 0.44, competitorMedianEnd: null });
  });

  it('leaves without a rank a figure a bound could pass at its other end and does not as printed, the bound ranked or not', () => {
    // z, 53% to 66%, unranked (it passes b's 58% at one end only), counts ahead of the client's 30%; b's place, 1st or 2nd
    // beside z, is not known; c's 70% is ahead of z at either end.
    const brands = [brand('client', 'client', 0.3), brand('b', 'competitor', 0.58), brand('z', 'competitor', 0.53, 0.66), brand('c', 'competitor', 0.7)];
    const comparable = holdsAtBothEnds(brands, [share], () => true, (entry) => entry.end);
    assignRanks(brands, [share], comparable, (entry) => entry.end !== null, (entry) => entry.end);
    expect(brands.map((entry) => entry.rank.share)).toEqual([4, null, null, 1]);
    // y, 40% to 45%, keeps its rank (2nd at either end), but x's 40% ties it as printed and falls behind it at its other end.
    const tied = [brand('x', 'client', 0.4), brand('y', 'competitor', 0.4, 0.45), brand('w', 'competitor', 0.9)];
    const holds = holdsAtBothEnds(tied, [share], () => true, (entry) => entry.end);
    assignRanks(tied, [share], holds, (entry) => entry.end !== null, (entry) => entry.end);
    expect(tied.map((entry) => entry.rank.share)).toEqual([null, 2, 1]);
    // Without the other ends, as before: the bound passes what its printed value passes, and no more.
    assignRanks(brands, [share], comparable, (entry) => entry.end !== null);
    expect(brands.map((entry) => entry.rank.share)).toEqual([4, 2, null, 1]);
  });

  it('counts a bound that takes no rank at its printed value when it judges a figure at both ends', () => {
    // y, at least 50% by an unknown margin (no other end), counts ahead of x's 40%, not of x's other end, 60%: x's place
    // (3rd, or 2nd) is not known. w and z, exact, keep theirs.
    const brands = [brand('w', 'client', 0.7), brand('y', 'competitor', 0.5), brand('x', 'competitor', 0.4, 0.6), brand('z', 'competitor', 0.3)];
    const comparable = (entry: Bounded) => entry.id !== 'y';
    const bound = (entry: Bounded) => entry.id === 'y' || entry.end !== null;
    const holds = holdsAtBothEnds(brands, [share], comparable, (entry) => entry.end, bound);
    assignRanks(brands, [share], holds, bound, (entry) => entry.end);
    expect(brands.map((entry) => entry.rank.share)).toEqual([1, null, null, 4]);
    // Without y among them, x's rank holds at both ends (2nd).
    assignRanks(brands, [share], holdsAtBothEnds(brands, [share], comparable, (entry) => entry.end), bound, (entry) => entry.end);
    expect(brands.map((entry) => entry.rank.share)).toEqual([1, null, 3, 4]);
  });

  it('leaves unranked for bounds only a figure that takes part in the ranks: not one of a brand with too few posts of its own', () => {
    const brands = [brand('a', 'client', 0.3, 0.5), brand('b', 'competitor', 0.6), brand('c', 'competitor', 0.4)];
    const placed = (entry: Bounded) => entry.id !== 'a';
    expect(brands.map((entry) => unrankedForBounds(brands, entry, share, placed, (other) => other.end))).toEqual([false, false, false]);
    expect(brands.map((entry) => unrankedForBounds(brands, entry, share, () => true, (other) => other.end))).toEqual([true, false, true]);
  });

  it('is judged again without the bounds that fail: one that moved the median may have hidden a crossing', () => {
    // X, 20% to 60%, would pass b's 50%: left out. Then the competitors' median is (50% + 70%) / 2 = 60%, between the
    // client's 55% and 65%: the client is left out too, though against 20%, 50% and 70% its rank held (2nd at both ends).
    const brands = [brand('client', 'client', 0.55, 0.65), brand('b', 'competitor', 0.5), brand('c', 'competitor', 0.7), brand('x', 'competitor', 0.2, 0.6)];
    const comparable = holdsAtBothEnds(brands, [share], () => true, (entry) => entry.end);
    assignRanks(brands, [share], comparable);
    expect(brands.map((entry) => entry.rank.share)).toEqual([null, 2, 1, null]);
    expect(benchmarks(brands, [share], comparable)[0]).toMatchObject({ client: null, competitorMedian: 0.6, competitorsMeasured: 2 });
  });
});
