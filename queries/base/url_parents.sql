-- url_parents: parents found by link, for posts of the slice [$slice_start, $slice_end]
-- whose parent_url is set and whose parent_id does not find a post.
-- A parent reference resolves on the same platform; the first rule that finds a post wins:
--   1. parent_id equals a post_id (done where the parent is joined: see post_parents);
--   2. parent_url equals a post's url;
--   3. the status id inside parent_url (".../status/<digits>") equals a post_id.
-- Exports that link replies by id only (Kaggle, twarc) leave this table empty.
--
-- Parameters: $slice_start, $slice_end.
CREATE OR REPLACE TEMP TABLE url_parents AS
WITH linked AS (
  SELECT c.platform, c.post_id, trim(c.parent_url) AS parent_url
  FROM posts c
  LEFT JOIN posts by_id ON by_id.platform = c.platform AND by_id.post_id = c.parent_id
  WHERE c.created_at >= $slice_start::TIMESTAMPTZ AND c.created_at <= $slice_end::TIMESTAMPTZ
    AND nullif(trim(c.parent_url), '') IS NOT NULL
    AND by_id.post_id IS NULL
),
found AS (
  SELECT l.platform, l.post_id, 2 AS priority, p.post_id AS parent_post_id, p.author AS parent_author, p.created_at AS parent_at
  FROM linked l JOIN posts p ON p.platform = l.platform AND p.url = l.parent_url
  UNION ALL
  SELECT l.platform, l.post_id, 3, p.post_id, p.author, p.created_at
  FROM (SELECT platform, post_id, regexp_extract(parent_url, '/status(?:es)?/([0-9]+)', 1) AS status_id FROM linked) l
  JOIN posts p ON p.platform = l.platform AND p.post_id = l.status_id
  WHERE l.status_id <> ''
)
SELECT platform, post_id,
       arg_min(parent_post_id, priority) AS parent_post_id,
       arg_min(parent_author, priority) AS parent_author,
       arg_min(parent_at, priority) AS parent_at
FROM found
GROUP BY platform, post_id;

-- post_parents: every post of the slice that points at a parent (parent_id or
-- parent_url), with that parent when it is in the data (parent_* NULL = not found),
-- built once, in time order; readers filter it by created_at.
CREATE OR REPLACE TEMP TABLE post_parents AS
SELECT c.platform, c.post_id, c.author, c.created_at,
       coalesce(p.post_id, u.parent_post_id) AS parent_post_id,
       coalesce(p.author, u.parent_author) AS parent_author,
       coalesce(p.created_at, u.parent_at) AS parent_at
FROM posts c
LEFT JOIN posts p ON p.platform = c.platform AND p.post_id = c.parent_id
LEFT JOIN url_parents u ON u.platform = c.platform AND u.post_id = c.post_id
WHERE (c.parent_id IS NOT NULL OR nullif(trim(c.parent_url), '') IS NOT NULL)
  AND c.created_at >= $slice_start::TIMESTAMPTZ AND c.created_at <= $slice_end::TIMESTAMPTZ
ORDER BY c.created_at;
