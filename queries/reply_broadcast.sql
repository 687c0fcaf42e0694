-- Reply versus broadcast among each brand's own posts created in [$start, $end),
-- reposts left out (classification in base/brand_posts.sql):
--   replies     replies to someone else (or to a parent not in the data)
--   broadcasts  original posts, quotes and self-threads (replies to the brand's own posts)
--
-- Parameters: $start, $end.
SELECT brand_id,
       CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
       count(*)::DOUBLE AS brand_posts,
       count(*) FILTER (WHERE post_type = 'reply')::DOUBLE AS replies,
       count(*) FILTER (WHERE post_type = 'broadcast')::DOUBLE AS broadcasts
FROM brand_posts
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
GROUP BY GROUPING SETS ((brand_id), (brand_id, platform));
