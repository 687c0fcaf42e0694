/**
 * The intervals of queries/base/intervals.sql: hand-computed values, and the
 * same numbers as an independent TypeScript reading (tests/metrics/reference),
 * bit for bit for Wilson and rank for rank for the median.
 */
import { listValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runQueryFile } from '../../src/analysis/queries.js';
import { Store } from '../../src/store/database.js';
import { medianCiCoverage, medianCiRanks, wilsonInterval } from './reference/intervals.js';

let store: Store;

const boundsRow = z.object({ low: z.number().nullable(), high: z.number().nullable() });

beforeAll(async () => {
  store = await Store.open(':memory:');
  await runQueryFile(store, 'base/intervals');
});

afterAll(() => store.close());

async function wilson(k: number, n: number): Promise<[number | null, number | null]> {
  const [row] = await store.rows('wilson', boundsRow, 'SELECT rb_wilson_low($k, $n) AS low, rb_wilson_high($k, $n) AS high', { k, n });
  return [row?.low ?? null, row?.high ?? null];
}

/** n -> lo, for every n given (an n without a row has no interval). */
async function medianLows(ns: number[]): Promise<Map<number, number>> {
  const rows = await store.rows('median lows', z.object({ n: z.number(), lo: z.number() }), 'SELECT n::DOUBLE AS n, lo::DOUBLE AS lo FROM rb_median_ci_lows($ns)', { ns: listValue(ns) });
  return new Map(rows.map((row) => [row.n, row.lo]));
}

describe('rb_wilson_low / rb_wilson_high', () => {
  it('match a hand computation for 8 of 10', async () => {
    const [low, high] = await wilson(8, 10);
    expect(low).toBeCloseTo(0.490158, 5);
    expect(high).toBeCloseTo(0.943318, 5);
  });

  it('stay inside [0, 1] at 0% and 100%, and are null without trials', async () => {
    // 0 of 5: upper = (z^2/n) / (1 + z^2/n) = 0.768292 / 1.768292 = 0.434482 (z = 1.959964)
    const [zeroLow, zeroHigh] = await wilson(0, 5);
    expect(zeroLow).toBe(0);
    expect(zeroHigh).toBeCloseTo(0.434482, 5);
    const [allLow, allHigh] = await wilson(5, 5);
    expect(allHigh).toBe(1);
    expect(allLow).toBeCloseTo(1 - 0.434482, 5);
    expect(await wilson(0, 0)).toEqual([null, null]);
  });

  it('equal the TypeScript reading bit for bit for every k <= n < 60', async () => {
    const rows = await store.rows(
      'wilson for every k and n',
      boundsRow.extend({ k: z.number(), n: z.number() }),
      'SELECT k::DOUBLE AS k, n::DOUBLE AS n, rb_wilson_low(k, n) AS low, rb_wilson_high(k, n) AS high FROM range(0, 60) a(n), range(0, 60) b(k) WHERE k <= n',
    );
    expect(rows).toHaveLength(1830);
    for (const row of rows) expect([row.low, row.high]).toEqual(wilsonInterval(row.k, row.n) ?? [null, null]);
  });
});

describe('rb_median_ci_lows', () => {
  it('has no 95% interval below 6 values', async () => {
    expect((await medianLows([0, 1, 2, 3, 4, 5])).size).toBe(0);
  });

  it('matches hand-computed binomial ranks', async () => {
    const lows = await medianLows([6, 10, 100]);
    // n = 6: P(B <= 0) = 1/64 <= 2.5% < P(B <= 1) = 7/64 -> [x1, x6]
    expect(lows.get(6)).toBe(1);
    // n = 10: P(B <= 1) = 11/1024 <= 2.5% < P(B <= 2) = 56/1024 -> [x2, x9]
    expect(lows.get(10)).toBe(2);
    // n = 100: the textbook ranks 40 and 61
    expect(lows.get(100)).toBe(40);
  });

  it('always covers at least 95%, and the next narrower pair would not', async () => {
    const ns = [6, 7, 8, 9, 10, 17, 30, 31, 99, 250, 1000, 12345];
    const lows = await medianLows(ns);
    for (const n of ns) {
      const lo = lows.get(n) ?? NaN;
      expect(medianCiCoverage(n, lo)).toBeGreaterThanOrEqual(0.95);
      expect(medianCiCoverage(n, lo + 1)).toBeLessThan(0.95);
    }
  });

  it('equals the TypeScript reading for every n up to 3,000 and for samples of a million', async () => {
    const ns = [...Array.from({ length: 3001 }, (_, n) => n), 100_000, 625_000, 1_000_000, 3_000_000];
    const lows = await medianLows(ns);
    for (const n of ns) expect(lows.get(n) ?? null).toBe(medianCiRanks(n)?.lo ?? null);
    // normal approximation: n/2 - 1.96 sqrt(n)/2 = 499020
    expect(lows.get(1_000_000)).toBeGreaterThan(499_010);
    expect(lows.get(1_000_000)).toBeLessThan(499_030);
  });
});
