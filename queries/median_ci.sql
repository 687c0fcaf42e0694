-- Distribution-free 95% interval of the median response time: the lo-th and hi-th
-- smallest response times of each brand's answered mentions that needed an answer. The ranks come from
-- the binomial distribution Bin(n, 1/2) (rb_median_ci_lows, base/intervals.sql):
-- [x(lo), x(n-lo+1)] among the n sorted times. No row when n <= 5.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH sorted AS (
  SELECT brand_id, count(*) AS n,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         list_sort(list(response_min)) AS times
  FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND response_min IS NOT NULL AND needs_answer
    AND ($inbound_mode = 'all' OR is_question)
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
)
SELECT s.brand_id, s.scope, s.times[r.lo] AS lower_min, s.times[s.n - r.lo + 1] AS upper_min
FROM sorted s
JOIN rb_median_ci_lows((SELECT list(DISTINCT n) FROM sorted)) r ON r.n = s.n;
