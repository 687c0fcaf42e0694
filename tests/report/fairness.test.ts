/**
 * What the report says on the uneven exports of issue 15: a tag storm and a
 * thank-you on a month that is one evening, and a listening export whose
 * client has one misattributed post. Every number is worked out by hand from
 * the posts below.
 */
import { describe, expect, it } from 'vitest';
import type { MetricsReport } from '../../src/metrics/types.js';
import type { Language } from '../../src/report/i18n/language.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import type { ReportModel } from '../../src/report/model/types.js';
import { ReportTemplate } from '../../src/report/template.js';
import { configOf, metricsOf, type StorePost } from './coverageStores.js';

const template = ReportTemplate.open(undefined);
const BRANDS = [
  { id: 'acme', name: 'Acme Telecom', accounts: { twitter: ['AcmeCares'] } },
  { id: 'rival', name: 'RivalCo', accounts: { twitter: ['RivalCoHelp'] } },
  { id: 'third', name: 'Tercera', accounts: { twitter: ['TerceraAyuda'] } },
];

const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2017, 9, day, hour, minute));

/**
 * 31 October, 18:00-22:00: 40 mentions of each brand, one every 6 minutes,
 * each answered after 10 minutes; a tag storm of 40 posts by one author
 * tagging all three brands and three other accounts; then the first
 * customer of Acme thanks it under its answer. On 3 October one mention of
 * RivalCo. In all: 3 x 40 + 40 + 1 + 1 posts of customers.
 */
function eveningPosts(): StorePost[] {
  const posts: StorePost[] = [];
  for (const [brand, handle, account] of [['a', 'AcmeCares', 'acmecares'], ['r', 'RivalCoHelp', 'rivalcohelp'], ['t', 'TerceraAyuda', 'terceraayuda']] as const) {
    for (let i = 0; i < 40; i++) {
      const when = at(31, 18, i * 6);
      posts.push({ id: `${brand}${i}`, author: `${brand}c${i}`, at: when, text: `@${handle} no signal at home, can you check?` });
      posts.push({ id: `${brand}${i}r`, author: account, at: new Date(when.getTime() + 10 * 60_000), text: `@${brand}c${i} on it`, parent: `${brand}${i}` });
    }
  }
  for (let i = 0; i < 40; i++) posts.push({ id: `storm${i}`, author: 'stormer', at: at(31, 18, i * 5 + 1), text: '@AcmeCares @RivalCoHelp @TerceraAyuda @x1 @x2 @x3 which of you is worst?' });
  posts.push({ id: 'thanks', author: 'ac0', at: at(31, 18, 30), text: '@AcmeCares As always, thank you!!!', parent: 'a0r' });
  posts.push({ id: 'early', author: 'someone', at: at(3, 9), text: '@RivalCoHelp hello?' });
  return posts;
}

async function modelOf(metrics: MetricsReport, client: string, language: Language): Promise<ReportModel> {
  return (await buildReportModel({ metrics, config: configOf(client, BRANDS), facts: null, template, language })).model;
}

