-- Themes, step 8: up to $limit mentions of each theme of each brand in the period, as
-- examples: those still unanswered that needed an answer first, then the newest; one
-- per author.
--
-- Parameters: $limit.
WITH candidates AS (
  SELECT t.brand_id, t.theme, t.source, p.author, p.text, p.url, t.created_at,
         (t.needs_answer AND t.response_at IS NULL) AS unanswered
  FROM theme_mentions t
  JOIN posts p ON p.platform = t.platform AND p.post_id = t.post_id
  WHERE t.current
  QUALIFY row_number() OVER (PARTITION BY t.brand_id, t.theme, t.source, p.author ORDER BY t.created_at DESC, t.post_id) = 1
)
SELECT brand_id, theme, source, author, text, url, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
FROM candidates
QUALIFY row_number() OVER (PARTITION BY brand_id, theme, source ORDER BY unanswered DESC, created_at DESC, author) <= $limit
ORDER BY brand_id, theme, source, unanswered DESC, created_at DESC, author;
