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
