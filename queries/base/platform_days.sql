-- Each tracked platform's posts in [$start, $end): how many, their first and last local day
-- ($tz), the longest run of days without a post between two days with posts, and the days of
-- the week (ISO, 1 Monday) it has posts on. How far
-- each platform's exports reach over a period (src/analysis/analysis.ts, platformsInPart): a
-- Facebook export that ends on the 9th, an Instagram export that skips ten days, or a month
-- an export skipped, beside a Twitter export of the whole month. A platform no brand has an
-- account on does not count (as in data_days.sql).
-- Parameters: $start, $end, $tz.
WITH days AS (
  SELECT platform, timezone($tz, created_at)::DATE AS local_day, count(*) AS posts
  FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND platform IN (SELECT platform FROM rb_accounts)
  GROUP BY ALL
),
gaps AS (
  SELECT platform, local_day, posts,
         date_diff('day', lag(local_day) OVER (PARTITION BY platform ORDER BY local_day), local_day) - 1 AS gap
  FROM days
)
SELECT platform,
       sum(posts)::DOUBLE AS posts,
       strftime(min(local_day), '%Y-%m-%d') AS first_day,
       strftime(max(local_day), '%Y-%m-%d') AS last_day,
       coalesce(max(gap), 0)::DOUBLE AS longest_gap,
       list_sort(list(DISTINCT isodow(local_day)))::DOUBLE[] AS weekdays
FROM gaps
GROUP BY platform
ORDER BY platform;
