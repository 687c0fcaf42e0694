import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import { computeDiagnostics } from '../../src/metrics/diagnostics/index.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { renderReportHtml } from '../../src/report/html/renderHtml.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { LANGUAGES, type Language } from '../../src/report/i18n/language.js';
import { translator } from '../../src/report/i18n/strings.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { buildScorecard, DEFAULT_SCORECARD_THRESHOLDS, SCORECARD_METRICS, type Scorecard, type ScorecardCell, toneOf } from '../../src/report/model/scorecard.js';
import { ReportTemplate } from '../../src/report/template.js';
import type { Store } from '../../src/store/database.js';
import { plus, storeWith, type DiagPost } from '../fixtures/diagnostics/store.js';
import { foldSpaces, htmlText } from './helpers.js';

/*
 * October 2017, UTC. Acme (client, open every hour of the week) gets 10
 * mentions from 2 October 10:00, one an hour: the first 4 authors have 5,000
 * followers (influencers), the others 100; the first 5 are negative, the
 * others positive; it answers the first 8 after 30 minutes (80%). Rival gets
 * 10 mentions without followers or sentiment and answers the first 5 after 2
 * hours (50%); it has no business hours. Third does exactly as Rival, so
 * the competitor median rests on two measured competitors. Ghost is
 * mentioned 6 times and has no post of its own in the data. The groups are
 * hand-sized: the sample-size minimums are 1.
 */
const T0 = '2017-10-02T10:00:00Z';

function mentions(prefix: string, handle: string, account: string, count: number, answered: number, after: number, extra: (i: number) => Partial<DiagPost> = () => ({})): DiagPost[] {
  return Array.from({ length: count }, (_, i) => {
    const at = plus(T0, i * 60);
    const mention: DiagPost = { id: `${prefix}${i}`, author: `${prefix}customer${i}`, at, text: `@${handle} my order ${i} has not arrived`, ...extra(i) };
    return i < answered ? [mention, { id: `${prefix}${i}r`, author: account, at: plus(at, after), text: `@${prefix}customer${i} sorry, we are looking into order ${i}`, parent: mention.id }] : [mention];
  }).flat();
}

const POSTS: DiagPost[] = [
  ...mentions('a', 'AcmeCares', 'acmecares', 10, 8, 30, (i) => ({ followers: i < 4 ? 5000 : 100, sentiment: i < 5 ? 'Negative' : 'Positive' })),
  ...mentions('r', 'RivalHelp', 'rivalhelp', 10, 5, 120),
  ...mentions('t', 'ThirdTel', 'thirdtel', 10, 5, 120),
  ...mentions('g', 'GhostTel', 'ghosttel', 6, 0, 0),
  // The data runs on for weeks: no mention is pending. Each brand's last mentions come hours after its last post, which no
  // export's end explains (no brand-posts-partial).
  { id: 'late', author: 'z', at: '2017-11-30T00:00:00Z', text: 'x' },
];

function configWith(report: Record<string, unknown> = {}): Config {
  return parseConfig(
    {
      client: 'acme',
      timezone: 'UTC',
      brands: [
        { id: 'acme', name: 'Acme', accounts: { twitter: ['AcmeCares'] }, businessHours: { 'mon-sun': '00:00-24:00' } },
        { id: 'rival', name: 'Rival', accounts: { twitter: ['RivalHelp'] } },
        { id: 'third', name: 'Third', accounts: { twitter: ['ThirdTel'] } },
        { id: 'ghost', name: 'Ghost', accounts: { twitter: ['GhostTel'] } },
      ],
      metrics: { minReplies: 1, minFollowUps: 1, minGroupMentions: 1 },
      report,
    },
    'test.yaml',
    '/tmp',
  );
}

async function computed(store: Store, config: Config): Promise<MetricsReport> {
  const metrics = await computeMetrics(store, config, '2017-10');
  return { ...metrics, diagnostics: await computeDiagnostics(store, config, '2017-10') };
}

const template = ReportTemplate.open(undefined);
let store: Store;
let metrics: MetricsReport;

beforeAll(async () => {
  store = await storeWith(POSTS);
  metrics = await computed(store, configWith());
}, 60_000);

afterAll(() => store?.close());

function scorecardOf(language: Language, thresholds = DEFAULT_SCORECARD_THRESHOLDS, report: MetricsReport = metrics): Scorecard {
  const t = translator(template.strings(language), language);
  const card = buildScorecard(report, new Formatter(language, t, 'UTC'), t, thresholds);
  if (!card) throw new Error('no scorecard');
  return card;
}

