import { afterEach, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/metrics/compute.js';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import { Formatter } from '../../../src/report/i18n/format.js';
import { translator } from '../../../src/report/i18n/strings.js';
import { comparedOnBrandNotes, comparedOnNote, comparedOnNotes } from '../../../src/report/model/comparedOn.js';
import { buildScorecard, DEFAULT_SCORECARD_THRESHOLDS } from '../../../src/report/model/scorecard.js';
import { ReportTemplate } from '../../../src/report/template.js';
import type { Store } from '../../../src/store/database.js';
import { plus, storeWith, threeBrands, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

const T0 = '2017-10-02T10:00:00Z';

function mention(id: string, extra: Partial<DiagPost>, answerAfter?: number): DiagPost[] {
  const at = extra.at ?? T0;
  const post: DiagPost = { id, author: `c${id}`, at, text: `@AcmeCares message ${id}`, ...extra };
  return answerAfter === undefined ? [post] : [post, { id: `${id}r`, author: 'acmecares', at: plus(at, answerAfter), text: 'ok', parent: id, ...(extra.platform ? { platform: extra.platform } : {}) }];
}

const late: DiagPost = { id: 'late', author: 'z', at: '2017-11-30T00:00:00Z', text: 'x' };

describe('influencer priority', () => {
  const posts = [
    ...mention('big', { followers: 5000 }, 10),
    ...mention('edge', { followers: 1000 }), // exactly the threshold: an influencer, unanswered
    ...mention('small', { followers: 999 }, 30),
    ...mention('unknown', {}, 20),
    { id: 'rv', author: 'x', at: T0, text: '@RivalHelp hi' },
    late,
  ];

  it('splits mentions at the follower threshold (default 1,000) and keeps unknown counts apart', async () => {
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, twoBrands(), '2017-10');
    expect(result.brands.find((b) => b.id === 'acme')?.influencers).toEqual({
      followerThreshold: 1000,
      influencers: { inbound: 2, answered: 1, listedMissing: 0, responseRate: 0.5, responseTimeMedianMin: 10, reason: null },
      others: { inbound: 1, answered: 1, listedMissing: 0, responseRate: 1, responseTimeMedianMin: 30, reason: null },
      unknownFollowers: 1,
      otherPlatforms: 0,
    });
    expect(result.brands.find((b) => b.id === 'rival')?.influencers).toBeNull();
    expect(result.notes).toContainEqual({ brandId: 'rival', code: 'no-follower-data' });
  });

  it('takes the threshold from metrics.influencerFollowers', async () => {
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, twoBrands({ metrics: { influencerFollowers: 5000 } }), '2017-10');
    const acme = result.brands.find((b) => b.id === 'acme')?.influencers;
    expect(acme?.influencers).toEqual({ inbound: 1, answered: 1, listedMissing: 0, responseRate: 1, responseTimeMedianMin: 10, reason: null });
    expect(acme?.others.inbound).toBe(2);
  });

  it('gives a group under metrics.minGroupMentions mentions no rate, and says why', async () => {
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, twoBrands({ metrics: { minGroupMentions: 2 } }), '2017-10');
    const acme = result.brands.find((b) => b.id === 'acme')?.influencers;
    // 2 influencer mentions reach the minimum; the 1 other does not.
    expect(acme?.influencers).toEqual({ inbound: 2, answered: 1, listedMissing: 0, responseRate: 0.5, responseTimeMedianMin: 10, reason: null });
    expect(acme?.others).toEqual({ inbound: 1, answered: 1, listedMissing: 0, responseRate: null, responseTimeMedianMin: null, reason: 'too-few-mentions' });
  });
});

