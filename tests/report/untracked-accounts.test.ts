/**
 * A brand mentioned on a platform where the config tracks no account of it
 * (its export topic ties the mentions to it): no export is missing there, so
 * neither the report nor `check` tells the client or the analyst to import
 * its posts; they say no account is tracked there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageSentences } from '../../src/cli/coverage-sentences.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import { computeDiagnostics } from '../../src/metrics/diagnostics/index.js';
import type { MetricsReport } from '../../src/metrics/types.js';
import type { Language } from '../../src/report/i18n/language.js';
import { buildReportModel } from '../../src/report/model/buildModel.js';
import { ReportTemplate } from '../../src/report/template.js';
import { brandOf, configWith, storeWith, type TestPost } from '../metrics/helpers.js';

/** Acme on Twitter and Facebook; Rival on Twitter only, though Instagram users write about it (its topic) and on Facebook (its page, tracked, not exported). */
const config = configWith([
  { id: 'acme', accounts: { twitter: ['acme'], instagram: ['acme.ig'] } },
  { id: 'rival', accounts: { twitter: ['rival'], facebook: ['rival.page'] }, topics: ['Rival'] },
]);
const at = (day: number, minutes = 0) => new Date(Date.UTC(2017, 9, day, 12, minutes)).toISOString();

function posts(): TestPost[] {
  return Array.from({ length: 20 }, (_, i): TestPost[] => [
    { id: `a${i}`, author: `c${i}`, at: at(1 + i), text: '@acme help?' },
    { id: `a${i}r`, author: 'acme', at: at(1 + i, 20), text: 'on it', parent: `a${i}` },
    { id: `r${i}`, author: `d${i}`, at: at(1 + i), text: '@rival help?' },
    { id: `r${i}r`, author: 'rival', at: at(1 + i, 30), text: 'on it', parent: `r${i}` },
    { id: `i${i}`, author: `e${i}`, at: at(1 + i), text: 'is Rival down?', platform: 'instagram', topic: 'Rival' },
    { id: `f${i}`, author: `g${i}`, at: at(1 + i), text: '@rival.page help?', platform: 'facebook' },
    { id: `ai${i}`, author: 'acme.ig', at: at(1 + i), text: 'news', platform: 'instagram' },
  ]).flat();
}

let metrics: MetricsReport;
const template = ReportTemplate.open(undefined);

beforeAll(async () => {
  const store = await storeWith(posts());
  try {
    metrics = { ...(await computeMetrics(store, config, '2017-10')), diagnostics: await computeDiagnostics(store, config, '2017-10') };
  } finally {
    store.close();
  }
});

