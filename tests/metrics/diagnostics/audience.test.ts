import { afterEach, describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Store } from '../../../src/store/database.js';
import { plus, storeWith, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

const T0 = '2017-10-02T10:00:00Z';

function mention(id: string, extra: Partial<DiagPost>, answerAfter?: number): DiagPost[] {
  const at = extra.at ?? T0;
  const post: DiagPost = { id, author: `c${id}`, at, text: `@AcmeCares message ${id}`, ...extra };
  return answerAfter === undefined ? [post] : [post, { id: `${id}r`, author: 'acmecares', at: plus(at, answerAfter), text: 'ok', parent: id }];
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
      influencers: { inbound: 2, answered: 1, responseRate: 0.5, responseTimeMedianMin: 10, reason: null },
      others: { inbound: 1, answered: 1, responseRate: 1, responseTimeMedianMin: 30, reason: null },
      unknownFollowers: 1,
    });
    expect(result.brands.find((b) => b.id === 'rival')?.influencers).toBeNull();
    expect(result.notes).toContainEqual({ brandId: 'rival', code: 'no-follower-data' });
  });

  it('takes the threshold from metrics.influencerFollowers', async () => {
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, twoBrands({ metrics: { influencerFollowers: 5000 } }), '2017-10');
    const acme = result.brands.find((b) => b.id === 'acme')?.influencers;
    expect(acme?.influencers).toEqual({ inbound: 1, answered: 1, responseRate: 1, responseTimeMedianMin: 10, reason: null });
    expect(acme?.others.inbound).toBe(2);
  });

  it('gives a group under metrics.minGroupMentions mentions no rate, and says why', async () => {
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, twoBrands({ metrics: { minGroupMentions: 2 } }), '2017-10');
    const acme = result.brands.find((b) => b.id === 'acme')?.influencers;
    // 2 influencer mentions reach the minimum; the 1 other does not.
    expect(acme?.influencers).toEqual({ inbound: 2, answered: 1, responseRate: 0.5, responseTimeMedianMin: 10, reason: null });
    expect(acme?.others).toEqual({ inbound: 1, answered: 1, responseRate: null, responseTimeMedianMin: null, reason: 'too-few-mentions' });
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
        negative: { inbound: 3, answered: 1, responseRate: 1 / 3, responseTimeMedianMin: 90, reason: null },
        neutral: { inbound: 1, answered: 0, responseRate: 0, responseTimeMedianMin: null, reason: null },
        positive: { inbound: 1, answered: 1, responseRate: 1, responseTimeMedianMin: 15, reason: null },
      },
      unknown: 1,
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
    expect(acme?.sentiment?.bySentiment.negative).toEqual({ inbound: 1, answered: 1, responseRate: 1, responseTimeMedianMin: 30, reason: null });
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
