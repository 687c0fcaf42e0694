-- Each tracked platform's posts in [$start, $end): how many, their first and last local day
-- ($tz), every local day with posts, and the days of the week (ISO, 1 Monday) it has posts on.
-- How far each platform's exports reach over a period (src/analysis/analysis.ts,
-- platformsInPart): a Facebook export that ends on the 9th, an Instagram export that skips ten
-- days, or a month an export skipped, beside a Twitter export of the whole month. A platform no
-- brand has an account on does not count (as in data_days.sql).
-- Parameters: $start, $end, $tz.
WITH days AS (
  SELECT platform, timezone($tz, created_at)::DATE AS local_day, count(*) AS posts
  FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND platform IN (SELECT platform FROM rb_accounts)
  GROUP BY ALL
)
SELECT platform,
       sum(posts)::DOUBLE AS posts,
       strftime(min(local_day), '%Y-%m-%d') AS first_day,
       strftime(max(local_day), '%Y-%m-%d') AS last_day,
       list(strftime(local_day, '%Y-%m-%d') ORDER BY local_day) AS days,
       list_sort(list(DISTINCT isodow(local_day)))::DOUBLE[] AS weekdays
FROM days
GROUP BY platform
ORDER BY platform;
