-- Each tracked brand's data on each platform in [$start, $end): its own posts (reposts left
-- out) and the mentions of it, as one run of activity: how many, their first and last local day
-- (report timezone), every local day with any and the days of the week (ISO, 1 Monday) they fall on; beside
-- them, the local days the data holds posts or mentions of the other tracked brands on the
-- platform (their first, last and every one). How far the exports that hold a brand reach over
-- a period beside those that hold the others (src/analysis/analysis.ts, brandsInPart): a care
-- export, with the brand's answers and the mentions it received, that ends on the 28th while the
-- competitors' listening export goes on to the 31st. A brand with no other brand's data on the
-- platform in the period is left out.
-- Parameters: $start, $end (the local days are brand_posts' and mentions' local_day).
WITH activity AS (
  SELECT brand_id, platform, local_day
  FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
  UNION ALL
  SELECT brand_id, platform, local_day
  FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
),
own AS (
  SELECT brand_id, platform, local_day, count(*) AS posts
  FROM activity
  GROUP BY ALL
),
own_days AS (
  SELECT brand_id, platform,
         sum(posts)::DOUBLE AS posts,
         strftime(min(local_day), '%Y-%m-%d') AS first_day,
         strftime(max(local_day), '%Y-%m-%d') AS last_day,
         list(strftime(local_day, '%Y-%m-%d') ORDER BY local_day) AS days,
         list(posts::DOUBLE ORDER BY local_day) AS day_counts,
         list_sort(list(DISTINCT isodow(local_day)))::DOUBLE[] AS weekdays
  FROM own
  GROUP BY brand_id, platform
),
others AS (
  SELECT o.brand_id, o.platform,
         strftime(min(a.local_day), '%Y-%m-%d') AS others_first_day,
         strftime(max(a.local_day), '%Y-%m-%d') AS others_last_day,
         list(DISTINCT strftime(a.local_day, '%Y-%m-%d')) AS others_days
  FROM own_days o
  JOIN own a ON a.platform = o.platform AND a.brand_id <> o.brand_id
  GROUP BY o.brand_id, o.platform
)
SELECT o.*, x.others_first_day, x.others_last_day, x.others_days
FROM own_days o
JOIN others x USING (brand_id, platform)
ORDER BY brand_id, platform;
