-- Themes, step 7: how the client answers each of its themes against its competitors.
-- The competitor median is the median response rate on the theme of the competitors
-- with at least $min_mentions measured mentions of it (theme_summary, run first), but
-- those whose posts the data holds on part of the period only (coverage brand-posts-partial,
-- rb_posts_partial_brands: their rates are lower bounds by an unknown margin);
-- competitor_rate_end is that median with each competitor's rate that is a lower bound by
-- a known margin (listed responses the data lacks: theme_summary.response_rate_end) at its
-- other end, where that moves it: the median lies between the two. NULL when it is exact.
-- gap = the client's rate - that median. A theme is ranked (1 = answered worst against
-- the competitors) when the client has at least $min_mentions measured mentions of it
-- and at least 2 competitors are measured (the comparison rule of every benchmark), and
-- when the client answers it less often than they do: a theme the client answers better
-- is none of its weakest, however the others rank. Where the client's rate or the median
-- is a bound, the gap lies between gap_low and gap_high: a theme is ranked only where it is
-- behind even at gap_high, and where every other theme is certainly before it (its gap at
-- its highest lower than this one's at its lowest) or certainly after it; those before it
-- count in its rank; exact gaps that are equal go in the order of the themes' names, and a
-- configured theme and a found one of the same name share a place.
--
-- Parameters: $min_mentions, $start, $end, $inbound_mode.
WITH competitors AS (
  SELECT s.theme, s.source,
         median(s.response_rate) FILTER (WHERE s.measured >= $min_mentions) AS median_rate,
         median(coalesce(s.response_rate_end, s.response_rate)) FILTER (WHERE s.measured >= $min_mentions) AS median_rate_end,
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
  SELECT c.theme, c.source,
         k.median_rate::DOUBLE AS competitor_rate, k.median_time::DOUBLE AS competitor_time,
         CASE WHEN k.median_rate_end <> k.median_rate THEN k.median_rate_end END::DOUBLE AS competitor_rate_end,
         coalesce(k.measured_competitors, 0)::DOUBLE AS competitors_measured,
         (c.response_rate - k.median_rate)::DOUBLE AS gap,
         -- the gap's two ends: the client's rate as read against the median's other end, and the rate's other end against the median as read
         (c.response_rate - k.median_rate_end)::DOUBLE AS gap_low,
         (coalesce(c.response_rate_end, c.response_rate) - k.median_rate)::DOUBLE AS gap_high,
         c.measured >= $min_mentions AND coalesce(k.measured_competitors, 0) >= 2 AND c.response_rate IS NOT NULL AND k.median_rate IS NOT NULL AS comparable,
         c.response_rate_end IS NULL AND k.median_rate_end = k.median_rate AS exact
  FROM client c
  LEFT JOIN competitors k ON k.theme = c.theme AND k.source = c.source
),
ranked AS (
  SELECT x.theme, x.source,
         1 + count(y.theme) FILTER (WHERE y.gap_high < x.gap_low OR (x.exact AND y.exact AND y.gap = x.gap AND y.theme < x.theme)) AS place,
         count(y.theme) FILTER (WHERE NOT (y.gap_high < x.gap_low OR y.gap_low > x.gap_high OR (x.exact AND y.exact AND y.gap = x.gap))) AS straddling
  FROM gaps x
  LEFT JOIN gaps y ON y.comparable AND NOT (y.theme = x.theme AND y.source = x.source)
  WHERE x.comparable AND x.gap_high < 0
  GROUP BY x.theme, x.source
)
SELECT g.theme, g.source, g.competitor_rate, g.competitor_rate_end, g.competitor_time, g.competitors_measured, g.gap,
       CASE WHEN r.straddling = 0 THEN r.place END::DOUBLE AS worst_rank
FROM gaps g
LEFT JOIN ranked r ON r.theme = g.theme AND r.source = g.source;
