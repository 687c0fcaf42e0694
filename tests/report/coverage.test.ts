/**
 * Coverage on paper (METRICS.md, "Coverage: what the data can and cannot
 * tell", and "Share of voice and benchmarks"): the reports of the partial
 * exports of coverageStores.ts, in every language, and the findings rules.
 * Every expected number is worked out by hand from the plans there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import type { Config } from '../../src/config/types.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import { assignRanks, comparableMetrics } from '../../src/metrics/ranking.js';
import { catalogueOf } from '../../src/report/model/brandLookup.js';
import type { Language } from '../../src/report/i18n/language.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { ReportPrinter, writeReport } from '../../src/report/index.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { ReportTemplate } from '../../src/report/template.js';
import {
  AIRLINES,
  closeRacePosts,
  configOf,
  metricsOf,
  mentionsOnlyPosts,
  missingResponsesPosts,
  repliesOnlyPosts,
  spreadAnswered,
  storeOf,
  TELECOMS,
  type StorePost,
} from './coverageStores.js';
import { foldSpaces, htmlText, pdfText } from './helpers.js';

/**
 * The languages whose expected sentences below were written by hand; another
 * report language is checked by strings.test.ts and the client-page checks
 * of pdf.test.ts
 * until its sentences are added here.
 */
const LANGUAGES = ['en', 'es', 'fr'] as const satisfies readonly Language[];
type Checked = (typeof LANGUAGES)[number];
type Case = 'mentionsOnly' | 'repliesOnly' | 'missingResponses';
const CASES: Record<Case, { posts: () => StorePost[]; config: () => Config; pdf: Language | null }> = {
  mentionsOnly: { posts: mentionsOnlyPosts, config: () => configOf('delta', AIRLINES), pdf: 'en' },
  repliesOnly: { posts: repliesOnlyPosts, config: () => configOf('acme', TELECOMS), pdf: null },
  missingResponses: { posts: missingResponsesPosts, config: () => configOf('acme', TELECOMS), pdf: 'fr' },
};

const out = mkdtempSync(join(tmpdir(), 'replybench-coverage-'));
const html: Partial<Record<`${Case}.${Language}`, string>> = {};
const pdfs: Partial<Record<Case, string>> = {};
let printer: ReportPrinter;

beforeAll(async () => {
  printer = await ReportPrinter.launch();
  for (const [name, { posts, config, pdf }] of Object.entries(CASES) as Array<[Case, (typeof CASES)[Case]]>) {
    const store = await storeOf(posts());
    const caseConfig = config();
    try {
      // One analysis for the three languages. Every file is written once per case (the deck, workbook and CSV must
      // not fail on data without brand posts or rates), in the language whose PDF is read (or English); the others
      // write the page.
      const allFilesIn = pdf ?? 'en';
      await withAnalysis(store, caseConfig, '2017-10', async (analysis) => {
        for (const lang of LANGUAGES) {
          const formats = lang === allFilesIn ? REPORT_FORMATS.filter((format) => format !== 'pdf' || pdf === lang) : (['html'] as const);
          const written = await writeReport({ config: caseConfig, analysis, outDir: join(out, name, lang), lang, printer, formats, generatedAt: new Date('2017-11-03T10:00:00Z') });
          html[`${name}.${lang}`] = readFileSync(written.html, 'utf8');
          if (written.pdf) pdfs[name] = written.pdf;
        }
      });
    } finally {
      store.close();
    }
  }
}, 120_000);

afterAll(async () => {
  await printer?.close();
});

function page(name: Case, lang: Language): string {
  const value = html[`${name}.${lang}`];
  if (!value) throw new Error(`no ${name} report in ${lang}`);
  return value;
}

/** The text of each match of `pattern`'s first group, as a reader sees it. */
function texts(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((match) => htmlText(match[1] ?? ''));
}

const findings = (source: string) => texts(/<ol class="findings">([\s\S]*?)<\/ol>/.exec(source)?.[1] ?? '', /<li>([\s\S]*?)<\/li>/g);
const leaderboardNotes = (source: string) => texts(/<section class="section leaderboard">([\s\S]*?)<\/section>/.exec(source)?.[1] ?? '', /<p class="note">([\s\S]*?)<\/p>/g);
const warnings = (source: string) => texts(/<ul class="warnings">([\s\S]*?)<\/ul>/.exec(source)?.[1] ?? '', /<li>([\s\S]*?)<\/li>/g);
const kpiLabels = (source: string) => texts(source, /<div class="kpi-label">([\s\S]*?)<\/div>/g);
const kpiValues = (source: string) => texts(source, /<div class="kpi-value">([\s\S]*?)<\/div>/g);
/** The leaderboard cells of the client's row, ranks and hints left out. */
const clientCells = (source: string) =>
  texts((/<tr class="client">([\s\S]*?)<\/tr>/.exec(source)?.[1] ?? '').replace(/<span class="(rank|hint|tag)">[^<]*<\/span>/g, ''), /<td[^>]*>([\s\S]*?)<\/td>/g);

/** The summary's note when the data holds nothing of the period before (September 2017). */
const NOTHING_BEFORE: Record<Language, string> = {
  en: 'No figure is compared with September 2017: the data holds no post of the brands analysed in it.',
  es: 'Ninguna cifra se compara con septiembre de 2017: los datos no contienen ninguna publicación de las marcas analizadas en aquel periodo.',
  fr: 'Aucun chiffre n’est comparé à septembre 2017 : les données ne contiennent aucune publication des marques analysées sur cette période-là.',
};