describe('a month that is one evening, with a tag storm and a thank-you', () => {
  it('says so first, counts the storm and the thanks in volume only, and marks every volume', async () => {
    const metrics = await metricsOf(eveningPosts(), configOf('acme', BRANDS));
    const acme = metrics.brands.find((brand) => brand.id === 'acme');
    // 40 + 40 storm + 1 thanks = 81 mentions; 40 need an answer, all answered.
    expect([acme?.inbound, acme?.coverage?.inboundMeasured, acme?.coverage?.massMentions, acme?.coverage?.closers, acme?.responseRate]).toEqual([81, 40, 40, 1, 1]);
    // The storm author wrote 40 of Acme's 81 mentions: 49%.
    expect(acme?.coverage?.topAuthor).toEqual({ author: 'stormer', mentions: 40, share: 40 / 81 });
    // 162 distinct mentions (3 x 40, the storm's 40 and the thanks on 31 October, one on the 3rd): 161 on 31 October.
    expect(metrics.periodCoverage?.span).toMatchObject({ daysWithData: 2, busiestDay: '2017-10-31', busiestDayMentions: 161, busiestDayShare: 161 / 162 });

    const en = await modelOf(metrics, 'acme', 'en');
    expect(en.findings[0]).toBe('Read this report as a snapshot: 99% of the mentions of October 2017 fall on 31 October 2017.');
    // RivalCo left its one mention of 3 October unanswered: 40 of 41 = 98%.
    expect(en.findings).toContain('Acme Telecom answered 100% of the 40 mentions that needed an answer, the same rate as Tercera; rank 1 of 3 brands.');
    // Every brand's data is one evening: one sentence for all of them, under the ‖ mark.
    expect(en.leaderboardNotes).toContain('‖ For every brand the data covers part of the period only: “Coverage of the data”, under the methodology, gives each brand’s days.');
    // The storm author wrote about half of each brand's mentions: said once for the three, not in three near-identical sentences.
    const shared = 'One author, stormer, wrote a large share of the mentions of Acme Telecom (49%, 40 of 81), RivalCo (49%, 40 of 81) and Tercera (50%, 40 of 80): their volumes and shares of voice largely reflect one person.';
    expect(en.leaderboardNotes.filter((note) => note.startsWith('¶'))).toEqual([`¶ ${shared}`]);
    // ...and under the summary's figures of whichever brand is the client, not only the first named.
    expect(en.kpiNotes).toContain(shared);
    const forRival = (await buildReportModel({ metrics: await metricsOf(eveningPosts(), configOf('rival', BRANDS)), config: configOf('rival', BRANDS), facts: null, template, language: 'en' })).model;
    expect(forRival.kpiNotes).toContain(shared);
    // The client's own sentence under the summary; under the leaderboard, one sentence for the three brands the storm hit.
    expect(en.kpiNotes).toContain(
      '51% of the mentions of Acme Telecom need no answer: 40 tag 5 or more accounts at once and 1 is a thank-you or acknowledgement after its answer. They count in its volume and share of voice, not in its response figures.',
    );
    expect(en.leaderboardNotes.filter((note) => note.includes('need no answer'))).toEqual([
      'Mentions that need no answer (they tag 5 or more accounts at once, or thank a brand after its answer) count in volume and share of voice, not in response figures; they make up 51% of Acme Telecom’s, 49% of RivalCo’s and 50% of Tercera’s mentions.',
    ]);
    const acmeRow = en.leaderboard.rows.find((row) => row.isClient);
    expect(acmeRow?.cells[0]?.text).toBe('81 ¶ ‖');
    expect(en.charts['hour-of-week']?.notes[0]).toBe('100% of the mentions of Acme Telecom fall on 31 October 2017: its figures describe that day more than the period. This pattern is that day’s, not a typical week’s.');

    const es = await modelOf(metrics, 'acme', 'es');
    expect(es.findings[0]).toBe('Lea este informe como una instantánea: el 99\u00a0% de las menciones de octubre de 2017 corresponden al 31 de octubre de 2017.');
    expect(es.findings).toContain('Acme Telecom respondió al 100\u00a0% de las 40 menciones que pedían respuesta, la misma tasa que Tercera: puesto 1 de 3 marcas.');
  });

  it('names the author behind one brand in a sentence of its own', async () => {
    // The storm tags Acme and five accounts nobody tracks: one brand's volume only.
    const posts = eveningPosts().map((post) => (post.author === 'stormer' ? { ...post, text: '@AcmeCares @x0 @x1 @x2 @x3 @x4 which of you is worst?' } : post));
    const en = await modelOf(await metricsOf(posts, configOf('acme', BRANDS)), 'acme', 'en');
    expect(en.leaderboardNotes.filter((note) => note.startsWith('¶'))).toEqual([
      '¶ One author, stormer, wrote 49% of the mentions of Acme Telecom (40 of 81): its volume and share of voice largely reflect one person.',
    ]);
    // The finding that compares the shares of voice says it too, where the reader meets the rank.
    expect(en.findings.filter((line) => line.includes('of all mentions'))).toEqual([
      'Acme Telecom received 50% of all mentions of the tracked brands, rank 1 of 3. 49% of Acme Telecom’s mentions come from one author, stormer.',
    ]);
    const fr = await modelOf(await metricsOf(posts, configOf('acme', BRANDS)), 'acme', 'fr');
    expect(fr.findings.filter((line) => line.includes('toutes les mentions'))).toEqual([
      'Acme Telecom a reçu 50\u00a0% de toutes les mentions des marques suivies\u00a0: rang 1 sur 3. 49\u00a0% des mentions d’Acme Telecom viennent d’un seul auteur, stormer.',
    ]);
  });
});