/** Nobody writes a follow-up, and no brand has mentions outside business hours it could be measured on. */
const LEFT_OUT: readonly string[] = ['followUpAnsweredShare', 'responseRateOutsideHours'];

function cell(card: Scorecard, brandId: string, key: (typeof SCORECARD_METRICS)[number]): ScorecardCell {
  const row = card.rows.find((entry) => entry.brandId === brandId);
  const index = card.columns.findIndex((column) => column.key === key);
  const found = row?.cells[index];
  if (!found) throw new Error(`no cell ${brandId}/${key}`);
  return found;
}

/** The fixture's metrics under a minimum of 100 replies: Rival's 5 are too few, so its canned share is unknown. */
function rivalTooFewReplies(): MetricsReport {
  const diagnostics = metrics.diagnostics;
  if (!diagnostics) throw new Error('diagnostics expected');
  return {
    ...metrics,
    diagnostics: {
      ...diagnostics,
      settings: { ...diagnostics.settings, minReplies: 100 },
      brands: diagnostics.brands.map((brand) => (brand.id === 'rival' ? { ...brand, canned: { ...brand.canned, cannedShare: null, reason: 'too-few-replies' as const } } : brand)),
    },
  };
}

describe('mistakes scorecard', () => {
  it('has one column per classic mistake some brand can be measured on, and one row per brand, in leaderboard order', () => {
    const card = scorecardOf('en');
    expect(card.columns.map((column) => column.key)).toEqual(SCORECARD_METRICS.filter((key) => !LEFT_OUT.includes(key)));
    expect(card.rows.map((row) => [row.brandName, row.isClient])).toEqual([
      ['Acme', true],
      ['Rival', false],
      ['Third', false],
      ['Ghost', false],
    ]);
  });

  it('names under each brand the mentions needing an answer its figures rest on, or the mentions of a brand whose answers the data lacks', () => {
    // Acme's 10 mentions all need an answer; Ghost's 6 rest on nothing measured (no post of its own): not "0 needing an answer".
    expect(scorecardOf('en').rows.map((row) => [row.brandId, row.sample])).toEqual([
      ['acme', '10 needing an answer'],
      ['rival', '10 needing an answer'],
      ['third', '10 needing an answer'],
      ['ghost', '6 mentions, its answers not in the data'],
    ]);
    expect([scorecardOf('es').rows[0]?.sample, scorecardOf('es').rows[3]?.sample]).toEqual(['10 piden respuesta', '6 menciones, sin sus respuestas en los datos']);
    expect([scorecardOf('fr').rows[0]?.sample, scorecardOf('fr').rows[3]?.sample]).toEqual(['10 appelant une réponse', '6 mentions, sans ses réponses dans les données']);
    // A brand with posts of its own whose 6 mentions all need no answer (a tag storm): none needs one, its answers are not missing.
    const stormed = { ...metrics, brands: metrics.brands.map((brand) => (brand.id === 'ghost' && brand.coverage ? { ...brand, brandPosts: 3, coverage: { ...brand.coverage, brandPosts: 3, massMentions: 6, warnings: [] } } : brand)) };
    expect(scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, stormed).rows.find((row) => row.brandId === 'ghost')?.sample).toBe('0 needing an answer');
  });

  it('prints each value with the rank the metrics and diagnostics computed, never a rank of its own, and none among one brand or where every brand ties', () => {
    const card = scorecardOf('en');
    const diagnostics = metrics.diagnostics;
    for (const brand of metrics.brands) {
      const diagnosed = diagnostics?.brands.find((entry) => entry.id === brand.id);
      for (const { key } of card.columns) {
        const printed = cell(card, brand.id, key);
        if (printed.reason) {
          expect(printed.rank).toBeNull();
          continue;
        }
        const rank = key === 'responseRate' || key === 'responseTimeMedianMin' || key === 'replyShare' ? brand.rank[key] : diagnosed?.rank[key];
        // Only Acme's export has follower counts and sentiment: a rank among one brand is left out.
        const alone = key === 'influencerResponseRate' || key === 'negativeResponseRate';
        // Where every brand measured has the same rank (all their own posts are replies, none is unsolicited), the rank tells none apart.
        const ranks = metrics.brands.map((other) => (key === 'responseRate' || key === 'responseTimeMedianMin' || key === 'replyShare' ? other.rank[key] : diagnostics?.brands.find((entry) => entry.id === other.id)?.rank[key]));
        const allTied = new Set(ranks.filter((given) => given !== null && given !== undefined)).size === 1;
        expect([brand.id, key, printed.rank]).toEqual([brand.id, key, rank === null || rank === undefined || alone || allTied ? null : String(rank)]);
      }
    }
    // 10 mentions a brand: the rates and times carry the low-sample mark, as in the leaderboard.
    expect(cell(card, 'acme', 'responseRate')).toMatchObject({ text: '80% †', rank: '1', tone: 'better', symbol: '✓' });
    // Rival's own value is one of the two the competitor median rests on: no verdict for it.
    expect(cell(card, 'rival', 'responseRate')).toMatchObject({ text: '50% †', rank: '2', tone: 'incomparable', symbol: '○' });
    expect(cell(card, 'acme', 'responseTimeMedianMin')).toMatchObject({ text: '30\u00a0min †', rank: '1', tone: 'better' });
    expect(cell(card, 'rival', 'responseTimeMedianMin')).toMatchObject({ text: '2.0\u00a0h †', rank: '2', tone: 'incomparable' });
    expect(card.notes).toContain('† A rate or a time resting on fewer than 30 mentions: read it with care.');
  });

  it('compares every row with the competitor median of the benchmarks', () => {
    const card = scorecardOf('en');
    const median = (key: string) => [...(metrics.benchmarks ?? []), ...(metrics.diagnostics?.benchmarks ?? [])].find((item) => item.metric === key)?.competitorMedian;
    // Ghost has no response rate: the competitor median is Rival's alone.
    expect(median('responseRate')).toBe(0.5);
    expect(median('responseTimeMedianMin')).toBe(120);
    expect(card.medians.slice(0, 2)).toEqual(['50%', '2.0\u00a0h']);
    // No competitor has follower counts or sentiment: no median, so no verdict and no rank among one brand, and the
    // value is marked as the legend says, not comparable (fewer than 2 measured competitors), never left bare.
    expect(median('influencerResponseRate')).toBeNull();
    expect(cell(card, 'acme', 'influencerResponseRate')).toMatchObject({ text: '100%', rank: null, tone: 'incomparable', symbol: '○' });
    expect(cell(card, 'acme', 'negativeResponseRate')).toMatchObject({ text: '100%', tone: 'incomparable' });
    expect(card.medians[card.columns.findIndex((column) => column.key === 'influencerResponseRate')]).toBe('—');
  });

  it('calls no value better or worse than a median it prints the same as', () => {
    // 2.8 min against a median of 2.5 min is 12% slower, past the 10% threshold, but both print "3 min".
    const timed = (minutes: number): MetricsReport => ({
      ...metrics,
      brands: metrics.brands.map((brand) => (brand.id === 'acme' ? { ...brand, responseTimeMedianMin: minutes } : brand)),
      benchmarks: (metrics.benchmarks ?? []).map((item) => (item.metric === 'responseTimeMedianMin' ? { ...item, competitorMedian: 2.5 } : item)),
    });
    expect(cell(scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, timed(2.8)), 'acme', 'responseTimeMedianMin')).toMatchObject({ text: '3\u00a0min †', tone: 'same' });
    expect(cell(scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, timed(3.6)), 'acme', 'responseTimeMedianMin')).toMatchObject({ text: '4\u00a0min †', tone: 'worse' });
  });

  it('takes the "about the same" thresholds from the config', () => {
    // 80% against 50% is 30 points apart; 30 min against 2 h is 75% shorter.
    const wide = scorecardOf('en', { sameWithinPoints: 30, sameWithinPercent: 75 });
    expect(cell(wide, 'acme', 'responseRate').tone).toBe('same');
    expect(cell(wide, 'acme', 'responseTimeMedianMin').tone).toBe('same');
    const narrow = scorecardOf('en', { sameWithinPoints: 29.9, sameWithinPercent: 74.9 });
    expect(cell(narrow, 'acme', 'responseRate').tone).toBe('better');
    expect(cell(narrow, 'acme', 'responseTimeMedianMin').tone).toBe('better');
  });

  it('applies the thresholds in points for shares and in percent for times, the better side by the metric', () => {
    const thresholds = DEFAULT_SCORECARD_THRESHOLDS;
    expect(toneOf(0.52, 0.5, 'higher', 'share', thresholds)).toBe('same');
    expect(toneOf(0.48, 0.5, 'higher', 'share', thresholds)).toBe('same');
    expect(toneOf(0.521, 0.5, 'higher', 'share', thresholds)).toBe('better');
    expect(toneOf(0.521, 0.5, 'lower', 'share', thresholds)).toBe('worse');
    expect(toneOf(110, 100, 'lower', 'minutes', thresholds)).toBe('same');
    expect(toneOf(111, 100, 'lower', 'minutes', thresholds)).toBe('worse');
    expect(toneOf(89, 100, 'lower', 'minutes', thresholds)).toBe('better');
    expect(toneOf(null, 100, 'lower', 'minutes', thresholds)).toBeNull();
    expect(toneOf(0.5, null, 'higher', 'share', thresholds)).toBeNull();
  });

  it('reads report.scorecard from the config, with defaults of 2 points and 10%', async () => {
    const config = configWith({ scorecard: { sameWithinPoints: 30 } });
    expect(config.report.scorecard).toEqual({ sameWithinPoints: 30 });
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    const rate = model.scorecard?.rows[0]?.cells[0];
    expect(rate?.tone).toBe('same');
    expect(model.scorecard?.legend[1]?.text).toBe('about the same (within 30\u00a0pts for rates and shares, 10% for times)');
    expect(() => configWith({ scorecard: { sameWithinPoints: -1 } })).toThrow(/sameWithinPoints/);
    expect(() => configWith({ scorecard: { within: 3 } })).toThrow(/within/);
  });

  it('says why a value is not measurable: no posts of the brand, no business hours, no follower counts, no sentiment, nothing to measure', () => {
    const card = scorecardOf('en');
    // Ghost has no post in the data: even the diagnostics that count its mentions as unanswered are not printed.
    expect(card.columns.length).toBeGreaterThan(3);
    for (const { key } of card.columns) {
      expect(cell(card, 'ghost', key)).toMatchObject({ text: '—', rank: null, tone: null, reason: 'no-brand-posts', reasonText: 'no posts of the brand in the data' });
    }
    expect(cell(card, 'rival', 'influencerResponseRate')).toMatchObject({ reason: 'no-follower-data', reasonText: 'no follower counts in the data' });
    expect(cell(card, 'rival', 'negativeResponseRate')).toMatchObject({ reason: 'no-sentiment-data', reasonText: 'no sentiment in the data' });
    // Nobody wrote a second message under a brand reply, and Acme, open around the clock, gets no mention outside its hours while
    // the others have no business hours: no brand is measured, so both columns leave the table for one line under it (the reason when all share it).
    expect(card.notes).toContain('Not shown, as no brand can be measured on them: Follow-ups answered (no follow-up in the period) and Answered outside hours.');
    expect(card.columns.map((column) => column.label)).not.toContain('Follow-ups answered');
  });

  it('says one column left out in the singular', () => {
    // Rival answered 1 of 2 follow-ups: only "Answered outside hours" is left out.
    const diagnostics = metrics.diagnostics;
    if (!diagnostics) throw new Error('no diagnostics');
    const measured = { ...diagnostics, brands: diagnostics.brands.map((brand) => (brand.id === 'rival' ? { ...brand, followThrough: { ...brand.followThrough, followUps: 2, answered: 1, answeredShare: 0.5, reason: null } } : brand)) };
    const notes = (language: Language) => scorecardOf(language, DEFAULT_SCORECARD_THRESHOLDS, { ...metrics, diagnostics: measured }).notes.filter((note) => /Not shown|No se muestra|Non affichée/.test(note));
    expect([...notes('en'), ...notes('es'), ...notes('fr')]).toEqual([
      'Not shown, as no brand can be measured on it: Answered outside hours.',
      'No se muestra, porque ninguna marca puede medirse en ella: Respondidas fuera de horario.',
      'Non affichée, aucune marque ne pouvant y être mesurée\u00a0: Réponses hors des heures d’ouverture.',
    ]);
  });

  it('gives the workbook’s diagnostics the reasons the scorecard prints for its empty values, one line per reason', async () => {
    const thin = rivalTooFewReplies();
    const { model } = await buildReportModel({ metrics: thin, config: configWith(), facts: null, template, language: 'en' });
    const sheet = model.workbook.sheets.find((candidate) => candidate.name === 'Diagnostics');
    const notes = Object.fromEntries((sheet?.rows ?? []).map((row) => [String(row[0]?.value), String(row.at(-1)?.value ?? '')]));
    const columns = scorecardOf('en').columns.map((column) => column.label);
    // What the export cannot feed, the diagnostics' own notes say once; what only the scorecard says comes first.
    const exportLacks = (brand: string) => `No business hours are set for ${brand}. The export has no follower counts for ${brand}. The export has no sentiment for ${brand}.`;
    expect(notes.Rival).toBe(`Canned replies: fewer than 100 replies. ${exportLacks('Rival')}`);
    expect(notes.Ghost).toBe(`${columns.join(', ')}: no posts of the brand in the data. ${exportLacks('Ghost')}`);
    // Acme's rate in its business hours is shown, on 10 mentions: the sheet says so, as the scorecard's † does.
    expect(notes.Acme).toBe('Answered in business hours: 10 mentions, fewer than 30: read it with care.');
    // French puts a space before the colon.
    const { model: fr } = await buildReportModel({ metrics: thin, config: configWith(), facts: null, template, language: 'fr' });
    const frSheet = fr.workbook.sheets.find((candidate) => candidate.name === translator(template.strings('fr'), 'fr')('sheet.diagnostics'));
    const rival = frSheet?.rows.find((row) => row[0]?.value === 'Rival');
    expect(String(rival?.at(-1)?.value)).toMatch(/^Réponses toutes faites\u00a0: moins de 100 réponses\. /);
  });

  it('names every column of the Diagnostics sheet left empty for want of data, the scorecard’s and its own, one line per reason', async () => {
    const thin = rivalTooFewReplies();
    const group = (inbound: number, reason: 'too-few-mentions' | null) => ({ inbound, answered: 1, listedMissing: 0, responseRate: reason ? null : 1 / inbound, responseTimeMedianMin: reason ? null : 12, reason });
    const diagnostics = thin.diagnostics;
    if (!diagnostics) throw new Error('diagnostics expected');
    const fewer: MetricsReport = {
      ...thin,
      diagnostics: {
        ...diagnostics,
        settings: { ...diagnostics.settings, minFollowUps: 30, minGroupMentions: 30 },
        brands: diagnostics.brands.map((brand) =>
          brand.id === 'rival'
            ? {
                ...brand,
                followThrough: { ...brand.followThrough, answeredShare: null, responseTimeMedianMin: null, abandonedShare: null, reason: 'too-few-follow-ups' as const },
                // 14 mentions outside its hours: the rate is shown, on too few of them to compare without care; 40 inside are enough.
                businessHours: { inboundInside: 40, answeredInside: 30, listedMissingInside: 0, responseRateInside: 0.75, inboundOutside: 14, answeredOutside: 4, listedMissingOutside: 0, responseRateOutside: 4 / 14, businessTimeMedianMin: 20, businessTimeP90Min: 60, calendarTimeMedianMin: 30, calendarTimeP90Min: 90 },
                sentiment: { bySentiment: { negative: group(40, null), neutral: group(35, null), positive: group(4, 'too-few-mentions') }, unknown: 0, otherPlatforms: 0 },
              }
            : brand,
        ),
      },
    };
    const { model } = await buildReportModel({ metrics: fewer, config: configWith(), facts: null, template, language: 'en' });
    const sheet = model.workbook.sheets.find((candidate) => candidate.name === 'Diagnostics');
    const rival = sheet?.rows.find((row) => row[0]?.value === 'Rival');
    const blank = (header: string) => rival?.[sheet?.headers.indexOf(header) ?? -1]?.value;
    for (const header of ['Follow-ups answered', 'Median time to answer a follow-up (min)', 'Conversations abandoned', 'Response rate to positive mentions']) expect(blank(header)).toBeNull();
    expect(blank('Response rate to neutral mentions')).toBeCloseTo(1 / 35, 9);
    expect(String(rival?.at(-1)?.value)).toMatch(
      /^Canned replies: fewer than 100 replies\. Follow-ups answered, Median time to answer a follow-up \(min\), Conversations abandoned: fewer than 30 follow-ups\. Response rate to positive mentions: fewer than 30 such mentions\. Answered outside business hours: 14 mentions, fewer than 30: read it with care\. /,
    );
    expect(String(rival?.at(-1)?.value)).not.toContain('Answered in business hours:');
  });

  it('marks a rate outside business hours that rests on fewer than 30 mentions written outside them, as any rate', () => {
    const diagnostics = metrics.diagnostics;
    if (!diagnostics) throw new Error('diagnostics expected');
    const hours = (inboundOutside: number, answeredOutside: number) => ({
      inboundInside: 10,
      answeredInside: 5,
      listedMissingInside: 0,
      responseRateInside: 0.5,
      inboundOutside,
      answeredOutside,
      listedMissingOutside: 0,
      responseRateOutside: answeredOutside / inboundOutside,
      businessTimeMedianMin: 30,
      businessTimeP90Min: 60,
      calendarTimeMedianMin: 30,
      calendarTimeP90Min: 60,
    });
    // Rival: 4 of 14 answered outside its hours; Third: 12 of 40; Acme: 20 of 30.
    const outside: Record<string, ReturnType<typeof hours>> = { rival: hours(14, 4), third: hours(40, 12), acme: hours(30, 20) };
    const timed: MetricsReport = { ...metrics, diagnostics: { ...diagnostics, brands: diagnostics.brands.map((brand) => ({ ...brand, businessHours: outside[brand.id] ?? brand.businessHours })) } };
    const card = scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, timed);
    expect(cell(card, 'rival', 'responseRateOutsideHours').text).toBe('29% †');
    expect(cell(card, 'third', 'responseRateOutsideHours').text).toBe('30%');
    expect(cell(card, 'acme', 'responseRateOutsideHours').text).toBe('67%');
    expect(card.notes).toContain('† A rate or a time resting on fewer than 30 mentions: read it with care.');
  });

  it('says under the table when an audience column rests on part of a brand’s mentions only', () => {
    const diagnostics = metrics.diagnostics;
    if (!diagnostics) throw new Error('diagnostics expected');
    expect(scorecardOf('en').notes.join(' ')).not.toContain('leaves out');
    // Acme's export gives a sentiment to its 10 mentions, and none to 6 more.
    const partial: MetricsReport = {
      ...metrics,
      diagnostics: { ...diagnostics, brands: diagnostics.brands.map((brand) => (brand.id === 'acme' && brand.sentiment ? { ...brand, sentiment: { ...brand.sentiment, unknown: 6 } } : brand)) },
    };
    expect(scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, partial).notes).toContain('“Negative mentions answered” leaves out the mentions without a sentiment in the export: 6 of the 16 mentions of Acme.');
    expect(scorecardOf('es', DEFAULT_SCORECARD_THRESHOLDS, partial).notes).toContain('«Menciones negativas respondidas» deja fuera las menciones a las que la exportación no da sentimiento: 6 de las 16 menciones de Acme.');
  });

  it('says the minimum a value too small to tell would need, from the settings of the run', () => {
    // The cell says under what minimum.
    const thin = rivalTooFewReplies();
    expect(cell(scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, thin), 'rival', 'cannedShare')).toMatchObject({ text: '—', reason: 'too-few-replies', reasonText: 'fewer than 100 replies' });
    expect(cell(scorecardOf('es', DEFAULT_SCORECARD_THRESHOLDS, thin), 'rival', 'cannedShare').reasonText).toBe('menos de 100 respuestas');
    expect(cell(scorecardOf('fr', DEFAULT_SCORECARD_THRESHOLDS, thin), 'rival', 'cannedShare').reasonText).toBe('moins de 100 réponses');
  });

  it('prints the reasons, the legend and the definitions in Spanish and French', () => {
    const es = scorecardOf('es');
    expect(cell(es, 'ghost', 'responseRate').reasonText).toBe('ninguna publicación de la marca en los datos');
    expect(cell(es, 'rival', 'negativeResponseRate').reasonText).toBe('sin sentimiento en los datos');
    expect(es.notes).toContain('No se muestran, porque ninguna marca puede medirse en ellas: Seguimientos respondidos (ningún seguimiento en el periodo) y Respondidas fuera de horario.');
    const fr = scorecardOf('fr');
    expect(cell(fr, 'rival', 'negativeResponseRate').reasonText).toBe('pas de tonalité dans les données');
    expect(cell(fr, 'acme', 'responseRate').text).toBe('80\u00a0% †');
    expect(fr.legend.map((item) => item.symbol)).toEqual(['✓', '≈', '✗', '○', '—']);
    expect(fr.definitions.find((row) => row.label === 'Comptes influents avec réponse')?.value).toContain('1\u202f000 abonnés');
  });

  it('makes no verdict against a median of one measured competitor, and says how many the median rests on', async () => {
    const two = await storeWith(POSTS.filter((post) => !post.id.startsWith('t')));
    try {
      const config = configWith();
      const card = scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, await computed(two, { ...config, brands: config.brands.filter((brand) => brand.id !== 'third') }));
      // Rival is the only competitor with posts: 80% against its 50% is no "better".
      expect(cell(card, 'acme', 'responseRate')).toMatchObject({ text: '80% †', tone: 'incomparable', symbol: '○' });
      expect(card.medians[0]).toBe('50%');
      expect(card.medianNotes[0]).toBe('of 1 competitor');
      expect(card.legend.find((item) => item.tone === 'incomparable')?.text).toBe('not comparable: fewer than 2 measured competitors besides the brand itself');
    } finally {
      two.close();
    }
    // With Third, two competitors are measured: a verdict is made for the client. Not for Rival, whose own value is
    // one of the two the median rests on: against Third alone it would be no verdict either.
    expect(scorecardOf('en').medianNotes[0]).toBe('of 2 competitors');
    expect(cell(scorecardOf('en'), 'acme', 'responseRate').tone).toBe('better');
    expect(cell(scorecardOf('en'), 'rival', 'responseRate')).toMatchObject({ tone: 'incomparable', symbol: '○' });
  });

  it('shows a brand with too few posts of its own, none a reply, marked and without rank or verdict', async () => {
    // Third's only posts become 3 broadcasts: fewer than 10, no reply.
    const few = await storeWith([
      ...POSTS.filter((post) => !(post.id.startsWith('t') && post.id.endsWith('r'))),
      ...[0, 1, 2].map((i) => ({ id: `tb${i}`, author: 'thirdtel', at: plus(T0, i * 90), text: `News number ${i}` })),
    ]);
    try {
      const report = await computed(few, configWith());
      const third = report.brands.find((brand) => brand.id === 'third');
      expect(third?.coverage?.warnings).toContain('few-brand-posts');
      expect(third?.rank.responseRate).toBeNull();
      const card = scorecardOf('en', DEFAULT_SCORECARD_THRESHOLDS, report);
      expect(cell(card, 'third', 'responseRate')).toMatchObject({ text: '0% † °', rank: null, tone: null });
      // The competitor median rests on Rival alone again.
      expect(card.medianNotes[0]).toBe('of 1 competitor');
      expect(card.notes.some((note) => note.startsWith('° The data holds only 3 posts by Third'))).toBe(true);
    } finally {
      few.close();
    }
  });

  it('is left out, with the audience section, when the metrics carry no diagnostics', async () => {
    const { diagnostics: _left, ...bare } = metrics;
    const { model } = await buildReportModel({ metrics: bare, config: configWith(), facts: null, template, language: 'en' });
    expect(model.scorecard).toBeNull();
    expect(model.sections).not.toContain('scorecard');
    expect(model.sections).not.toContain('audience');
    const full = await buildReportModel({ metrics, config: configWith(), facts: null, template, language: 'en' });
    expect(full.model.sections.slice(0, 4)).toEqual(['cover', 'summary', 'leaderboard', 'scorecard']);
    expect(full.model.sections.indexOf('audience')).toBe(full.model.sections.indexOf('response-time') + 1);
  });
});