describe('a listening export of mentions only (no brand posts)', () => {
  const expected: Record<Checked, { findings: string[]; tiles: string[]; delta: string; rateEmpty: string; examples: string }> = {
    en: {
      findings: [
        "The data holds no replies by the tracked brands in this period: this summary shows volume and share of voice only. Their answers can be measured only with the brands' own posts (their care or publishing exports).",
        // 45 mentions in October against 30 in September; 45 of the 101 mentions of the three airlines.
        'Delta received 45 mentions, +50% compared with September 2017.',
        'Delta received 45% of all mentions of the tracked brands, rank 1 of 3.',
      ],
      tiles: ['Inbound mentions', 'Share of voice'],
      delta: 'The data holds no posts by Delta, United and JetBlue on Twitter: their answers there can be measured only with their own posts there (their care or publishing exports).',
      rateEmpty: 'No response rate to draw: no tracked brand has both mentions and posts of its own in the data for this period.',
      examples: 'Mentions on Twitter are left out: the data holds no posts by Delta there, so it cannot tell which of them were answered.',
    },
    es: {
      findings: [
        'Los datos no contienen respuestas de las marcas analizadas en este periodo: este resumen muestra solo el volumen y la cuota de voz. Sus respuestas solo se pueden medir con las publicaciones propias de las marcas (las exportaciones de sus herramientas de atención o de publicación).',
        'Delta recibió 45 menciones, +50 % respecto a septiembre de 2017.',
        'Delta recibió el 45 % de todas las menciones de las marcas analizadas: puesto 1 de 3.',
      ],
      tiles: ['Menciones recibidas', 'Cuota de voz'],
      delta: 'Los datos no contienen publicaciones de Delta, United y JetBlue en Twitter: sus respuestas allí solo se pueden medir con sus propias publicaciones (las exportaciones de sus herramientas de atención o de publicación).',
      rateEmpty: 'No hay tasa de respuesta que mostrar: ninguna marca analizada tiene a la vez menciones y publicaciones propias en los datos de este periodo.',
      examples: 'Se omiten las menciones en Twitter: los datos no contienen publicaciones de Delta allí, así que no permiten saber cuáles recibieron respuesta.',
    },
    fr: {
      findings: [
        'Les données ne contiennent aucune réponse des marques suivies sur la période : cette synthèse ne présente que le volume et la part de voix. Leurs réponses ne peuvent être mesurées qu’avec les publications propres des marques (les exports de leurs outils de relation client ou de publication).',
        'Delta a reçu 45 mentions, +50 % par rapport à septembre 2017.',
        'Delta a reçu 45 % de toutes les mentions des marques suivies : rang 1 sur 3.',
      ],
      tiles: ['Mentions reçues', 'Part de voix'],
      delta: 'Delta, United et JetBlue : les données ne contiennent aucune de leurs publications sur Twitter ; leurs réponses ne peuvent y être mesurées qu’avec leurs propres publications (les exports de leurs outils de relation client ou de publication).',
      rateEmpty: 'Aucun taux de réponse à tracer : aucune marque suivie n’a à la fois des mentions et des publications propres dans les données de la période.',
      examples: 'Les mentions sur Twitter sont écartées : les données n’y contiennent aucune publication de la marque Delta et ne permettent donc pas de savoir lesquelles ont reçu une réponse.',
    },
  };

  it.each(LANGUAGES)('says the data holds no brand replies and shows volume and share of voice only (%s)', (lang) => {
    const source = page('mentionsOnly', lang);
    expect(findings(source)).toEqual(expected[lang].findings);
    expect(kpiLabels(source)).toEqual(expected[lang].tiles);
    expect(kpiValues(source)).toEqual(['45', lang === 'en' ? '45%' : '45 %']);
  });

  it.each(LANGUAGES)('names the brands whose answers the data cannot measure, in one sentence, beside their empty rates and in the methodology (%s)', (lang) => {
    const source = page('mentionsOnly', lang);
    const delta = expected[lang].delta;
    // The three airlines lack their posts on the same platform: one sentence for the three, not three alike.
    expect(leaderboardNotes(source).filter((note) => note.startsWith('‡'))).toEqual([`‡ ${delta}`]);
    expect(warnings(source)[0]).toEqual(delta);
    expect(warnings(source).filter((warning) => warning.includes('JetBlue'))).toHaveLength(1);
    // The rate is missing, never 0%, and is not ranked against the other brands.
    expect(clientCells(source).slice(0, 3)).toEqual(['Delta', '45', '— ‡']);
    // (The definitions appendix speaks of 0% in general terms.)
    expect(htmlText(source.slice(0, source.indexOf('<section class="section methodology">')))).not.toMatch(/(^|\s)0\s?%/);
    // The summary under the tiles says it for the client.
    expect(texts(source, /<p class="note coverage-note">([\s\S]*?)<\/p>/g)).toEqual([delta]);
  });

  it.each(LANGUAGES)('puts a sentence in place of the response charts and leaves unmeasured mentions out of the examples (%s)', (lang) => {
    const text = htmlText(page('mentionsOnly', lang));
    expect(text).toContain(expected[lang].rateEmpty);
    expect(text).toContain(expected[lang].examples);
    for (const id of ['response-rate', 'response-time-buckets', 'cumulative-answered', 'reply-broadcast']) {
      expect([id, /<svg/.test(new RegExp(`id="figure-${id}"[\\s\\S]*?</figure>`).exec(page('mentionsOnly', lang))?.[0] ?? '<svg')]).toEqual([id, false]);
    }
    expect(page('mentionsOnly', lang)).not.toMatch(/<td class="text"/);
  });

  it('prints the same on paper', () => {
    const text = pdfText(pdfs.mentionsOnly ?? '');
    for (const sentence of [...expected.en.findings, expected.en.delta, expected.en.rateEmpty, 'The data holds no answer by Delta to these mentions, so no response time by hour is drawn.']) {
      expect(text).toContain(foldSpaces(sentence));
    }
    expect(text).not.toMatch(/NaN|undefined|Infinity|0\.000000/);
    // The summary claims no best; the leaderboard's "(1 = best)" and the definitions speak of ranks in general.
    expect(text.slice(text.indexOf('Executive summary'), text.indexOf('Leaderboard'))).not.toMatch(/best|ahead|fastest/);
  });
});

