import { afterEach, describe, expect, it } from 'vitest';
import { computeDiagnostics } from '../../../src/metrics/diagnostics/index.js';
import type { Store } from '../../../src/store/database.js';
import { storeWith, twoBrands } from '../../fixtures/diagnostics/store.js';

let store: Store | undefined;
afterEach(() => store?.close());

describe('clock start', () => {
  it('starts the clock at the customer’s latest message before the answer when asked', async () => {
    store = await storeWith([
      { id: 'm', author: 'c', at: '2017-10-02T10:00:00Z', text: '@AcmeCares my order?' },
      { id: 'm2', author: 'c', at: '2017-10-02T10:30:00Z', text: 'hello??', parent: 'm' },
      { id: 'm3', author: 'c', at: '2017-10-02T11:00:00Z', text: 'anyone there', parent: 'm2' },
      // Someone else's reply in the thread does not move the clock.
      { id: 'o', author: 'other', at: '2017-10-02T11:30:00Z', text: 'same', parent: 'm3' },
      { id: 'r', author: 'acmecares', at: '2017-10-02T12:00:00Z', text: '@c on its way', parent: 'm' },
      // Written after the answer: not part of this wait.
      { id: 'm4', author: 'c', at: '2017-10-02T12:30:00Z', text: 'thanks', parent: 'm3' },
      // A plain exchange: both clocks agree.
      { id: 'n', author: 'd', at: '2017-10-03T10:00:00Z', text: '@AcmeCares hi' },
      { id: 'nr', author: 'acmecares', at: '2017-10-03T10:20:00Z', text: '@d hi', parent: 'n' },
    ]);
    const result = await computeDiagnostics(store, twoBrands(), '2017-10');
    // First-message clock: 120 and 20 minutes (median 70); latest-message clock: 60 and 20 (median 40).
    expect(result.brands.find((b) => b.id === 'acme')?.clockLatest).toEqual({ answered: 2, responseTimeMedianMin: 40, responseTimeP90Min: 56, responseTimeMeanMin: 40 });
    expect(result.settings.clockStart).toBe('first');
  });

  it('reads metrics.clockStart from the config', async () => {
    store = await storeWith([]);
    expect((await computeDiagnostics(store, twoBrands({ metrics: { clockStart: 'latest' } }), '2017-10')).settings.clockStart).toBe('latest');
  });
});
