/** Independent TypeScript readings of the two intervals, to check queries/base/intervals.sql against. */

/** z such that P(|Z| <= z) = 0.95 for a standard normal Z. */
export const Z_95 = 1.959963984540054;

/**
 * 95% Wilson score interval for `successes` out of `trials`; null when there
 * are no trials. Unlike the plain p ± z·se interval it stays inside [0, 1]
 * and behaves at 0% and 100%, which matters for small brands.
 * @example wilsonInterval(8, 10) // [0.4902, 0.9433]
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): [number, number] | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * Ranks of the distribution-free 95% interval of a median.
 *
 * Among n response times sorted ascending, x(l) <= median <= x(n-l+1) with
 * probability P(l <= B <= n-l), B ~ Binomial(n, 1/2): each observation falls
 * below the true median with probability 1/2 whatever the distribution. We
 * take the symmetric pair with the largest l (the narrowest such interval) whose
 * coverage 1 - 2 P(B <= l-1) is still at least 95%, i.e. the largest l with
 * P(B <= l-1) <= 2.5%. Coverage is therefore at least 95% (exactly 95% is rarely
 * reachable with a discrete distribution). With n <= 5 no pair reaches 95%
 * (P(B = 0) = 1/32 > 2.5%), and the interval is null.
 *
 * The binomial terms are summed exactly in log space, so large n does not
 * underflow; the normal approximation is not used.
 * @example medianCiRanks(10) // { lo: 2, hi: 9 } (coverage 97.9%)
 */
export function medianCiRanks(n: number, confidence = 0.95): { lo: number; hi: number } | null {
  if (!Number.isInteger(n) || n < 1) return null;
  const tail = (1 - confidence) / 2;
  let logPmf = -n * Math.LN2; // log P(B = 0)
  let cdf = 0;
  let lo = 0;
  for (let k = 0; k <= n; k++) {
    cdf += Math.exp(logPmf);
    if (cdf > tail) break;
    lo = k + 1; // P(B <= lo - 1) = cdf <= tail
    logPmf += Math.log((n - k) / (k + 1));
  }
  if (lo < 1) return null;
  return { lo, hi: n - lo + 1 };
}

/** Probability that the interval [x(lo), x(hi)] covers the median of n draws. */
export function medianCiCoverage(n: number, lo: number): number {
  let logPmf = -n * Math.LN2;
  let below = 0;
  for (let k = 0; k < lo; k++) {
    below += Math.exp(logPmf);
    logPmf += Math.log((n - k) / (k + 1));
  }
  return 1 - 2 * below;
}
