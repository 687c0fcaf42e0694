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
  { id: 'f3a', author: 'c3', at: `${day}12:10:00Z`, text: '@AcmeCares thanks', parent: 'r3' },
  { id: 'f3b', author: 'c3', at: `${day}13:00:00Z`, text: '@AcmeCares still slow', parent: 'r3' },
  { id: 'a3', author: 'acmecares', at: `${day}14:00:00Z`, text: '@c3 fixed now', parent: 'f3b' },
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
      answeredShare: 0.5,
      responseTimeMedianMin: 45,
      conversations: 3,
      abandoned: 1,
      abandonedExamples: [{ author: 'c2', text: '@AcmeCares I did, no answer', createdAt: '2017-10-02T11:30:00Z', url: null }],
    });
  });

  it('does not call a conversation abandoned while its window is still open', async () => {
    store = await storeWith(posts.filter((post) => post.id !== 'late'));
    const acme = (await computeDiagnostics(store, twoBrands(), '2017-10')).brands.find((b) => b.id === 'acme');
    expect(acme?.followThrough.abandoned).toBe(0);
    expect(acme?.followThrough.abandonedExamples).toEqual([]);
  });
});