describe('a period of one day', () => {
  it('is that day, named once, and no snapshot of itself: its mentions cannot crowd on one day of it', async () => {
    const metrics = await metricsOf(eveningPosts(), configOf('acme', BRANDS), '2017-10-31..2017-10-31');
    expect(metrics.brands.flatMap((brand) => brand.coverage?.warnings ?? []).filter((warning) => warning === 'partial-period')).toEqual([]);
    expect(metrics.periodCoverage?.partial).toBe(false);
    const en = await modelOf(metrics, 'acme', 'en');
    expect(en.period.label).toBe('31 October 2017');
    expect(en.findings.some((line) => line.includes('snapshot'))).toBe(false);
    expect(en.leaderboardNotes.some((note) => note.startsWith('‖'))).toBe(false);
    const es = await modelOf(metrics, 'acme', 'es');
    expect(es.period.label).toBe('31 de octubre de 2017');
  });
});

describe('shares of voice of exports that cover unequal parts of the month', () => {
  /** Acme and Tercera: a mention a day on each of the 31 days, answered; RivalCo: three a day from 5 to 8 October only. */
  function unevenPosts(): StorePost[] {
    const posts: StorePost[] = [];
    for (let day = 1; day <= 31; day++) {
      for (const [brand, handle, account] of [['a', 'AcmeCares', 'acmecares'], ['t', 'TerceraAyuda', 'terceraayuda']] as const) {
        posts.push({ id: `${brand}${day}`, author: `${brand}c${day}`, at: at(day, 9), text: `@${handle} my bill is wrong` });
        posts.push({ id: `${brand}${day}r`, author: account, at: at(day, 10), text: `@${brand}c${day} on it`, parent: `${brand}${day}` });
      }
    }
    for (let day = 5; day <= 8; day++) {
      for (let i = 0; i < 3; i++) {
        posts.push({ id: `r${day}-${i}`, author: `rc${day}-${i}`, at: at(day, 9 + i), text: '@RivalCoHelp my bill is wrong' });
        posts.push({ id: `r${day}-${i}r`, author: 'rivalcohelp', at: at(day, 12 + i), text: `@rc${day}-${i} on it`, parent: `r${day}-${i}` });
      }
    }
    return posts;
  }

  it('says in the share-of-voice finding which brand’s data runs over fewer than half the days', async () => {
    const metrics = await metricsOf(unevenPosts(), configOf('acme', BRANDS));
    // 31 mentions of Acme, 31 of Tercera, 12 of RivalCo: Acme and Tercera 31 of 74 = 42% each, rank 1; RivalCo 16%.
    expect(metrics.brands.map((brand) => [brand.id, brand.inbound, brand.coverage?.span.daysWithData, brand.coverage?.span.spanDays])).toEqual([
      ['acme', 31, 31, 31],
      ['rival', 12, 4, 4],
      ['third', 31, 31, 31],
    ]);
    const voice = (model: ReportModel, marker: string) => model.findings.filter((line) => line.includes(marker));
    expect(voice(await modelOf(metrics, 'acme', 'en'), 'of all mentions')).toEqual([
      'Acme Telecom received 42% of all mentions of the tracked brands, the same share as Tercera; rank 1 of 3. The shares compare unequal spans: the data runs from 1 to 31 October 2017 for Acme Telecom and from 5 to 8 October 2017 for RivalCo.',
    ]);
    // From RivalCo's side: its own days first, then the longest-running brand's.
    const forRival = await modelOf(await metricsOf(unevenPosts(), configOf('rival', BRANDS)), 'rival', 'es');
    expect(voice(forRival, 'de todas las menciones')).toEqual([
      'RivalCo recibió el 16\u00a0% de todas las menciones de las marcas analizadas: puesto 3 de 3. Las cuotas comparan periodos desiguales: los datos van del 5 al 8 de octubre de 2017 para RivalCo y del 1 al 31 de octubre de 2017 para Acme Telecom.',
    ]);
    expect(voice(await modelOf(metrics, 'acme', 'fr'), 'toutes les mentions')[0]).toContain('les données vont du 1er au 31 octobre 2017 pour Acme Telecom et du 5 au 8 octobre 2017 pour RivalCo.');
  });

  it('names a brand whose data is one day by that day, in words each language writes', async () => {
    const posts = unevenPosts().filter((post) => !post.id.startsWith('r') || post.id.startsWith('r6-'));
    const metrics = await metricsOf(posts, configOf('acme', BRANDS));
    const voice = async (language: 'en' | 'es' | 'fr', marker: string) => (await modelOf(metrics, 'acme', language)).findings.find((line) => line.includes(marker));
    expect(await voice('en', 'of all mentions')).toContain('the data runs from 1 to 31 October 2017 for Acme Telecom and covers only 6 October 2017 for RivalCo.');
    expect(await voice('es', 'de todas las menciones')).toContain('los datos van del 1 al 31 de octubre de 2017 para Acme Telecom y solo cubren el 6 de octubre de 2017 para RivalCo.');
    expect(await voice('fr', 'toutes les mentions')).toContain('les données vont du 1er au 31 octobre 2017 pour Acme Telecom et ne couvrent que le 6 octobre 2017 pour RivalCo.');
  });

  it('names the brand a short one is short against when it is not the client', async () => {
    // Acme from 1 to 16 October, Tercera the whole month, RivalCo from 5 to 12: RivalCo's 8 days are half of Acme's 16, not fewer.
    const posts = [
      ...unevenPosts().filter((post) => !post.id.startsWith('r') && !(post.id.startsWith('a') && Number(post.id.slice(1).replace('r', '')) > 16)),
      ...Array.from({ length: 8 }, (_, i): StorePost => ({ id: `x${i}`, author: `xc${i}`, at: at(i + 5, 9), text: '@RivalCoHelp my bill is wrong' })),
    ];
    const metrics = await metricsOf(posts, configOf('acme', BRANDS));
    expect(metrics.brands.map((brand) => [brand.id, brand.coverage?.span.spanDays])).toEqual([
      ['acme', 16],
      ['rival', 8],
      ['third', 31],
    ]);
    expect((await modelOf(metrics, 'acme', 'en')).findings.find((line) => line.includes('of all mentions'))).toContain(
      'The shares compare unequal spans: the data runs from 1 to 16 October 2017 for Acme Telecom, from 1 to 31 October 2017 for Tercera and from 5 to 12 October 2017 for RivalCo.',
    );
  });

  it('says it where the short brand holds data on 15 of the 31 days, and not on 16', async () => {
    // RivalCo from 1 to 15 October (15 of Acme's 31 days: fewer than half), then from 1 to 16.
    const rivalOn = (days: number) => [...unevenPosts().filter((post) => !post.id.startsWith('r')), ...Array.from({ length: days }, (_, i): StorePost => ({ id: `x${i}`, author: `xc${i}`, at: at(i + 1, 9), text: '@RivalCoHelp my bill is wrong' }))];
    const said = async (days: number) => (await modelOf(await metricsOf(rivalOn(days), configOf('acme', BRANDS)), 'acme', 'en')).findings.join(' ').includes('unequal spans');
    expect([await said(15), await said(16)]).toEqual([true, false]);
  });

  it('adds nothing where every brand’s data runs over at least half the days of the longest-running one’s', async () => {
    // RivalCo from 1 to 16 October: 16 of Acme's 31 days, more than half. (The month that is one evening, above, says
    // nothing either: RivalCo's one mention of 3 October spans 29 days, on 2 days with data against the others' 1.)
    const posts = [
      ...unevenPosts().filter((post) => !post.id.startsWith('r')),
      ...Array.from({ length: 16 }, (_, i): StorePost => ({ id: `x${i}`, author: `xc${i}`, at: at(i + 1, 9), text: '@RivalCoHelp my bill is wrong' })),
    ];
    const metrics = await metricsOf(posts, configOf('acme', BRANDS));
    const en = await modelOf(metrics, 'acme', 'en');
    expect(metrics.brands.find((brand) => brand.id === 'rival')?.coverage?.span).toMatchObject({ daysWithData: 16, spanDays: 16 });
    expect(en.findings.filter((line) => line.includes('of all mentions'))).toEqual(['Acme Telecom received 40% of all mentions of the tracked brands, the same share as Tercera; rank 1 of 3.']);
    // RivalCo mentioned on 4 days spread over the month: few days with data, yet its data runs from 2 to 30 October.
    const sparse = [...posts.filter((post) => !post.id.startsWith('x')), ...[2, 10, 20, 30].map((day): StorePost => ({ id: `y${day}`, author: `y${day}`, at: at(day, 9), text: '@RivalCoHelp my bill is wrong' }))];
    const sparseMetrics = await metricsOf(sparse, configOf('acme', BRANDS));
    expect(sparseMetrics.brands.find((brand) => brand.id === 'rival')?.coverage?.span).toMatchObject({ daysWithData: 4, spanDays: 29 });
    expect((await modelOf(sparseMetrics, 'acme', 'en')).findings.join(' ')).not.toContain('unequal spans');
  });
});

