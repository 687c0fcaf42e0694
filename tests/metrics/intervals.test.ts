import { describe, expect, it } from 'vitest';
import { medianCiCoverage, medianCiRanks } from '../../src/metrics/median-ci.js';
import { wilsonInterval } from '../../src/metrics/wilson.js';

describe('wilsonInterval', () => {
  it('matches a hand computation for 8 of 10', () => {
    const [low, high] = wilsonInterval(8, 10) ?? [NaN, NaN];
    expect(low).toBeCloseTo(0.490158, 5);
    expect(high).toBeCloseTo(0.943318, 5);
  });

  it('stays inside [0, 1] at 0% and 100%, and is null without trials', () => {
    // 0 of 5: upper = (z^2/n) / (1 + z^2/n) = 0.768292 / 1.768292 = 0.434482 (z = 1.959964)
    expect(wilsonInterval(0, 5)?.[0]).toBe(0);
    expect(wilsonInterval(0, 5)?.[1]).toBeCloseTo(0.434482, 5);
    expect(wilsonInterval(5, 5)?.[1]).toBe(1);
    expect(wilsonInterval(5, 5)?.[0]).toBeCloseTo(1 - 0.434482, 5);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('medianCiRanks', () => {
  it('has no 95% interval below 6 values', () => {
    for (let n = 0; n <= 5; n++) expect(medianCiRanks(n)).toBeNull();
  });

  it('matches hand-computed binomial ranks', () => {
    // n = 6: P(B <= 0) = 1/64 <= 2.5% < P(B <= 1) = 7/64 -> [x1, x6]
    expect(medianCiRanks(6)).toEqual({ lo: 1, hi: 6 });
    // n = 10: P(B <= 1) = 11/1024 <= 2.5% < P(B <= 2) = 56/1024 -> [x2, x9]
    expect(medianCiRanks(10)).toEqual({ lo: 2, hi: 9 });
    // n = 100: the textbook ranks 40 and 61
    expect(medianCiRanks(100)).toEqual({ lo: 40, hi: 61 });
  });

  it('always covers at least 95%, and the next narrower pair would not', () => {
    for (const n of [6, 7, 8, 9, 10, 17, 30, 31, 99, 250, 1000, 12345]) {
      const ranks = medianCiRanks(n);
      expect(ranks).not.toBeNull();
      if (!ranks) continue;
      expect(ranks.hi).toBe(n - ranks.lo + 1);
      expect(medianCiCoverage(n, ranks.lo)).toBeGreaterThanOrEqual(0.95);
      expect(medianCiCoverage(n, ranks.lo + 1)).toBeLessThan(0.95);
    }
  });

  it('handles very large samples without underflow', () => {
    const ranks = medianCiRanks(1_000_000);
    // normal approximation: n/2 - 1.96 sqrt(n)/2 = 499020
    expect(ranks?.lo).toBeGreaterThan(499_010);
    expect(ranks?.lo).toBeLessThan(499_030);
  });
});
