-- Themes, step 3b: why a brand's counts of this period are not compared with those of the
-- previous one, for a reason that concerns the data of the two periods rather than one
-- theme's counts. Both comparisons of two periods read it: a theme's change
-- (summary.sql's change_reason) and the terms found rising (found.sql), so a term is
-- never found rising against a previous period the change of its mentions is not
-- compared with. In this order, the first that holds:
--   'previous-period-not-in-data'   the data holds no mention of a tracked brand then
--   'period-partly-in-data',
--   'previous-period-partly-in-data' the exports reach over part of this period or of the
--                                   previous one only ($period_whole, $previous_whole)
--   'unmeasured-previous-period'    the brand's own posts were not in the data in the
--                                   previous period where they are in this one (every
--                                   figure of the brand: its care export missing then,
--                                   the mentions it holds were missing with it)
--   'platform-missing-previous', 'platform-missing', 'unmeasured-period'
--                                   the data of one period holds none of the brand's
--                                   mentions and posts on a platform where the other holds
--                                   $min_mentions or more (an export of one month missing),
--                                   or a platform holds its posts in the previous period
--                                   only, beside $min_mentions mentions now
--                                   (src/metrics/ranking.ts, missingPlatforms)
--   'brand-data-partial', 'brand-data-partial-previous'
--                                   the brand's data on a platform (its posts and the
--                                   mentions of it) reaches over part of this period, or of
--                                   the previous one, only, beside the other brands' data
--                                   there ($brands_cut, $brands_cut_previous: the brand ids,
--                                   comma-separated; Analysis.brandsInPart)
-- The reasons of one theme's counts (too few mentions on either side) are summary.sql's.
--
-- Output: theme_uncompared(brand_id, reason), a row per tracked brand; reason NULL where
-- its counts compare.
-- Parameters: $from, $start, $end, $inbound_mode, $min_mentions, $period_whole,
-- $previous_whole, $brands_cut, $brands_cut_previous.
CREATE OR REPLACE TEMP TABLE theme_uncompared AS
WITH previous_held AS (
  SELECT EXISTS (SELECT 1 FROM mentions WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $start::TIMESTAMPTZ) AS held
),
unmeasured AS (
  -- coverage.sql's no-brand-posts over all platforms (a mention received on a platform where the data holds no post
  -- of the brand), in the previous period and not in this one
  SELECT m.brand_id, 'unmeasured-previous-period' AS reason
  FROM mentions m
  LEFT JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) now_mp ON now_mp.brand_id = m.brand_id AND now_mp.platform = m.platform
  LEFT JOIN rb_measured_platforms($from::TIMESTAMPTZ, $start::TIMESTAMPTZ) then_mp ON then_mp.brand_id = m.brand_id AND then_mp.platform = m.platform
  WHERE m.created_at >= $from::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ AND ($inbound_mode = 'all' OR m.is_question)
  GROUP BY m.brand_id
  HAVING coalesce(bool_or(m.created_at < $start::TIMESTAMPTZ AND then_mp.platform IS NULL), false)
     AND NOT coalesce(bool_or(m.created_at >= $start::TIMESTAMPTZ AND now_mp.platform IS NULL), false)
),
platform_missing AS (
  -- src/metrics/ranking.ts, missingPlatforms: a platform's data of the brand in one period only, or its posts there
  -- in the previous period only beside $min_mentions mentions now; in that order
  SELECT brand_id,
         CASE WHEN bool_or(mentions_then + posts_then = 0 AND mentions_now + posts_now >= $min_mentions) THEN 'platform-missing-previous'
              WHEN bool_or(mentions_now + posts_now = 0 AND mentions_then + posts_then >= $min_mentions) THEN 'platform-missing'
              WHEN bool_or(posts_now = 0 AND mentions_now >= $min_mentions AND posts_then > 0) THEN 'unmeasured-period' END AS reason
  FROM (
    SELECT brand_id, platform,
           count(*) FILTER (WHERE mention AND created_at >= $start::TIMESTAMPTZ) AS mentions_now,
           count(*) FILTER (WHERE mention AND created_at < $start::TIMESTAMPTZ) AS mentions_then,
           count(*) FILTER (WHERE NOT mention AND created_at >= $start::TIMESTAMPTZ) AS posts_now,
           count(*) FILTER (WHERE NOT mention AND created_at < $start::TIMESTAMPTZ) AS posts_then
    FROM (
      SELECT brand_id, platform, created_at, true AS mention FROM mentions
      WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND ($inbound_mode = 'all' OR is_question)
      UNION ALL
      SELECT brand_id, platform, created_at, false FROM brand_posts
      WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
    )
    GROUP BY brand_id, platform
  )
  GROUP BY brand_id
  HAVING reason IS NOT NULL
)
SELECT b.brand_id,
       CASE WHEN NOT ph.held THEN 'previous-period-not-in-data'
            WHEN NOT $period_whole THEN 'period-partly-in-data'
            WHEN NOT $previous_whole THEN 'previous-period-partly-in-data'
            WHEN u.reason IS NOT NULL THEN u.reason
            WHEN pm.reason IS NOT NULL THEN pm.reason
            WHEN list_contains(string_split($brands_cut, ','), b.brand_id) THEN 'brand-data-partial'
            WHEN list_contains(string_split($brands_cut_previous, ','), b.brand_id) THEN 'brand-data-partial-previous' END AS reason
FROM rb_brands b
CROSS JOIN previous_held ph
LEFT JOIN unmeasured u ON u.brand_id = b.brand_id
LEFT JOIN platform_missing pm ON pm.brand_id = b.brand_id;
