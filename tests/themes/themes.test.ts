/**
 * Themes (issue 20): the config's themes matched on word boundaries, the terms
 * the weighted log-odds make distinctive of a brand, and how each brand
 * answers each theme. The numbers are worked out by hand, and the log-odds of
 * one term again in plain TypeScript from the posts below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { themeCounts } from '../../src/themes/check.js';
import { computeThemes, THEME_PRIOR_TOTAL, type BrandThemes, type ThemeOptions } from '../../src/themes/index.js';
import { stopwordsFor } from '../../src/themes/stopwords.js';
import { themeWords } from '../../src/themes/words.js';
import { configWith, exportsReach, storeWith, type TestPost } from '../metrics/helpers.js';

const BRANDS = [{ id: 'acme' }, { id: 'rival' }, { id: 'third' }];
const THEMES = { network: ['router', 'fibre', 'sin servicio'], accounts: ['account'] };

/** Minute `i` of 2017-10-`day` 09:00 UTC (or of September). */
const at = (month: 9 | 10, day: number, minute: number) => new Date(Date.UTC(2017, month - 1, day, 9, minute)).toISOString();

/** `count` mentions of `handle` by distinct authors, one an hour from the 2nd; the first `answered` answered by `account` after `after` minutes. */
function mentions(prefix: string, month: 9 | 10, handle: string, text: string, count: number, answered = 0, after = 30): TestPost[] {
  return Array.from({ length: count }, (_, i): TestPost[] => {
    const when = at(month, 2 + Math.floor(i / 12), (i % 12) * 60 + 1);
    const mention: TestPost = { id: `${prefix}${i}`, author: `${prefix}-author${i}`, at: when, text: `@${handle} ${text}` };
    return i < answered ? [mention, { id: `${prefix}${i}r`, author: handle, at: new Date(Date.parse(when) + after * 60_000).toISOString(), text: `@${prefix}-author${i} we are on it`, parent: mention.id }] : [mention];
  }).flat();
}

/**
 * October: acme 32 router complaints (16 answered after 30 min) and 28
 * account questions; rival and third 32 fibre complaints (all answered after
 * 10 min; 24 answered after 60 min) and 28 account questions each. One
 * spammer writes "free bitcoin giveaway" to acme 15 times. September: 30
 * account questions per brand, the first answered (no router, no fibre).
 * acme posts news on the 25th.
 */
function posts(): TestPost[] {
  return [
    ...mentions('ar', 10, 'acme', 'my router keeps rebooting', 32, 16, 30),
    ...mentions('aq', 10, 'acme', 'question about my account', 28),
    ...mentions('rf', 10, 'rival', 'the fibre speed is terrible', 32, 32, 10),
    ...mentions('rq', 10, 'rival', 'question about my account', 28),
    ...mentions('tf', 10, 'third', 'Fibre speed is TERRIBLE!', 32, 24, 60),
    ...mentions('tq', 10, 'third', 'question about my account', 28),
    ...Array.from({ length: 15 }, (_, i): TestPost => ({ id: `spam${i}`, author: 'spammer', at: at(10, 20, i), text: '@acme free bitcoin giveaway' })),
    // acme posts after the spam: the data holds its posts over the whole month, so its rates are exact (no brand-posts-partial).
    { id: 'acme-news', author: 'acme', at: at(10, 25, 0), text: 'Our autumn plans are out' },
    ...(['acme', 'rival', 'third'] as const).flatMap((handle) => mentions(`s${handle}`, 9, handle, 'question about my account', 30, 1)),
    // The newest post, so no October window is still open; and posts on the first and last day of each month, so the exports reach over both whole.
    { id: 'end', author: 'nobody', at: '2017-11-20T00:00:00Z', text: 'end' },
    ...exportsReach('2017-09-01', '2017-10-31'),
  ];
}

async function themes(list: TestPost[], brands = BRANDS, extra: Record<string, unknown> = {}, options: ThemeOptions = {}): Promise<BrandThemes[]> {
  const store = await storeWith(list);
  try {
    return await computeThemes(store, configWith(brands, { themes: THEMES, ...extra }), '2017-10', options);
  } finally {
    store.close();
  }
}

const themeOf = (report: BrandThemes[], brand: string, name: string, source = 'config') => report.find((b) => b.id === brand)?.themes.find((t) => t.name === name && t.source === source);

