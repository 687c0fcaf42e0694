import { describe, expect, it } from 'vitest';
import { Random } from '../../src/sample/random.js';

const draws = (random: Random, count: number): number[] => Array.from({ length: count }, () => random.next());

describe('sample Random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(new Random('a'), 50)).toEqual(draws(new Random('a'), 50));
    expect(draws(new Random('a'), 50)).not.toEqual(draws(new Random('b'), 50));
  });

  it('forks streams that do not depend on later draws of the parent', () => {
    const first = new Random('seed');
    const fork1 = first.fork('x');
    const second = new Random('seed');
    const fork2 = second.fork('x');
    draws(second, 10);
    expect(draws(fork1, 20)).toEqual(draws(fork2, 20));
  });

  it('keeps every draw in range', () => {
    const random = new Random('range');
    for (let i = 0; i < 5000; i++) {
      const u = random.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const n = random.int(-3, 4);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(4);
      expect(Number.isInteger(n)).toBe(true);
    }
  });

  it('draws Poisson counts and weighted indices with the right averages', () => {
    const random = new Random('stats');
    const counts = Array.from({ length: 20000 }, () => random.poisson(6));
    const mean = counts.reduce((sum, value) => sum + value, 0) / counts.length;
    expect(mean).toBeGreaterThan(5.8);
    expect(mean).toBeLessThan(6.2);
    const hits = [0, 0, 0];
    for (let i = 0; i < 30000; i++) {
      const index = random.weightedIndex([1, 2, 7]);
      hits[index] = (hits[index] ?? 0) + 1;
    }
    expect((hits[2] ?? 0) / 30000).toBeGreaterThan(0.65);
    expect((hits[0] ?? 0) / 30000).toBeLessThan(0.13);
  });
});
