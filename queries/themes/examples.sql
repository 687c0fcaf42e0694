-- Themes, step 8: up to $limit mentions of each theme of each brand in the period, as
-- examples: those still unanswered that needed an answer first, then the newest; one
-- per author. The examples are chosen first; only their text is then read from posts
-- (the join on created_at too lets DuckDB skip the posts of other months).
--
-- Parameters: $limit.
WITH candidates AS (
  SELECT brand_id, theme, source, platform, post_id, author, created_at,
         (needs_answer AND response_at IS NULL) AS unanswered
  FROM theme_mentions
  WHERE current
  QUALIFY row_number() OVER (PARTITION BY brand_id, theme, source, author ORDER BY created_at DESC, post_id) = 1
),
chosen AS (
  SELECT * FROM candidates
  QUALIFY row_number() OVER (PARTITION BY brand_id, theme, source ORDER BY unanswered DESC, created_at DESC, author) <= $limit
)
SELECT c.brand_id, c.theme, c.source, c.author, p.text, p.url, strftime(c.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
FROM chosen c
JOIN posts p ON p.platform = c.platform AND p.post_id = c.post_id AND p.created_at = c.created_at
ORDER BY c.brand_id, c.theme, c.source, c.unanswered DESC, c.created_at DESC, c.author;
