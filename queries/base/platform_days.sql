-- Each tracked platform's posts in [$start, $end): how many, and their first and last local
-- day ($tz). How far each platform's exports reach over a period (src/analysis/analysis.ts,
-- platformsInPart): a Facebook export that ends on the 9th, or a month an Instagram export
-- skipped, beside a Twitter export of the whole month. A platform no brand has an account on
-- does not count (as in data_days.sql).
-- Parameters: $start, $end, $tz.
SELECT platform,
       count(*)::DOUBLE AS posts,
       strftime(timezone($tz, min(created_at))::DATE, '%Y-%m-%d') AS first_day,
       strftime(timezone($tz, max(created_at))::DATE, '%Y-%m-%d') AS last_day
FROM posts
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  AND platform IN (SELECT platform FROM rb_accounts)
GROUP BY platform
ORDER BY platform;
