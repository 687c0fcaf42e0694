/**
 * One analysis per (store, config, period), on a connection of its own: two
 * can be open at once without touching each other, and a failing query names
 * its SQL file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Analysis } from '../../src/analysis/analysis.js';
import { iso } from '../../src/analysis/build.js';
import { metricsOf } from '../../src/metrics/compute.js';
import { diagnosticsOf } from '../../src/metrics/diagnostics/index.js';
import type { Store } from '../../src/store/database.js';
import { configWith, storeWith } from '../metrics/helpers.js';

let store: Store;
const acmeOnly = configWith([{ id: 'acme' }, { id: 'rival' }]);
const questions = configWith([{ id: 'acme' }, { id: 'rival' }], { metrics: { inbound: 'questions' } });

beforeAll(async () => {
  store = await storeWith([
    { id: '1', author: 'ana', at: '2017-10-02T10:00:00Z', text: '@acme where is my order?' },
    { id: '2', author: 'acme', at: '2017-10-02T10:30:00Z', text: '@ana on its way', parent: '1' },
    { id: '3', author: 'bob', at: '2017-10-03T09:00:00Z', text: '@acme thanks' },
    { id: '4', author: 'cid', at: '2017-09-10T09:00:00Z', text: '@rival hello?' },
    { id: '5', author: 'rival', at: '2017-09-10T12:00:00Z', text: '@cid hi', parent: '4' },
  ]);
});

afterAll(() => store.close());

describe('Analysis', () => {
  it('two analyses open at once keep their own tables', async () => {
    const october = await Analysis.build(store, acmeOnly, '2017-10');
    const september = await Analysis.build(store, questions, '2017-09');
    try {
      const [inSeptember, inOctober] = [await metricsOf(september), await metricsOf(october)];
      const acmeOctober = inOctober.brands.find((brand) => brand.id === 'acme');
      expect(acmeOctober).toMatchObject({ inbound: 2, answered: 1, responseTimeMedianMin: 30 });
      const rivalSeptember = inSeptember.brands.find((brand) => brand.id === 'rival');
      expect(rivalSeptember).toMatchObject({ inbound: 1, answered: 1, responseTimeMedianMin: 180 });
      // Built after October's analysis, September's questions-only base did not replace it.
      expect((await metricsOf(october)).brands).toEqual(inOctober.brands);
      expect((await diagnosticsOf(october)).brands.map((brand) => brand.id)).toEqual(['acme', 'rival']);
    } finally {
      october.close();
      september.close();
    }
  });

  it('applies the questions-only mode inside each query, on a base that keeps every mention', async () => {
    const analysis = await Analysis.build(store, questions, '2017-10');
    try {
      const acme = (await metricsOf(analysis)).brands.find((brand) => brand.id === 'acme');
      expect(acme).toMatchObject({ inbound: 1, answered: 1, responseRate: 1 });
      const [all] = await analysis.sqlRows('acme mentions', z.object({ n: z.number() }), "SELECT count(*)::DOUBLE AS n FROM mentions WHERE brand_id = 'acme'");
      expect(all?.n).toBe(2);
    } finally {
      analysis.close();
    }
  });

  it('a failing query, or a row of the wrong shape, names its SQL file', async () => {
    const analysis = await Analysis.build(store, acmeOnly, '2017-10');
    try {
      await expect(analysis.run('trend', analysis.range)).rejects.toThrow(/^queries\/trend\.sql: query parameter \$inbound_mode is not bound/);
      await analysis.run('scopes', { ...analysis.range, inbound_mode: 'all' });
      await expect(analysis.rows('scope_list', z.object({ brand_id: z.number() }))).rejects.toThrow(/^queries\/scope_list\.sql: row 1, column brand_id: /);
      await expect(analysis.sqlRows('mention count', z.object({ n: z.number() }), 'SELECT count(*) AS n FROM mentions')).rejects.toThrow(
        'query "mention count": row 1, column n: Invalid input: expected number, received bigint',
      );
    } finally {
      analysis.close();
    }
  });

  it('computes the month before when it holds posts of a brand only, and nothing of a month that holds no row', async () => {
    const broadcasts = await storeWith([
      { id: '1', author: 'ana', at: '2017-10-02T10:00:00Z', text: '@acme where is my order?' },
      { id: '2', author: 'acme', at: '2017-10-02T10:30:00Z', text: '@ana on its way', parent: '1' },
      { id: '3', author: 'acme', at: '2017-09-05T10:00:00Z', text: 'Our new plans are out' },
      { id: '4', author: 'acme', at: '2017-09-06T10:00:00Z', text: 'Come and see them' },
    ]);
    const october = await Analysis.build(broadcasts, acmeOnly, '2017-10');
    const september = await Analysis.build(broadcasts, acmeOnly, '2017-09');
    try {
      await expect(october.holds(october.previous)).resolves.toBe(true);
      const acme = (await metricsOf(october)).brands.find((brand) => brand.id === 'acme');
      expect(acme?.previous).toMatchObject({ brandPosts: 2, inbound: 0 });
      await expect(september.holds(september.previous)).resolves.toBe(false);
      expect((await metricsOf(september)).brands.find((brand) => brand.id === 'acme')?.previous).toMatchObject({ brandPosts: null, inbound: null });
    } finally {
      october.close();
      september.close();
      broadcasts.close();
    }
  });

  it("builds the sets several queries read for its period and the one before, and refuses another period's rather than answer none", async () => {
    const analysis = await Analysis.build(store, questions, '2017-10');
    try {
      const set = (start: string, end: string, mode: string) =>
        analysis.sqlRows('partial brands', z.object({ brand_id: z.string() }), 'SELECT brand_id FROM rb_posts_partial_brands($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $mode)', { start, end, mode });
      await expect(set(iso(analysis.period.start), iso(analysis.period.end), 'questions')).resolves.toEqual([]);
      await expect(set(iso(analysis.previous.start), iso(analysis.previous.end), 'questions')).resolves.toEqual([]);
      await expect(set(iso(analysis.period.start), iso(analysis.period.end), 'all')).rejects.toThrow(/base\/period_sets\.sql was not run for the period starting 2017-10-01 00:00:00\+00 in inbound mode all/);
      const august = { start: '2017-08-01T00:00:00.000Z', end: '2017-09-01T00:00:00.000Z' };
      await expect(analysis.sqlRows('outside', z.object({ post_id: z.string() }), 'SELECT post_id FROM rb_outside_own_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ)', august)).rejects.toThrow(
        /base\/period_sets\.sql was not run for the period starting 2017-08-01/,
      );
    } finally {
      analysis.close();
    }
  });
});