describe('sentiment and audience chart', () => {
  it('draws response by sentiment and for influencers for the brands whose export has them, and names the others', async () => {
    const { model } = await buildReportModel({ metrics, config: configWith(), facts: null, template, language: 'en' });
    const sentiment = model.charts.sentiment;
    const influencers = model.charts.influencers;
    expect(sentiment?.svg).toContain('<svg');
    expect(influencers?.svg).toContain('<svg');
    // Acme: negative 5 of 5 answered, positive 3 of 5; influencers 4 of 4, others 4 of 6.
    for (const label of ['100% · 5', '60% · 5', 'Negative', 'Positive']) expect(sentiment?.svg).toContain(label);
    for (const label of ['100% · 4', '67% · 6', 'Influencers', 'Other authors']) expect(influencers?.svg).toContain(label);
    // Ghost has no post of its own: it is neither drawn nor named as lacking the columns.
    // Acme got no neutral mention: that gap is said too, so it never reads as 0%.
    // Every median rests on 5 answers or fewer: the notes name them.
    expect(sentiment?.notes).toEqual([
      'The export has no sentiment for the mentions of Rival and Third.',
      'No bar where the brand received no such mention: Acme (Neutral).',
      '† Median times on fewer than 30 answered mentions, to read with care: Acme (Negative, 5; Positive, 3).',
    ]);
    expect(influencers?.notes).toEqual([
      'The export has no follower counts for the authors who mentioned Rival and Third.',
      '† Median times on fewer than 30 answered mentions, to read with care: Acme (Influencers, 4; Other authors, 4).',
    ]);
    expect(sentiment?.svg).not.toContain('Ghost');
  });

  it('says under each chart how many of a brand’s mentions it leaves out for want of a sentiment or a follower count', async () => {
    // Three more mentions of Acme, from an export without those columns: the bars still rest on its 10 others.
    const more = mentions('x', 'AcmeCares', 'acmecares', 3, 0, 0).map((post) => ({ ...post, at: plus(post.at, 900) }));
    const store = await storeWith([...POSTS, ...more]);
    try {
      const config = configWith();
      const { model } = await buildReportModel({ metrics: await computed(store, config), config, facts: null, template, language: 'en' });
      expect(model.charts.sentiment?.notes).toContain('Left out of the chart, as the export gives them no sentiment: 3 of the 13 mentions of Acme.');
      expect(model.charts.influencers?.notes).toContain('Left out of the chart, as the export gives no follower count for their authors: 3 of the 13 mentions of Acme.');
      for (const label of ['100% · 5', '60% · 5']) expect(model.charts.sentiment?.svg).toContain(label);
    } finally {
      store.close();
    }
  });

  it('is left out when no export has sentiment or follower counts, with one line each in the methodology and the columns to export in the analyst notes', async () => {
    const bare = await storeWith(POSTS.map(({ followers: _f, sentiment: _s, ...post }) => post));
    try {
      const config = configWith();
      const plain = await computed(bare, config);
      for (const language of LANGUAGES) {
        const { model, t } = await buildReportModel({ metrics: plain, config, facts: null, template, language });
        expect(model.charts.sentiment).toBeUndefined();
        expect(model.charts.influencers).toBeUndefined();
        expect(model.sections).not.toContain('audience');
        expect(model.absent).toEqual([t('absent.sentiment'), t('absent.followers')]);
        const html = htmlText(renderReportHtml(model, template, t));
        expect(html).toContain(foldSpaces(t('absent.sentiment')));
        expect(html).not.toContain(foldSpaces(t('section.audience')));
        const notes = model.analystWorkbook.sheets.find((sheet) => sheet.name === t('analyst.sheet'))?.rows.map((row) => row[1]?.value);
        expect(notes).toEqual(expect.arrayContaining([t('analyst.sentimentValue'), t('analyst.followersValue')]));
      }
      const en = template.strings('en');
      expect(en['analyst.sentimentValue']).toMatch(/Talkwalker, Meltwater, Brandwatch.*“sentiment” column/);
      expect(en['analyst.followersValue']).toMatch(/follower counts.*“followers” column/);
    } finally {
      bare.close();
    }
  });
});

