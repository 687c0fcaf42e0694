-- Each tracked brand's own posts on each platform in [$start, $end) (reposts left out): how
-- many, their first and last local day ($tz), every local day with posts and the days of the
-- week (ISO, 1 Monday) it posts on; beside them, the local days the data holds posts or
-- mentions of the other tracked brands on the platform (their first, last and every one). How
-- far the export of the brand's own posts reaches over a period beside the others' data there
-- (src/analysis/analysis.ts, brandPostsInPart): a care export that ends on the 28th while the
-- competitors' listening export goes on to the 31st, as platform_days.sql says of a platform's
-- exports. A brand with no other brand's data on the platform in the period is left out.
-- Parameters: $start, $end, $tz.
WITH own AS (
  SELECT brand_id, platform, timezone($tz, created_at)::DATE AS local_day, count(*) AS posts
  FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
  GROUP BY ALL
),
activity AS (
  SELECT brand_id, platform, local_day FROM own
  UNION
  SELECT brand_id, platform, local_day FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
),
own_days AS (
  SELECT brand_id, platform,
         sum(posts)::DOUBLE AS posts,
         strftime(min(local_day), '%Y-%m-%d') AS first_day,
         strftime(max(local_day), '%Y-%m-%d') AS last_day,
         list(strftime(local_day, '%Y-%m-%d') ORDER BY local_day) AS days,
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
  JOIN activity a ON a.platform = o.platform AND a.brand_id <> o.brand_id
  GROUP BY o.brand_id, o.platform
)
SELECT o.*, x.others_first_day, x.others_last_day, x.others_days
FROM own_days o
JOIN others x USING (brand_id, platform)
ORDER BY brand_id, platform;
