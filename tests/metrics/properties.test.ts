import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { BrandMetrics, MetricsReport } from '../../src/metrics/types.js';
import { configWith, storeWith, type TestPost } from './helpers.js';

const BRANDS = [{ id: 'acme' }, { id: 'rival' }, { id: 'zeta' }];
const TEXTS = ['@acme help?', '@rival hello', '@Acme @rival which one?', 'no mention here', 'mail me@acme.com', '@acme.', '¿@rival funciona'];
const BASE = Date.UTC(2017, 8, 20);
/** The newest post of every generated data set, so added posts never move "the newest post". */
const ANCHOR: TestPost = { id: 'anchor', author: 'nobody', at: new Date(BASE + 50 * 86_400_000).toISOString(), text: 'the end' };

const step = fc.record({
  kind: fc.constantFrom('mention', 'reply', 'reply', 'broadcast', 'repost', 'followup'),
  brand: fc.constantFrom('acme', 'rival'),
  customer: fc.integer({ min: 0, max: 5 }),
  minute: fc.integer({ min: 0, max: 45 * 1440 }),
  text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
  parent: fc.nat(),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function buildPosts(steps: Step[], prefix = 'p'): TestPost[] {
  const posts: TestPost[] = [];
  steps.forEach((s, index) => {
    const id = `${prefix}${index}`;
    const at = new Date(BASE + s.minute * 60_000).toISOString();
    const parent = index > 0 ? `${prefix}${s.parent % index}` : null;
    const customer = `cust${s.customer}`;
    if (s.kind === 'mention') posts.push({ id, author: customer, at, text: TEXTS[s.text] ?? '' });
    else if (s.kind === 'repost') posts.push({ id, author: customer, at, text: `RT ${TEXTS[s.text] ?? ''}`, kind: 'repost' });
    else if (s.kind === 'broadcast') posts.push({ id, author: s.brand, at, text: 'news' });
    else if (s.kind === 'reply') posts.push({ id, author: s.brand, at, text: '@someone sorry', parent });
    else posts.push({ id, author: customer, at, text: 'any news?', parent });
  });
  return [...posts, ANCHOR];
}

async function report(posts: TestPost[]): Promise<MetricsReport> {
  const store = await storeWith(posts);
  try {
    return await computeMetrics(store, configWith(BRANDS), '2017-10');
  } finally {
    store.close();
  }
}

const dataset = fc.array(step, { minLength: 1, maxLength: 40 });
const RUNS = { numRuns: 5 };

/** Everything a brand's own numbers are made of (not its standing among the others). */
function ownNumbers(brand: BrandMetrics): unknown {
  const { shareOfVoice: _sov, rank: _rank, change: _change, previous: _previous, changeReason, ...own } = brand;
  // Share of voice depends on the other brands, and so does whether its change has a reason.
  const { shareOfVoice: _sovReason, ...ownReasons } = changeReason ?? {};
  return { ...own, changeReason: ownReasons };
}

describe('metric properties', () => {
  it('shuffling the rows changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(fc.integer(), { minLength: 41, maxLength: 41 }), async (steps, keys) => {
        const posts = buildPosts(steps);
        const shuffled = posts.map((post, index) => ({ post, key: keys[index] ?? 0 })).sort((a, b) => a.key - b.key).map(({ post }) => post);
        expect(await report(shuffled)).toEqual(await report(posts));
      }),
      RUNS,
    );
  });

  it('keeps rates in [0, 1], median <= p90, answered <= inbound, buckets summing to the measured inbound', async () => {
    await fc.assert(
      fc.asyncProperty(dataset, async (steps) => {
        const result = await report(buildPosts(steps));
        expect(result.brands.length).toBeGreaterThan(0);
        // The data quality's pending mentions are the brands' own, measured ones.
        expect(result.dataQuality.pending).toBe(result.brands.reduce((sum, brand) => sum + brand.pending, 0));
        for (const brand of [...result.brands, ...(result.byPlatform ?? []).flatMap((section) => section.brands)]) {
          const rates = [brand.responseRate, brand.replyShare, brand.shareOfVoice, ...Object.values(brand.withinSla), ...(brand.responseRateCi ?? [])];
          for (const rate of rates) if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
          expect(brand.answered).toBeLessThanOrEqual(brand.inbound);
          expect(brand.pending).toBeLessThanOrEqual(brand.inbound - brand.answered);
          expect(Object.values(brand.buckets).reduce((a, b) => a + b, 0)).toBe(brand.coverage?.inboundMeasured);
          expect(brand.coverage?.inboundMeasured).toBeLessThanOrEqual(brand.inbound);
          if (brand.responseTimeMedianMin !== null && brand.responseTimeP90Min !== null) {
            expect(brand.responseTimeMedianMin).toBeLessThanOrEqual(brand.responseTimeP90Min);
          }
          if (brand.responseTimeMedianCi && brand.responseTimeMedianMin !== null) {
            expect(brand.responseTimeMedianCi[0]).toBeLessThanOrEqual(brand.responseTimeMedianMin);
            expect(brand.responseTimeMedianCi[1]).toBeGreaterThanOrEqual(brand.responseTimeMedianMin);
          }
          expect(brand.brandPosts).toBe(brand.replies + brand.broadcasts);
        }
      }),
      RUNS,
    );
  });

  it("adding an unrelated brand's posts changes no other brand's own numbers", async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(fc.tuple(fc.integer({ min: 11 * 1440, max: 41 * 1440 - 1 }), fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 10 }), async (steps, extra) => {
        const posts = buildPosts(steps);
        const zeta: TestPost[] = extra.flatMap(([minute, delay], index) => [
          { id: `z${index}`, author: `zfan${index}`, at: new Date(BASE + minute * 60_000).toISOString(), text: '@zeta hi?' },
          { id: `zr${index}`, author: 'zeta', at: new Date(BASE + minute * 60_000 + delay * 1000).toISOString(), parent: `z${index}` },
        ]);
        const before = await report(posts);
        const after = await report([...posts, ...zeta]);
        for (const id of ['acme', 'rival']) {
          const was = before.brands.find((brand) => brand.id === id);
          const now = after.brands.find((brand) => brand.id === id);
          expect(was && ownNumbers(was)).toEqual(now && ownNumbers(now));
        }
        expect(after.brands.find((brand) => brand.id === 'zeta')?.inbound).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