describe('scorecard and audience pages in every language', () => {
  const keysOf = (language: Language) => Object.keys(template.strings(language));

  it('has every string the scorecard and the audience chart ask for, in en, es and fr', () => {
    const needed = [
      'section.scorecard',
      'section.audience',
      ...SCORECARD_METRICS.flatMap((key) => [`scorecard.column.${key}`, `scorecard.definition.${key}`, `scorecard.none.${key}`]),
      ...['no-brand-posts', 'no-business-hours', 'no-follower-data', 'no-sentiment-data'].map((reason) => `scorecard.reason.${reason}`),
      ...['better', 'same', 'worse', 'none'].map((tone) => `scorecard.legend.${tone}`),
      ...['negative', 'neutral', 'positive'].map((group) => `chart.sentiment.group.${group}`),
      ...['influencers', 'others'].map((group) => `chart.influencers.group.${group}`),
      ...['title', 'caption', 'missingFor'].flatMap((part) => [`chart.sentiment.${part}`, `chart.influencers.${part}`]),
      ...['absent.sentiment', 'absent.followers', 'analyst.sentimentValue', 'analyst.followersValue', 'scorecard.leftOut', 'scorecard.leftOutOne'],
    ];
    for (const language of LANGUAGES) expect([language, needed.filter((key) => !keysOf(language).includes(key))]).toEqual([language, []]);
  });

  it('leaves no English in the Spanish and French scorecard and audience sections', async () => {
    const english = template.strings('en');
    const mine = Object.entries(english).filter(([key]) => /^(section\.(scorecard|audience)|scorecard\.|chart\.(sentiment|influencers|audience)\.)/.test(key));
    expect(mine.length).toBeGreaterThan(50);
    for (const language of ['es', 'fr'] as const) {
      const { model, t } = await buildReportModel({ metrics, config: configWith(), facts: null, template, language });
      const html = renderReportHtml({ ...model, sections: ['scorecard', 'audience'] }, template, t);
      const text = htmlText(html);
      const svgText = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(' ');
      const leftovers = mine
        .filter(([key, value]) => template.strings(language)[key] !== value)
        .flatMap(([, value]) => value.split(/\{\w+\}/))
        .map((fragment) => foldSpaces(fragment).trim())
        // Whole words only: the French "Positives" is not the English "Positive".
        .filter((fragment) => fragment.length >= 8 && [text, svgText].some((printed) => new RegExp(`(^|[^\\p{L}])${escaped(fragment)}($|[^\\p{L}])`, 'u').test(printed)));
      expect([language, leftovers]).toEqual([language, []]);
      expect(text).not.toMatch(/\b(better|worse|median|answered|followers|Negative|Positive|Hours)\b/);
    }
  });
});

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
