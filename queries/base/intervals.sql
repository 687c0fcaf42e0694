-- The two confidence intervals of the metric reference, as macros of the
-- analysis's connection.
--
-- rb_wilson_low(k, n), rb_wilson_high(k, n): the 95% Wilson score interval of
-- k successes in n trials (NULL when n = 0). Unlike p ± z·se it stays inside
-- [0, 1] and behaves at 0% and 100%, which matters for small brands.
-- z = 1.959963984540054 (P(|Z| <= z) = 0.95).
CREATE OR REPLACE TEMP MACRO rb_wilson_center(k, n) AS
  ((k / n + 1.959963984540054::DOUBLE * 1.959963984540054::DOUBLE / (2 * n))
   / (1 + 1.959963984540054::DOUBLE * 1.959963984540054::DOUBLE / n));
CREATE OR REPLACE TEMP MACRO rb_wilson_half(k, n) AS
  ((1.959963984540054::DOUBLE / (1 + 1.959963984540054::DOUBLE * 1.959963984540054::DOUBLE / n))
   * sqrt((k / n) * (1 - k / n) / n + 1.959963984540054::DOUBLE * 1.959963984540054::DOUBLE / (4 * n * n)));
CREATE OR REPLACE TEMP MACRO rb_wilson_low(k, n) AS
  CASE WHEN n > 0 THEN greatest(0, rb_wilson_center(k::DOUBLE, n::DOUBLE) - rb_wilson_half(k::DOUBLE, n::DOUBLE)) END;
CREATE OR REPLACE TEMP MACRO rb_wilson_high(k, n) AS
  CASE WHEN n > 0 THEN least(1, rb_wilson_center(k::DOUBLE, n::DOUBLE) + rb_wilson_half(k::DOUBLE, n::DOUBLE)) END;

-- rb_median_ci_lows(ns): for each n of the list ns, the rank l of the
-- distribution-free 95% interval of a median, [x(l), x(n-l+1)] among n sorted
-- values (no row when n <= 5: no pair reaches 95%). Each value falls below
-- the true median with probability 1/2 whatever the distribution, so
-- x(l) <= median <= x(n-l+1) with probability P(l <= B <= n-l),
-- B ~ Binomial(n, 1/2). l is the largest rank with P(B <= l-1) <= 2.5%:
-- coverage is at least 95%, with the narrowest such pair. The binomial terms
-- are exact (log-gamma), summed from 12 standard deviations below n/2 (the
-- terms below add less than 1e-30); no normal approximation.
CREATE OR REPLACE TEMP MACRO rb_median_ci_lows(ns) AS TABLE
SELECT n, max(k) + 1 AS lo
FROM (
  SELECT n, k, sum(exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) - n * ln(2))) OVER (PARTITION BY n ORDER BY k) AS cdf
  FROM (
    SELECT n, unnest(range(greatest(0, floor(n / 2 - 6 * sqrt(n)))::BIGINT, (n // 2 + 1)::BIGINT)) AS k
    FROM (SELECT DISTINCT unnest(ns)::BIGINT AS n)
  )
)
WHERE cdf <= (1 - 0.95::DOUBLE) / 2
GROUP BY n;