describe('a brand without an account tracked on a platform where it is mentioned', () => {
  it('counts the accounts tracked per platform in its coverage', () => {
    expect(['twitter', 'facebook', 'instagram'].map((platform) => brandOf(metrics, 'rival', platform).coverage?.accountsTracked)).toEqual([1, 1, 0]);
    expect(brandOf(metrics, 'rival').coverage?.accountsTracked).toBe(2);
    expect(brandOf(metrics, 'rival', 'instagram').coverage?.warnings).toEqual(['no-brand-posts']);
  });

  it('counts an account once, whatever other name the store learned for it (a user id)', async () => {
    const byId = configWith([{ id: 'acme', accounts: { twitter: ['id:1000'] } }, { id: 'rival' }]);
    const store = await storeWith([
      { id: 'm1', author: 'c1', at: at(1), text: '@acmehelp help?' },
      { id: 'm1r', author: '1000', at: at(1, 5), text: '@c1 on it', parent: 'm1' },
    ]);
    try {
      // The replies taught the store that user 1000 is @acmehelp: rb_accounts holds both names of the one account.
      await store.run("INSERT INTO learned_handles VALUES ('twitter', '1000', 'acmehelp', 1, 1, 1)");
      const report = await computeMetrics(store, byId, '2017-10');
      expect(brandOf(report, 'acme').answered).toBe(1);
      expect([brandOf(report, 'acme').coverage?.accountsTracked, brandOf(report, 'acme', 'twitter').coverage?.accountsTracked]).toEqual([1, 1]);
    } finally {
      store.close();
    }
  });

  it('is told in check as an account to add, where its tracked page lacks an export to import', () => {
    const sentences = coverageSentences(metrics, { warningsOnly: true });
    expect(sentences).toEqual([
      'brand RIVAL, Facebook: the data holds no post of the brand here, so its answers cannot be measured: import its own posts (its care or publishing export).',
      'brand RIVAL, Instagram: no account of the brand is tracked here, so its answers are not measured and its mentions count in its volume only: if it has one, add it to its accounts in the config.',
    ]);
  });

  const expected: Record<Language, string> = {
    en: 'RIVAL has no Instagram account among the accounts tracked: its mentions there count in its volume and share of voice, not in its response figures. The data holds no posts by RIVAL on Facebook: its response figures rest on its other platforms only, until its own posts there (its care or publishing export) are added.',
    es: 'RIVAL no tiene cuenta de Instagram entre las cuentas analizadas: sus menciones allí cuentan en su volumen y su cuota de voz, no en sus cifras de respuesta.',
    fr: 'RIVAL n’a pas de compte Instagram parmi les comptes suivis\u00a0: ses mentions y comptent dans son volume et sa part de voix, pas dans ses chiffres de réponse.',
  };

  it.each<Language>(['en', 'es', 'fr'])('is told in the report as no account tracked there, and the missing page export as such (%s)', async (language) => {
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language });
    const note = model.warnings.find((warning) => warning.startsWith('RIVAL'));
    expect(note?.startsWith(expected[language])).toBe(true);
    expect(model.leaderboardNotes).toContain(`‡ ${note}`);
    // Its 100% rests on Twitter only: the chart's bar carries the leaderboard's mark.
    expect(model.charts['response-rate']?.svg).toContain(language === 'en' ? '>100% † ‡<' : '>100\u00a0% † ‡<');
    // The deck's native chart carries the marks after the brand's name, and both say under the chart what they mean.
    expect(model.charts['response-rate']?.native[0]?.labels).toEqual(['ACME †', 'RIVAL † ‡']);
    if (language === 'en') {
      expect(model.charts['response-rate']?.notes).toEqual([
        '† fewer than 30 mentions needing an answer · ‡ measured on some of the brand’s platforms only (no posts of it, or no account tracked, on the others)',
      ]);
    }
    // As on the leaderboard.
    expect(model.leaderboard.rows.find((row) => row.brandName === 'RIVAL')?.cells[1]?.text).toBe(language === 'en' ? '100% † ‡' : '100\u00a0% † ‡');
  });

  it.each<[Language, string]>([
    ['en', '20 of 60 mentions measured'],
    ['es', '20 de 60 menciones medidas'],
    ['fr', '20 mentions mesurées sur 60'],
  ])('gives its scorecard row the mentions measured of all it received, not "20 needing an answer" (%s)', async (language, sample) => {
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language });
    expect(model.scorecard?.rows.map((row) => [row.brandId, row.sample])).toEqual([
      ['acme', language === 'en' ? '20 needing an answer' : language === 'es' ? '20 piden respuesta' : '20 appelant une réponse'],
      ['rival', sample],
    ]);
  });

  it("marks its scorecard time with the leaderboard's ‡, as its rate", async () => {
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    const rival = model.scorecard?.rows.find((row) => row.brandId === 'rival');
    expect(rival?.cells[0]?.text).toBe('100% † ‡');
    expect(rival?.cells[1]?.text).toBe('30\u00a0min † ‡');
  });

  it('marks in the workbook, per platform as on the leaderboard, the figures resting on fewer than 30 mentions', async () => {
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    const sheet = model.workbook.sheets.find((entry) => entry.name === 'By platform');
    const column = sheet?.headers.indexOf('Fewer than 30 mentions') ?? -1;
    expect(column).toBeGreaterThan(0);
    // Each brand has 20 mentions on each platform where it is mentioned: every rate per platform rests on fewer than 30; a missing
    // rate (no posts of the brand there, or no mention) has no flag, as the PDF marks nothing on "—".
    const rows = sheet?.rows.map((row) => [row[0]?.value, row[1]?.value, row[column]?.value]);
    expect(rows).toContainEqual(['Twitter', 'RIVAL', true]);
    expect(rows).toContainEqual(['Facebook', 'RIVAL', null]);
    expect(rows).toContainEqual(['Instagram', 'RIVAL', null]);
    // The blank rate says why, in the coverage sheet's words.
    const why = sheet?.headers.indexOf('Warnings') ?? -1;
    expect(sheet?.rows.find((row) => row[0]?.value === 'Instagram' && row[1]?.value === 'RIVAL')?.[why]?.value).toBe('No account of the brand tracked here: its answers are not measured.');
  });

  it('says in the summary of a client without an account where it is mentioned that it is not measured there, not that its posts are missing', async () => {
    // RIVAL as the client, with its Twitter account only: Instagram users write about it (its topic).
    const rivalFirst = configWith([
      { id: 'rival', accounts: { twitter: ['rival'] }, topics: ['Rival'] },
      { id: 'acme', accounts: { twitter: ['acme'], instagram: ['acme.ig'] } },
    ]);
    const store = await storeWith(posts());
    const report = await computeMetrics(store, rivalFirst, '2017-10').finally(() => store.close());
    const { model } = await buildReportModel({ metrics: report, config: rivalFirst, facts: null, template, language: 'en' });
    expect(model.kpis[0]?.flags).toContain('‡ Not measured where no account of it is tracked');
    expect(model.kpis.flatMap((kpi) => kpi.flags)).not.toContain('‡ Its own posts are missing from the data');
    expect(model.unansweredNote).toBe('Mentions on Instagram are left out: no account of RIVAL is tracked there, so the data cannot tell which of them were answered.');
  });

  it('says first, in the summary of a client the data holds nothing of, that its figures are not compared', async () => {
    const ghostFirst = configWith([{ id: 'ghost' }, { id: 'acme', accounts: { twitter: ['acme'] } }]);
    const store = await storeWith(posts());
    const report = await computeMetrics(store, ghostFirst, '2017-10').finally(() => store.close());
    const { model } = await buildReportModel({ metrics: report, config: ghostFirst, facts: null, template, language: 'en' });
    expect(model.kpiNotes).toContain('The data holds neither a post of GHOST nor a mention of it in this period: its figures are not compared (the exports may not cover it).');
    // The answered-over-time chart names in its legend only the brands it draws a curve for.
    expect(model.charts['cumulative-answered']?.svg).toContain('>ACME<');
    expect(model.charts['cumulative-answered']?.svg).not.toContain('GHOST');
    // The share-of-voice chart draws no 0% for it, and says why under it.
    expect(model.charts['share-of-voice']?.native[0]?.labels).toEqual(['ACME']);
    expect(model.charts['share-of-voice']?.notes).toEqual(['The data holds neither a post of GHOST nor a mention of it in this period: its figures are not compared (the exports may not cover it).']);
    const coverage = model.workbook.sheets.find((sheet) => sheet.name === 'Coverage');
    const why = coverage?.headers.indexOf('Warnings') ?? -1;
    const nothing = 'Neither a post of the brand nor a mention of it in the data: its figures are not compared (the exports may not cover it).';
    expect(coverage?.rows.find((row) => row[0]?.value === 'All platforms' && row[1]?.value === 'GHOST')?.[why]?.value).toBe(nothing);
    // Its Twitter account is tracked and the data holds nothing of it there either; ACME, with no Instagram account, expects nothing there.
    expect(coverage?.rows.find((row) => row[0]?.value === 'Twitter' && row[1]?.value === 'GHOST')?.[why]?.value).toBe(nothing);
    expect(coverage?.rows.filter((row) => row[0]?.value === 'Instagram' && row[1]?.value === 'ACME').map((row) => row[why]?.value)).not.toContain(nothing);
  });

  it("says so in the workbook's coverage sheet: posts missing on some platforms overall, no account tracked on Instagram", async () => {
    const { model } = await buildReportModel({ metrics, config, facts: null, template, language: 'en' });
    const texts = model.workbook.sheets.filter((sheet) => sheet.name === 'Coverage').flatMap((sheet) => sheet.rows.flatMap((row) => row.map((cell) => String(cell.value))));
    expect(texts).toContain('No posts of the brand in the data on some of its platforms: its answers there cannot be measured.');
    expect(texts).toContain('No account of the brand tracked here: its answers are not measured.');
    expect(texts).toContain('No posts of the brand in the data: its answers cannot be measured.');
  });
});
