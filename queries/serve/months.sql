-- The months of a client's data, newest first, for the page's period fields: each
-- month's posts, the days of it that hold posts (of its monthDays), and whether the data spans it whole
-- (posts on or before its first day and on or after its last; the newest month is
-- often the current one, a few days in). Months and days in the config's timezone.
--
-- Parameters: $tz.
WITH local AS (
  SELECT timezone($tz, created_at) AS local_at FROM posts
),
span AS (
  SELECT min(local_at)::DATE AS first_day, max(local_at)::DATE AS last_day FROM local
)
SELECT strftime(local_at, '%Y-%m') AS month,
       count(*)::DOUBLE AS posts,
       count(DISTINCT local_at::DATE)::DOUBLE AS days,
       date_part('day', last_day(min(local_at)))::DOUBLE AS "monthDays",
       any_value(span.first_day) <= date_trunc('month', min(local_at))::DATE
         AND any_value(span.last_day) >= last_day(min(local_at)) AS complete
FROM local, span
GROUP BY month
ORDER BY month DESC;
