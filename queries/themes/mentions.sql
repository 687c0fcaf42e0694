-- Themes, step 5: per brand, its mentions of the period and of the previous one that
-- belong to each theme: the config's themes (theme_matches) and every term found for
-- any brand (theme_found), so that a brand's found theme can be compared with the
-- same words at its competitors. Questions-only mode applied.
--
-- Output: theme_mentions(brand_id, theme, source, platform, post_id, author, created_at,
-- current, response_at, response_min, needs_answer, sentiment).
-- Parameters: $start, $end, $from, $inbound_mode.
CREATE OR REPLACE TEMP TABLE theme_mentions AS
WITH marked AS (
  SELECT platform, post_id, theme, source, sentiment FROM theme_matches
  UNION ALL
  SELECT p.platform, p.post_id, f.term, 'found', p.sentiment
  FROM theme_terms t
  JOIN theme_posts p ON p.rowid = t.post_no
  JOIN (SELECT DISTINCT term, first_no, second_no FROM theme_found) f ON f.first_no = t.first_no AND f.second_no = t.second_no
)
SELECT m.brand_id, k.theme, k.source, m.platform, m.post_id, m.author, m.created_at,
       m.created_at >= $start::TIMESTAMPTZ AS current, m.response_at, m.response_min, m.needs_answer, k.sentiment
FROM mentions m
JOIN marked k ON k.platform = m.platform AND k.post_id = m.post_id
WHERE m.created_at >= $from::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR m.is_question);
