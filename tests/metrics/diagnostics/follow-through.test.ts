import { afterEach, describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Store } from '../../../src/store/database.js';
import { storeWith, twoBrands, type DiagPost } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

const day = '2017-10-02T';
const posts: DiagPost[] = [
  // c1: follow-up answered after 30 minutes.
  { id: 'm1', author: 'c1', at: `${day}10:00:00Z`, text: '@AcmeCares no signal' },
  { id: 'r1', author: 'acmecares', at: `${day}10:10:00Z`, text: '@c1 try a restart', parent: 'm1' },
  { id: 'f1', author: 'c1', at: `${day}10:20:00Z`, text: '@AcmeCares did not work', parent: 'r1' },
  { id: 'a1', author: 'acmecares', at: `${day}10:50:00Z`, text: '@c1 sending a technician', parent: 'f1' },
  // Someone else chiming in under the brand's reply is not the customer's follow-up.
  { id: 'x1', author: 'bystander', at: `${day}10:30:00Z`, text: '@AcmeCares same here', parent: 'r1' },
  // c2: follow-up never answered, window long closed: abandoned.
  { id: 'm2', author: 'c2', at: `${day}11:00:00Z`, text: '@AcmeCares bill is wrong' },
  { id: 'r2', author: 'acmecares', at: `${day}11:05:00Z`, text: '@c2 DM us', parent: 'm2' },
  { id: 'f2', author: 'c2', at: `${day}11:30:00Z`, text: '@AcmeCares I did, no answer', parent: 'r2' },
  // c3: two follow-ups; the first is ignored, the latest answered after 60 minutes: not abandoned.
  { id: 'm3', author: 'c3', at: `${day}12:00:00Z`, text: '@AcmeCares slow internet' },
  { id: 'r3', author: 'acmecares', at: `${day}12:05:00Z`, text: '@c3 checking', parent: 'm3' },
  { id: 'f3a', author: 'c3', at: `${day}12:10:00Z`, text: '@AcmeCares any update', parent: 'r3' },
  { id: 'f3b', author: 'c3', at: `${day}13:00:00Z`, text: '@AcmeCares still slow', parent: 'r3' },
  { id: 'a3', author: 'acmecares', at: `${day}14:00:00Z`, text: '@c3 fixed now', parent: 'f3b' },
  // c4: a thank-you after the brand's answer is a closer: it needs no answer, so it is no follow-up and abandons nothing.
  { id: 'm4', author: 'c4', at: `${day}15:00:00Z`, text: '@AcmeCares how do I pay online?' },
  { id: 'r4', author: 'acmecares', at: `${day}15:10:00Z`, text: '@c4 in the app, under Bills', parent: 'm4' },
  { id: 'f4', author: 'c4', at: `${day}15:20:00Z`, text: '@AcmeCares great, thank you!! 🙏', parent: 'r4' },
  // Newer data, so the windows above have closed.
  { id: 'late', author: 'someone', at: '2017-10-25T00:00:00Z', text: 'unrelated' },
];

describe('follow-through', () => {
  it('measures answered follow-ups, their median time and abandoned conversations', async () => {
    store = await storeWith(posts);
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.followThrough).toEqual({
      followUps: 4,
      answered: 2,
      listedMissing: 0,
      answeredShare: 0.5,
      responseTimeMedianMin: 45,
      conversations: 3,
      abandoned: 1,
      abandonedShare: 1 / 3,
      abandonedListedMissing: 0,
      reason: null,
      abandonedExamples: [{ author: 'c2', text: '@AcmeCares I did, no answer', createdAt: '2017-10-02T11:30:00Z', url: null }],
    });
  });

  it('counts every thank-you as a follow-up when metrics.needsAnswer is false', async () => {
    store = await storeWith(posts);
    const acme = (await computeDiagnostics(store, twoBrands({ metrics: { needsAnswer: false } }), '2017-10')).brands.find((b) => b.id === 'acme');
    // c4's thanks is then a fifth follow-up, unanswered, and the latest of its conversation: abandoned.
    expect(acme?.followThrough).toMatchObject({ followUps: 5, answered: 2, conversations: 4, abandoned: 2 });
  });

  it('has no share under metrics.minFollowUps follow-ups, and says why', async () => {
    store = await storeWith(posts);
    const acme = (await computeDiagnostics(store, twoBrands({ metrics: { minFollowUps: 5 } }), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.followThrough).toMatchObject({ followUps: 4, answered: 2, answeredShare: null, responseTimeMedianMin: null, abandonedShare: null, reason: 'too-few-follow-ups' });
  });

  it('does not call a conversation abandoned while its window is still open', async () => {
    store = await storeWith(posts.filter((post) => post.id !== 'late'));
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.followThrough.abandoned).toBe(0);
    expect(acme?.followThrough.abandonedExamples).toEqual([]);
  });

  it('looks back 7 days before the period for the brand reply a follow-up answers, however long the trend', async () => {
    store = await storeWith([
      // Answered on 20 September (12 days before the follow-up): outside the 7-day look-back.
      { id: 'o1', author: 'old', at: '2017-09-20T10:00:00Z', text: '@AcmeCares no signal' },
      { id: 'o1r', author: 'acmecares', at: '2017-09-20T10:30:00Z', text: '@old try a restart', parent: 'o1' },
      { id: 'o1f', author: 'old', at: '2017-10-02T10:00:00Z', text: '@AcmeCares still nothing', parent: 'o1r' },
      // Answered on 27 September: inside it.
      { id: 'n1', author: 'new', at: '2017-09-27T10:00:00Z', text: '@AcmeCares no signal' },
      { id: 'n1r', author: 'acmecares', at: '2017-09-27T10:30:00Z', text: '@new try a restart', parent: 'n1' },
      { id: 'n1f', author: 'new', at: '2017-10-02T10:00:00Z', text: '@AcmeCares still nothing', parent: 'n1r' },
      { id: 'late', author: 'someone', at: '2017-10-25T00:00:00Z', text: 'unrelated' },
    ]);
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.followThrough).toMatchObject({ followUps: 1, conversations: 1, abandoned: 1 });
    expect(acme?.followThrough.abandonedExamples.map((example) => example.author)).toEqual(['new']);
  });
});
