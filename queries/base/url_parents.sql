-- url_parents: parents found without a parent id, for posts of the slice
-- [$slice_start, $slice_end] whose parent_id finds no post.
-- A parent reference resolves on the same platform; the first rule that finds a post wins:
--   1. parent_id equals a post_id (done where the parent is joined: see post_parents);
--   2. parent_url equals a post's url;
--   3. the status id inside parent_url (".../status/<digits>") equals a post_id;
--   4. threads without parent ids (Twitter API v2): a post with no parent id or link
--      that names the user U it replies to (reply_to_user) and its conversation C
--      (thread_id) replies to the latest other post by U in C created no later than
--      it (U's posts may be stored under its user id or under its learned handle,
--      user_handles.sql); when the data holds none, its parent is unknown.
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
  UNION ALL
  SELECT t.platform, t.post_id, 4,
         arg_max(p.post_id, (p.created_at, p.post_id)), arg_max(p.author, (p.created_at, p.post_id)), max(p.created_at)
  FROM (
    SELECT c.platform, c.post_id, c.created_at, c.thread_id,
           unnest(list_distinct(list_filter([c.reply_to_user, u.handle], name -> name IS NOT NULL))) AS author_key
    FROM posts c
    LEFT JOIN user_handles u ON u.platform = c.platform AND u.user_id = c.reply_to_user
    WHERE c.created_at >= $slice_start::TIMESTAMPTZ AND c.created_at <= $slice_end::TIMESTAMPTZ
      AND c.reply_to_user IS NOT NULL AND c.thread_id IS NOT NULL
      AND c.parent_id IS NULL AND nullif(trim(c.parent_url), '') IS NULL
  ) t
  JOIN posts p ON p.platform = t.platform AND p.thread_id = t.thread_id AND p.author = t.author_key
   AND p.created_at <= t.created_at AND p.post_id <> t.post_id
  GROUP BY t.platform, t.post_id
)
SELECT platform, post_id,
       arg_min(parent_post_id, priority) AS parent_post_id,
       arg_min(parent_author, priority) AS parent_author,
       arg_min(parent_at, priority) AS parent_at
FROM found
GROUP BY platform, post_id;

-- post_parents: every post of the slice that points at a parent (parent_id, parent_url,
-- or the user it replies to), with that parent when it is in the data (parent_* NULL = not found),
-- built once, in time order; readers filter it by created_at.
CREATE OR REPLACE TEMP TABLE post_parents AS
SELECT c.platform, c.post_id, c.author, c.created_at,
       coalesce(p.post_id, u.parent_post_id) AS parent_post_id,
       coalesce(p.author, u.parent_author) AS parent_author,
       coalesce(p.created_at, u.parent_at) AS parent_at
FROM posts c
LEFT JOIN posts p ON p.platform = c.platform AND p.post_id = c.parent_id
LEFT JOIN url_parents u ON u.platform = c.platform AND u.post_id = c.post_id
WHERE (c.parent_id IS NOT NULL OR nullif(trim(c.parent_url), '') IS NOT NULL OR c.reply_to_user IS NOT NULL)
  AND c.created_at >= $slice_start::TIMESTAMPTZ AND c.created_at <= $slice_end::TIMESTAMPTZ
ORDER BY c.created_at;
