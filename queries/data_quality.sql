-- Data quality of the period [$start, $end):
--   posts                   posts of any author and platform created in the period
--   replies_before_parent   posts whose parent was found but is stamped later than them
--   unresolved_parents      posts that point at a parent (by id or link) not found in the data
--   pending                 inbound mentions still pending, summed over brands
-- Parents are found as everywhere else: by parent_id, else by link (url_parents).
--
-- Parameters: $start, $end.
WITH period_posts AS (
  SELECT platform, post_id, created_at, parent_id,
         (parent_id IS NOT NULL OR nullif(trim(parent_url), '') IS NOT NULL) AS has_parent
  FROM posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
),
children AS (
  SELECT c.created_at, coalesce(p.created_at, u.parent_at) AS parent_at, coalesce(p.post_id, u.parent_post_id) AS parent_post_id
  FROM period_posts c
  LEFT JOIN posts p ON p.platform = c.platform AND p.post_id = c.parent_id
  LEFT JOIN url_parents u ON u.platform = c.platform AND u.post_id = c.post_id
  WHERE c.has_parent
)
SELECT
  (SELECT count(*) FROM period_posts)::DOUBLE AS posts,
  (SELECT count(*) FROM children WHERE parent_at > created_at)::DOUBLE AS replies_before_parent,
  (SELECT count(*) FROM children WHERE parent_post_id IS NULL)::DOUBLE AS unresolved_parents,
  (SELECT count(*) FROM mentions
    WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND pending)::DOUBLE AS pending;