describe('configured themes', () => {
  it('match on word boundaries, in any case and without accents, and a mention may hold several', async () => {
    const report = await themes([
      { id: 'a', author: 'x1', at: at(10, 2, 0), text: '@acme SIN SERVICIO desde ayer, el router no va' },
      { id: 'b', author: 'x2', at: at(10, 2, 1), text: '@acme my Account, and the FIBRE.' },
      { id: 'c', author: 'x3', at: at(10, 2, 2), text: '@acme accounts routers fibres sinservicio' },
      { id: 'd', author: 'x4', at: at(10, 2, 3), text: '@acme ROUTÉR' },
    ]);
    // a: network; b: network and accounts; c: neither (other words); d: network (accent aside).
    expect(themeOf(report, 'acme', 'network')?.mentions).toBe(3);
    expect(themeOf(report, 'acme', 'accounts')?.mentions).toBe(1);
    expect(themeOf(report, 'acme', 'network')?.share).toBe(3 / 4);
  });

  it("set a French elided article apart from its word, and keep an English contraction whole", async () => {
    const report = await themes(
      [
        { id: 'a', author: 'x1', at: at(10, 2, 0), text: "@acme impossible d'activer l'itinérance" },
        { id: 'b', author: 'x2', at: at(10, 2, 1), text: '@acme je suis à l’étranger' },
        { id: 'c', author: 'x3', at: at(10, 2, 2), text: "@acme I don't have roaming, QU'EST-CE QUE C'EST" },
        { id: 'd', author: 'x4', at: at(10, 2, 3), text: '@acme litinérance' },
      ],
      BRANDS,
      { themes: { roaming: ['itinérance', 'roaming'], abroad: ["à l'étranger"], refusal: ["don't"] } },
    );
    // a: roaming ("itinérance" after "l'"); b: abroad (the phrase as configured, its "l'" apart in both); c: roaming and refusal; d: none.
    expect(['roaming', 'abroad', 'refusal'].map((name) => themeOf(report, 'acme', name)?.mentions)).toEqual([2, 1, 1]);
  });

  it('leave out the mark of a social post before a handle, and keep the same word elsewhere', async () => {
    const report = await themes(
      [
        { id: 'a', author: 'x1', at: at(10, 2, 0), text: '@acme my Adobe CC licence expired' },
        { id: 'b', author: 'x2', at: at(10, 2, 1), text: '@acme no signal cc @rival' },
        { id: 'c', author: 'x3', at: at(10, 2, 2), text: 'no signal again via @acme, RT @x: same' },
      ],
      BRANDS,
      { themes: { creative: ['cc'], relayed: ['via', 'rt'] } },
    );
    expect(['creative', 'relayed'].map((name) => themeOf(report, 'acme', name)?.mentions)).toEqual([1, 0]);
    expect(themeWords("Jusqu'à l'été, qu'il don't aujourd'hui")).toBe('jusqu a l ete qu il dont aujourdhui');
  });

  it('say how each brand answers them, compare the client with its competitors and rank its worst', async () => {
    const report = await themes(posts());
    // acme: 32 router complaints, 16 answered after 30 min; 32 of its 75 mentions (60 + 15 spam).
    expect(themeOf(report, 'acme', 'network')).toMatchObject({
      mentions: 32,
      share: 32 / 75,
      previousMentions: 0,
      change: null,
      changeReason: 'thin-previous-period',
      measured: 32,
      answered: 16,
      responseRate: 0.5,
      responseTimeMedianMin: 30,
      sentiment: null,
    });
    expect(themeOf(report, 'rival', 'network')).toMatchObject({ mentions: 32, responseRate: 1, responseTimeMedianMin: 10 });
    expect(themeOf(report, 'third', 'network')).toMatchObject({ mentions: 32, responseRate: 0.75, responseTimeMedianMin: 60 });
    // Competitor median (1 + 0.75) / 2 = 87.5%, of 2 competitors with 30 measured mentions; acme is 37.5 points behind.
    expect(themeOf(report, 'acme', 'network')?.benchmark).toEqual({ competitorRate: 0.875, competitorRateEnd: null, competitorTimeMedianMin: 35, competitorsMeasured: 2, gap: 0.5 - 0.875, worstRank: 1 });
    // accounts: 28 mentions a brand, under 30: no comparison; against September's 30, no change either.
    expect(themeOf(report, 'acme', 'accounts')).toMatchObject({ mentions: 28, previousMentions: 30, change: null, changeReason: 'thin-period' });
    expect(themeOf(report, 'acme', 'accounts')?.benchmark).toMatchObject({ competitorsMeasured: 0, worstRank: null });
    // Three examples, the unanswered first, one per author.
    const examples = themeOf(report, 'acme', 'network')?.examples ?? [];
    expect(examples).toHaveLength(3);
    expect(new Set(examples.map((example) => example.author)).size).toBe(3);
    expect(examples.every((example) => Number(example.author.replace('ar-author', '')) >= 16)).toBe(true);
  });

  it('count the unanswered mentions of each whose export lists a response the data lacks, and only those of the theme', async () => {
    // 6 of acme's 16 unanswered router complaints list a lost response; 1 answered one lists one too (answered: it counts no more).
    const lost = new Set(['ar16', 'ar17', 'ar18', 'ar19', 'ar20', 'ar21']);
    const report = await themes(posts().map((post) => (lost.has(post.id) ? { ...post, responses: `${post.id}-gone` } : post.id === 'ar0' ? { ...post, responses: 'ar0r,ar0-gone' } : post)));
    expect(themeOf(report, 'acme', 'network')).toMatchObject({ measured: 32, answered: 16, listedMissing: 6 });
    expect(themeOf(report, 'acme', 'accounts')).toMatchObject({ measured: 28, listedMissing: 0 });
    expect(themeOf(report, 'rival', 'network')).toMatchObject({ listedMissing: 0 });
    // 6 of 32 (18.75%), more than the 5% of metrics.coverage.responsesMissing: a lower bound, up to 22 of 32.
    expect(themeOf(report, 'acme', 'network')?.responseRateEnd).toBe(22 / 32);
    expect(themeOf(report, 'acme', 'accounts')?.responseRateEnd).toBeNull();
    // 1 of 32 (3.1%): exact.
    const one = await themes(posts().map((post) => (post.id === 'ar16' ? { ...post, responses: 'ar16-gone' } : post)));
    expect(themeOf(one, 'acme', 'network')).toMatchObject({ listedMissing: 1, responseRateEnd: null });
  });

  it('rank a theme worst only where it is behind at every end and no rate or median that is a bound could change its place', async () => {
    // billing: acme answers 12 of 30 (40%), rival 30, third 24 (median 90%): 50 points behind, before network's 37.5 (50% against 87.5%).
    const billing = [...mentions('ab', 10, 'acme', 'my bill is wrong', 30, 12, 20), ...mentions('rb', 10, 'rival', 'my bill is wrong', 30, 30, 20), ...mentions('tb', 10, 'third', 'my bill is wrong', 30, 24, 20)];
    const lose = (ids: string[]) => (post: TestPost) => (ids.includes(post.id) ? { ...post, responses: `${post.id}-gone` } : post);
    const run = (list: TestPost[]) => themes(list, BRANDS, { themes: { ...THEMES, billing: ['bill'] } });
    const ranks = (report: BrandThemes[]) => ['billing', 'network'].map((name) => themeOf(report, 'acme', name)?.benchmark?.worstRank ?? null);
    expect(ranks(await run([...posts(), ...billing]))).toEqual([1, 2]);
    // 2 of billing's 30 list a lost response: 40% to 46.7%, 43.3 to 50 points behind, certainly before network's 37.5: the same ranks.
    const two = await run([...posts(), ...billing].map(lose(['ab12', 'ab13'])));
    expect(themeOf(two, 'acme', 'billing')?.responseRateEnd).toBe(14 / 30);
    expect(ranks(two)).toEqual([1, 2]);
    // 6: 40% to 60%, 30 to 50 points behind, on either side of network's 37.5: neither is ranked.
    expect(ranks(await run([...posts(), ...billing].map(lose(['ab12', 'ab13', 'ab14', 'ab15', 'ab16', 'ab17']))))).toEqual([null, null]);
    // third's network rate, 75% up to 87.5% (4 of 32 listed): the median lies between 87.5% and 93.75%, printed with its
    // other end; network is 37.5 to 43.75 points behind, certainly after billing's 50: billing first, network second.
    const median = await run([...posts(), ...billing].map(lose(['tf24', 'tf25', 'tf26', 'tf27'])));
    expect(themeOf(median, 'acme', 'network')?.benchmark).toMatchObject({ competitorRate: 0.875, competitorRateEnd: 0.9375, worstRank: 2 });
    expect(ranks(median)).toEqual([1, 2]);
    // With billing's 6 lost too (30 to 50 points behind), billing's gap reaches past network's: neither is ranked.
    expect(ranks(await run([...posts(), ...billing].map(lose(['tf24', 'tf25', 'tf26', 'tf27', 'ab12', 'ab13', 'ab14', 'ab15', 'ab16', 'ab17']))))).toEqual([null, null]);
  });

  it('rank only the themes the client is shown: a term found for a competitor alone is no worst theme of the client', async () => {
    // "parcel lost" is distinctive of rival (200 of its 232 mentions, 60 of the 124 of the others); acme never answers it.
    const list = [
      ...posts(),
      ...mentions('rp', 10, 'rival', 'parcel lost', 200, 200, 10),
      ...mentions('ap', 10, 'acme', 'parcel lost', 30),
      ...mentions('tp', 10, 'third', 'parcel lost', 30, 30, 10),
    ];
    const report = await themes(list);
    expect(themeOf(report, 'rival', 'parcel lost', 'found')).toBeDefined();
    const client = report.find((brand) => brand.id === 'acme')?.themes ?? [];
    expect(client.some((theme) => theme.name.includes('parcel'))).toBe(false);
    // network: 50% against a median of 87.5%, the worst of the client's own themes.
    expect(themeOf(report, 'acme', 'network')?.benchmark?.worstRank).toBe(1);
    const ranks = client.flatMap((theme) => (theme.benchmark?.worstRank == null ? [] : [theme.benchmark.worstRank])).sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, index) => index + 1));
  });

  it('rank no theme the client answers better than its competitors: it is none of its weakest', async () => {
    // billing: acme answers 30 of 30, rival 10 of 30, third 15 of 30 (median 41.7%): acme is ahead, so unranked;
    // network (as in posts()): 50% against 87.5%, behind, rank 1.
    const list = [
      ...posts(),
      ...mentions('ab', 10, 'acme', 'my bill is wrong', 30, 30, 20),
      ...mentions('rb', 10, 'rival', 'my bill is wrong', 30, 10, 20),
      ...mentions('tb', 10, 'third', 'my bill is wrong', 30, 15, 20),
    ];
    const report = await themes(list, BRANDS, { themes: { ...THEMES, billing: ['bill'] } });
    expect(themeOf(report, 'acme', 'billing')?.benchmark).toMatchObject({ competitorsMeasured: 2, worstRank: null });
    expect(themeOf(report, 'acme', 'billing')?.benchmark?.gap).toBeGreaterThan(0);
    expect(themeOf(report, 'acme', 'network')?.benchmark?.worstRank).toBe(1);
  });

  it('never find again a word or phrase of a configured theme: the theme already counts it', async () => {
    const list = [...posts(), ...mentions('rp', 10, 'rival', 'parcel lost', 200, 200, 10), ...mentions('tp', 10, 'third', 'parcel lost', 30, 30, 10)];
    // Without a theme, "parcel lost" is distinctive of rival (the test above); configured, it is counted there only.
    const found = (report: BrandThemes[]) => report.find((brand) => brand.id === 'rival')?.themes.filter((theme) => theme.source === 'found').map((theme) => theme.name) ?? [];
    expect(found(await themes(list))).toContain('parcel lost');
    const configured = await themes(list, BRANDS, { themes: { ...THEMES, parcels: ['parcel lost'] } });
    expect(found(configured)).not.toContain('parcel lost');
    expect(themeOf(configured, 'rival', 'parcels')?.mentions).toBe(200);
  });

  it("take as examples each author's newest mention (the lowest id of a tie), the unanswered first, then the newest, then by author", async () => {
    const answeredAt = (mention: TestPost): TestPost => ({ id: `${mention.id}r`, author: 'acme', at: new Date(Date.parse(mention.at) + 30 * 60_000).toISOString(), text: 'on it', parent: mention.id });
    const mention = (id: string, author: string, day: number): TestPost => ({ id, author, at: at(10, day, 0), text: `@acme router ${id}` });
    const unanswered = [mention('a1', 'ana', 5), mention('b1', 'bob', 3)];
    // ana's newest mention is answered: she is shown by it, not by her older unanswered one.
    const answered = [mention('a2', 'ana', 6), mention('c2', 'cy', 7), mention('c1', 'cy', 7), mention('d1', 'dee', 7), mention('e1', 'eve', 2)];
    const report = await themes([...unanswered, ...answered, ...answered.map(answeredAt), { id: 'end', author: 'nobody', at: '2017-11-20T00:00:00Z', text: 'end' }]);
    const examples = themeOf(report, 'acme', 'network')?.examples ?? [];
    expect(examples.map((example) => [example.author, example.text])).toEqual([
      ['bob', '@acme router b1'],
      ['cy', '@acme router c1'],
      ['dee', '@acme router d1'],
    ]);
    expect(examples[0]?.createdAt).toBe('2017-10-03T09:00:00Z');
    // None asked for, none given (DuckDB's min_by refuses a count below 1).
    const none = await themes([...unanswered, ...answered], BRANDS, {}, { examples: 0 });
    expect(none.flatMap((brand) => brand.themes.flatMap((theme) => theme.examples))).toEqual([]);
    expect(themeOf(none, 'acme', 'network')?.mentions).toBe(7);
  });
});

