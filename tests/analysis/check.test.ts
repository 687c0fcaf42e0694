/**
 * `replybench check`: the config against the data (handles and topics the
 * period never shows, with the closest ones it does) and the coverage table,
 * on a mentions-only export of airlines.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audienceSentences } from '../../src/cli/audience-sentences.js';
import { checkJson, checkOf, runCheck } from '../../src/cli/commands/check.js';
import { Store } from '../../src/store/database.js';
import { runCli } from '../ingest/helpers.js';
import { insertRows } from '../insert-rows.js';
import { configWith, insertPosts, recordTestBatch, storeWith, type TestPost } from '../metrics/helpers.js';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { checkConfigAgainstData, configWarningMessage } from '../../src/analysis/config-check.js';
import type { Config } from '../../src/config/types.js';

const dir = mkdtempSync(join(tmpdir(), 'replybench-check-'));
const config = join(dir, 'airlines.yaml');

beforeAll(async () => {
  const posts: TestPost[] = [
    ...Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, author: `p${i}`, at: `2017-10-0${i + 2}T10:00:00Z`, text: '@Delta my bag is lost', topic: 'Delta Air' })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `u${i}`, author: `q${i}`, at: `2017-10-0${i + 2}T11:00:00Z`, text: '@united delayed again', topic: 'United' })),
    // A post of late November, after a gap in the data.
    { id: 'n0', author: 'z0', at: '2017-11-20T10:00:00Z', text: 'nothing to see' },
  ];
  const store = await Store.open(join(dir, 'mentions.duckdb'));
  await insertPosts(store, posts);
  await recordTestBatch(store);
  store.close();
  writeFileSync(
    config,
    [
      'client: delta',
      'database: mentions.duckdb',
      'brands:',
      '  - { id: delta, name: Delta, accounts: { twitter: [Delta] }, topics: [Delta Air] }',
      '  - { id: united, name: United, accounts: { twitter: [Unitd] }, topics: [Unitedd] }',
      '',
    ].join('\n'),
  );
});

describe('replybench check', () => {
  it('names the handles and topics the data never shows, with the closest ones, then the coverage of each brand', async () => {
    const text = await runCheck({ period: '2017-10', config });
    expect(text).toContain(`Config ${config} against the data of 2017-10`);
    expect(text).toContain('  warning: brands.1.accounts.twitter: "unitd": no post by or mentioning it in 2017-10; did you mean united (3 posts)?\n');
    expect(text).toContain('  warning: brands.1.topics: "unitedd": no post carries this topic in 2017-10; did you mean united (3 posts)?\n');
    expect(text).not.toContain('brands.0.');
    // Delta is mentioned 5 times on 5 days, but the export holds none of its posts: nothing is measured.
    expect(text).toMatch(/^Delta \* +all +5 +0 +0 +0 +0 +0 +0 +5\/31 +no-brand-posts, partial-period$/m);
    expect(text).toMatch(/^Delta \* +twitter +5 +0 +0 +0 +0 +0 +0 +5\/31 +no-brand-posts, partial-period$/m);
    // Then, in words, what each warning means for the numbers; no key path in them.
    const words = text.slice(text.indexOf('What to know before comparing:'));
    expect(words).toContain('  brand Delta, Twitter: the data holds no post of the brand here, so its answers cannot be measured: import its own posts');
    expect(words).toContain('  brand Delta, Twitter: the data covers 5 of the 31 days of the period, from 2017-10-02 to 2017-10-06. Import the whole period.\n');
    expect(words).not.toMatch(/no-brand-posts|partial-period|brands\.\d/);
    // United's misspelt handle finds nothing: its zeros are no data, not a brand measured as fine.
    expect(text).toMatch(/^United +all +0 +0 +0 +0 +0 +0 +0 +0\/31 +no data$/m);
    expect(words).toContain('  brand United: the data holds neither a post of the brand nor a mention its figures count in the period, so there is nothing to measure: check its handles in the config, or import its exports.\n');
  });

  it("counts each configured theme's mentions, and warns of a theme no mention holds and of words that mark any mention", async () => {
    const themed = join(dir, 'themed.yaml');
    writeFileSync(themed, `${readFileSync(config, 'utf8')}themes:\n  baggage: [bag, my]\n  loss: [losst]\n`);
    const text = await runCheck({ period: '2017-10', config: themed });
    expect(text).toContain(`Themes of ${themed} in 2017-10 (mentions holding one of their words):\n  baggage: 5 mentions\n`);
    expect(text).toContain(
      '  warning: themes.baggage: "my" holds only words found themes leave out (stop words, words written to every brand about everything, the brands\' names), so the theme counts mentions whatever they are about; write words of the subject instead\n',
    );
    expect(text).toContain('  warning: themes.loss: no mention holds any of its words in the period; closest words in the data: lost (5)\n');
  });

  it('blames no handle, topic or brand for a period without a single post: it says which days the data covers', async () => {
    const text = await runCheck({ period: '2016-10', config });
    expect(text).toBe(`Config ${config} against the data of 2016-10 (2016-10-01T00:00:00Z .. 2016-11-01T00:00:00Z, UTC):\n  The data holds no post in 2016-10: its first post after it is on 2017-10-02. Pick a period with data.\n`);
    const found = checkJson(await checkOf({ period: '2016-10', config }), 'fr');
    expect(found).toMatchObject({ dataSpan: { lastBefore: null, firstAfter: '2017-10-02', otherPosts: 0 }, configWarnings: [], accountsInData: [], themes: [] });
    expect(found.sentences).toEqual(['Les données ne contiennent aucune publication en 2016-10\u00a0: leur première publication après cette période date du 2017-10-02. Choisissez une période qui a des données.']);
    // A gap inside the data (posts up to 6 October, then on 20 November): the nearest posts on each side, not the data's first and last.
    const gap = checkJson(await checkOf({ period: '2017-11-01..2017-11-10', config }), 'es');
    expect(gap.dataSpan).toEqual({ lastBefore: '2017-10-06', firstAfter: '2017-11-20', otherPosts: 0 });
    expect(gap.sentences).toEqual(['Los datos no contienen ninguna publicación en 2017-11-01..2017-11-10: su última publicación anterior es del 2017-10-06; su primera publicación posterior es del 2017-11-20. Elija un periodo con datos.']);
  });

  it('says which days hold the brands\' posts for a period that holds only other accounts\' posts, instead of blaming each handle', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'replybench-check-others-'));
    const store = await Store.open(join(folder, 'others.duckdb'));
    await insertPosts(store, [
      { id: 's1', author: 'ana', at: '2017-09-12T10:00:00Z', text: '@RivalCo anyone there?' },
      { id: 's2', author: 'ben', at: '2017-09-13T10:00:00Z', text: 'lovely day' },
      { id: 'o1', author: 'cai', at: '2017-10-02T10:00:00Z', text: '@AcmeCares no signal' },
      { id: 'o2', author: 'AcmeCares', at: '2017-10-02T10:30:00Z', text: '@cai on it', parent: 'o1' },
    ]);
    await recordTestBatch(store);
    store.close();
    const acme = join(folder, 'replybench.yaml');
    writeFileSync(acme, ['client: acme', 'database: others.duckdb', 'brands:', '  - { id: acme, name: Acme, accounts: { twitter: [AcmeCares] } }', ''].join('\n'));
    expect(await runCheck({ period: '2017-09', config: acme })).toBe(
      `Config ${acme} against the data of 2017-09 (2017-09-01T00:00:00Z .. 2017-10-01T00:00:00Z, UTC):\n  The data holds no post by or mentioning the config's brands in 2017-09, only 2 of other accounts: the brands' first post after it is on 2017-10-02. Pick a period with data.\n`,
    );
    expect(checkJson(await checkOf({ period: '2017-09', config: acme }), 'es')).toMatchObject({
      dataSpan: { lastBefore: null, firstAfter: '2017-10-02', otherPosts: 2 },
      configWarnings: [],
      sentences: ['Los datos no contienen ninguna publicación de las marcas de la configuración ni que las mencione en 2017-09, solo 2 de otras cuentas: la primera publicación de las marcas después de este periodo es del 2017-10-02. Elija un periodo con datos.'],
    });
    // metrics says the same beside its zeros, and warns of no handle.
    const sentence = "The data holds no post by or mentioning the config's brands in 2017-09, only 2 of other accounts: the brands' first post after it is on 2017-10-02. Pick a period with data.";
    const metrics = await runCli(['metrics', '--period', '2017-09', '--config', acme]);
    expect(metrics.stderr).toBe(`replybench: note: ${sentence} Every count is 0.\n`);
    // A report of its zeros is not written: the same sentence, and nothing in the folder.
    const out = join(folder, 'report');
    const report = await runCli(['report', '--period', '2017-09', '--config', acme, '--formats', 'html', '--out', out]);
    expect(report.status).toBe(1);
    expect(report.stderr).toContain(`replybench: ${acme}: --period 2017-09: ${sentence}\n`);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('lists the accounts the data holds on a platform where a handle matches nothing and spells like nothing, to take the handle from', async () => {
    const starter = join(dir, 'starter.yaml');
    writeFileSync(starter, ['client: acme', 'database: mentions.duckdb', 'brands:', '  - { id: acme, name: Acme, accounts: { twitter: [AcmeCares] } }', ''].join('\n'));
    const text = await runCheck({ period: '2017-10', config: starter });
    expect(text).toContain('  warning: brands.0.accounts.twitter: "acmecares": no post by or mentioning it in 2017-10\n');
    // Nobody replies in this export: only the handles its mentions name.
    expect(text).toContain("  the accounts the data holds on twitter, to take the brands' handles from: mentioned most: delta (5 mentions), united (3 mentions).\n");
    expect(checkJson(await checkOf({ period: '2017-10', config: starter })).accountsInData).toEqual([{ platform: 'twitter', repliers: [], mentioned: [{ handle: 'delta', n: 5 }, { handle: 'united', n: 3 }] }]);
    // An account a brand of the config already lists is not offered again.
    const tracked = join(dir, 'tracked.yaml');
    writeFileSync(tracked, ['client: acme', 'database: mentions.duckdb', 'brands:', '  - { id: acme, name: Acme, accounts: { twitter: [AcmeCares] } }', '  - { id: delta, name: Delta, accounts: { twitter: [Delta] } }', ''].join('\n'));
    expect(await runCheck({ period: '2017-10', config: tracked })).toContain("  the accounts the data holds on twitter, to take the brands' handles from: mentioned most: united (3 mentions).\n");
    // A misspelt handle has its closest spellings instead (the first test): no list.
    expect(await runCheck({ period: '2017-10', config })).not.toContain('the accounts the data holds');
  });

  it('--json gives the same findings as data: config warnings, coverage per brand and platform, and the sentences', async () => {
    const result = checkJson(await checkOf({ period: '2017-10', config }));
    expect(result.configWarnings.map((warning) => warning.key)).toEqual(['brands.1.accounts.twitter', 'brands.1.topics']);
    expect(result.configWarnings.map(({ brand, platform, kind, value, closest }) => [brand, platform, kind, value, closest])).toEqual([
      ['United', 'twitter', 'handle', 'unitd', [{ name: 'united', posts: 3 }]],
      ['United', null, 'topic', 'unitedd', [{ name: 'united', posts: 3 }]],
    ]);
    expect(result.coverage.map((row) => [row.brand, row.platform, row.inbound, row.coverage?.warnings, row.noData])).toEqual([
      ['delta', 'all', 5, ['no-brand-posts', 'partial-period'], false],
      ['delta', 'twitter', 5, ['no-brand-posts', 'partial-period'], false],
      // United's handle and topic are misspelt in the config: none of its 3 mentions is its own.
      ['united', 'all', 0, [], true],
      ['united', 'twitter', 0, [], true],
    ]);
    const text = await runCheck({ period: '2017-10', config });
    for (const sentence of result.sentences) expect(text).toContain(`  ${sentence}\n`);
    expect(result.period).toEqual({ start: '2017-10-01T00:00:00Z', end: '2017-11-01T00:00:00Z', timezone: 'UTC', label: '2017-10' });
  });

  it('says the same findings in French and Spanish for the local web page, the numbers and names unchanged', async () => {
    const found = await checkOf({ period: '2017-10', config });
    const english = checkJson(found);
    const french = checkJson(found, 'fr');
    const spanish = checkJson(found, 'es');
    expect(french.configWarnings.map((warning) => warning.message)).toEqual([
      '«\u00a0unitd\u00a0»\u00a0: aucune publication de ce compte ni qui le mentionne en 2017-10\u00a0; vouliez-vous dire united (3 publications)\u00a0?',
      '«\u00a0unitedd\u00a0»\u00a0: aucune publication ne porte ce sujet en 2017-10\u00a0; vouliez-vous dire united (3 publications)\u00a0?',
    ]);
    expect(spanish.configWarnings[0]?.message).toBe('«unitd»: ninguna publicación suya ni que la mencione en 2017-10; ¿quería decir united (3 publicaciones)?');
    // The structured fields a script reads are the same in every language.
    expect(french.configWarnings.map(({ message, ...rest }) => rest)).toEqual(english.configWarnings.map(({ message, ...rest }) => rest));
    expect(french.sentences).toHaveLength(english.sentences.length);
    expect(french.sentences).toContain('marque Delta, Twitter\u00a0: les données couvrent 5 des 31 jours de la période, du 2017-10-02 au 2017-10-06. Importez toute la période.');
    expect(spanish.sentences).toContain(
      'marca United: los datos no contienen ninguna publicación de la marca ni ninguna mención que cuente en sus cifras en el periodo, así que no hay nada que medir: revise sus cuentas en la configuración o importe sus exportaciones.',
    );
  });

  it("says which platforms the report compares sentiment on, what that leaves out, and what to import, when the client's export gives it on some only", async () => {
    // Acme's Facebook comments carry a sentiment, its Twitter care export none; Rival's listening export rates Twitter.
    const folder = mkdtempSync(join(tmpdir(), 'replybench-check-audience-'));
    const store = await Store.open(join(folder, 'audience.duckdb'));
    const post = (id: string, author: string, platform: string, minutes: number, text: string, extra: Record<string, string | null> = {}) => ({
      platform,
      post_id: id,
      created_at: new Date(Date.parse('2017-10-02T10:00:00Z') + minutes * 60_000).toISOString(),
      author,
      kind: extra.parent ? 'reply' : 'post',
      parent_id: extra.parent ?? null,
      text,
      sentiment: extra.sentiment ?? null,
      batch_id: 1,
    });
    await insertRows(
      store,
      'posts',
      [
        post('f1', 'ana', 'facebook', 0, '@AcmeCares no line', { sentiment: 'negative' }),
        post('f1r', 'acmecares', 'facebook', 10, 'on it', { parent: 'f1' }),
        post('t1', 'ben', 'twitter', 0, '@AcmeCares no line'),
        post('t1r', 'acmecares', 'twitter', 10, 'on it', { parent: 't1' }),
        post('t2', 'cai', 'twitter', 0, '@AcmeCares still nothing'),
        post('r1', 'dan', 'twitter', 0, '@RivalHelp no line', { sentiment: 'negative' }),
        post('r1r', 'rivalhelp', 'twitter', 10, 'on it', { parent: 'r1' }),
      ],
      { created_at: 'TIMESTAMPTZ' },
    );
    await recordTestBatch(store);
    store.close();
    const yaml = join(folder, 'replybench.yaml');
    writeFileSync(
      yaml,
      ['client: acme', 'database: audience.duckdb', 'brands:', '  - { id: acme, name: Acme, accounts: { twitter: [AcmeCares], facebook: [AcmeCares] } }', '  - { id: rival, name: Rival, accounts: { twitter: [RivalHelp] } }', ''].join('\n'),
    );
    const found = await checkOf({ period: '2017-10', config: yaml });
    expect(found.audience.find((entry) => entry.field === 'sentiment')).toEqual({
      field: 'sentiment',
      platforms: ['facebook'],
      leftOutPlatforms: ['twitter'],
      clientLeftOutPlatforms: ['twitter'],
      leftOut: [
        { brand: 'acme', name: 'Acme', mentions: 2 },
        { brand: 'rival', name: 'Rival', mentions: 1 },
      ],
    });
    expect(await runCheck({ period: '2017-10', config: yaml })).toContain(
      "  sentiment: the report compares every brand on Facebook only, where the export gives Acme's mentions a sentiment; it leaves out the mentions needing an answer on Twitter (Acme: 2, Rival: 1). To compare on Twitter too, import Acme's mentions there from an export that gives a sentiment.\n",
    );
    expect(checkJson(found, 'es').sentences).toContain(
      'sentimiento: el informe compara a todas las marcas solo en Facebook, donde la exportación da a las menciones de Acme un sentimiento; deja fuera las menciones que piden respuesta en Twitter (Acme: 2, Rival: 1). Para comparar también en Twitter, importe allí las menciones de Acme desde una exportación que dé un sentimiento.',
    );
    expect(checkJson(found, 'fr').sentences).toContain(
      'tonalité\u00a0: le rapport compare toutes les marques sur Facebook seulement, où l’export donne aux mentions d’Acme une tonalité\u00a0; il laisse de côté les mentions appelant une réponse sur Twitter (Acme\u00a0: 2, Rival\u00a0: 1). Pour comparer aussi sur Twitter, importez-y les mentions d’Acme depuis un export qui donne une tonalité.',
    );
    // Platforms are listed as the report lists them, in the page's language ("Facebook e Instagram", not "y").
    const comparison = found.audience[0];
    if (!comparison) throw new Error('no audience comparison');
    expect(audienceSentences([{ ...comparison, platforms: ['facebook', 'instagram'] }], found.config, 'es')[0]).toContain('solo en Facebook e Instagram,');
    // Acme not tracked on Twitter: only Rival's mentions there are left out, and nothing of Acme's is there to import.
    const facebookOnly = join(folder, 'facebook-only.yaml');
    writeFileSync(
      facebookOnly,
      ['client: acme', 'database: audience.duckdb', 'brands:', '  - { id: acme, name: Acme, accounts: { facebook: [AcmeCares] } }', '  - { id: rival, name: Rival, accounts: { twitter: [RivalHelp] } }', ''].join('\n'),
    );
    expect(await runCheck({ period: '2017-10', config: facebookOnly })).toContain(
      "  sentiment: the report compares every brand on Facebook only, where the export gives Acme's mentions a sentiment; it leaves out the mentions needing an answer on Twitter (Rival: 1).\n",
    );
    // No follower count anywhere: nothing is said of influencers.
    expect(found.audience.map((entry) => entry.field)).toEqual(['sentiment']);
    // Follower counts given, as the sentiments, with Acme's Facebook comment and Rival's Twitter mention only: said the same way.
    const counted = await Store.open(join(folder, 'audience.duckdb'));
    await counted.run("UPDATE posts SET author_followers = 25000 WHERE post_id IN ('f1', 'r1')");
    counted.close();
    const withFollowers = await checkOf({ period: '2017-10', config: yaml, cache: false });
    expect(withFollowers.audience.map((entry) => [entry.field, entry.platforms, entry.leftOut.map((brand) => brand.mentions)])).toEqual([
      ['sentiment', ['facebook'], [2, 1]],
      ['followers', ['facebook'], [2, 1]],
    ]);
    expect(checkJson(withFollowers).sentences).toContain(
      "influencers: the report compares every brand on Facebook only, where the export gives Acme's mentions their authors' follower counts; it leaves out the mentions needing an answer on Twitter (Acme: 2, Rival: 1). To compare on Twitter too, import Acme's mentions there from an export that gives their authors' follower counts.",
    );
    expect(checkJson(withFollowers, 'fr').sentences).toContain(
      'comptes influents\u00a0: le rapport compare toutes les marques sur Facebook seulement, où l’export donne aux mentions d’Acme le nombre d’abonnés de leurs auteurs\u00a0; il laisse de côté les mentions appelant une réponse sur Twitter (Acme\u00a0: 2, Rival\u00a0: 1). Pour comparer aussi sur Twitter, importez-y les mentions d’Acme depuis un export qui donne le nombre d’abonnés de leurs auteurs.',
    );
  });
});

describe('a page named by its words', () => {
  it('is matched to the account the export names by one, spaces and signs aside', async () => {
    // The export names Vireo's Facebook page "vireotelecom"; the config wrote the company's name.
    const page: TestPost[] = Array.from({ length: 6 }, (_, i) => ({ id: `f${i}`, author: 'vireotelecom', at: `2017-10-0${i + 2}T10:00:00Z`, text: 'Our news', platform: 'facebook' }));
    const store = await storeWith(page);
    try {
      const config = configWith([{ id: 'vireo', accounts: { facebook: ['Vireo Telecom, S.A.'] } }, { id: 'rival' }]);
      const warnings = await withAnalysis(store, config, '2017-10', checkConfigAgainstData, { cache: false });
      const named = warnings.find((warning) => warning.kind === 'handle' && warning.value === 'vireo telecom, s.a.');
      expect(named?.closest).toEqual([{ name: 'vireotelecom', posts: 6 }]);
    } finally {
      store.close();
    }
  });
});

describe('handles a brand answers under that the config does not list', () => {
  it('names the user id or handle the posts a brand answered write for it, and what to add; not under 3 posts, nor a handle another brand lists or that posts itself, nor once it is listed', async () => {
    // `count` customers each write to @<handle>; Acme's account answers each of them.
    const asked = (count: number, handle: string): TestPost[] =>
      Array.from({ length: count }, (_, i) => [
        { id: `${handle}${i}`, author: `c${handle}${i}`, at: `2017-10-0${i + 2}T10:00:00Z`, text: `@${handle} my phone will not start` },
        { id: `${handle}${i}r`, author: 'acmecares', at: `2017-10-0${i + 2}T10:30:00Z`, text: `@c${handle}${i} sorry to hear that`, parent: `${handle}${i}` },
      ]).flat();
    // @AaTel, a company nobody tracks, posts in the month itself: an account of its own, not another name of Acme.
    const aaTel: TestPost = { id: 'o1', author: 'aatel', at: '2017-10-05T09:00:00Z', text: 'our network is fine' };
    const store = await storeWith([...asked(3, '555'), ...asked(3, 'acmeuk'), ...asked(2, 'acmefr'), ...asked(3, 'RivalHelp'), ...asked(3, 'AaTel'), aaTel]);
    const answered = async (config: Config) =>
      (await withAnalysis(store, config, '2017-10', checkConfigAgainstData, { cache: false })).filter((warning) => warning.kind === 'answered-handle');
    try {
      const found = await answered(configWith([{ id: 'acme', handles: ['AcmeCares'] }, { id: 'rival', handles: ['RivalHelp'] }]));
      expect(found.map((warning) => [warning.key, warning.value, warning.answeredPosts])).toEqual([
        ['brands.0.accounts.twitter', '555', 3],
        ['brands.0.accounts.twitter', 'acmeuk', 3],
      ]);
      const [id, handle] = found;
      if (!id || !handle) throw new Error('two warnings expected');
      expect(id.message).toBe(
        '"555": not listed among its accounts, yet 3 of the posts its accounts answered in 2017-10 name @555 and none of its listed handles, so they do not count as its mentions; if @555 is the brand\'s own account or user id, add "id:555"; if it is another company\'s or a customer\'s, nothing needs to change',
      );
      // A handle is listed as it is, a user id as "id:<digits>".
      expect(handle.message).toContain('add "acmeuk";');
      expect(configWarningMessage(id, 'es')).toBe(
        '«555»: no figura entre sus cuentas, pero 3 de las publicaciones a las que respondieron sus cuentas en 2017-10 nombran a @555 y a ninguna de sus cuentas, así que no cuentan entre sus menciones; si @555 es una cuenta o un identificador de usuario de la marca, añada «id:555»; si es de otra empresa o de un cliente, no hay nada que cambiar',
      );
      expect(configWarningMessage(handle, 'fr')).toContain('ajoutez «\u00a0acmeuk\u00a0»\u00a0; s’il appartient à une autre entreprise ou à un client, rien n’est à changer');
      // Listed, the posts are its mentions, and nothing is left to say of them.
      const listed = await answered(configWith([{ id: 'acme', accounts: { twitter: ['AcmeCares', 'id:555'] } }, { id: 'rival', handles: ['RivalHelp'] }]));
      expect(listed.map((warning) => warning.value)).toEqual(['acmeuk']);
    } finally {
      store.close();
    }
  });
});

describe('an export of a platform on which no brand has an account', () => {
  it('is said to count in no figure, with the platform and its posts, until an account there is listed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'replybench-untracked-'));
    const store = await Store.open(join(folder, 'data.duckdb'));
    await insertPosts(store, [
      ...Array.from({ length: 4 }, (_, i): TestPost => ({ id: `t${i}`, author: `p${i}`, at: `2017-10-0${i + 2}T10:00:00Z`, text: '@Delta my bag is lost' })),
      // Comments on the brand's Facebook page name no handle: without its page in the config, they reach no brand.
      ...Array.from({ length: 3 }, (_, i): TestPost => ({ id: `f${i}`, author: `fan${i}`, at: `2017-10-0${i + 2}T12:00:00Z`, text: 'my bag is lost too', platform: 'facebook' })),
    ]);
    await recordTestBatch(store);
    store.close();
    const write = (accounts: string) => {
      const path = join(folder, `${accounts.length}.yaml`);
      writeFileSync(path, `client: delta\ndatabase: data.duckdb\nbrands:\n  - { id: delta, name: Delta, accounts: ${accounts} }\n`);
      return path;
    };
    const twitterOnly = await checkOf({ period: '2017-10', config: write('{ twitter: [Delta] }'), cache: false });
    expect(checkJson(twitterOnly).untrackedPlatforms).toEqual([{ platform: 'facebook', posts: 3 }]);
    expect(checkJson(twitterOnly).sentences[0]).toBe(
      'the data holds 3 posts on Facebook in the period, and no brand has an account there nor a mention among them: they count in no figure. If the brands are on Facebook, add their accounts there in the config.',
    );
    expect(checkJson(twitterOnly, 'es').sentences[0]).toMatch(/^los datos contienen 3 publicaciones en Facebook en el periodo/);
    const both = await checkOf({ period: '2017-10', config: write('{ twitter: [Delta], facebook: [delta.airlines] }'), cache: false });
    expect(checkJson(both).untrackedPlatforms).toEqual([]);
  });
});
