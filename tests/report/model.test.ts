import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { DIAGNOSTIC_METRICS } from '../../src/metrics/diagnostics/catalogue.js';
import { computeDiagnostics } from '../../src/metrics/diagnostics/index.js';
import { responseRateOrder } from '../../src/metrics/ranking.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { ranksCompare } from '../../src/report/model/brandLookup.js';
import type { ImprovementItem } from '../../src/report/advice/types.js';
import { renderReportHtml } from '../../src/report/html/renderHtml.js';
import { Formatter } from '../../src/report/i18n/format.js';
import { LANGUAGES } from '../../src/report/i18n/language.js';
import { translator } from '../../src/report/i18n/strings.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import type { BrandReach } from '../../src/analysis/analysis.js';
import { measuredInbound } from '../../src/report/model/coverage.js';
import { formatExamples, printableName, shortenText } from '../../src/report/model/examples.js';
import { ReportTemplate } from '../../src/report/template.js';
import { adviceInput } from '../fixtures/diagnostics/advice-input.js';
import { emptyCoverage } from './helpers.js';
import { FIXTURES, metricsFixtureConfig, metricsFixtureStore } from './fixtureStore.js';
import { computeFixtureMetrics, fixtureMetrics } from './helpers.js';

const template = ReportTemplate.open(undefined);
const config = loadConfig(`${FIXTURES}replybench.yaml`);

async function model(language: 'en' | 'es' | 'fr', improvements: ImprovementItem[] | null = null, metrics: MetricsReport = fixtureMetrics()) {
  return buildReportModel({ metrics, config, facts: null, template, language, improvements, generatedAt: new Date('2017-11-03T10:00:00Z') });
}

/*
 * The metrics are those computeMetrics gives for October 2017 on the fixture
 * store (METRICS_FIXTURE_PLAN in fixtureStore.ts); every expected string
 * below is worked out from that plan by hand. Response rates: RivalCo 64/80
 * = 80%, Acme 30/50 = 60%, CannTel 5/10 = 50%, SwiftNet 12/40 = 30%, MegaFon
 * 9/60 = 15%.
 */
