import { afterEach, describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Store } from '../../../src/store/database.js';
import { storeWith, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

const promo = (handle: string, name: string) => `Hola @${handle}! ${name}, descubre nuestra nueva fibra de 1000 megas https://acme.example/fibra`;

describe('unsolicited mentions', () => {
  it('flags near-same brand posts sent to people who had not written in the previous 7 days', async () => {
    const posts: DiagPost[] = [
      // u9 wrote 6 days before the promo (in September: the look-back crosses the period start): solicited.
      { id: 'w9', author: 'u9', at: '2017-09-27T12:00:00Z', text: '@AcmeCares any faster plans?' },
      // u8 wrote 8 days before: too long ago, so the promo to u8 is unsolicited.
      { id: 'w8', author: 'u8', at: '2017-09-25T11:00:00Z', text: '@AcmeCares hello' },
      ...['u1', 'u2', 'u3', 'u4', 'u8', 'u9'].map((handle, i) => ({ id: `p${i}`, author: 'acmecares', at: `2017-10-03T1${i}:00:00Z`, text: promo(handle, ['Ana', 'Luis', 'Eva', 'Pau', 'Rosa', 'Iker'][i] as string) })),
      // A genuine answer to someone who asked: not unsolicited.
      { id: 'q7', author: 'u7', at: '2017-10-04T09:00:00Z', text: '@AcmeCares my router is down' },
      { id: 'a7', author: 'acmecares', at: '2017-10-04T09:05:00Z', text: '@u7 we are on it', parent: 'q7' },
      // Unsolicited, but a one-off text to one person: not spam.
      { id: 'o1', author: 'acmecares', at: '2017-10-05T09:00:00Z', text: '@someone congrats on the award!' },
      // A repost is not a brand post for this purpose.
      { id: 'rt', author: 'acmecares', at: '2017-10-05T10:00:00Z', text: 'RT @u1: nice', kind: 'repost' },
    ];
    store = await storeWith(posts);
    const result = await computeDiagnostics(store, twoBrands(), '2017-10');
    const acme = result.brands.find((b) => b.id === 'acme');
    expect(acme?.unsolicited.brandPosts).toBe(8);
    expect(acme?.unsolicited.unsolicitedPosts).toBe(5);
    expect(acme?.unsolicited.unsolicitedShare).toBeCloseTo(5 / 8, 12);
    expect(acme?.unsolicited.examples.map((e) => e.author)).toEqual(['acmecares', 'acmecares', 'acmecares', 'acmecares', 'acmecares']);
    expect(acme?.unsolicited.examples[0]).toMatchObject({ people: 5, createdAt: '2017-10-03T10:00:00Z', text: promo('u1', 'Ana') });
  });

  it('counts one post mentioning many people who never wrote', async () => {
    const handles = ['a1', 'a2', 'a3', 'a4', 'a5'].map((h) => `@${h}`).join(' ');
    store = await storeWith([
      { id: 'p', author: 'rivalhelp', at: '2017-10-03T10:00:00Z', text: `${handles} win a phone today!` },
      { id: 'b', author: 'rivalhelp', at: '2017-10-03T11:00:00Z', text: 'Our shops open at 9' },
    ]);
    const rival = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'rival');
    expect(rival?.unsolicited).toMatchObject({ brandPosts: 2, unsolicitedPosts: 1, unsolicitedShare: 0.5 });
    expect(rival?.unsolicited.examples[0]?.people).toBe(5);
  });

  it('never counts a reply, even to a post the export does not hold, while the same text as an original post is spam', async () => {
    // A care export of the brand's replies only: the customers' tweets they answer are not in the data.
    const canned = (handle: string) => `@${handle} We offer support via Twitter in English, DM us your order number`;
    const replies = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((handle, i) => ({ id: `r${i}`, author: 'acmecares', at: `2017-10-0${i + 2}T10:00:00Z`, text: canned(handle), parent: `missing-${i}` }));
    // A reply marked as such but without any parent id (some exports) is a reply too.
    const marked: DiagPost = { id: 'k', author: 'acmecares', at: '2017-10-09T10:00:00Z', text: canned('c7'), kind: 'reply' };
    store = await storeWith([...replies, marked]);
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.unsolicited).toMatchObject({ brandPosts: 7, unsolicitedPosts: 0, unsolicitedShare: 0 });
    store.close();

    const originals = ['c1', 'c2', 'c3', 'c4', 'c5'].map((handle, i) => ({ id: `o${i}`, author: 'acmecares', at: `2017-10-0${i + 2}T10:00:00Z`, text: canned(handle) }));
    store = await storeWith(originals);
    const spammer = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(spammer?.unsolicited).toMatchObject({ brandPosts: 5, unsolicitedPosts: 5, unsolicitedShare: 1 });
  });

  it('gives a brand without posts a null share', async () => {
    store = await storeWith([{ id: 'x', author: 'someone', at: '2017-10-03T10:00:00Z', text: '@AcmeCares hi' }]);
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.unsolicited).toEqual({ brandPosts: 0, unsolicitedPosts: 0, unsolicitedShare: null, examples: [] });
  });
});