describe('the change of a theme', () => {
  it('is unknown, not against 0, when the data holds nothing of the previous period; against a real 0 when it holds it', async () => {
    const october = posts().filter((post) => !post.id.startsWith('s'));
    const alone = themeOf(await themes(october), 'acme', 'accounts');
    expect([alone?.mentions, alone?.previousMentions, alone?.change, alone?.changeReason]).toEqual([28, null, null, 'previous-period-not-in-data']);
    // September holds 30 account questions per brand and no router complaint: acme's network theme had a real 0 then.
    const network = themeOf(await themes(posts()), 'acme', 'network');
    expect([network?.previousMentions, network?.changeReason]).toEqual([0, 'thin-previous-period']);
  });

  it("is not given when the brand's own posts were not in the data in the previous period, as no figure of the brand is", async () => {
    // September's questions unanswered: no post of any brand then, while each answers in October.
    const unanswered = posts().map((post) => (post.id.startsWith('s') && post.parent ? { ...post, at: '2017-08-31T12:00:00Z' } : post));
    const report = await themes(unanswered);
    expect(themeOf(report, 'acme', 'accounts')).toMatchObject({ mentions: 28, previousMentions: 30, change: null, changeReason: 'unmeasured-previous-period' });
    // October's answers left out instead: this period holds none of acme's posts where September did.
    const octoberUnanswered = posts().filter((post) => !(post.id.startsWith('ar') && post.parent) && post.id !== 'acme-news');
    expect(themeOf(await themes(octoberUnanswered), 'acme', 'accounts')).toMatchObject({ change: null, changeReason: 'unmeasured-period' });
    // With September's answers in the data, the same theme is weighed as any other: 28 mentions now are too few to compare.
    expect(themeOf(await themes(posts()), 'acme', 'accounts')).toMatchObject({ change: null, changeReason: 'thin-period' });
  });

  it('is not given when the data of one period holds none of the brand on a platform where the other holds 30 of its posts and mentions', async () => {
    // acme's Facebook page in October only: 30 account questions there, each answered (the export of September's is missing),
    // while Facebook's exports reach over both months (another page's posts every day).
    const facebook = [...mentions('fb', 10, 'acme', 'question about my account', 30, 30), ...exportsReach('2017-09-01', '2017-10-31').map((post) => ({ ...post, id: `fb-${post.id}` }))].map(
      (post): TestPost => ({ ...post, platform: 'facebook' }),
    );
    const brands = [{ id: 'acme', accounts: { twitter: ['acme'], facebook: ['acme'] } }, { id: 'rival' }, { id: 'third' }];
    expect(themeOf(await themes([...posts(), ...facebook], brands), 'acme', 'accounts')).toMatchObject({ mentions: 58, previousMentions: 30, change: null, changeReason: 'platform-missing-previous' });
    // Rival's themes keep their own reasons.
    expect(themeOf(await themes([...posts(), ...facebook], brands), 'rival', 'accounts')?.changeReason).toBe('thin-period');
  });

  it("is not given when the brand's data ends days before the other brands', as the brand's counts are not", async () => {
    // acme: 2 account questions a day, each answered, to 30 September and to 24 October (its care export cut); rival's
    // questions go on to the 31st of both months.
    const daily = (prefix: string, month: 9 | 10, handle: string, last: number, answered: boolean): TestPost[] =>
      Array.from({ length: last }, (_, day) => [0, 1].flatMap((n): TestPost[] => {
        const mention: TestPost = { id: `${prefix}${day}-${n}`, author: `${prefix}-author${day}-${n}`, at: at(month, day + 1, n * 60), text: `@${handle} question about my account` };
        return answered ? [mention, { id: `${prefix}${day}-${n}r`, author: handle, at: at(month, day + 1, n * 60 + 10), text: 'on it', parent: mention.id }] : [mention];
      })).flat();
    const list = [...daily('as', 9, 'acme', 30, true), ...daily('ao', 10, 'acme', 24, true), ...daily('rs', 9, 'rival', 30, false), ...daily('ro', 10, 'rival', 31, false)];
    expect(themeOf(await themes(list), 'acme', 'accounts')).toMatchObject({ mentions: 48, previousMentions: 60, change: null, changeReason: 'brand-data-partial' });
    // Rival's own: 62 against 60.
    expect(themeOf(await themes(list), 'rival', 'accounts')?.change).toBeCloseTo((100 * 2) / 60, 10);
  });

  it('is not given when the exports reach over part of either period only', async () => {
    // Without the posts of 1 September the exports begin on 2 September; cut at 20 October they end inside October.
    const fromSecond = posts().filter((post) => !post.at.startsWith('2017-09-01'));
    expect(themeOf(await themes(fromSecond), 'acme', 'accounts')).toMatchObject({ previousMentions: 30, change: null, changeReason: 'previous-period-partly-in-data' });
    const cut = posts().filter((post) => post.at < '2017-10-21');
    expect(themeOf(await themes(cut), 'acme', 'accounts')).toMatchObject({ mentions: 28, change: null, changeReason: 'period-partly-in-data' });
  });
});

