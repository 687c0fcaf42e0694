-- Reply versus broadcast among each brand's own posts created in [$start, $end),
-- reposts left out (classification in base/brand_posts.sql):
--   replies     replies to someone else (or to a parent not in the data)
--   broadcasts  original posts, quotes and self-threads (replies to the brand's own posts)
--   reply_share replies / (replies + broadcasts); reply_to_broadcast replies / broadcasts
--               (NULL when the denominator is 0)
-- Every (brand, scope) of scopes.sql gets a row.
--
-- Parameters: $start, $end.
WITH grouped AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS brand_posts,
         count(*) FILTER (WHERE post_type = 'reply') AS replies,
         count(*) FILTER (WHERE post_type = 'broadcast') AS broadcasts
  FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
)
SELECT s.brand_id, s.scope,
       coalesce(g.brand_posts, 0)::DOUBLE AS brand_posts,
       coalesce(g.replies, 0)::DOUBLE AS replies,
       coalesce(g.broadcasts, 0)::DOUBLE AS broadcasts,
       (g.replies / nullif(g.brand_posts, 0))::DOUBLE AS reply_share,
       (g.replies / nullif(g.broadcasts, 0))::DOUBLE AS reply_to_broadcast
FROM metric_scopes s
LEFT JOIN grouped g ON g.brand_id = s.brand_id AND g.scope = s.scope;