describe('report model', () => {
  it('writes the findings from the client’s computed rate, rank, medians and benchmarks', async () => {
    const { model: built } = await model('en');
    expect(built.findings).toEqual([
      'Acme Telecom answered 60% of the 50 mentions it received, rank 2 of 5 brands.',
      // SwiftNet is fastest (5 min) but on 12 answered mentions: Acme (40 min on 30) is set against RivalCo, the fastest whose median rests on 30 or more.
      'RivalCo answered 2 times faster than Acme Telecom: a median first response of 20\u00a0min against 40\u00a0min.',
      // Acme: 20 of 50 within 60 min; competitors 80%, 30%, 0%, 0%: median 15%.
      '40% of the mentions to Acme Telecom that needed an answer were answered within 1\u00a0h, ahead of the competitor median (15%).',
      // September: 26 of 40 = 65%, so -5 points.
      'The response rate fell by 5.0\u00a0pts compared with September 2017. There were fewer mentions in September 2017: 40, against 50 in October 2017.',
      // MegaFon: 9 replies and 41 broadcasts; Acme 30 replies and 10 broadcasts.
      // Five findings at most: the share of voice (21%, rank 3 of 5) comes after these.
      'MegaFon Ibérica mostly broadcasts: only 18% of its posts were replies to people, against 75% for Acme Telecom.',
    ]);
  });

  it('says the competitors\u2019 share within the target as the bound it is, and the client ahead of it only when ahead at both its ends', async () => {
    // Acme: 40% within 1 h against a median of 15% that competitors' lower bounds could lift to 30%, then to 45%.
    const sla = async (end: number) => {
      const metrics = fixtureMetrics();
      const benchmarks = (metrics.benchmarks ?? []).map((entry) => (entry.metric === 'withinSla.60' ? { ...entry, competitorMedianEnd: end } : entry));
      return (await model('en', null, { ...metrics, benchmarks })).model.findings.filter((line) => line.includes('within 1'));
    };
    expect(await sla(0.3)).toEqual(['40% of the mentions to Acme Telecom that needed an answer were answered within 1\u00a0h, ahead of the competitor median (at least 15%).']);
    expect(await sla(0.45)).toEqual(['40% of the mentions to Acme Telecom that needed an answer were answered within 1\u00a0h, against at least 15% for the competitor median.']);
    // Acme's own share a lower bound, 40% up to 50% (5 of its 50 mentions list a response the data lacks): said against the
    // median where it is ahead at both ends, not where the median (45%) lies between them.
    const bounded = async (median: number) => {
      const metrics = fixtureMetrics();
      const brands = metrics.brands.map((brand) => (brand.id === 'acme' && brand.coverage ? { ...brand, coverage: { ...brand.coverage, inboundMeasured: 50, listedResponsesMissing: 5, warnings: [...brand.coverage.warnings, 'responses-missing' as const] } } : brand));
      const benchmarks = (metrics.benchmarks ?? []).map((entry) => (entry.metric === 'withinSla.60' ? { ...entry, competitorMedian: median, clientEnd: 0.5 } : entry));
      return (await model('en', null, { ...metrics, brands, benchmarks })).model.findings.filter((line) => line.includes('within 1'));
    };
    expect(await bounded(0.15)).toEqual(['At least 40% of the mentions to Acme Telecom that needed an answer were answered within 1\u00a0h, against 15% for the competitor median.']);
    expect(await bounded(0.45)).toEqual([]);
  });

  it('says a slower client\'s median beside a fastest one of few answers only from 1.2 times slower', async () => {
    // SwiftNet is the fastest, 5 min on 12 answered mentions; Acme's median set to 5.9 min (1.18 times), then 6 min (1.2 times).
    const speed = async (minutes: number) => {
      const metrics = fixtureMetrics();
      const acme = metrics.brands.find((brand) => brand.id === 'acme');
      if (!acme) throw new Error('acme expected');
      acme.responseTimeMedianMin = minutes;
      return (await model('en', null, metrics)).model.findings.filter((line) => line.includes('median first response'));
    };
    expect(await speed(5.9)).toEqual([]);
    expect(await speed(6)).toEqual([
      'Acme Telecom’s median first response was 6\u00a0min, against 5\u00a0min for SwiftNet, the fastest; the median of SwiftNet rests on fewer than 30 answered mentions (12), so the gap is only indicative.',
    ]);
    // The other way round: SwiftNet's median measured, the client's on 12 answered mentions; the client's is named.
    const metrics = fixtureMetrics();
    const brands = metrics.brands.map((brand) =>
      brand.id === 'acme' ? { ...brand, responseTimeMedianMin: 60, answered: 12, lowSampleTimes: true } : brand.id === 'swiftnet' ? { ...brand, lowSampleTimes: false } : brand,
    );
    expect((await model('es', null, { ...metrics, brands })).model.findings.filter((line) => line.includes('mediana de primera respuesta'))).toEqual([
      'La mediana de primera respuesta de Acme Telecom fue de 1,0\u00a0h, frente a 5\u00a0min de SwiftNet, la más rápida; la mediana de Acme Telecom se basa en menos de 30 menciones respondidas (12), así que la diferencia es solo orientativa.',
    ]);
  });

  it('ends the findings with the first thing to improve and the number it rests on, keeping five in all', async () => {
    const item: ImprovementItem = { rank: 1, id: 'follow-ups', title: 'Finish the conversations you start', body: 'Body', evidence: ['Follow-ups answered: Acme Telecom 23%, median of 2 measured competitors 54%.', 'Second line.'], examples: [] };
    const { model: built } = await model('en', [item, { ...item, rank: 2, id: 'slow', title: 'Answer faster' }]);
    expect(built.findings).toHaveLength(5);
    expect(built.findings.at(-1)).toBe('The widest gap to the competitors, and the first thing to improve: “Finish the conversations you start”. Follow-ups answered: Acme Telecom 23%, median of 2 measured competitors 54%.');
    // The four before it are the first four of the findings without advice.
    expect(built.findings.slice(0, 4)).toEqual((await model('en')).model.findings.slice(0, 4));
    expect((await model('fr', [item])).model.findings.at(-1)).toMatch(/^Le plus grand retard sur les concurrents, et la première chose à améliorer\u00a0: «\u00a0Finish/);
  });

  it('writes the findings of another client from its own ranks and benchmarks', async () => {
    const swift = await model('en', null, await computeFixtureMetrics('swiftnet'));
    expect(swift.model.findings).toEqual([
      'SwiftNet answered 30% of the 40 mentions it received, rank 4 of 5 brands.',
      // Its 5 min median is the fastest, but rests on 12 answered mentions: no claim to be the fastest on fewer than 30.
      // Within 60 min: competitors 80%, 40%, 0%, 0%: median 20%.
      '30% of the mentions to SwiftNet that needed an answer were answered within 1\u00a0h, ahead of the competitor median (20%).',
      // September: 10 of 40 = 25%.
      'The response rate rose by 5.0\u00a0pts compared with September 2017.',
      'MegaFon Ibérica mostly broadcasts: only 18% of its posts were replies to people, against 50% for SwiftNet.',
      'SwiftNet received 17% of all mentions of the tracked brands, rank 4 of 5.',
    ]);
    const cann = await model('es', null, await computeFixtureMetrics('canntel'));
    expect(cann.model.findings).toEqual([
      // 10 mentions: a low sample, said first; no change of a rate resting on 10 mentions (September's 10 too).
      'CannTel recibió menos de 30 menciones: sus cifras deben leerse con cautela.',
      'CannTel respondió al 50\u00a0% de las 10 menciones que recibió: puesto 3 de 5 marcas.',
      // 1.5 h against SwiftNet's 5 min, both on fewer than 30 answered mentions.
      'La mediana de primera respuesta de CannTel fue de 1,5\u00a0h, frente a 5\u00a0min de SwiftNet, la más rápida; las dos medianas se basan en menos de 30 menciones respondidas, así que la diferencia es solo orientativa.',
      // Within 60 min: competitors 40%, 80%, 30%, 0%: median 35%.
      'El 0\u00a0% de las menciones a CannTel que pedían respuesta la recibió en 1\u00a0h, frente a una mediana de los competidores del 35\u00a0%.',
      // MegaFon: 9 replies and 41 broadcasts; CannTel 5 replies and 2 broadcasts.
      'MegaFon Ibérica se dedica sobre todo a difundir: solo el 18\u00a0% de sus publicaciones fueron respuestas a personas, frente al 71\u00a0% de CannTel.',
    ]);
  });

  it('lists every brand by its computed response rate, with its values, ranks, interval and low-sample marks', async () => {
    const { model: built } = await model('fr');
    const rows = built.leaderboard.rows;
    expect(rows.map((row) => row.brandName)).toEqual(['RivalCo', 'Acme Telecom', 'CannTel', 'SwiftNet', 'MegaFon Ibérica']);
    expect(built.leaderboard.columns.map((column) => column.label)).toEqual([
      'Marque', 'Mentions reçues', 'Taux de réponse', 'Délai médian de réponse', 'Délai de réponse, 90e centile', 'Avec réponse en 1\u00a0h', 'Avec réponse en 24\u00a0h', 'Messages en réponse', 'Part de voix',
    ]);
    const acme = rows[1];
    expect(acme?.isClient).toBe(true);
    // Wilson interval of 30 of 50; 90th percentile of Acme's answers: 2,000 min = 33.3 h (hours up to 48 h).
    expect(acme?.interval).toBe('46–72\u00a0%');
    expect(acme?.cells).toEqual([
      { text: '50', rank: null },
      { text: '60\u00a0%', rank: '2' },
      { text: '40\u00a0min', rank: '3' },
      { text: '33,3\u00a0h', rank: '5' },
      { text: '40\u00a0%', rank: '2' },
      { text: '50\u00a0%', rank: '2' },
      { text: '75\u00a0%', rank: '2' },
      { text: '21\u00a0%', rank: '3' },
    ]);
    // Only CannTel's rates rest on fewer than 30 mentions; times carry † below 30 answered mentions: SwiftNet 12, MegaFon 9, CannTel 5, not Acme's 30.
    expect(rows.map((row) => row.cells[1]?.text)).toEqual(['80\u00a0%', '60\u00a0%', '50\u00a0% †', '30\u00a0%', '15\u00a0%']);
    expect(rows.map((row) => row.cells[2]?.text)).toEqual(['20\u00a0min', '40\u00a0min', '1,5\u00a0h †', '5\u00a0min †', '5,0\u00a0h †']);
    // MegaFon and CannTel both answered none within an hour: they share rank 4.
    expect(rows.map((row) => row.cells[4]?.rank)).toEqual(['1', '2', '4', '3', '4']);
  });

  it('puts the † mark in the definitions only when a figure of the report carries it', async () => {
    const samplesTitle = (built: Awaited<ReturnType<typeof model>>['model']) => built.definitions.find((entry) => entry.label.startsWith('Small samples'))?.label;
    // The fixture's CannTel, SwiftNet and MegaFon carry the mark (test above).
    expect(samplesTitle((await model('en')).model)).toBe('Small samples †');
    const metrics = fixtureMetrics();
    const plenty = { ...metrics, brands: metrics.brands.map((brand) => ({ ...brand, lowSample: false, lowSampleTimes: false })) };
    const { model: unmarked } = await model('en', null, plenty);
    expect(samplesTitle(unmarked)).toBe('Small samples');
    expect(unmarked.leaderboard.rows.flatMap((row) => row.cells.map((cell) => cell.text)).join(' ')).not.toContain('†');
  });

  it('lists each brand’s business hours among the settings of the appendix and of the workbook, so the outside-hours figures can be read', async () => {
    const label = (built: Awaited<ReturnType<typeof model>>['model']) => built.settings.filter((row) => row.label.startsWith('Business hours'));
    expect(label((await model('en')).model)).toEqual([]);
    const acme = config.brands.find((brand) => brand.id === 'acme');
    if (!acme) throw new Error('acme expected');
    const withHours = { ...config, brands: config.brands.map((brand) => (brand.id === 'acme' ? { ...brand, businessHours: { holidays: [], shifts: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMin: 540, endMin: 1080 })) } } : brand)) };
    const { model: built } = await buildReportModel({ metrics: fixtureMetrics(), config: withHours, facts: null, template, language: 'en', improvements: null, generatedAt: new Date('2017-11-03T10:00:00Z') });
    expect(label(built)).toEqual([{ label: `Business hours (${acme.name})`, value: 'Mon–Fri 09:00–18:00' }]);
    // The workbook's settings sheet lists the same row.
    const sheet = built.workbook.sheets.find((candidate) => candidate.name === 'Settings');
    expect(sheet?.rows.map((row) => row.map((cell) => cell.value)).filter(([item]) => String(item).startsWith('Business hours'))).toEqual([[`Business hours (${acme.name})`, 'Mon–Fri 09:00–18:00']]);
  });

  it('says why "What to improve" is left out when no weak point was found, and says nothing when none was weighed', async () => {
    const sentence = template.strings('en')['absent.improvements'] ?? '';
    const none = (await model('en', [])).model;
    expect(none.sections).not.toContain('improvements');
    expect(none.absent).toContain(sentence);
    expect((await model('en', null)).model.absent).not.toContain(sentence);
  });

  it('says beside the tiles and the table when a tenth of the mentions a rate rests on were still inside the answer window', async () => {
    const metrics = fixtureMetrics();
    const measured = (brand: (typeof metrics.brands)[number]) => brand.coverage?.inboundMeasured ?? brand.inbound;
    const [client, other, third] = [metrics.brands.find((b) => b.role === 'client'), ...metrics.brands.filter((b) => b.role !== 'client')];
    if (!client || !other || !third) throw new Error('three brands expected');
    // The client and one competitor past a tenth; another just under it, said in the methodology only.
    const pending = new Map([
      [client.id, Math.ceil(measured(client) * 0.4)],
      [other.id, Math.ceil(measured(other) * 0.1)],
      [third.id, Math.max(1, Math.ceil(measured(third) * 0.1) - 1)],
    ]);
    const brands = metrics.brands.map((brand) => ({ ...brand, pending: pending.get(brand.id) ?? 0 }));
    const built = (await model('en', null, { ...metrics, brands })).model;
    expect(built.kpiNotes).toContain(`${pending.get(client.id)} mentions of ${client.name} were still inside the answer window when the data ends: its response rate may still rise.`);
    expect(built.kpiNotes.filter((note) => note.includes('inside the answer window'))).toHaveLength(1);
    const table = built.leaderboardNotes.find((note) => note.includes('inside the answer window'));
    expect(table).toContain(`${pending.get(client.id)} for ${client.name}`);
    expect(table).toContain(`${pending.get(other.id)} for ${other.name}`);
    expect(table).not.toContain(third.name);
    // Without pending mentions, neither says anything of them.
    const none = (await model('en', null, { ...metrics, brands: brands.map((brand) => ({ ...brand, pending: 0 })) })).model;
    expect([...none.kpiNotes, ...none.leaderboardNotes].some((note) => note.includes('inside the answer window'))).toBe(false);
  });

  it('names the platforms whose exports reach over part of the period, and the days they hold posts on, beside the leaderboard and among the warnings', async () => {
    const metrics = fixtureMetrics();
    const span = metrics.periodCoverage?.span;
    if (!span) throw new Error('a period span expected');
    const platformsInPart = [
      { platform: 'facebook', first: '2017-10-01', last: '2017-10-09', days: 9, daysWithPosts: 6, periodDays: 31, gap: null },
      { platform: 'instagram', first: null, last: null, days: 0, daysWithPosts: 0, periodDays: 31, gap: null },
      { platform: 'tiktok', first: '2017-10-01', last: '2017-10-31', days: 31, daysWithPosts: 21, periodDays: 31, gap: 10 },
    ];
    const previousPlatformsInPart = [{ platform: 'twitter', first: '2017-09-01', last: '2017-09-12', days: 12, daysWithPosts: 12, periodDays: 30, gap: null }];
    const expected =
      'The data of Facebook (from 1 to 9 October 2017, posts on 6 of the 31 days), Instagram (none of the period’s days) and TikTok (no post on 10 days in a row) covers this period in part only, as an export cut short or missing would leave it: the volumes of all platforms together are not compared with the previous period. Check that those exports cover the whole period. In September 2017, the data of Twitter (from 1 to 12 September 2017, posts on 12 of the 30 days) covered that period in part only: this period’s volumes are not compared with it.';
    const built = (await model('en', null, { ...metrics, periodCoverage: { span, partial: false, platformsInPart, previousPlatformsInPart } })).model;
    expect(built.leaderboardNotes).toContain(expected);
    expect(built.warnings).toContain(expected);
    const whole = (await model('en')).model;
    expect([...whole.leaderboardNotes, ...whole.warnings].some((note) => note.includes('in part only'))).toBe(false);
    const spanish = (await model('es', null, { ...metrics, periodCoverage: { span, partial: false, platformsInPart: platformsInPart.slice(0, 2) } })).model;
    expect(spanish.warnings).toContain(
      'Los datos de Facebook (del 1 al 9 de octubre de 2017, publicaciones en 6 de los 31 días) e Instagram (ninguno de los días del periodo) cubren este periodo solo en parte, como los dejaría una exportación incompleta o que falta: los volúmenes de todas las plataformas juntas no se comparan con el periodo anterior. Compruebe que esas exportaciones cubren todo el periodo.',
    );
  });

  it("names the brands whose data reaches over part of the period beside the other brands', in each language", async () => {
    const metrics = fixtureMetrics();
    const span = metrics.periodCoverage?.span;
    if (!span) throw new Error('a period span expected');
    const brandsInPart = [{ brand: 'acme', platform: 'twitter', first: '2017-10-01', last: '2017-10-28', othersFirst: '2017-10-01', othersLast: '2017-10-31' }];
    const previousBrandsInPart = [{ brand: 'rivalco', platform: 'twitter', first: '2017-09-05', last: '2017-09-30', othersFirst: '2017-09-01', othersLast: '2017-09-30' }];
    const periodCoverage = { span, partial: false, platformsInPart: [], previousPlatformsInPart: [], brandsInPart, previousBrandsInPart };
    const [acme, rivalco] = ['acme', 'rivalco'].map((id) => metrics.brands.find((brand) => brand.id === id)?.name);
    const built = (await model('en', null, { ...metrics, periodCoverage })).model;
    const expected = `The data holds the posts and mentions of ${acme} on Twitter from 1 to 28 October 2017 only, while the other brands’ posts and mentions on Twitter cover more of the period, as an export cut short would leave it: the volumes of ${acme} and the shares of voice are not compared with the previous period. In September 2017, the data held the posts and mentions of ${rivalco} on Twitter from 5 to 30 September 2017 only, while the other brands’ posts and mentions on Twitter covered more of that period: this period’s volumes of ${rivalco} and shares of voice are not compared with it.`;
    expect(built.leaderboardNotes).toContain(expected);
    expect(built.warnings).toContain(expected);
    const french = (await model('fr', null, { ...metrics, periodCoverage: { ...periodCoverage, previousBrandsInPart: [] } })).model;
    expect(french.warnings).toContain(
      // "de" before a vowel elided: "d’Acme Telecom".
      'Les données contiennent les publications et mentions d’Acme Telecom sur Twitter du 1er au 28 octobre 2017 seulement, alors que les publications et mentions des autres marques sur Twitter couvrent une plus grande partie de la période, comme le laisserait un export incomplet\u00a0: les volumes d’Acme Telecom et les parts de voix ne sont pas comparés à la période précédente.',
    );
    // Cut inside its reach (an export that skipped most of the month, a stray mention at its end): the run is named.
    const gapped: BrandReach[] = [{ brand: 'acme', platform: 'twitter', first: '2017-10-01', last: '2017-10-31', othersFirst: '2017-10-01', othersLast: '2017-10-31', without: { first: '2017-10-13', last: '2017-10-30' } }];
    const withGap = (await model('en', null, { ...metrics, periodCoverage: { ...periodCoverage, brandsInPart: gapped, previousBrandsInPart: [] } })).model;
    expect(withGap.warnings).toContainEqual(expect.stringMatching(new RegExp(`^The data holds the posts and mentions of ${acme} on Twitter from 1 to 31 October 2017, with none from 13 to 30 October 2017, while the other brands’`)));
  });

  it('gives the bar advice must meet, not "no figure falls behind", when the scorecard marks the client behind', async () => {
    const store = await metricsFixtureStore();
    const diagnostics = await computeDiagnostics(store, metricsFixtureConfig(), '2017-10').finally(() => store.close());
    // The client far slower than its competitors' median, on a figure the advice did not take up.
    const metrics = fixtureMetrics();
    const median = metrics.benchmarks?.find((benchmark) => benchmark.metric === 'responseTimeMedianMin')?.competitorMedian ?? 60;
    const brands = metrics.brands.map((brand) => (brand.role === 'client' ? { ...brand, responseTimeMedianMin: median * 10 } : brand));
    const built = (await model('es', [], { ...metrics, brands, diagnostics })).model;
    const client = built.scorecard?.rows.find((row) => row.isClient);
    expect(client?.cells.some((cell) => cell.tone === 'worse')).toBe(true);
    expect(built.sections).not.toContain('improvements');
    expect(built.absent).not.toContain(template.strings('es')['absent.improvements']);
    expect(built.absent).toContain(
      'Qué mejorar: ninguna cifra del cliente alcanza el umbral de este informe para dar un consejo (una diferencia que merezca actuar, medida sobre al menos 30 menciones y que se mantiene aunque se contaran las respuestas que faltan en los datos, frente a al menos 2 competidores). Una ✗ en «Errores de gestión de comunidad» solo compara la cifra impresa con la mediana de los competidores: léala como una señal que vigilar.',
    );
  });

  it('says in the analyst notes which brands have no business hours, and "no brand" only when none has them', async () => {
    const notesOf = async (metrics: ReturnType<typeof fixtureMetrics>) => {
      const { model: built } = await buildReportModel({ metrics, config, facts: null, template, language: 'en', improvements: null, generatedAt: new Date('2017-11-03T10:00:00Z') });
      return built.analystWorkbook.sheets.flatMap((sheet) => sheet.rows.map((row) => row.map((cell) => String(cell.value ?? '')).join(' | '))).filter((row) => row.startsWith('Business hours'));
    };
    const none = fixtureMetrics();
    const store = await metricsFixtureStore();
    const diagnostics = await computeDiagnostics(store, metricsFixtureConfig(), '2017-10').finally(() => store.close());
    const brands = none.brands.map((brand) => brand.id);
    const withoutHours = { ...none, diagnostics: { ...diagnostics, notes: brands.map((brandId) => ({ brandId, code: 'no-business-hours' as const })) } };
    expect(await notesOf(withoutHours)).toEqual([expect.stringContaining('No brand has businessHours in replybench.yaml')]);
    // The client has hours, its competitors none: they are named, and "no brand" is not said.
    const clientHours = { ...withoutHours, diagnostics: { ...withoutHours.diagnostics, notes: withoutHours.diagnostics.notes.filter((note) => note.brandId !== 'acme') } };
    const competitors = none.brands.filter((brand) => brand.id !== 'acme').map((brand) => brand.name);
    const [row] = await notesOf(clientHours);
    expect(row).toContain('Brands without businessHours in replybench.yaml (');
    for (const name of competitors) expect(row).toContain(name);
    expect(row).not.toContain('Acme');
  });

  it('shows each headline number with its change, tone and rank from the metrics', async () => {
    const { model: built } = await model('en');
    const vs = 'vs September 2017';
    expect(built.kpis).toEqual([
      { label: 'Response rate', value: '60%', change: { text: `-5.0\u00a0pts ${vs}`, tone: 'bad' }, note: 'Rank 2 of 5', flags: [] },
      // September's median rests on 26 answered mentions (13 after 30 min and 13 after 70): fewer than 30, so no change.
      { label: 'Median response time', value: '40\u00a0min', change: { text: 'Not compared with September 2017: fewer than 30 answered mentions then', tone: 'neutral' }, note: 'Rank 3 of 5', flags: [] },
      // September: 13 of 40 within the hour = 32.5%.
      { label: 'Answered within 1\u00a0h', value: '40%', change: { text: `+7.5\u00a0pts ${vs}`, tone: 'good' }, note: 'Rank 2 of 5', flags: [] },
      { label: 'Inbound mentions', value: '50', change: { text: `+25% ${vs}`, tone: 'neutral' }, note: null, flags: [] },
      // September: 26 replies and 14 broadcasts = 65%.
      { label: 'Reply share', value: '75%', change: { text: `+10.0\u00a0pts ${vs}`, tone: 'good' }, note: 'Rank 2 of 5', flags: [] },
      // 50 of 240 mentions, against 40 of 200 in September.
      // Within the scorecard's 2 points of "about the same": printed, in no colour.
      { label: 'Share of voice', value: '21%', change: { text: `+0.8\u00a0pts ${vs}`, tone: 'neutral' }, note: 'Rank 3 of 5', flags: [] },
    ]);
  });

  it('says a rank another brand shares is shared, in every language, and counts in its "of" a bound the ranks count', async () => {
    // Rival's response rate ranked 2 beside Acme's: a tie of printed values, as rankValues gives it.
    const metrics = fixtureMetrics();
    const tied = { ...metrics, brands: metrics.brands.map((brand) => (brand.role === 'competitor' && brand.rank.responseRate === 3 ? { ...brand, rank: { ...brand.rank, responseRate: 2 } } : brand)) };
    const notesOf = async (language: 'en' | 'es' | 'fr', report: MetricsReport) => (await model(language, null, report)).model.kpis.map((tile) => tile.note);
    expect((await notesOf('en', tied)).slice(0, 3)).toEqual(['Rank 2 of 5, shared', 'Rank 3 of 5', 'Rank 2 of 5']);
    expect((await notesOf('es', tied))[0]).toBe('Puesto 2 de 5, compartido');
    expect((await notesOf('fr', tied))[0]).toBe('Rang 2 sur 5, ex æquo');
    expect((await notesOf('en', metrics))[0]).toBe('Rank 2 of 5');
    // The first, unranked as a lower bound, still orders the others: Acme is second of 5, not of 4.
    const bound = {
      ...metrics,
      brands: metrics.brands.map((brand) => (brand.rank.responseRate === 1 && brand.coverage ? { ...brand, rank: { ...brand.rank, responseRate: null }, coverage: { ...brand.coverage, warnings: ['responses-missing' as const] } } : brand)),
    };
    expect((await notesOf('en', bound))[0]).toBe('Rank 2 of 5');
  });

  it('shows a share the data can only understate, printed as 0, as the range the answers it lacks leave open, on the tile and the leaderboard', async () => {
    // Acme answered none of its 50 measured mentions within 1 h in the data; 5 responses its export lists are not in it.
    const metrics = fixtureMetrics();
    const acme = metrics.brands.find((brand) => brand.id === 'acme');
    if (!acme?.coverage) throw new Error('acme and its coverage expected');
    acme.withinSla = { ...acme.withinSla, '60': 0 };
    acme.coverage = { ...acme.coverage, inboundMeasured: 50, listedResponsesMissing: 5, warnings: [...acme.coverage.warnings, 'responses-missing'] };
    const built = (await model('en', null, metrics)).model;
    const tiles = built.kpis;
    // The leaderboard says it as the tile does.
    expect(built.leaderboard.rows.find((row) => row.isClient)?.cells.map((cell) => cell.text)).toEqual(expect.arrayContaining(['0–10%', '≥ 60%']));
    // 0 to 5 of 50: "0–10%", where "≥ 0%" said nothing; the rate, not printed as 0, keeps its "≥".
    expect(tiles[2]).toMatchObject({ value: '0–10%', flags: ['Range: responses missing from the data'] });
    expect(tiles[0]?.value).toBe('≥ 60%');
  });

  it('colours a change only past the scorecard\'s "about the same", as the config sets it', async () => {
    const tones = async (sameWithinPoints: number, sameWithinPercent: number) => {
      const tuned = { ...config, report: { ...config.report, scorecard: { ...config.report.scorecard, sameWithinPoints, sameWithinPercent } } };
      const { model: built } = await buildReportModel({ metrics: fixtureMetrics(), config: tuned, facts: null, template, language: 'en', generatedAt: new Date('2017-11-03T10:00:00Z') });
      return built.kpis.map((tile) => tile.change?.tone ?? null);
    };
    // Changes: rate -5.0 pts, time not compared, within 1 h +7.5 pts, inbound +25% (no better side), reply share +10.0 pts, share of voice +0.8 pts.
    expect(await tones(0.5, 10)).toEqual(['bad', 'neutral', 'good', 'neutral', 'good', 'good']);
    expect(await tones(0.9, 10)).toEqual(['bad', 'neutral', 'good', 'neutral', 'good', 'neutral']);
    expect(await tones(7.5, 10)).toEqual(['neutral', 'neutral', 'neutral', 'neutral', 'good', 'neutral']);
  });

  it('says beside the change of the rate when the previous period was 20% busier or quieter, and not otherwise', async () => {
    const withPrevious = (inbound: number) => {
      const metrics = fixtureMetrics();
      const acme = metrics.brands.find((brand) => brand.id === 'acme');
      if (!acme?.previous) throw new Error('acme and its previous period expected');
      acme.previous = { ...acme.previous, inbound };
      return metrics;
    };
    const rateLine = async (inbound: number, language: 'en' | 'es' | 'fr' = 'en') => (await model(language, null, withPrevious(inbound))).model.findings.find((line) => /compared with|respecto a|par rapport à/.test(line));
    // 50 mentions now: 62 before is 24% more, 42 before is 19% fewer (within the rule), 40 before 25% fewer.
    expect(await rateLine(62)).toBe('The response rate fell by 5.0\u00a0pts compared with September 2017. There were more mentions in September 2017: 62, against 50 in October 2017.');
    expect(await rateLine(42)).toBe('The response rate fell by 5.0\u00a0pts compared with September 2017.');
    expect(await rateLine(62, 'es')).toBe('La tasa de respuesta bajó 5,0\u00a0p.\u00a0p. respecto a septiembre de 2017. En septiembre de 2017 hubo más menciones: 62, frente a 50 en octubre de 2017.');
    // Counts the exports reach over in part are compared with nothing, there either: the rate's change alone.
    for (const reason of ['period-partly-in-data', 'previous-period-partly-in-data'] as const) {
      const metrics = withPrevious(62);
      const acme = metrics.brands.find((brand) => brand.id === 'acme');
      if (acme) acme.changeReason = { ...acme.changeReason, inbound: reason };
      expect((await model('en', null, metrics)).model.findings.find((line) => /compared with/.test(line))).toBe('The response rate fell by 5.0\u00a0pts compared with September 2017.');
    }
  });

  it('shows no rank and makes no comparison where the metrics carry none', async () => {
    const metrics = fixtureMetrics();
    metrics.benchmarks = undefined;
    for (const brand of metrics.brands) brand.rank = {};
    const { model: built } = await model('en', null, metrics);
    expect(built.findings).toEqual(['The response rate fell by 5.0\u00a0pts compared with September 2017. There were fewer mentions in September 2017: 40, against 50 in October 2017.']);
    const ranks = built.leaderboard.rows.flatMap((row) => row.cells.map((cell) => cell.rank));
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks.filter((rank) => rank !== null)).toEqual([]);
    expect(built.kpis.map((kpi) => kpi.note)).toEqual([null, null, null, null, null, null]);
    expect(built.kpis[0]?.value).toBe('60%');
  });

  it('omits "What to improve" without items and renders escaped items when given', async () => {
    const without = await model('en');
    expect(without.model.sections).not.toContain('improvements');
    expect(without.model.sections).not.toContain('examples');
    const item: ImprovementItem = { rank: 1, id: 'canned-replies', title: 'Stop <b>copy-pasting</b>', body: 'Body', evidence: ['41% canned'], examples: [{ author: 'x', text: '<img src=x onerror=alert(1)>', createdAt: '2017-10-02T10:00:00Z' }] };
    const withItems = await model('en', [item]);
    expect(withItems.model.sections).toContain('improvements');
    const html = renderReportHtml(withItems.model, template, withItems.t);
    expect(html).toContain('Stop &lt;b&gt;copy-pasting&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('lists each imported file with rows read, imported, already stored and rejected, which add up', async () => {
    // The demo's Meltwater file: 15,682 rows read, 54 of them posts another file had brought, none rejected.
    const facts = {
      answeredWithin: { brands: [], targets: [] },
      unanswered: [],
      unansweredLeftOut: [],
      slowest: [],
      imports: [{ file: '/exports/competitors.tsv', format: 'meltwater', rowsRead: 15_682, imported: 15_628, duplicates: 54, rejected: 0, notices: [] }],
      rejectedRows: 0,
    };
    for (const [language, row] of [
      ['en', ['competitors.tsv', 'Meltwater', '15,682', '15,628', '54', '0']],
      ['fr', ['competitors.tsv', 'Meltwater', '15\u202f682', '15\u202f628', '54', '0']],
    ] as const) {
      const built = await buildReportModel({ metrics: fixtureMetrics(), config, facts, template, language, generatedAt: new Date('2017-11-03T10:00:00Z') });
      const [file] = built.model.importedFiles;
      expect(file && [file.file, file.format, file.rowsRead, file.imported, file.duplicates, file.rejected]).toEqual(row);
      const html = renderReportHtml(built.model, template, built.t);
      expect(html).toContain(`<th class="num">${built.t('methodology.duplicates')}</th>`);
      expect(html).toContain(`<td class="num">${row[3]}</td><td class="num">54</td><td class="num">0</td>`);
    }
  });

  it('says a rate change within the scorecard\'s "about the same" as level, as the tile colours it, not as a fall', async () => {
    const findingsWith = async (change: number, sameWithinPoints?: number) => {
      const metrics = fixtureMetrics();
      const brands = metrics.brands.map((brand) => (brand.role === 'client' ? { ...brand, change: { ...(brand.change ?? {}), responseRate: change } } : brand));
      const scorecard = sameWithinPoints === undefined ? config.report.scorecard : { ...config.report.scorecard, sameWithinPoints };
      const built = await buildReportModel({ metrics: { ...metrics, brands }, config: { ...config, report: { ...config.report, scorecard } }, facts: null, template, language: 'en', generatedAt: new Date('2017-11-03T10:00:00Z') });
      return built.model.findings.filter((line) => /^The response rate/.test(line)).map((line) => line.replace(/ There were .*$| In .*$/, ''));
    };
    expect(await findingsWith(-1.4)).toEqual(['The response rate held about level compared with September 2017 (-1.4\u00a0pts).']);
    expect(await findingsWith(2)).toEqual(['The response rate held about level compared with September 2017 (+2.0\u00a0pts).']);
    expect(await findingsWith(-2.5)).toEqual(['The response rate fell by 2.5\u00a0pts compared with September 2017.']);
    // The agency's own threshold moves both.
    expect(await findingsWith(-1.4, 1)).toEqual(['The response rate fell by 1.4\u00a0pts compared with September 2017.']);
  });

  it('says whose mentions were still pending when the data ends, one mention as one', async () => {
    const metrics = fixtureMetrics();
    const names = metrics.brands.map((brand) => brand.name);
    // pending per brand, in the fixture's order of brands; a mention of two brands is one of each, so the sentence adds them up.
    const pendingOf = async (...counts: number[]) => {
      const brands = metrics.brands.map((brand, index) => ({ ...brand, pending: counts[index] ?? 0 }));
      return (await model('en', null, { ...metrics, brands })).model.warnings.filter((line) => /answer window/.test(line));
    };
    expect(await pendingOf(1)).toEqual([`1 mention of ${names[0]} was still inside the answer window when the data ends: its response rate may still rise.`]);
    expect(await pendingOf(0, 3)).toEqual([`3 mentions of ${names[1]} were still inside the answer window when the data ends: its response rate may still rise.`]);
    expect(await pendingOf(2, 1)).toEqual([
      `3 mentions were still inside the answer window when the data ends, 2 for ${names[0]} and 1 for ${names[1]}: the response rates of these brands may still rise.`,
    ]);
    expect(await pendingOf(0)).toEqual([]);
    // Beside the leaderboard, only the brands whose rates may rise by much (a tenth of their mentions): their counts, no total.
    const measured = metrics.brands.map((brand) => measuredInbound(brand));
    const brands = metrics.brands.map((brand, index) => ({ ...brand, pending: index < 2 ? Math.ceil((measured[index] ?? 0) / 2) : (measured[index] ?? 0) >= 20 ? 1 : 0 }));
    // A brand with one mention pending of 20 or more measured: in the methodology's total, not beside the leaderboard.
    expect(brands.slice(2).some((brand) => brand.pending === 1)).toBe(true);
    const built = (await model('en', null, { ...metrics, brands })).model;
    const listed = brands.slice(0, 2).map((brand) => `${brand.pending} for ${brand.name}`).join(' and ');
    expect(built.leaderboardNotes.filter((line) => /answer window/.test(line))).toEqual([`Mentions were still inside the answer window when the data ends, ${listed}: the response rates of these brands may still rise.`]);
    expect(built.warnings.filter((line) => /answer window/.test(line))[0]).toMatch(new RegExp(`^${brands.reduce((sum, brand) => sum + brand.pending, 0)} mentions were still inside`));
  });

  it('says a platform without posts in the period but with some on other days is a quiet stretch, not an export to add', async () => {
    const metrics = fixtureMetrics();
    const acme = metrics.brands.find((brand) => brand.id === 'acme');
    const facebook = metrics.byPlatform?.find((scope) => scope.platform === 'facebook')?.brands.find((entry) => entry.id === 'acme');
    if (!acme?.coverage || !facebook?.coverage) throw new Error('acme on Facebook expected in the fixture');
    // No post of Acme on Facebook in the period: its rate rests on Twitter; with posts there on other days, or none anywhere.
    const noPostsThere = (elsewhere: number): MetricsReport => {
      const copy = structuredClone(metrics);
      for (const entry of [copy.brands.find((brand) => brand.id === 'acme'), copy.byPlatform?.find((scope) => scope.platform === 'facebook')?.brands.find((brand) => brand.id === 'acme')]) {
        if (entry?.coverage) entry.coverage = { ...entry.coverage, warnings: [...entry.coverage.warnings, 'no-brand-posts'] };
      }
      const there = copy.byPlatform?.find((scope) => scope.platform === 'facebook')?.brands.find((brand) => brand.id === 'acme');
      if (there?.coverage) there.coverage.ownPostsElsewhere = elsewhere;
      return copy;
    };
    const quiet = (await model('en', null, noPostsThere(3))).model.warnings;
    expect(quiet).toContain(`The data holds no posts by ${acme.name} on Facebook in this period, only on other days: its answers there cannot be measured for this period.`);
    expect(quiet.join(' ')).not.toMatch(/until its own posts there/);
    const missing = (await model('en', null, noPostsThere(0))).model.warnings;
    expect(missing.join(' ')).toMatch(new RegExp(`The data holds no posts by ${acme.name} on Facebook: .*until its own posts there`));
  });

  it('says unanswered mentions were left out for a listed response only when some were, on a platform it lists', async () => {
    const metrics = fixtureMetrics();
    const acme = metrics.brands.find((brand) => brand.id === 'acme');
    // The coverage counts every mention listing a missing response, those needing no answer too: not the note's test.
    if (acme?.coverage) acme.coverage.listedResponsesMissing = 3;
    const facts = { answeredWithin: {}, unanswered: [], slowest: [], imports: [], rejectedRows: 0 };
    const note = async (leftOut: Array<{ platform: string; mentions: number }>) =>
      (await buildReportModel({ metrics, config, facts: { ...facts, unansweredLeftOut: leftOut }, template, language: 'en' })).model.unansweredNote;
    expect(await note([])).toBeNull();
    expect(await note([{ platform: 'twitter', mentions: 2 }])).toBe('Mentions whose export lists a response that the data does not hold are left out: the data cannot tell whether Acme Telecom answered them.');
    // On a platform without the client's posts the list shows no mention at all, and another note says why.
    const facebook = metrics.byPlatform?.find((entry) => entry.platform === 'facebook')?.brands.find((brand) => brand.id === 'acme');
    if (facebook?.coverage) facebook.coverage.warnings = ['no-brand-posts'];
    expect(await note([{ platform: 'facebook', mentions: 2 }])).toBeNull();
  });

  it('leaves the months the data does not cover out of the workbook trend, instead of rows of 0 mentions', async () => {
    const metrics = fixtureMetrics();
    const trend = metrics.trend ?? [];
    const uncovered = new Set(trend.slice(0, 1).map((point) => point.month));
    const withGap = { ...metrics, trend: trend.map((point) => (uncovered.has(point.month) ? { ...point, inbound: null, answered: null, responseRate: null, responseTimeMedianMin: null } : point)) };
    const { model: built, t } = await model('en', null, withGap);
    const sheet = built.workbook.sheets.find((entry) => entry.name === t('sheet.trend'));
    const months = new Set((sheet?.rows ?? []).map((row) => String((row[0]?.value as Date | undefined)?.toISOString()).slice(0, 7)));
    expect(uncovered.size).toBe(1);
    expect(sheet?.rows.length).toBe(trend.filter((point) => !uncovered.has(point.month)).length);
    for (const month of uncovered) expect(months.has(month)).toBe(false);
  });

  it('marks in the workbook trend the months the exports reach in part, as the chart does', async () => {
    const metrics = { ...fixtureMetrics(), trendPartialMonths: ['2017-10'] };
    const { model: built, t } = await model('en', null, metrics);
    const sheet = built.workbook.sheets.find((entry) => entry.name === t('sheet.trend'));
    const column = sheet?.headers.indexOf(t('sheet.partMonth')) ?? -1;
    expect(column).toBeGreaterThan(0);
    const marked = new Set((sheet?.rows ?? []).filter((row) => row[column]?.value === true).map((row) => String((row[0]?.value as Date | undefined)?.toISOString()).slice(0, 7)));
    expect([...marked]).toEqual(['2017-10']);
  });

  it('renders a period without data: no response tiles, a sentence in place of each chart, no NaN', async () => {
    const metrics = fixtureMetrics();
    const empty = {
      ...metrics,
      trend: [],
      hourOfWeek: [],
      brands: metrics.brands.map((brand) => ({
        ...brand,
        inbound: 0, answered: 0, pending: 0, responseRate: null, responseRateCi: null, responseTimeMedianMin: null, responseTimeMedianCi: null,
        responseTimeP90Min: null, responseTimeMeanMin: null, withinSla: { '60': null, '1440': null },
        buckets: { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 },
        brandPosts: 0, replies: 0, broadcasts: 0, replyShare: null, replyToBroadcast: null, shareOfVoice: null, rank: {}, change: {},
      })),
    };
    const { model: built, t } = await buildReportModel({ metrics: empty, config, facts: null, template, language: 'es' });
    expect(Object.values(built.charts).filter((chart) => chart.svg !== null)).toEqual([]);
    expect(built.charts['response-rate']?.empty).toBe(
      'No hay tasa de respuesta que mostrar: ninguna marca analizada tiene a la vez menciones y publicaciones propias en los datos de este periodo.',
    );
    expect(built.kpis.map((kpi) => [kpi.label, kpi.value])).toEqual([['Menciones recibidas', '0'], ['Cuota de voz', '—']]);
    expect(built.findings).toEqual(['Los datos no contienen ninguna mención de las marcas analizadas en este periodo.']);
    const html = renderReportHtml(built, template, t);
    expect(html).not.toMatch(/NaN|undefined|null|Infinity/);
  });

  it('orders the brands of every table by response rate as printed, then unrounded as the charts order it, then by name', () => {
    // Rivalia's 66.26% and Otra's 65.85% print alike (66%): Rivalia first, as in the charts, though Otra comes first by name.
    const report = adviceInput();
    const set = (id: string, rate: number) => Object.assign(report.brands.find((brand) => brand.id === id) ?? {}, { responseRate: rate });
    set('rival', 0.6626);
    set('other', 0.6585);
    expect(responseRateOrder(report.brands).map((brand) => brand.name)).toEqual(['Rivalia', 'Otra', 'Acme']);
    set('rival', 0.6585);
    expect(responseRateOrder(report.brands).map((brand) => brand.name)).toEqual(['Otra', 'Rivalia', 'Acme']);
    // A rate that is a lower bound by an unknown margin (its posts held in part) takes no rank, but the ranks behind it
    // count it: it stands by its printed value, not after the brands it is ahead of. One not compared at all goes last.
    const acme = report.brands.find((brand) => brand.id === 'acme');
    const held = { ...emptyCoverage(), span: { ...emptyCoverage().span, first: '2017-10-01T09:00:00Z', last: '2017-10-31T20:00:00Z' } };
    Object.assign(acme ?? {}, { responseRate: 0.7, coverage: { ...held, warnings: ['brand-posts-partial'] } });
    expect(responseRateOrder(report.brands).map((brand) => brand.name)).toEqual(['Acme', 'Otra', 'Rivalia']);
    Object.assign(acme ?? {}, { coverage: { ...held, brandPosts: 3, warnings: ['few-brand-posts'] } });
    expect(responseRateOrder(report.brands).map((brand) => brand.name)).toEqual(['Otra', 'Rivalia', 'Acme']);
  });

  it('tells brands apart by rank only where their ranks differ: a partial tie keeps its ranks, a tie of all or a rank alone says nothing', () => {
    // The brands placed are those ranked here.
    const ranked = (ranks: Array<number | null>) => ranksCompare(ranks, ranks.filter((rank) => rank !== null).length);
    expect([[1, 1, 3], [2, 1], [1, 1], [1, null], [1, 1, null], [null, null]].map((ranks) => ranked(ranks))).toEqual([true, true, false, false, false, false]);
    // One rank beside figures placed without one (bounds, or figures a bound's range reaches over) says where the brand stands.
    expect([ranksCompare([null, 3, null], 3), ranksCompare(['2', null], 2), ranksCompare([1, null, null], 3)]).toEqual([true, true, true]);
    // So does a tie of every ranked brand above figures placed without a rank: two at 1 above two unranked.
    expect([ranksCompare([1, 1, null, null], 4), ranksCompare([1, 1, null, null], 2)]).toEqual([true, false]);
    // Not beside figures that take no part in the ranks (too few posts of the brand's own).
    expect(ranksCompare([1, null, null], 1)).toBe(false);
  });

  it('says of an export of the brands\' own posts alone that it holds no mention, not that nobody wrote to them, and draws no grid of zeros', async () => {
    const metrics = fixtureMetrics();
    const client = metrics.brands.find((brand) => brand.role === 'client')?.id ?? '';
    // The client's 13 replies answer posts the export does not hold: no mention at any hour.
    const ownPostsOnly = {
      ...metrics,
      hourOfWeek: Array.from({ length: 168 }, (_, index) => ({ brandId: client, weekday: Math.floor(index / 24), hour: index % 24, inbound: 0, answered: 0, responseTimeMedianMin: null })),
      brands: metrics.brands.map((brand) => ({
        ...brand,
        inbound: 0, answered: 0, pending: 0, responseRate: null, responseRateCi: null, responseTimeMedianMin: null, responseTimeMedianCi: null,
        responseTimeP90Min: null, responseTimeMeanMin: null, withinSla: { '60': null, '1440': null },
        buckets: { '0-1h': 0, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0, unanswered: 0 },
        brandPosts: brand.id === client ? 13 : 0, replies: brand.id === client ? 13 : 0, broadcasts: 0, replyShare: null, replyToBroadcast: null, shareOfVoice: null, rank: {}, change: {},
      })),
    };
    const { model: en } = await buildReportModel({ metrics: ownPostsOnly, config, facts: null, template, language: 'en' });
    expect(en.findings).toEqual([
      'The data holds posts by the tracked brands in this period but no mention of them: the exports hold the brands’ replies without the messages they answer, so how they answer cannot be measured.',
    ]);
    expect([en.charts['hour-of-week']?.svg ?? null, en.charts['hour-of-week']?.empty]).toEqual([null, 'The data holds no mention of Acme Telecom in this period.']);
    const { model: fr } = await buildReportModel({ metrics: ownPostsOnly, config, facts: null, template, language: 'fr' });
    expect(fr.findings[0]).toMatch(/^Les données contiennent des publications des marques suivies sur la période, mais aucune mention de ces marques\u00a0: les exports incluent les réponses/);
    // Broadcasts alone answer nobody: the sentence says only what the data holds.
    const broadcastsOnly = { ...ownPostsOnly, brands: ownPostsOnly.brands.map((brand) => ({ ...brand, replies: 0, broadcasts: brand.brandPosts })) };
    const { model: es } = await buildReportModel({ metrics: broadcastsOnly, config, facts: null, template, language: 'es' });
    expect(es.findings).toEqual(['Los datos contienen publicaciones de las marcas analizadas en este periodo, pero ninguna mención a las marcas.']);
  });

  it('draws the cover band as a thin stripe when no agency is named, and as the agency\'s band when one is', async () => {
    const { model: built, t } = await model('en');
    expect(built.agency.name).not.toBeNull();
    expect(renderReportHtml(built, template, t)).toContain('<div class="cover-band">');
    const html = renderReportHtml({ ...built, agency: { name: null, logoDataUrl: null } }, template, t);
    expect(html).toContain('<div class="cover-band cover-band-plain">');
    expect(html).not.toContain('<div class="cover-agency">');
  });

  it('follows the section order of the manifest', async () => {
    const { model: built, t } = await model('en');
    const html = renderReportHtml(built, template, t);
    const positions = ['Executive summary', 'Leaderboard', 'Response rate by brand', 'Methodology and data quality'].map((title) => html.indexOf(title));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('metric catalogue', () => {
  it('names a label every template language has, for every metric of the registry and the diagnostics', () => {
    const keys = [...metricCatalogue([60, 1440]), ...DIAGNOSTIC_METRICS].map((spec) => spec.label);
    expect(keys.length).toBeGreaterThan(10);
    for (const language of LANGUAGES) {
      const strings = template.strings(language);
      for (const key of keys) expect(strings[key], `${language}: ${key}`).toBeDefined();
    }
  });
});

describe('formatting', () => {
  const formatter = (language: 'en' | 'es' | 'fr') => new Formatter(language, translator(template.strings(language), language), 'Europe/Madrid');

  it('names a quarter in a sentence with the article its language gives it, contracted after a preposition', () => {
    const tOf = (language: 'en' | 'es' | 'fr') => translator(template.strings(language), `${language}.json`, language);
    const q2 = (language: 'en' | 'es' | 'fr') => new Formatter(language, tOf(language), 'UTC').periodInSentence('2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z', '2025-Q2');
    const [en, es, fr] = [tOf('en'), tOf('es'), tOf('fr')];
    expect([q2('en'), q2('es'), q2('fr')]).toEqual(['Q2 2025', 'el T2 de 2025', 'le T2 2025']);
    expect(fr('kpi.change', { change: '−3,7 pts', previous: q2('fr') })).toBe('−3,7 pts par rapport au T2 2025');
    expect(fr('finding.previousBusier', { previous: q2('fr'), previousInbound: '120', inbound: '90', period: 'le T3 2025' })).toBe(
      'Au T2 2025, les mentions étaient plus nombreuses\u00a0: 120, contre 90 au T3 2025.',
    );
    expect(fr('themes.noteNoPreviousData', { missing: '—', previous: q2('fr') })).toBe('— dans «\u00a0Variation\u00a0»\u00a0: les données ne contiennent rien du T2 2025 à quoi comparer.');
    expect(fr('kpi.noChange.thinPeriod', { previous: q2('fr'), sample: 'moins de 30 mentions' })).toBe('Pas de comparaison avec le T2 2025\u00a0: moins de 30 mentions sur la période du rapport');
    expect(es('kpi.change', { change: '−3,7 p. p.', previous: q2('es') })).toBe('−3,7 p. p. frente al T2 de 2025');
    expect(es('themes.noteNoPreviousData', { missing: '—', previous: q2('es') })).toBe('— en «Variación»: los datos no contienen nada del T2 de 2025 con lo que comparar.');
    expect(es('finding.previousBusier', { previous: q2('es'), previousInbound: '120', inbound: '90', period: 'el T3 de 2025' })).toBe(
      'En el T2 de 2025 hubo más menciones: 120, frente a 90 en el T3 de 2025.',
    );
    expect(en('kpi.change', { change: '−3.7 pts', previous: q2('en') })).toBe('−3.7 pts vs Q2 2025');
    // Months keep their elision, and a name that opens with its own capital article keeps it: "d’octobre", "de Le Monde".
    expect(fr('themes.noteNoPreviousData', { missing: '—', previous: 'octobre 2025' })).toContain('rien d’octobre 2025 à quoi comparer');
    expect(fr('themes.noteNoPreviousData', { missing: '—', previous: 'Le Monde' })).toContain('rien de Le Monde à quoi comparer');
  });

  it('names a range of dates in a sentence as its language does, after any preposition', () => {
    const tOf = (language: 'en' | 'es' | 'fr') => translator(template.strings(language), `${language}.json`, language);
    const range = (language: 'en' | 'es' | 'fr') => new Formatter(language, tOf(language), 'UTC').periodInSentence('2025-08-20T00:00:00Z', '2025-09-15T00:00:00Z');
    const [en, es, fr] = [tOf('en'), tOf('es'), tOf('fr')];
    expect(range('fr')).toBe('la période du 20 août 2025 au 14 septembre 2025');
    expect(fr('kpi.change', { change: '−3,7 pts', previous: range('fr') })).toBe('−3,7 pts par rapport à la période du 20 août 2025 au 14 septembre 2025');
    expect(fr('finding.previousBusier', { previous: range('fr'), previousInbound: '120', inbound: '90', period: 'le T3 2025' })).toBe(
      'Sur la période du 20 août 2025 au 14 septembre 2025, les mentions étaient plus nombreuses : 120, contre 90 au T3 2025.',
    );
    expect(es('kpi.change', { change: '−3,7 p. p.', previous: range('es') })).toBe('−3,7 p. p. frente al periodo del 20 de agosto de 2025 al 14 de septiembre de 2025');
    expect(es('themes.noteNoPreviousData', { missing: '—', previous: range('es') })).toBe('— en «Variación»: los datos no contienen nada del periodo del 20 de agosto de 2025 al 14 de septiembre de 2025 con lo que comparar.');
    expect(en('kpi.change', { change: '−3.7 pts', previous: range('en') })).toBe('−3.7 pts vs 20 August 2025 – 14 September 2025');
  });

  it('uses the decimal comma and spacing of each language', () => {
    expect(formatter('en').duration(87.5)).toBe('1.5\u00a0h');
    expect(formatter('es').duration(87.5)).toBe('1,5\u00a0h');
    expect(formatter('fr').duration(3 * 1440)).toBe('3,0\u00a0j');
    // A measured time keeps its tenth (358 minutes is not 6 h sharp); a set length does not.
    expect(formatter('en').duration(358)).toBe('6.0\u00a0h');
    expect(formatter('en').duration(348)).toBe('5.8\u00a0h');
    expect(formatter('fr').span(3 * 1440)).toBe('3\u00a0j');
    expect(formatter('es').span(90)).toBe('1,5\u00a0h');
    expect(formatter('en').percent(0.623)).toBe('62%');
    expect(formatter('fr').percent(0.623)).toBe('62\u00a0%');
    expect(formatter('en').count(12345)).toBe('12,345');
    expect(formatter('fr').count(12345)).toBe('12\u202f345');
    expect(formatter('en').percent(null)).toBe('—');
  });

  it('names a span of days as a sentence does, and one day as that day', () => {
    const day = (iso: string) => new Date(iso);
    expect(formatter('es').daysInSentence(day('2025-10-16T09:00:00Z'), day('2025-10-16T21:00:00Z'))).toBe('el 16 de octubre de 2025');
    expect(formatter('fr').daysInSentence(day('2025-10-02T09:00:00Z'), day('2025-10-15T21:00:00Z'))).toBe('du 2 au 15 octobre 2025');
    expect(formatter('en').daysInSentence(day('2025-09-30T09:00:00Z'), day('2025-10-02T09:00:00Z'))).toBe('from 30 September 2025 to 2 October 2025');
    expect(formatter('fr').dayMonthSpan(day('2025-10-31T09:00:00Z'), day('2025-10-31T22:00:00Z'))).toBe('31 oct.');
    // Several spans say their month and year once, at the end, when they share it; else each says its own.
    const spans = (...pairs: Array<[string, string]>) => pairs.map(([first, last]) => [day(first), day(last)] as const);
    expect(formatter('en').daySpansInSentence(spans(['2025-10-01T09:00:00Z', '2025-10-10T09:00:00Z'], ['2025-10-15T09:00:00Z', '2025-10-15T19:00:00Z'], ['2025-10-20T09:00:00Z', '2025-10-31T09:00:00Z']))).toBe(
      'from 1 to 10, on 15 and from 20 to 31 October 2025',
    );
    expect(formatter('fr').daySpansInSentence(spans(['2025-10-01T09:00:00Z', '2025-10-10T09:00:00Z'], ['2025-10-20T09:00:00Z', '2025-10-31T09:00:00Z']))).toBe('du 1er au 10 et du 20 au 31 octobre 2025');
    expect(formatter('es').daySpansInSentence(spans(['2025-09-28T09:00:00Z', '2025-10-10T09:00:00Z'], ['2025-10-20T09:00:00Z', '2025-10-31T09:00:00Z']))).toBe(
      'del 28 de septiembre de 2025 al 10 de octubre de 2025 y del 20 al 31 de octubre de 2025',
    );
    // A period of one day (31 October 2017 in Madrid) is that day, as a title and inside a sentence.
    expect(formatter('en').periodLabel('2017-10-30T23:00:00Z', '2017-10-31T23:00:00Z')).toBe('31 October 2017');
    expect(formatter('es').periodInSentence('2017-10-30T23:00:00Z', '2017-10-31T23:00:00Z')).toBe('el 31 de octubre de 2017');
    expect(formatter('fr').periodInSentence('2017-10-30T23:00:00Z', '2017-10-31T23:00:00Z')).toBe('le 31 octobre 2017');
  });

  it('names the month of a period in its own timezone and language', () => {
    expect(formatter('en').periodLabel('2017-09-30T22:00:00Z', '2017-10-31T23:00:00Z')).toBe('October 2017');
    expect(formatter('es').periodLabel('2017-09-30T22:00:00Z', '2017-10-31T23:00:00Z')).toBe('Octubre de 2017');
    expect(formatter('fr').periodLabel('2017-09-30T22:00:00Z', '2017-10-31T23:00:00Z')).toBe('Octobre 2017');
    expect(formatter('en').periodLabel('2017-09-30T22:00:00Z', '2017-12-31T23:00:00Z', '2017-Q4')).toBe('Q4 2017');
    expect(formatter('es').periodLabel('2017-09-30T22:00:00Z', '2017-12-31T23:00:00Z', '2017-Q4')).toBe('T4 de 2017');
    expect(formatter('fr').periodLabel('2017-09-30T22:00:00Z', '2017-10-15T22:00:00Z', '2017-10-01..2017-10-15')).toBe('1er octobre 2017 – 15 octobre 2017');
  });

  it('shortens text on characters, folds whitespace and drops bidi overrides', () => {
    expect(shortenText('a\n\n b\u202e c')).toBe('a b c');
    // A French or Spanish sentence of the report keeps its no-break spaces ("24\u00a0%", "réponse\u00a0:").
    expect(shortenText('Relances avec réponse\u00a0: 24\u00a0%\u202f;  rang 3')).toBe('Relances avec réponse\u00a0: 24\u00a0%\u202f; rang 3');
    expect(printableName('Acme\u00a0Télécom \t SA')).toBe('Acme\u00a0Télécom SA');
    const emoji = '😀'.repeat(300);
    const short = shortenText(emoji, 10);
    expect(Array.from(short)).toHaveLength(10);
    expect(short.endsWith('…')).toBe(true);
  });

  it('names the platform of an example mention as the coverage and the workbook do (YouTube, TikTok, not Youtube, Tiktok)', () => {
    const format = formatter('en');
    const t = translator(template.strings('en'), 'en');
    const sample = (platform: string) => ({ platform, author: 'cust', createdAtMs: Date.UTC(2017, 9, 10), text: 'help', responseMin: null, pending: false });
    expect(formatExamples(['youtube', 'tiktok', 'linkedin', 'twitter', 'vk'].map(sample), format, t, 10080).map((example) => example.platform)).toEqual(['YouTube', 'TikTok', 'LinkedIn', 'Twitter', 'Vk']);
  });

  it('cuts a long author beside an example mention, which filled a dozen lines of its row in the deck', () => {
    const t = translator(template.strings('en'), 'en');
    const sample = (author: string) => ({ platform: 'twitter', author, createdAtMs: Date.UTC(2017, 9, 10), text: 'help', responseMin: null, pending: false });
    const [long, short] = formatExamples([sample('x'.repeat(301)), sample('AppleSupport')], formatter('en'), t, 10080);
    expect(long?.author).toBe(`@${'x'.repeat(39)}…`);
    expect(short?.author).toBe('@AppleSupport');
  });
});