describe('the check of configured themes', () => {
  it('counts the mentions of each, and names the closest words of the month only for a theme that matches nothing', async () => {
    const store = await storeWith([
      { id: 'm1', author: 'x1', at: at(10, 2, 0), text: '@acme my invoice is wrong' },
      { id: 'm2', author: 'x2', at: at(10, 2, 1), text: '@acme a second invoice, and the router' },
      { id: 'm3', author: 'x3', at: at(10, 2, 2), text: '@acme invoices everywhere' },
    ]);
    try {
      const counts = (themes: Record<string, string[]>) => withAnalysis(store, configWith(BRANDS, { themes }), '2017-10', (analysis) => themeCounts(analysis));
      // "invoce" is one letter from "invoice" (2 uses) and two from "invoices" (1 use): nearest first.
      expect(await counts({ network: ['router'], billing: ['invoce'] })).toEqual([
        { theme: 'network', mentions: 1, commonWords: [], closest: [] },
        { theme: 'billing', mentions: 0, commonWords: [], closest: [{ word: 'invoice', uses: 2 }, { word: 'invoices', uses: 1 }] },
      ]);
      expect(await counts({ network: ['router'], billing: ['invoice'] })).toEqual([
        { theme: 'billing', mentions: 2, commonWords: [], closest: [] },
        { theme: 'network', mentions: 1, commonWords: [], closest: [] },
      ]);
      // A stop word is neither offered ("the", "and" are two letters from "thx") nor mended: "de" is said as common, with no closest word.
      expect(await counts({ billing: ['invocie', 'de'], thanks: ['thx'] })).toEqual([
        { theme: 'billing', mentions: 0, commonWords: ['de'], closest: [{ word: 'invoice', uses: 2 }] },
        { theme: 'thanks', mentions: 0, commonWords: [], closest: [] },
      ]);
      // A phrase of stop words, or of a brand's name, marks mentions whatever they are about: named, beside the count.
      expect(await counts({ billing: ['invoice', 'the', 'and the', 'Acme', 'is wrong'] })).toEqual([{ theme: 'billing', mentions: 2, commonWords: ['acme', 'and the', 'the'], closest: [] }]);
      // Only questions count when the config says so, as in the report: none of these three is one.
      const questions = await withAnalysis(store, configWith(BRANDS, { themes: { billing: ['invoice'] }, metrics: { inbound: 'questions' } }), '2017-10', (analysis) => themeCounts(analysis));
      expect(questions.map((entry) => [entry.theme, entry.mentions])).toEqual([['billing', 0]]);
    } finally {
      store.close();
    }
  });
});

