import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { BrandDiagnostics } from '../../../src/metrics/diagnostics/types.js';
import type { Store } from '../../../src/store/database.js';
import { exchange, plus, storeWith, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';
import { parseConfig } from '../../../src/config/load.js';

let stores: Store[] = [];
afterEach(() => {
  for (const store of stores) store.close();
  stores = [];
});

const T0 = '2017-10-02T10:00:00Z';
const posts: DiagPost[] = [
  ...['Ana', 'Luis', 'Eva', 'Pau', 'Rosa', 'Iker'].flatMap((name, i) =>
    exchange(`m${i}`, `u${i}`, plus(T0, i * 90), { text: `@u${i} Hola ${name}, revisamos tu caso ${i}00 ahora mismo ^JD`, after: 10 + i }),
  ),
  { id: 'f0', author: 'u0', at: plus(T0, 30), text: '@AcmeCares gracias, ¿y ahora?', parent: 'm0r', sentiment: 'negative', followers: 4000 },
  { id: 'f0r', author: 'acmecares', at: plus(T0, 50), text: '@u0 ya está', parent: 'f0' },
  ...Array.from({ length: 6 }, (_, i): DiagPost => ({ id: `s${i}`, author: 'acmecares', at: plus(T0, 1000 + i), text: `@z${i} ¡Oferta de fibra!` })),
  { id: 'n1', author: 'v1', at: plus(T0, 2000), text: '@AcmeCares @RivalHelp nadie responde', sentiment: 'negativo', followers: 20 },
  { id: 'late', author: 'x', at: '2017-10-30T00:00:00Z', text: 'x' },
];

/** A brand's numbers without the ones that compare brands (rank). */
function own(brand: BrandDiagnostics | undefined): Omit<BrandDiagnostics, 'rank'> | undefined {
  if (!brand) return undefined;
  const { rank: _rank, ...rest } = brand;
  return rest;
}

describe('diagnostics invariants', () => {
  it('do not depend on the order rows were imported in', async () => {
    const reference = await storeWith(posts);
    stores.push(reference);
    const expected = await computeDiagnostics(reference, twoBrands(), '2017-10');
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(posts, { minLength: posts.length, maxLength: posts.length }), async (shuffled) => {
        const store = await storeWith(shuffled);
        stores.push(store);
        expect(await computeDiagnostics(store, twoBrands(), '2017-10')).toEqual(expected);
      }),
      { numRuns: 5 },
    );
  });

  it('do not change for a brand when an unrelated brand and its posts are added', async () => {
    const before = await storeWith(posts);
    stores.push(before);
    const alone = (await computeDiagnostics(before, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    const extra: DiagPost[] = [
      ...exchange('o1', 'w1', T0, { text: '@w1 hola', after: 5 }).map((p) => ({ ...p, id: `x${p.id}`, parent: p.parent && `x${p.parent}`, author: p.author === 'acmecares' ? 'otherco' : p.author, text: p.text?.replace('@AcmeCares', '@OtherCo') })),
    ];
    const after = await storeWith([...posts, ...extra]);
    stores.push(after);
    const three = parseConfig(
      { client: 'acme', brands: [{ id: 'acme', name: 'Acme', accounts: { twitter: ['AcmeCares'] } }, { id: 'rival', name: 'Rival', accounts: { twitter: ['RivalHelp'] } }, { id: 'other', accounts: { twitter: ['OtherCo'] } }], metrics: twoBrands().metrics },
      'test.yaml',
      '/tmp',
    );
    const withOther = (await computeDiagnostics(after, three, '2017-10')).brands.find((b) => b.id === 'acme');
    expect(own(withOther)).toEqual(own(alone));
    expect(alone?.canned.cannedReplies).toBe(6);
  });

  it('keep rates in [0, 1] and answered within inbound', async () => {
    const store = await storeWith(posts);
    stores.push(store);
    const { brands } = await computeDiagnostics(store, twoBrands(), '2017-10');
    expect(brands).toHaveLength(2);
    const groups = brands.flatMap((brand) => [brand.influencers?.influencers, brand.influencers?.others, ...Object.values(brand.sentiment?.bySentiment ?? {})].filter((g) => g !== undefined));
    const rates = groups.map((group) => group.responseRate).filter((rate) => rate !== null);
    const shares = brands.flatMap((brand) => [brand.canned.cannedShare, brand.unsolicited.unsolicitedShare, brand.followThrough.answeredShare]).filter((share) => share !== null);
    // The posts carry follower counts, sentiment, canned replies and a follow-up: every check below has numbers to look at.
    expect([groups.length > 0, rates.length > 0, shares.length > 0]).toEqual([true, true, true]);
    for (const group of groups) expect(group.answered).toBeLessThanOrEqual(group.inbound);
    for (const rate of [...rates, ...shares]) expect(rate >= 0 && rate <= 1, String(rate)).toBe(true);
  });
});