describe("a care export of the client's replies without the posts they answer", () => {
  const expected: Record<Checked, { sentence: string; flag: string; inbound: string; voice: string }> = {
    en: {
      // 30 of Acme's 40 replies answer posts that are not in the data.
      sentence: "75% of Acme Telecom’s replies answer posts that are not in the data: its mentions and share of voice are understated.",
      flag: '§ Understated: replies to posts not in the data',
      inbound: '10 §',
      // 10 of the 40 mentions of the two brands.
      voice: '25% §',
    },
    es: {
      sentence: 'El 75 % de las respuestas de Acme Telecom contestan publicaciones que no están en los datos: sus menciones y su cuota de voz se quedan cortas.',
      flag: '§ Por debajo de lo real: respuestas a publicaciones que no están en los datos',
      inbound: '10 §',
      voice: '25 % §',
    },
    fr: {
      sentence: 'Acme Telecom : 75 % de ses réponses répondent à des publications absentes des données, si bien que ses mentions et sa part de voix sont sous-estimées.',
      flag: '§ Sous-estimation : réponses à des publications absentes des données',
      inbound: '10 §',
      voice: '25 % §',
    },
  };

  it.each(LANGUAGES)('marks its volume and share of voice as understated and says why (%s)', (lang) => {
    const source = page('repliesOnly', lang);
    const { sentence, flag, inbound, voice } = expected[lang];
    expect(leaderboardNotes(source)).toContain(`§ ${sentence}`);
    expect(warnings(source)[0]).toBe(sentence);
    const cells = clientCells(source);
    expect([cells[1], cells.at(-1)]).toEqual([inbound, voice]);
    const flags = texts(source, /<div class="kpi-flag">([\s\S]*?)<\/div>/g);
    expect(flags.filter((line) => !line.startsWith('†'))).toEqual([flag, flag]);
    // Its rate and times rest on few mentions, as the leaderboard marks them: the tiles mark them too, and say what is low.
    expect(kpiValues(source).filter((value) => value.endsWith(' †'))).toHaveLength(3);
    expect(flags.filter((line) => line.startsWith('†'))).toHaveLength(3);
    // Its data is October's only: the trend is a sentence, without the caption of the lines it does not draw.
    expect(source).toMatch(/<figure class="chart chart-empty" id="figure-trend">\s*<figcaption><span class="chart-title">[^<]*<\/span><\/figcaption>/);
    // ...and one note says nothing is compared with September, in place of a line under each tile.
    expect(texts(source, /<p class="note coverage-note">([\s\S]*?)<\/p>/g)).toEqual([NOTHING_BEFORE[lang], sentence]);
    expect(texts(source, /<div class="kpi-change[^"]*">([\s\S]*?)<\/div>/g)).toEqual([]);
  });

  it('keeps its comparisons honest: no "times faster" on 10 answered mentions, and no "best response rate" on 10 mentions', () => {
    expect(findings(page('repliesOnly', 'en'))).toEqual([
      'Acme Telecom received fewer than 30 mentions: read its figures with care.',
      'Acme Telecom answered 100% of the 10 mentions it received, rank 1 of 2 brands.',
      // 20 min against RivalCo's 15, on Acme's 10 answered mentions: both medians, no "times faster".
      'Acme Telecom’s median first response was 20 min, against 15 min for RivalCo, the fastest; both medians rest on fewer than 30 answered mentions, so the gap is only indicative.',
      '100% of the mentions to Acme Telecom that needed an answer were answered within 1 h, ahead of the competitor median (67%).',
      'Acme Telecom received 25% of all mentions of the tracked brands, rank 2 of 2.',
    ]);
  });
});

describe('an export listing responses that are not in the data, and a platform without brand posts', () => {
  const expected: Record<Checked, { noPosts: string; lowerBound: string; finding: string; rate: string; examples: string; listedMissing: string }> = {
    en: {
      noPosts: 'The data holds no posts by Acme Telecom on Facebook: its response figures rest on its other platforms only, until its own posts there (its care or publishing export) are added.',
      // 28 of its 40 Twitter mentions list a response that is not in the data.
      lowerBound: "Acme Telecom’s response rate is a lower bound: 28 of its 40 mentions needing an answer on Twitter (70%) are unanswered in the data, though its export lists a response to each.",
      // 12 of the 40 Twitter mentions, a lower bound; the 10 Facebook ones are not measured.
      // 12 of 40 answered, and 28 more listed responses the data lacks: between 30% and 100%, RivalCo's 67% in between.
      finding: 'Acme Telecom answered at least 30% of the 40 mentions measured on Twitter, and up to 100% counting the 28 replies its export lists but the data does not hold; the rate is therefore not ranked against the other brands.',
      rate: '≥ 30% ‡',
      examples: 'Mentions on Facebook are left out: the data holds no posts by Acme Telecom there, so it cannot tell which of them were answered.',
      listedMissing: 'Mentions whose export lists a response that the data does not hold are left out: the data cannot tell whether Acme Telecom answered them.',
    },
    es: {
      noPosts: 'Los datos no contienen publicaciones de Acme Telecom en Facebook: sus cifras de respuesta se basan solo en sus otras plataformas mientras no se añadan allí sus propias publicaciones (la exportación de su herramienta de atención o de publicación).',
      lowerBound: 'La tasa de respuesta de Acme Telecom es un mínimo: 28 de sus 40 menciones que piden respuesta en Twitter (el 70 %) no tienen respuesta en los datos, aunque su exportación indica una para cada una.',
      finding: 'Acme Telecom respondió al 30 % como mínimo de las 40 menciones medidas en Twitter, y hasta al 100 % si se cuentan las 28 respuestas que su exportación registra pero que no están en los datos; por eso su tasa no se clasifica frente a las demás marcas.',
      rate: '≥ 30 % ‡',
      examples: 'Se omiten las menciones en Facebook: los datos no contienen publicaciones de Acme Telecom allí, así que no permiten saber cuáles recibieron respuesta.',
      listedMissing: 'Se omiten las menciones cuya exportación indica una respuesta que no está en los datos: los datos no permiten saber si Acme Telecom las respondió.',
    },
    fr: {
      noPosts: 'Acme Telecom : les données ne contiennent aucune de ses publications sur Facebook, si bien que ses chiffres de réponse ne reposent que sur ses autres plateformes, tant que ses propres publications n’y sont pas ajoutées (l’export de son outil de relation client ou de publication).',
      lowerBound: 'Acme Telecom : son taux de réponse est un minimum, car 28 de ses 40 mentions appelant une réponse sur Twitter (70 %) n’ont pas de réponse dans les données, bien que son export en indique une pour chacune.',
      finding: 'Acme Telecom a répondu à au moins 30 % des 40 mentions mesurées sur Twitter, et jusqu’à 100 % en comptant les 28 réponses que son export liste mais qui manquent aux données ; son taux n’est donc pas classé face aux autres marques.',
      rate: '≥ 30 % ‡',
      examples: 'Les mentions sur Facebook sont écartées : les données n’y contiennent aucune publication de la marque Acme Telecom et ne permettent donc pas de savoir lesquelles ont reçu une réponse.',
      listedMissing: 'Les mentions dont l’export indique une réponse absente des données sont écartées : les données ne permettent pas de savoir si la marque Acme Telecom y a répondu.',
    },
  };

  it.each(LANGUAGES)('shows the rate as a lower bound resting on Twitter only, and says so (%s)', (lang) => {
    const source = page('missingResponses', lang);
    const { noPosts, lowerBound, finding, rate, examples, listedMissing } = expected[lang];
    expect(leaderboardNotes(source).slice(-2)).toEqual([`‡ ${noPosts}`, `≥ ${lowerBound}`]);
    expect(warnings(source).slice(0, 2)).toEqual([noPosts, lowerBound]);
    expect(texts(source, /<p class="note coverage-note">([\s\S]*?)<\/p>/g)).toEqual([NOTHING_BEFORE[lang], noPosts, lowerBound]);
    expect(findings(source)[0]).toBe(finding);
    // The share answered within 1 h is a lower bound too, at least 30% and up to 100%, with the competitor median (67%) in
    // between: it is set against nothing.
    if (lang === 'en') expect(findings(source).filter((line) => line.includes('were answered within'))).toEqual([]);
    expect(clientCells(source)[2]).toBe(rate);
    expect(kpiValues(source)[0]).toBe(rate.replace(' ‡', ''));
    expect(htmlText(source)).toContain(examples);
    // Facebook mentions are not listed as unanswered, nor are Twitter ones whose listed response is not in the data (they
    // may have been answered); the advice does not rest on a rate that is a lower bound.
    expect(htmlText(source)).toContain(listedMissing);
    expect(source).not.toContain('@acme.telecom my booking');
    // None of the 28 unanswered Twitter mentions is listed (the 12 answered may be, among the slowest).
    const unanswered = Array.from({ length: 40 }, (_, i) => i).filter((i) => !spreadAnswered(i, 12, 40));
    expect(unanswered).toHaveLength(28);
    expect(source).not.toMatch(new RegExp(`@AcmeCares my booking (${unanswered.join('|')}) is wrong`));
    expect(source).not.toMatch(/<section class="section improvements">[\s\S]*(Answer more|Responda a más|Répondez à davantage)/);
  });

  it('prints the French sentences on paper', () => {
    const text = pdfText(pdfs.missingResponses ?? '');
    for (const sentence of [expected.fr.noPosts, expected.fr.lowerBound, expected.fr.finding]) expect(text).toContain(foldSpaces(sentence));
    expect(text).toContain('≥ 30 %');
    expect(text).not.toMatch(/NaN|undefined|Infinity|0,000000/);
  });
});

describe('every coverage report, in every language', () => {
  it('prints no bidi control character, no internal field name and no NaN', () => {
    const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const fields = /lowSampleTimes|lowSample\b|responseRate|shareOfVoice|inboundMeasured|listedResponsesMissing|repliesWithMissingParent|no-brand-posts|responses-missing|parents-missing|withinSla/;
    for (const name of Object.keys(CASES) as Case[]) {
      for (const lang of LANGUAGES) {
        const source = page(name, lang);
        expect([name, lang, bidi.test(source)]).toEqual([name, lang, false]);
        expect([name, lang, htmlText(source).match(fields)?.[0] ?? null]).toEqual([name, lang, null]);
        expect(htmlText(source)).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
    // The handle with controls is printed without them; the agency and brand names too.
    expect(page('repliesOnly', 'en')).toContain('@evilemanx');
    expect(page('mentionsOnly', 'fr')).toContain('Agencia Norte');
    // JetBlue's 20 mentions: no response figure to mark, so no low-sample mark beside its name.
    expect(htmlText(page('mentionsOnly', 'en'))).toContain('JetBlue 20');
  });
});

describe('findings that never contradict themselves', () => {
  const template = ReportTemplate.open(undefined);
  const config = configOf('acme', TELECOMS);
  async function findingsOf(metrics: MetricsReport, language: Language = 'en'): Promise<string[]> {
    return (await buildReportModel({ metrics, config, facts: null, template, language })).model.findings;
  }

  it('says a rate the data can only understate as "at least", claims no tie with it, and says nothing of "at least 0%"', async () => {
    // Both brands answer 20 of 40 mentions after 2 hours; Acme's export lists responses that are not in the data.
    const metrics = await metricsOf(closeRacePosts({ answered: 20, minutes: 120 }, { answered: 20, minutes: 120 }), config);
    const acme = metrics.brands.find((brand) => brand.id === 'acme');
    if (!acme?.coverage) throw new Error('no coverage for acme');
    acme.coverage.warnings = [...acme.coverage.warnings, 'responses-missing'];
    const findings = await findingsOf(metrics);
    expect(findings[0]).toBe('Acme Telecom answered at least 50% of the 40 mentions it received, rank 1 of 2 brands.');
    // None answered within 1 h: "at least 0%" would say nothing.
    expect(findings.filter((line) => line.includes('within 1'))).toEqual([]);
  });

  it('ranks a rate or share the data can only understate only where the responses its export lacks could not change its place', async () => {
    // Acme answers 12 of its 40 mentions after 2 hours; RivalCo answers 20 of 40 in 30 min.
    const race = closeRacePosts({ answered: 12, minutes: 120 }, { answered: 20, minutes: 30 });
    const unanswered = Array.from({ length: 40 }, (_, i) => i).filter((i) => !spreadAnswered(i, 12, 40));
    const listing = (indexes: number[]) => race.map((post) => (indexes.some((i) => post.id === `a-2017-10-${i}`) ? { ...post, responses: `${post.id}-r` } : post));
    const figure = (report: MetricsReport, id: string) => report.brands.find((brand) => brand.id === id);
    const benchmark = (report: MetricsReport, metric: string) => report.benchmarks?.find((entry) => entry.metric === metric);

    // Its export lists a response to each of its 28 unanswered mentions, none of them in the data: its rate, at least 30%,
    // could be 100%, above RivalCo's 50%; none is answered within 1 h in the data, and "at least 0%" says nothing.
    const open = await metricsOf(listing(unanswered), config);
    const acme = figure(open, 'acme');
    expect(acme?.coverage?.warnings).toContain('responses-missing');
    expect([acme?.responseRate, acme?.withinSla['60'], acme?.withinSla['1440']]).toEqual([0.3, 0, 0.3]);
    expect([acme?.rank.responseRate, acme?.rank['withinSla.60'], acme?.rank['withinSla.1440']]).toEqual([null, null, null]);
    // RivalCo's 50% of each is between Acme's ends (30% to 100%; 0% to 70% within 1 h): its place is not known either.
    expect(figure(open, 'rivalco')?.rank).toMatchObject({ responseRate: null, 'withinSla.60': null, 'withinSla.1440': null });
    // Unranked, it is still set against the median (each brand's verdict is judged at its ends), but "at least 0%" is not.
    expect(benchmark(open, 'withinSla.60')).toMatchObject({ client: null, gapToMedian: null, gapToBest: null });
    for (const metric of ['responseRate', 'withinSla.1440']) expect(benchmark(open, metric), metric).toMatchObject({ client: 0.3, competitorMedian: 0.5 });
    expect((await findingsOf(open))[0]).toBe(
      'Acme Telecom answered at least 30% of the 40 mentions it received, and up to 100% counting the 28 replies its export lists but the data does not hold; the rate is therefore not ranked against the other brands.',
    );
    expect((await findingsOf(open)).filter((line) => line.includes('within 1'))).toEqual([]);
    // Unranked for another reason (too few posts of its own), it is not said between two ends that are not why.
    const fewPosts = structuredClone(open);
    const fewAcme = figure(fewPosts, 'acme');
    if (!fewAcme?.coverage) throw new Error('no coverage for acme');
    fewAcme.coverage.warnings = [...fewAcme.coverage.warnings, 'few-brand-posts'];
    expect((await findingsOf(fewPosts)).filter((line) => line.includes('up to'))).toEqual([]);

    // Listed for 3 of them only: at most 37.5%, still below RivalCo's 50% at both ends, so the rank and the verdict stand.
    const few = await metricsOf(listing(unanswered.slice(0, 3)), config);
    expect(figure(few, 'acme')?.coverage?.warnings).toContain('responses-missing');
    expect(figure(few, 'acme')?.rank).toMatchObject({ responseRate: 2, 'withinSla.60': null, 'withinSla.1440': 2 });
    expect(benchmark(few, 'responseRate')).toMatchObject({ client: 0.3, competitorMedian: 0.5 });
    expect((await findingsOf(few))[0]).toBe('Acme Telecom answered at least 30% of the 40 mentions it received, rank 2 of 2 brands.');

    // 0.4% prints as "≥ 0%": as printed, it says nothing either; 0.5% prints as 1%.
    const acmeFew = figure(few, 'acme');
    if (!acmeFew) throw new Error('no acme');
    acmeFew.withinSla['60'] = 0.004;
    assignRanks(few.brands, catalogueOf(few), comparableMetrics);
    expect(acmeFew.rank['withinSla.60']).toBeNull();
    acmeFew.withinSla['60'] = 0.005;
    assignRanks(few.brands, catalogueOf(few), comparableMetrics);
    expect(acmeFew.rank['withinSla.60']).toBe(2);
    // The same figures without listed responses are measures, ranked.
    const measured = await metricsOf(race, config);
    expect(figure(measured, 'acme')?.rank).toMatchObject({ responseRate: 2, 'withinSla.60': 2, 'withinSla.1440': 2 });
  });

  it('says "the same" where two values tie, never "best", "ahead" or "fastest"', async () => {
    // Both brands answer 20 of 40 mentions, each after 30 minutes.
    const metrics = await metricsOf(closeRacePosts({ answered: 20, minutes: 30 }, { answered: 20, minutes: 30 }), config);
    expect(await findingsOf(metrics)).toEqual([
      'Acme Telecom answered 50% of the 40 mentions it received, the same rate as RivalCo.',
      // Acme's 30 min is also the competitor median: no sentence compares them.
      '50% of the mentions to Acme Telecom that needed an answer were answered within 1\u00a0h, the same as the competitor median.',
      'Acme Telecom received 50% of all mentions of the tracked brands, the same share as RivalCo.',
    ]);
    expect(foldSpaces((await findingsOf(metrics, 'es'))[0] ?? '')).toBe('Acme Telecom respondió al 50 % de las 40 menciones que recibió, la misma tasa que RivalCo.');
    expect(foldSpaces((await findingsOf(metrics, 'fr'))[0] ?? '')).toBe('Acme Telecom a répondu à 50 % des 40 mentions reçues, à égalité avec RivalCo.');
    expect(foldSpaces((await findingsOf(metrics, 'es'))[2] ?? '')).toBe('Acme Telecom recibió el 50 % de todas las menciones de las marcas analizadas, la misma cuota que RivalCo.');
    expect(foldSpaces((await findingsOf(metrics, 'fr'))[2] ?? '')).toBe('Acme Telecom a reçu 50 % de toutes les mentions des marques suivies, la même part que RivalCo.');
  });

  it('compares values as printed: rates that print alike share a rank, and are "the same", never "best"', async () => {
    const metrics = await metricsOf(closeRacePosts({ answered: 20, minutes: 30 }, { answered: 20, minutes: 30 }), config);
    const [acme, rival] = metrics.brands;
    if (!acme || !rival) throw new Error('two brands expected');
    // 49.96% prints as 50%: ranked as printed, RivalCo shares rank 1.
    rival.responseRate = 0.4996;
    assignRanks(metrics.brands, catalogueOf(metrics), comparableMetrics);
    expect([acme.rank.responseRate, rival.rank.responseRate]).toEqual([1, 1]);
    const text = await findingsOf(metrics);
    expect(text[0]).toBe('Acme Telecom answered 50% of the 40 mentions it received, the same rate as RivalCo.');
    expect(text.join(' ')).not.toMatch(/best|ahead|fastest/);
    // Ranks set by hand against the printed values: still no "best", and no "the same" beside different ranks.
    rival.rank.responseRate = 2;
    const forced = await findingsOf(metrics);
    expect(forced[0]).toBe('Acme Telecom answered 50% of the 40 mentions it received, rank 1 of 2 brands.');
  });

  it('writes "N times faster" only when the medians differ by 20% or more, and rest on 30 answered mentions each', async () => {
    // 35 min against 30: 1.17 times, under 20%.
    const near = await metricsOf(closeRacePosts({ answered: 36, minutes: 35 }, { answered: 30, minutes: 30 }), config);
    expect(await findingsOf(near)).toEqual([
      'Acme Telecom had the best response rate of the 2 brands: it answered 90% of the 40 mentions it received.',
      'Acme Telecom answered almost as fast as RivalCo: a median first response of 35\u00a0min against 30\u00a0min.',
      '90% of the mentions to Acme Telecom that needed an answer were answered within 1\u00a0h, ahead of the competitor median (75%).',
      'Acme Telecom received 50% of all mentions of the tracked brands, the same share as RivalCo.',
    ]);
    // 36 min against 30: exactly 1.2 times.
    const apart = await metricsOf(closeRacePosts({ answered: 36, minutes: 36 }, { answered: 30, minutes: 30 }), config);
    // RivalCo is faster but answered 30 of 40 (75%) against Acme's 36 of 40 (90%): the sentence says so.
    expect((await findingsOf(apart))[1]).toBe(
      'RivalCo answered 1.2 times faster than Acme Telecom: a median first response of 30\u00a0min against 36\u00a0min. But it answered a smaller share of the mentions needing an answer: 75%, against 90% for Acme Telecom.',
    );
    expect((await findingsOf(apart, 'fr'))[1]).toBe(
      'RivalCo a répondu 1,2 fois plus vite\u00a0: un délai médian de première réponse de 30\u00a0min, contre 36\u00a0min pour Acme Telecom. Mais cette marque a répondu à une moindre part des mentions appelant une réponse\u00a0: 75\u00a0%, contre 90\u00a0% pour Acme Telecom.',
    );
    // RivalCo's 75% a lower bound: 4 of its 10 unanswered mentions list a reply the data lacks, so it may be 85%, still
    // below Acme's 90%: the clause stands. With 8, up to 95%: it may have answered more, and the clause is not written.
    const listing = (count: number) => {
      const lost = Array.from({ length: 40 }, (_, i) => i).filter((i) => !spreadAnswered(i, 30, 40)).slice(0, count);
      return closeRacePosts({ answered: 36, minutes: 36 }, { answered: 30, minutes: 30 }).map((post) => (lost.some((i) => post.id === `r-2017-10-${i}`) ? { ...post, responses: `${post.id}-lost` } : post));
    };
    expect((await findingsOf(await metricsOf(listing(4), config)))[1]).toBe(
      'RivalCo answered 1.2 times faster than Acme Telecom: a median first response of 30\u00a0min against 36\u00a0min. But it answered a smaller share of the mentions needing an answer: at least 75%, against 90% for Acme Telecom.',
    );
    expect((await findingsOf(await metricsOf(listing(8), config)))[1]).toBe('RivalCo answered 1.2 times faster than Acme Telecom: a median first response of 30\u00a0min against 36\u00a0min.');
    // Faster and answering as many: no such clause.
    const both = await metricsOf(closeRacePosts({ answered: 36, minutes: 36 }, { answered: 36, minutes: 30 }), config);
    expect((await findingsOf(both))[1]).toBe('RivalCo answered 1.2 times faster than Acme Telecom: a median first response of 30\u00a0min against 36\u00a0min.');
    // The ratio of the times as printed: 6.0 h against 2 min is 180 times, where the unrounded 361.03 and 2.35 minutes
    // would say 153.6; and whole from 10 times.
    const far = await metricsOf(closeRacePosts({ answered: 36, minutes: 361.03 }, { answered: 36, minutes: 2.35 }), config);
    expect((await findingsOf(far))[1]).toBe('RivalCo answered 180 times faster than Acme Telecom: a median first response of 2\u00a0min against 6.0\u00a0h.');
    // 10.45 and 8.7 minutes are 1.2 times apart, but print 10 and 9 min: "almost as fast", as the reader can check.
    const printed = await metricsOf(closeRacePosts({ answered: 36, minutes: 10.45 }, { answered: 36, minutes: 8.7 }), config);
    expect((await findingsOf(printed))[1]).toBe('Acme Telecom answered almost as fast as RivalCo: a median first response of 10\u00a0min against 9\u00a0min.');
    // RivalCo's median on 29 answered mentions: no claim about how many times faster.
    const thin = await metricsOf(closeRacePosts({ answered: 36, minutes: 36 }, { answered: 29, minutes: 30 }), config);
    expect((await findingsOf(thin)).join(' ')).not.toMatch(/faster|as fast/);
  });

  it('ranks and compares nothing on a client without response figures', async () => {
    // Acme's 45 mentions, none of its posts; RivalCo answers 20 of 40 after 15 minutes.
    const posts = [...mentionsOnlyPosts().filter((post) => post.id.startsWith('d-2017-10')).map((post) => ({ ...post, text: post.text.replace('@Delta', '@AcmeCares') })), ...closeRacePosts({ answered: 0, minutes: 1 }, { answered: 20, minutes: 15 }).filter((post) => post.id.startsWith('r'))];
    const metrics = await metricsOf(posts, config);
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    // 45 of the 85 mentions; nothing about rate, speed or targets, and no low-sample warning for a client with 45 mentions.
    expect(model.findings).toEqual(['Acme Telecom received 53% of all mentions of the tracked brands, rank 1 of 2.']);
    expect(model.kpis.slice(0, 3).map((kpi) => [kpi.value, kpi.note, kpi.flags])).toEqual([
      ['—', null, ['‡ Its own posts are missing from the data']],
      ['—', null, ['‡ Its own posts are missing from the data']],
      ['—', null, ['‡ Its own posts are missing from the data']],
    ]);
    // RivalCo is the only brand with a rate: "rank 1" among one brand compares nothing, and is not shown.
    expect(model.leaderboard.rows.map((row) => [row.brandName, row.cells[1]?.text, row.cells[1]?.rank])).toEqual([
      ['RivalCo', '50%', null],
      ['Acme Telecom', '— ‡', null],
    ]);
  });

  it('says a rate measured on some platforms only, and compared with nothing, as such', async () => {
    // Acme: at least 30% of its 40 Twitter mentions (its Facebook comments have no post of its own); RivalCo's replies are not in the data.
    const posts = missingResponsesPosts().filter((post) => post.author.toLowerCase() !== 'rivalcohelp');
    const metrics = await metricsOf(posts, config);
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    expect(model.findings).toContain('Acme Telecom answered at least 30% of the 40 mentions measured on Twitter; no competitor has a response rate to compare it with.');
    // "At least 0%" is said nowhere: ten posts of Acme's own, none an answer, and every mention listing a response the data lacks.
    const listed = Array.from({ length: 40 }, (_, i): StorePost => ({ id: `m${i}`, author: `c${i}`, at: new Date(Date.UTC(2017, 9, 2 + (i % 25), 9)), text: '@AcmeCares any news?', responses: `gone${i}` }));
    const news = Array.from({ length: 10 }, (_, i): StorePost => ({ id: `n${i}`, author: 'acmecares', at: new Date(Date.UTC(2017, 9, 2 + i, 12)), text: `Our news ${i}` }));
    const zero = await metricsOf([...listed, ...news], config);
    expect(zero.brands.find((brand) => brand.id === 'acme')).toMatchObject({ responseRate: 0, coverage: { warnings: expect.arrayContaining(['responses-missing']) } });
    const findings = (await buildReportModel({ metrics: zero, config, facts: null, template, language: 'en' })).model.findings;
    expect(findings.filter((finding) => finding.includes('answered'))).toEqual([]);
  });

  it('marks on the workbook\'s leaderboard the response rate and shares within targets that are lower bounds', async () => {
    const metrics = await metricsOf(missingResponsesPosts(), config);
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    const sheet = model.workbook.sheets.find((entry) => entry.name === 'Leaderboard');
    const at = sheet?.headers.indexOf('Response rate and shares answered within each target are lower bounds (answers missing from the data)') ?? -1;
    expect(sheet?.rows.map((row) => [row[0]?.value, row[at]?.value])).toEqual([
      ['RivalCo', false],
      ['Acme Telecom', true],
    ]);
  });

  it('draws no trend from one month of data, and says why in its place', async () => {
    const metrics = await metricsOf(closeRacePosts({ answered: 20, minutes: 15 }, { answered: 30, minutes: 60 }), config);
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    expect(model.charts.trend).toMatchObject({ svg: null, native: [], empty: 'The data holds one month, October 2017: there is no trend to draw yet. Its figures are those of the summary and the leaderboard.' });
  });

  it('calls the client the fastest only on a median of 30 answered mentions or more', async () => {
    const fastest = "Acme Telecom was the fastest to answer: a median first response of 5\u00a0min, against 1.0\u00a0h for the competitor median.";
    const findingsOf = async (answered: number) => {
      const metrics = await metricsOf(closeRacePosts({ answered, minutes: 5 }, { answered: 30, minutes: 60 }), config);
      return (await buildReportModel({ metrics, config, facts: null, template, language: 'en' })).model.findings;
    };
    expect(await findingsOf(30)).toContain(fastest);
    // 29 answers: the same 5 min median, but resting on too few to claim the lead.
    expect((await findingsOf(29)).filter((finding) => finding.includes('fastest'))).toEqual([]);
  });

  it('says under the tiles that mentions are questions only, when only questions are counted', async () => {
    const questions = { ...config, metrics: { ...config.metrics, inbound: 'questions' as const } };
    const posts = closeRacePosts({ answered: 20, minutes: 15 }, { answered: 10, minutes: 15 });
    const modelOf = async (settings: Config, asked = posts) => (await buildReportModel({ metrics: await metricsOf(asked, settings), config: settings, facts: null, template, language: 'fr' })).model;
    const notesOf = async (settings: Config) => (await modelOf(settings)).kpiNotes;
    expect(await notesOf(questions)).toContain(
      'Dans ce rapport, les mentions sont uniquement des questions (texte avec «\u00a0?\u00a0» ou «\u00a0¿\u00a0»)\u00a0: les comptes de mentions, les chiffres de réponse et les parts de voix reposent sur elles.',
    );
    expect((await notesOf(config)).filter((note) => note.includes('questions'))).toEqual([]);
    // The share-of-voice chart, whose caption says "all mentions", says it too (of mentions that are questions).
    const questionsAsked = posts.map((post) => ({ ...post, text: `${post.text}?` }));
    expect((await modelOf(questions, questionsAsked)).charts['share-of-voice']?.notes).toEqual([
      'Questions uniquement\u00a0: la part de chaque marque dans les questions reçues par les marques suivies, comme le rapport les compte.',
    ]);
    expect((await modelOf(config, questionsAsked)).charts['share-of-voice']?.notes).toEqual([]);
    // These mentions hold no "?": no question at all, and the finding says none was received, not that nobody wrote.
    expect(posts.some((post) => post.text.includes('?'))).toBe(false);
    const quiet = await metricsOf(posts, questions);
    const quietModel = (await buildReportModel({ metrics: quiet, config: questions, facts: null, template, language: 'en' })).model;
    expect(quietModel.findings[0]).toBe('None of the tracked brands received a question in this period (only questions count in this report).');
    // The hour-of-week grid counts questions too: it says no question came, not that the data holds no mention.
    expect(quietModel.charts['hour-of-week']?.empty).toBe('The data holds no question to Acme Telecom in this period (only questions count in this report).');
  });

  it('ranks no figure of a competitor the data holds nothing of, and says so beside the table and in the methodology', async () => {
    // Only Acme's conversations are in the data: neither a post of RivalCo nor a mention of it.
    const metrics = await metricsOf(closeRacePosts({ answered: 20, minutes: 15 }, { answered: 0, minutes: 1 }).filter((post) => !post.id.startsWith('r-')), config);
    const rival = metrics.brands.find((brand) => brand.id === 'rivalco');
    expect([rival?.shareOfVoice, rival?.rank.shareOfVoice]).toEqual([0, null]);
    const sentences: Record<Language, string> = {
      en: 'The data holds neither a post of RivalCo nor a mention of it in this period: its figures are not compared (the exports may not cover it).',
      es: 'Los datos no contienen ninguna publicación de RivalCo ni ninguna mención de la marca en este periodo: sus cifras no se comparan (puede que las exportaciones no la cubran).',
      fr: 'Les données ne contiennent ni publication de RivalCo ni mention de la marque sur la période\u00a0: ses chiffres ne sont pas comparés (les exports ne la couvrent peut-être pas).',
    };
    for (const language of LANGUAGES) {
      const { model } = await buildReportModel({ metrics, config, facts: null, template, language });
      expect(model.leaderboardNotes).toContain(sentences[language]);
      expect(model.warnings).toContain(sentences[language]);
      // Share of voice: the client alone is ranked, so no rank is printed.
      if (language === 'en') expect(model.kpis.find((kpi) => kpi.label === 'Share of voice')?.note).toBeNull();
      // The workbook's definitions say the rule in the report's language.
      const definitions = model.workbook.sheets.flatMap((sheet) => sheet.rows.map((row) => String(row[1]?.value ?? '')));
      const rule = { en: 'gets no rank at all', es: 'no recibe ningún puesto', fr: 'n’a aucun rang' }[language];
      expect(definitions.some((text) => text.includes(rule))).toBe(true);
    }
  });

  it('gives the client no rank on a figure no competitor has, and says its rate is compared with nothing', async () => {
    // Acme answers 20 of 40 mentions after 15 minutes; RivalCo's 40 mentions are in the data, none of its own posts.
    const metrics = await metricsOf(closeRacePosts({ answered: 20, minutes: 15 }, { answered: 0, minutes: 1 }), config);
    const client = metrics.brands.find((brand) => brand.id === 'acme');
    // The JSON keeps the contract's rank; the pages do not print it.
    expect([client?.responseRate, client?.rank.responseRate, metrics.brands.filter((brand) => brand.rank.responseRate !== undefined && brand.rank.responseRate !== null).length]).toEqual([0.5, 1, 1]);
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    expect(model.findings[0]).toBe("Acme Telecom answered 50% of the 40 mentions it received; no competitor has a response rate to compare it with.");
    expect(model.kpis[0]?.note).toBeNull();
    expect(model.leaderboard.rows.map((row) => row.cells[1]?.rank)).toEqual([null, null]);
    // Share of voice ranks both brands, at 50% each: a rank both share tells neither apart, and is not printed either.
    expect(model.kpis.find((kpi) => kpi.label === 'Share of voice')?.note).toBeNull();
  });
});

describe('the share of mentions listing responses the data lacks', () => {
  it('is written with a decimal where a whole percentage would not read as more than the threshold the warning passed', async () => {
    const { Formatter } = await import('../../src/report/i18n/format.js');
    const { translator } = await import('../../src/report/i18n/strings.js');
    const { plainNumbers } = await import('../../src/report/i18n/plain-numbers.js');
    const t = translator(ReportTemplate.open(undefined).strings('es'), 'es');
    const format = new Formatter('es', t, 'UTC');
    // 27 of 492 (5.49%) passed "more than 5%": "5 %" would not say so.
    expect([format.percentPast(27 / 492, 0.05), format.percentPast(0.0551, 0.05), format.percentPast(0.08, 0.05)]).toEqual(['5,5\u00a0%', '6\u00a0%', '8\u00a0%']);
    expect([plainNumbers('en').percentPast(27 / 492, 0.05), plainNumbers('en').percentPast(0.12, 0.05), plainNumbers('en').percentPast(0.101, 0.1), plainNumbers('en').percentPast(0.061, 0.1)]).toEqual(['5.5%', '12%', '10.1%', '6%']);
    // Just past it: as many decimals as it takes, whatever the float gives 0.29 * 100; the threshold itself as it is set.
    expect([plainNumbers('en').percentPast(0.0502, 0.05), plainNumbers('en').percentPast(0.2904, 0.29), format.percentSetting(0.025), format.percentSetting(0.05)]).toEqual(['5.02%', '29.04%', '2,5\u00a0%', '5\u00a0%']);
  });
});
