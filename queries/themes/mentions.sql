-- Themes, step 5: per brand, its mentions created in [from_at, end_at) (theme_mentions) that belong to
-- each theme: the config's themes (theme_matches) and every term found for any brand
-- (theme_found). Questions-only mode applied; current: created on or after start_at.
-- Its readers keep the terms they need: the summary those found for the brand and,
-- for every brand, those found for the client (its benchmark); the examples those
-- found for the brand. (Filtering here instead made both slower: a worse join order.)
--
-- A table macro, not a table: the summary reads both periods, the examples only the
-- current one, and each reads the join faster than a table of every row is written.
--
-- Output: rb_theme_mentions(from_at, start_at, end_at, inbound_mode) -> (brand_id, theme,
-- source, platform, post_id, author, created_at, current, response_at, response_min,
-- needs_answer, listed_missing, sentiment).
-- Parameters: none.
CREATE OR REPLACE TEMP MACRO rb_theme_mentions(from_at, start_at, end_at, inbound_mode) AS TABLE
WITH marked AS (
  SELECT post_no, theme, source FROM theme_matches
  UNION ALL
  SELECT t.post_no, f.term, 'found'
  FROM theme_terms t
  JOIN (SELECT DISTINCT term, first_no, second_no FROM theme_found) f ON f.first_no = t.first_no AND f.second_no = t.second_no
)
SELECT m.brand_id, k.theme, k.source, m.platform, m.post_id, m.author, m.created_at,
       m.created_at >= start_at AS current, m.response_at, m.response_min, m.needs_answer, m.listed_missing, m.sentiment
FROM theme_mentions m
JOIN marked k ON k.post_no = m.post_no
WHERE m.created_at >= from_at AND m.created_at < end_at
  AND (inbound_mode = 'all' OR m.is_question);
