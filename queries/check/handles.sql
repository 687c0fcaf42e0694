-- Config against the data: for every handle of the config, how many posts of the period
-- it wrote and how many mention it ("@" + handle, as in base/inbound.sql). A handle
-- with neither is most likely misspelt (see closest_handles.sql).
-- Mentions are only looked for when the handle wrote nothing: a handle that posts is
-- evidently right, and scanning every text costs time.
--
-- Output: check_handles(brand_id, platform, handle, ord, posts, mentions).
-- Parameters: $start, $end.
CREATE OR REPLACE TEMP TABLE check_handles AS
WITH authored AS (
  SELECT a.brand_id, a.platform, a.handle, count(p.post_id) AS posts
  FROM rb_accounts a
  LEFT JOIN posts p ON p.platform = a.platform AND p.author = a.handle
   AND p.created_at >= $start::TIMESTAMPTZ AND p.created_at < $end::TIMESTAMPTZ
  GROUP BY a.brand_id, a.platform, a.handle
),
mentioned AS (
  SELECT a.brand_id, a.platform, a.handle, count(p.post_id) AS mentions
  FROM authored a
  JOIN posts p ON p.platform = a.platform
   AND p.created_at >= $start::TIMESTAMPTZ AND p.created_at < $end::TIMESTAMPTZ
   AND contains(lower(p.text), '@' || a.handle)
   AND regexp_matches(p.text, '(?i)(?:^|[^A-Za-z0-9_])@' || regexp_escape(a.handle) || '(?:[^A-Za-z0-9_]|$)')
  WHERE a.posts = 0
  GROUP BY a.brand_id, a.platform, a.handle
)
SELECT a.brand_id, a.platform, a.handle, b.ord, a.posts::DOUBLE AS posts, coalesce(m.mentions, 0)::DOUBLE AS mentions
FROM authored a
JOIN rb_brands b USING (brand_id)
LEFT JOIN mentioned m USING (brand_id, platform, handle)
ORDER BY b.ord, a.platform, a.handle;