describe('sentiment', () => {
  it('reads word and numeric labels, and lists unanswered negative mentions first', async () => {
    store = await storeWith([
      ...mention('old', { at: '2017-10-01T08:00:00Z', sentiment: 'Neutral' }),
      ...mention('neg1', { at: '2017-10-03T08:00:00Z', sentiment: 'Negative' }),
      ...mention('neg2', { at: '2017-10-02T08:00:00Z', sentiment: 'negativo' }),
      ...mention('neg3', { at: '2017-10-04T08:00:00Z', sentiment: '-3' }, 90),
      ...mention('pos', { at: '2017-10-04T09:00:00Z', sentiment: 'Positive' }, 15),
      ...mention('nr', { at: '2017-10-05T09:00:00Z', sentiment: 'Not Rated' }, 5),
      late,
    ]);
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.sentiment).toEqual({
      bySentiment: {
        negative: { inbound: 3, answered: 1, listedMissing: 0, responseRate: 1 / 3, responseTimeMedianMin: 90, reason: null },
        neutral: { inbound: 1, answered: 0, listedMissing: 0, responseRate: 0, responseTimeMedianMin: null, reason: null },
        positive: { inbound: 1, answered: 1, listedMissing: 0, responseRate: 1, responseTimeMedianMin: 15, reason: null },
      },
      unknown: 1,
      otherPlatforms: 0,
    });
    expect(acme?.unansweredExamples.map((e) => [e.author, e.sentiment])).toEqual([
      ['cneg2', 'negative'],
      ['cneg1', 'negative'],
      ['cold', 'neutral'],
    ]);
  });

  it('follows the questions-only inbound mode', async () => {
    store = await storeWith([
      ...mention('q', { text: '@AcmeCares ¿dónde está mi pedido?', sentiment: 'negative', followers: 2000 }, 30),
      ...mention('s', { text: '@AcmeCares this is awful', sentiment: 'negative', followers: 2000 }),
      late,
    ]);
    const acme = (await computeDiagnostics(store, twoBrands({ metrics: { inbound: 'questions' } }), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.sentiment?.bySentiment.negative).toEqual({ inbound: 1, answered: 1, listedMissing: 0, responseRate: 1, responseTimeMedianMin: 30, reason: null });
    expect(acme?.influencers?.influencers.inbound).toBe(1);
    expect(acme?.unansweredExamples).toEqual([]);
  });

  it('is null where the export has no sentiment', async () => {
    store = await storeWith([...mention('a', {}, 5), late]);
    const result = await computeDiagnostics(store, twoBrands(), '2017-10');
    expect(result.brands.find((b) => b.id === 'acme')?.sentiment).toBeNull();
    expect(result.notes).toContainEqual({ brandId: 'acme', code: 'no-sentiment-data' });
  });
});