describe('a client whose only post is a misattributed customer tweet', () => {
  it('shows its figures marked, unranked and out of the findings, and says why in words', async () => {
    const posts: StorePost[] = [
      ...Array.from({ length: 40 }, (_, i): StorePost => ({ id: `m${i}`, author: `c${i}`, at: at(1 + (i % 28), 9), text: '@AcmeCares my flight is late, any news?' })),
      { id: 'own', author: 'acmecares', at: at(5, 12), text: '@RivalCoHelp lost my bag again' },
      ...Array.from({ length: 40 }, (_, i): StorePost[] => [
        { id: `r${i}`, author: `d${i}`, at: at(1 + (i % 28), 10), text: '@RivalCoHelp late again?' },
        { id: `r${i}r`, author: 'rivalcohelp', at: at(1 + (i % 28), 11), text: `@d${i} sorry`, parent: `r${i}` },
      ]).flat(),
    ];
    const metrics = await metricsOf(posts, configOf('acme', BRANDS));
    const en = await modelOf(metrics, 'acme', 'en');
    // 0% of 40, shown with the ° mark and without rank.
    expect(en.kpis[0]).toMatchObject({ value: '0%', note: null, flags: ['° Too few posts of its own to compare'] });
    expect(en.leaderboard.rows.find((row) => row.isClient)?.cells[1]).toEqual({ text: '0% °', rank: null });
    expect(en.leaderboardNotes).toContain('° The data holds only one post by Acme Telecom, and it is not a reply: its response figures are shown but not compared with the other brands.');
    // No rate, speed or target finding on a client whose answers cannot be compared.
    expect(en.findings.join(' ')).not.toMatch(/answered|faster|within/);
  });
});