/** The content words and two-word phrases of a text, once each: terms.sql's terms, written again here. */
function termsOf(text: string, stop: Set<string>): Set<string> {
  const words = themeWords(text.replace(/@[A-Za-z0-9_]+/g, ' ')).split(' ').filter((word) => word !== '');
  const content = words.map((word) => word.length >= 2 && !/[0-9]/.test(word) && !stop.has(word));
  const terms = new Set<string>();
  words.forEach((word, index) => {
    if (!content[index]) return;
    terms.add(word);
    if (content[index + 1]) terms.add(`${word} ${words[index + 1]}`);
  });
  return terms;
}

describe('themes found in the data', () => {
  it('are the terms distinctive of a brand, with the weighted log-odds z-score of Monroe, Colaresi and Quinn', async () => {
    const list = posts();
    // Without the network theme: its words ("router", "fibre") would be counted by it, not found again.
    const report = await themes(list, BRANDS, { themes: { accounts: THEMES.accounts } });
    const acme = report.find((brand) => brand.id === 'acme');
    const found = (acme?.themes ?? []).filter((theme) => theme.source === 'found');
    // "router", "keeps", "rebooting" and "router keeps" are in the same 32 mentions as "keeps rebooting": one subject.
    expect(found.map((theme) => theme.name)).toEqual(['keeps rebooting']);
    // The same count for each: 32 mentions by 32 authors, nothing at the competitors, nothing in September.
    expect(found.every((theme) => theme.found?.map((entry) => entry.kind).sort().join() === 'distinctive,rising')).toBe(true);

    // "keeps rebooting" by hand: counts of every term per brand and period, the prior from all of them.
    const stop = stopwordsFor([]);
    for (const word of ['acme', 'rival', 'third']) stop.add(word);
    const counts = new Map<string, number>();
    const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const post of list) {
      const brand = /@(acme|rival|third)\b/.exec(post.text ?? '')?.[1];
      if (!brand || post.author === brand) continue;
      const when = post.at.startsWith('2017-10') ? 'now' : post.at.startsWith('2017-09') ? 'before' : null;
      if (!when) continue;
      for (const term of termsOf(post.text ?? '', stop)) {
        add(`${brand}|${when}|${term}`);
        add(`${brand}|${when}|*`);
        add(`*|*|${term}`);
        add('*|*|*');
      }
    }
    const n = (key: string) => counts.get(key) ?? 0;
    const a = (THEME_PRIOR_TOTAL * n('*|*|keeps rebooting')) / n('*|*|*');
    const yi = n('acme|now|keeps rebooting');
    const ni = n('acme|now|*');
    const yj = n('rival|now|keeps rebooting') + n('third|now|keeps rebooting');
    const nj = n('rival|now|*') + n('third|now|*');
    const delta = Math.log((yi + a) / (ni + THEME_PRIOR_TOTAL - yi - a)) - Math.log((yj + a) / (nj + THEME_PRIOR_TOTAL - yj - a));
    const z = delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a));
    expect(yi).toBe(32);
    expect(found.find((theme) => theme.name === 'keeps rebooting')?.found?.find((entry) => entry.kind === 'distinctive')?.z).toBeCloseTo(z, 9);

    // The spammer's 15 "free bitcoin giveaway" are one author: no theme.
    expect(found.some((theme) => theme.name.includes('bitcoin'))).toBe(false);
    // rival and third share their fibre complaints: neither is distinctive against the other brands... but both rose since September.
    const rival = report.find((brand) => brand.id === 'rival')?.themes.filter((theme) => theme.source === 'found') ?? [];
    expect(rival.map((theme) => theme.name)).toContain('fibre speed');
    expect(rival.find((theme) => theme.name === 'fibre speed')?.found?.map((entry) => entry.kind)).toContain('rising');
  });

  it("are found rising only where the two periods' counts compare, as a theme's change is", async () => {
    const kindsOf = (report: BrandThemes[], brand: string, name: string) => (themeOf(report, brand, name, 'found')?.found ?? []).map((entry) => entry.kind).sort();
    // Whole periods: "keeps rebooting" (32 mentions, none in September) is distinctive of acme and rising.
    const whole = await themes(posts(), BRANDS, { themes: { accounts: THEMES.accounts } });
    expect(kindsOf(whole, 'acme', 'keeps rebooting')).toEqual(['distinctive', 'rising']);
    // The same data, the exports beginning on 2 September: the previous period is partly in the data, no count is
    // compared with it, and nothing is found rising against it; "keeps rebooting" stays distinctive.
    const fromSecond = await themes(
      posts().filter((post) => !post.at.startsWith('2017-09-01')),
      BRANDS,
      { themes: { accounts: THEMES.accounts } },
    );
    expect(themeOf(fromSecond, 'acme', 'accounts')?.changeReason).toBe('previous-period-partly-in-data');
    expect(kindsOf(fromSecond, 'acme', 'keeps rebooting')).toEqual(['distinctive']);
    expect(fromSecond.flatMap((brand) => brand.themes.flatMap((theme) => theme.found ?? [])).some((entry) => entry.kind === 'rising')).toBe(false);

    // A brand's own reason leaves out its own rising terms only: acme's care export of September ends on the 24th
    // (2 account questions a day, each answered), while rival's go on to the last day of both months.
    const daily = (prefix: string, month: 9 | 10, handle: string, last: number, answered: boolean): TestPost[] =>
      Array.from({ length: last }, (_, day) => [0, 1].flatMap((n): TestPost[] => {
        const mention: TestPost = { id: `${prefix}${day}-${n}`, author: `${prefix}-author${day}-${n}`, at: at(month, day + 1, n * 60), text: `@${handle} question about my account` };
        return answered ? [mention, { id: `${prefix}${day}-${n}r`, author: handle, at: at(month, day + 1, n * 60 + 10), text: 'on it', parent: mention.id }] : [mention];
      })).flat();
    const cut = await themes(
      [
        ...daily('as', 9, 'acme', 24, true),
        ...daily('ao', 10, 'acme', 31, true),
        ...daily('rs', 9, 'rival', 30, true),
        ...daily('ro', 10, 'rival', 31, true),
        ...mentions('ar', 10, 'acme', 'my router keeps rebooting', 32, 16, 30),
        ...mentions('rf', 10, 'rival', 'the fibre speed is terrible', 32, 32, 10),
        ...exportsReach('2017-09-01', '2017-10-31'),
      ],
      BRANDS,
      { themes: { accounts: THEMES.accounts } },
    );
    expect(themeOf(cut, 'acme', 'accounts')?.changeReason).toBe('brand-data-partial-previous');
    expect(kindsOf(cut, 'acme', 'keeps rebooting')).toEqual(['distinctive']);
    expect(kindsOf(cut, 'rival', 'fibre speed')).toEqual(['distinctive', 'rising']);
  });

  it('make one subject of the terms of one sentence, and keep a word that stands on its own too', async () => {
    const extra = [
      ...mentions('rl', 10, 'acme', 'router lights blinking red', 20).map((post) => ({ ...post, at: post.at.replace('T09', 'T07') })),
    ];
    const found = ((await themes([...posts(), ...extra], BRANDS, { themes: { accounts: THEMES.accounts } })).find((brand) => brand.id === 'acme')?.themes ?? []).filter((theme) => theme.source === 'found');
    // "router" is in 52 mentions, 32 of them with "router keeps": a subject of its own. Each sentence's other words
    // and phrases are in every mention of its strongest phrase (phrases first, then z, then byte order): fragments of it.
    expect(found.map((theme) => [theme.name, theme.mentions])).toEqual([
      ['router', 52],
      ['keeps rebooting', 32],
      ['blinking red', 20],
    ]);
  });

  it('leave out the words of a configured theme\'s mentions, and name a subject the same whatever the number kept', async () => {
    const foundOf = async (extra: TestPost[], configured: Record<string, string[]>, top?: number) =>
      ((await themes([...posts(), ...extra], BRANDS, { themes: { accounts: THEMES.accounts, ...configured } }, top === undefined ? {} : { top })).find((brand) => brand.id === 'acme')?.themes ?? [])
        .filter((theme) => theme.source === 'found')
        .map((theme) => theme.name);
    // Every mention of the sentence holds the configured outage theme: none of its words or phrases is a subject of
    // its own ("network outage", "zqmadrid"). Without the theme, the sentence is a subject.
    const outage = mentions('ou', 10, 'acme', 'network outage in zqmadrid', 30).map((post) => ({ ...post, at: post.at.replace('T09', 'T04') }));
    const fromSentence = (names: string[]) => names.filter((name) => /network|outage|zqmadrid/.test(name));
    expect(fromSentence(await foundOf(outage, {}))).toEqual(['network outage']);
    expect(fromSentence(await foundOf(outage, { outage: ['outage'] }))).toEqual([]);
    // Fragments are weighed among the 100 strongest terms: keeping one subject names it as keeping ten does.
    const all = await foundOf([], {});
    const [one] = await foundOf([], {}, 1);
    expect(one).toBe('keeps rebooting');
    expect(all).toContain(one);
  });

  it('let only a kept term absorb another: a word taken by a term that was itself absorbed stays', async () => {
    const at = (list: TestPost[], hour: string) => list.map((post) => ({ ...post, at: post.at.replace('T09', `T${hour}`) }));
    // "zqone zqtwo" (285 mentions) absorbs "zqthree" (240 of its 300 mentions hold it). "zqfour" (120) is in "zqthree"'s
    // mentions only, and in 60 of the phrase's: "zqthree" would absorb it, but was not kept, so "zqfour" stays.
    const chain = [
      ...at(mentions('c0', 10, 'acme', 'zqone zqtwo', 45), '03'),
      ...at(mentions('c1', 10, 'acme', 'zqone zqtwo and zqthree and zqfour', 60), '04'),
      ...at(mentions('c2', 10, 'acme', 'zqone zqtwo and zqthree', 180), '05'),
      ...at(mentions('c3', 10, 'acme', 'zqthree and zqfour', 60), '06'),
    ];
    const found = ((await themes([...posts(), ...chain])).find((brand) => brand.id === 'acme')?.themes ?? []).filter((theme) => theme.source === 'found');
    expect(found.filter((theme) => theme.name.startsWith('zq')).map((theme) => [theme.name, theme.mentions])).toEqual([
      ['zqone zqtwo', 285],
      ['zqfour', 120],
    ]);
  });

  it('never makes a theme of a phrase one author wrote, however often (a property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z]{5,9}$/), fc.integer({ min: 5, max: 40 }), async (word, times) => {
        const phrase = `zq${word} qz${word}`;
        const repeated = Array.from({ length: times }, (_, i): TestPost => ({ id: `rep${i}`, author: 'repeater', at: at(10, 10, i), text: `@acme ${phrase}` }));
        const report = await themes([...posts(), ...repeated]);
        const names = report.flatMap((brand) => brand.themes.filter((theme) => theme.source === 'found').map((theme) => theme.name));
        expect(names.some((name) => name.includes(word))).toBe(false);
      }),
      { numRuns: 4 },
    );
  });

  it('count an author once per term, however many of their mentions hold it, beside authors of one mention', async () => {
    // 24 mentions each time: 4 authors of one mention and one of 20 are 5 authors, the default threshold; 3 and one are 4.
    const withAuthors = (lone: number): TestPost[] => [
      ...Array.from({ length: lone }, (_, i): TestPost => ({ id: `lone${i}`, author: `lone${i}`, at: at(10, 11, i), text: '@acme zqmodem blinks' })),
      ...Array.from({ length: 24 - lone }, (_, i): TestPost => ({ id: `again${i}`, author: 'again', at: at(10, 12, i), text: '@acme zqmodem blinks' })),
    ];
    const foundOf = async (extra: TestPost[]) => ((await themes([...posts(), ...extra])).find((brand) => brand.id === 'acme')?.themes ?? []).filter((theme) => theme.source === 'found');
    expect((await foundOf(withAuthors(4))).find((theme) => theme.name === 'zqmodem blinks')?.mentions).toBe(24);
    expect((await foundOf(withAuthors(3))).some((theme) => theme.name.includes('zqmodem'))).toBe(false);
  });

  it('are written as their mentions write them, accents kept, though they are matched without', async () => {
    // 14 authors write "técnico" and 6 "TECNICO": one word to the themes, written as most write it.
    const visits = [
      ...mentions('tv', 10, 'acme', 'el técnico ausente', 14),
      ...mentions('tw', 10, 'acme', 'el TECNICO ausente', 6).map((post) => ({ ...post, at: post.at.replace('T09', 'T08') })),
    ];
    const found = ((await themes([...posts(), ...visits])).find((brand) => brand.id === 'acme')?.themes ?? []).filter((theme) => theme.source === 'found');
    // "técnico" alone is in the same 20 mentions: a fragment of the phrase.
    expect(found.map((theme) => [theme.name, theme.mentions])).toContainEqual(['técnico ausente', 20]);
    expect(found.some((theme) => theme.name === 'técnico')).toBe(false);
    expect(found.some((theme) => theme.name.includes('tecnico'))).toBe(false);
  });

  it('are never the words of chasing an answer, nor words of time, though one brand\'s customers write them most', async () => {
    // 20 authors chase acme in each language; a phrase of 20 authors is a subject (zqmodem blinks above), these are not.
    const chasers = [
      ...mentions('ce', 10, 'acme', 'I did all that already, twice, I sent the DM', 20),
      ...mentions('cs', 10, 'acme', '¿alguna novedad? nadie contesta, dos días', 20).map((post) => ({ ...post, at: post.at.replace('T09', 'T07') })),
      ...mentions('cf', 10, 'acme', 'des nouvelles ? jusqu’à quand ce mois-ci, aucune aide', 20).map((post) => ({ ...post, at: post.at.replace('T09', 'T05') })),
      // The verbs that carry tense or say "is", which the package's Spanish list lacks, and a carbon copy.
      ...mentions('cv', 10, 'acme', 'la app ha desaparecido, está mal, cc @acme', 20).map((post) => ({ ...post, at: post.at.replace('T09', 'T06') })),
    ];
    const subject = mentions('cz', 10, 'acme', 'zqmodem blinks', 20).map((post) => ({ ...post, at: post.at.replace('T09', 'T03') }));
    const found = ((await themes([...posts(), ...chasers, ...subject])).find((brand) => brand.id === 'acme')?.themes ?? []).filter((theme) => theme.source === 'found');
    expect(found.map((theme) => theme.name)).toContain('zqmodem blinks');
    expect(found.map((theme) => theme.name).filter((name) => /already|twice|\bdm\b|novedad|nadie|\bdos\b|dias|nouvelles|jusqu|mois|aucune|aide|\bha\b|\best[aá]\b|\bcc\b/.test(name))).toEqual([]);
    // What the sentence is about stays ("desaparecido" and "mal", in every mention that holds it, are its fragments).
    expect(found.map((theme) => theme.name)).toContain('app');
  });

  it('do not change when a brand is renamed', async () => {
    const before = await themes(posts());
    const renamed = [{ id: 'omega', handles: ['acme'] }, { id: 'rival' }, { id: 'third' }];
    const after = await themes(posts(), renamed);
    const strip = (report: BrandThemes[]) => report.map(({ id: _id, name: _name, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  });
});