describe("every brand compared on the platforms where the client's export gives the field", () => {
  // Acme's care export gives no sentiment nor follower count on Twitter (one of its 5 mentions there has a sentiment, not
  // half), its Facebook export does; Rival's listening export gives both everywhere, and Rival answers Twitter, not Facebook.
  const posts: DiagPost[] = [
    ...mention('at1', {}, 10),
    ...mention('at2', {}, 10),
    ...mention('at3', {}),
    ...mention('at4', {}),
    ...mention('at5', { sentiment: 'negative' }, 10),
    ...['af1', 'af2', 'af3'].flatMap((id, index) => mention(id, { platform: 'facebook', sentiment: 'negative', followers: 50 }, index === 0 ? 10 : undefined)),
    ...['rt1', 'rt2', 'rt3', 'rt4'].flatMap((id) => [
      { id, author: `c${id}`, at: T0, text: '@RivalHelp no signal', sentiment: 'negative', followers: 50 },
      { id: `${id}r`, author: 'rivalhelp', at: plus(T0, 5), text: 'on it', parent: id },
    ]),
    { id: 'rf1', author: 'crf1', at: T0, text: '@RivalHelp no signal', sentiment: 'negative', platform: 'facebook', followers: 50 },
    { id: 'rf2', author: 'crf2', at: T0, text: '@RivalHelp no signal', sentiment: 'negative', platform: 'facebook', followers: 50 },
    { id: 'rf3', author: 'crf3', at: T0, text: '@RivalHelp thanks', sentiment: 'neutral', platform: 'facebook', followers: 50 },
    { id: 'rf3r', author: 'rivalhelp', at: plus(T0, 5), text: 'welcome', parent: 'rf3', platform: 'facebook' },
    late,
  ];
  const config = twoBrands({}, { acme: { accounts: { twitter: ['AcmeCares'], facebook: ['AcmeCares'] } }, rival: { accounts: { twitter: ['RivalHelp'], facebook: ['RivalHelp'] } } });

  it("measures each brand's negative mentions on Facebook only, and counts the rest apart", async () => {
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, config, '2017-10');
    expect(result.comparedPlatforms.sentiment).toEqual(['facebook']);
    const of = (id: string) => result.brands.find((brand) => brand.id === id)?.sentiment;
    // Acme: 1 of its 3 Facebook mentions answered; its 5 Twitter mentions are left out.
    expect(of('acme')?.bySentiment.negative).toEqual({ inbound: 3, answered: 1, listedMissing: 0, responseRate: 1 / 3, responseTimeMedianMin: 10, reason: null });
    expect([of('acme')?.unknown, of('acme')?.otherPlatforms]).toEqual([0, 5]);
    // Rival: 0 of 2 on Facebook, not 4 of 6 on both platforms, which would set its Twitter against Acme's Facebook.
    expect(of('rival')?.bySentiment.negative).toEqual({ inbound: 2, answered: 0, listedMissing: 0, responseRate: 0, responseTimeMedianMin: null, reason: null });
    expect(of('rival')?.otherPlatforms).toBe(4);
    // Follower counts the same way: Acme's Facebook mentions have them, its Twitter ones not.
    expect(result.comparedPlatforms.followers).toEqual(['facebook']);
    const audience = (id: string) => result.brands.find((brand) => brand.id === id)?.influencers;
    expect([audience('acme')?.others.inbound, audience('acme')?.others.answered, audience('acme')?.unknownFollowers, audience('acme')?.otherPlatforms]).toEqual([3, 1, 0, 5]);
    expect([audience('rival')?.others.inbound, audience('rival')?.others.answered, audience('rival')?.otherPlatforms]).toEqual([3, 1, 4]);

    expect(result.leftOutPlatforms).toEqual({ followers: ['twitter'], sentiment: ['twitter'] });

    const template = ReportTemplate.open(undefined);
    const note = (language: 'en' | 'fr', field: 'sentiment' | 'followers' = 'sentiment') => {
      const t = translator(template.strings(language), `${language}.json`, language);
      // Named in the order of the page's rows.
      return comparedOnNote(field, 'Negative mentions answered', ['rival', 'acme'], result, new Formatter(language, t, 'UTC'), t);
    };
    expect(note('en')).toEqual([
      '“Negative mentions answered” compares every brand on Facebook only, where Acme’s export gives a sentiment for at least half of its mentions. Mentions needing an answer left out, on Twitter: Rival (4) and Acme (5).',
    ]);
    expect(note('fr')).toEqual([
      '«\u00a0Negative mentions answered\u00a0» compare toutes les marques sur Facebook seulement, où l’export d’Acme donne une tonalité pour au moins la moitié de ses mentions. Mentions appelant une réponse laissées de côté, sur Twitter\u00a0: Rival (4) et Acme (5).',
    ]);
    expect(note('en', 'followers')).toEqual([
      '“Negative mentions answered” compares every brand on Facebook only, where Acme’s export gives the author’s follower count for at least half of its mentions. Mentions needing an answer left out, on Twitter: Rival (4) and Acme (5).',
    ]);
    // The scorecard's two audience columns, compared on the same platforms with the same mentions left out: one sentence, not the same one twice.
    const both = (language: 'en' | 'es') => {
      const t = translator(template.strings(language), `${language}.json`, language);
      const subjects = [
        { field: 'followers' as const, subject: t('scorecard.column.influencerResponseRate') },
        { field: 'sentiment' as const, subject: t('scorecard.column.negativeResponseRate') },
      ];
      return comparedOnNotes(subjects, ['acme', 'rival'], result, new Formatter(language, t, 'UTC'), t);
    };
    expect(both('en')).toEqual([
      '“Influencers answered” and “Negative mentions answered” compare every brand on Facebook only, where Acme’s export gives the author’s follower count and a sentiment for at least half of its mentions. Mentions needing an answer left out, on Twitter: Acme (5) and Rival (4).',
    ]);
    expect(both('es')).toEqual([
      '«Perfiles influyentes respondidos» y «Menciones negativas respondidas» comparan a todas las marcas solo en Facebook, donde la exportación de Acme asigna el número de seguidores del autor y un sentimiento a al menos la mitad de sus menciones. Menciones que piden respuesta y quedan fuera, en Twitter: Acme (5) y Rival (4).',
    ]);
    const rival = result.brands.find((brand) => brand.id === 'rival');
    if (!rival) throw new Error('no rival');
    const t = translator(template.strings('es'), 'es.json', 'es');
    expect(comparedOnBrandNotes(rival, result, new Formatter('es', t, 'UTC'), t)).toEqual([
      'Perfiles influyentes: solo en Facebook, donde la exportación del cliente da el número de seguidores; quedan fuera 4 menciones que piden respuesta en Twitter.',
      'Por sentimiento: solo en Facebook, donde la exportación del cliente asigna un sentimiento; quedan fuera 4 menciones que piden respuesta en Twitter.',
    ]);
  });

  it('takes a platform where exactly half of the client\'s mentions have the field, not one where fewer do', async () => {
    const half = [...mention('h1', { sentiment: 'negative' }, 10), ...mention('h2', {}, 10), late];
    store = await storeWith(half);
    expect((await computeDiagnostics(store, twoBrands(), '2017-10')).comparedPlatforms.sentiment).toEqual(['twitter']);
    store.close();
    store = await storeWith([...half, ...mention('h3', {}, 10)]);
    expect((await computeDiagnostics(store, twoBrands(), '2017-10')).comparedPlatforms.sentiment).toEqual([]);
  });

  it('says a brand with no sentiment anywhere has none, and a brand rated only on platforms left out has none there', async () => {
    const posts: DiagPost[] = [
      ...['af1', 'af2'].flatMap((id) => mention(id, { platform: 'facebook', sentiment: 'negative' }, 10)),
      { id: 'rt1', author: 'crt1', at: T0, text: '@RivalHelp no signal' },
      { id: 'rt1r', author: 'rivalhelp', at: plus(T0, 5), text: 'on it', parent: 'rt1' },
      { id: 'ot1', author: 'cot1', at: T0, text: '@OtherHelp no signal', sentiment: 'negative' },
      { id: 'ot1r', author: 'otherhelp', at: plus(T0, 5), text: 'on it', parent: 'ot1' },
      late,
    ];
    const config = threeBrands();
    const withFacebook = { ...config, brands: config.brands.map((brand) => (brand.id === 'acme' ? { ...brand, accounts: { ...brand.accounts, facebook: ['acmecares'] } } : brand)) };
    store = await storeWith(posts);
    const diagnostics = await computeDiagnostics(store, withFacebook, '2017-10');
    expect(diagnostics.comparedPlatforms.sentiment).toEqual(['facebook']);
    // Rival's export gives no sentiment at all: no sentiment data, as before the comparison on the client's platforms.
    expect(diagnostics.brands.find((brand) => brand.id === 'rival')?.sentiment).toBeNull();
    expect(diagnostics.notes).toContainEqual({ brandId: 'rival', code: 'no-sentiment-data' });
    // Other's one rated mention is on Twitter, left out: counted there, and its cell says why it is empty.
    expect(diagnostics.brands.find((brand) => brand.id === 'other')?.sentiment?.otherPlatforms).toBe(1);
    expect(diagnostics.notes).not.toContainEqual({ brandId: 'other', code: 'no-sentiment-data' });
    const metrics = { ...(await computeMetrics(store, withFacebook, '2017-10')), diagnostics };
    const t = translator(ReportTemplate.open(undefined).strings('en'), 'en.json', 'en');
    const card = buildScorecard(metrics, new Formatter('en', t, 'UTC'), t, DEFAULT_SCORECARD_THRESHOLDS);
    const column = card?.columns.findIndex((entry) => entry.key === 'negativeResponseRate') ?? -1;
    const reason = (id: string) => card?.rows.find((row) => row.brandId === id)?.cells[column]?.reasonText;
    expect([reason('rival'), reason('other')]).toEqual(['no sentiment in the data', 'none on the platforms compared']);
  });

  it('lists first the unanswered negative mentions of the platforms the figures rest on, so the finding on them has its examples', async () => {
    const at = (hours: number) => plus('2017-10-01T00:00:00Z', hours * 60);
    const posts: DiagPost[] = [
      // Facebook rates every mention (compared): one negative unanswered, one answered.
      ...mention('fneg', { platform: 'facebook', sentiment: 'negative', at: at(100) }),
      ...mention('fok', { platform: 'facebook', sentiment: 'neutral', at: at(101) }, 5),
      // Twitter rates 6 of 16 (not compared): its older negative mentions would fill the 5 examples.
      ...Array.from({ length: 6 }, (_, index) => mention(`tneg${index}`, { sentiment: 'negative', at: at(index) })).flat(),
      ...Array.from({ length: 10 }, (_, index) => mention(`t${index}`, { at: at(20 + index) }, 5)).flat(),
      late,
    ];
    store = await storeWith(posts);
    const config = twoBrands({}, { acme: { accounts: { twitter: ['AcmeCares'], facebook: ['AcmeCares'] } } });
    const diagnostics = await computeDiagnostics(store, config, '2017-10');
    expect(diagnostics.comparedPlatforms.sentiment).toEqual(['facebook']);
    const examples = diagnostics.brands.find((brand) => brand.id === 'acme')?.unansweredExamples ?? [];
    expect(examples.filter((example) => example.sentiment === 'negative').map((example) => example.platform)).toContain('facebook');
  });
});
