-- Themes, step 7: how the client answers each of its themes against its competitors.
-- The competitor median is the median response rate on the theme of the competitors
-- with at least $min_mentions measured mentions of it (theme_summary, run first), but
-- those whose posts the data holds on part of the period only (coverage brand-posts-partial,
-- rb_posts_partial_brands: their rates are lower bounds);
-- gap = the client's rate - that median. A theme is ranked (1 = answered worst against
-- the competitors) when the client has at least $min_mentions measured mentions of it
-- and at least 2 competitors are measured (the comparison rule of every benchmark), and
-- when the client answers it less often than they do: a theme the client answers better
-- is none of its weakest, however the others rank.
--
-- Parameters: $min_mentions, $start, $end, $inbound_mode.
WITH competitors AS (
  SELECT s.theme, s.source,
         median(s.response_rate) FILTER (WHERE s.measured >= $min_mentions) AS median_rate,
         median(s.median_min) FILTER (WHERE s.measured >= $min_mentions) AS median_time,
         count(*) FILTER (WHERE s.measured >= $min_mentions) AS measured_competitors
  FROM theme_summary s
  JOIN rb_brands b ON b.brand_id = s.brand_id AND b.role = 'competitor'
  ANTI JOIN rb_posts_partial_brands($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode) p ON p.brand_id = s.brand_id
  GROUP BY s.theme, s.source
),
client AS (
  SELECT s.* FROM theme_summary s JOIN rb_brands b ON b.brand_id = s.brand_id AND b.role = 'client'
),
gaps AS (
  SELECT c.theme, c.source, c.response_rate, c.median_min, c.measured,
         k.median_rate::DOUBLE AS competitor_rate, k.median_time::DOUBLE AS competitor_time,
         coalesce(k.measured_competitors, 0)::DOUBLE AS competitors_measured,
         (c.response_rate - k.median_rate)::DOUBLE AS gap,
         c.measured >= $min_mentions AND coalesce(k.measured_competitors, 0) >= 2 AND c.response_rate IS NOT NULL AND k.median_rate IS NOT NULL AS comparable
  FROM client c
  LEFT JOIN competitors k ON k.theme = c.theme AND k.source = c.source
)
SELECT theme, source, competitor_rate, competitor_time, competitors_measured, gap,
       CASE WHEN comparable AND gap < 0 THEN (rank() OVER (PARTITION BY comparable AND gap < 0 ORDER BY gap, theme))::DOUBLE END AS worst_rank
FROM gaps;
