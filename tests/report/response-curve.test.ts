import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withAnalysis } from '../../src/analysis/analysis.js';
import { curveMinutes } from '../../src/report/charts/curve-minutes.js';
import { readStoreFacts } from '../../src/report/model/storeFacts.js';
import type { Store } from '../../src/store/database.js';
import { fixtureConfig, fixtureStore } from './fixtureStore.js';

let store: Store;
beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store?.close());

describe("the report's answered-over-time curve", () => {
  it('counts, at each minute of the curve, the answered mentions that needed an answer, as counting their response times one by one does', async () => {
    const config = fixtureConfig();
    const { facts, times } = await withAnalysis(
      store,
      config,
      '2017-10',
      async (analysis) => ({
        facts: await readStoreFacts(analysis),
        times: await analysis.sqlRows(
          'response times',
          z.object({ brand_id: z.string(), response_min: z.number() }),
          `SELECT brand_id, response_min FROM mentions
           WHERE response_min IS NOT NULL AND needs_answer AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
             AND ($inbound_mode = 'all' OR is_question)`,
          { ...analysis.range, inbound_mode: config.metrics.inbound },
        ),
      }),
      { cache: false },
    );
    const { grid, ticks } = curveMinutes(config.metrics.responseWindow);
    const brands = [...new Set(times.map((row) => row.brand_id))].sort();
    expect(brands.length).toBeGreaterThan(0);
    expect(Object.keys(facts.answeredWithin).sort()).toEqual(brands);
    for (const brand of brands) {
      const own = times.filter((row) => row.brand_id === brand).map((row) => row.response_min);
      const minutes = [...new Set([...grid, ...ticks])].sort((a, b) => a - b);
      expect(facts.answeredWithin[brand]).toEqual(minutes.map((limit) => [limit, own.filter((time) => time <= limit).length]));
      // The whole window holds every answer.
      expect(facts.answeredWithin[brand]?.at(-1)).toEqual([config.metrics.responseWindow, own.length]);
    }
  });
});
