-- Themes, step 8: up to $limit mentions of each theme of each brand in the period, as
-- examples: those still unanswered that needed an answer first, then the newest; one
-- per author (their newest mention of the theme, the lowest post id of a tie). Both
-- choices are aggregates (arg_min, and min_by of the $limit smallest keys): a window
-- over every mention of every theme sorted far more than the few rows kept. Only the
-- examples' text is then read from posts: their rows are found on the keys (the join on
-- created_at too lets DuckDB skip the posts of other months), then read by rowid. The
-- examples are spread over the whole month, so a join that read the text as it matched
-- would read the text of every post of the month (0.8 s instead of 0.5 s on a month of
-- 1M posts).
--
-- Parameters: $start, $end, $inbound_mode, $limit.
WITH candidates AS (
  SELECT brand_id, theme, source, author,
         arg_min({platform: platform, post_id: post_id, created_at: created_at, unanswered: needs_answer AND response_at IS NULL},
                 {newest: -epoch_us(created_at), post_id: post_id}) AS newest
  FROM rb_theme_mentions($start::TIMESTAMPTZ, $start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode) t
  -- a term found for another brand is there to compare; only the brand's own are shown with examples
  WHERE source = 'config' OR EXISTS (SELECT 1 FROM theme_found f WHERE f.brand_id = t.brand_id AND f.term = t.theme)
  GROUP BY brand_id, theme, source, author
),
chosen AS (
  SELECT unnest(min_by({brand_id: brand_id, theme: theme, source: source, author: author, platform: newest.platform,
                        post_id: newest.post_id, created_at: newest.created_at, unanswered: newest.unanswered},
                       -- unanswered first (a NULL last), then the newest, then by author
                       {unanswered: CASE WHEN newest.unanswered THEN 0 WHEN NOT newest.unanswered THEN 1 ELSE 2 END,
                        newest: -epoch_us(newest.created_at), author: author},
                       $limit), recursive := true)
  FROM candidates
  GROUP BY brand_id, theme, source
)
SELECT c.brand_id, c.theme, c.source, c.author, p.text, p.url, strftime(c.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at
FROM chosen c
JOIN posts l ON l.platform = c.platform AND l.post_id = c.post_id AND l.created_at = c.created_at
JOIN posts p ON p.rowid = l.rowid
ORDER BY c.brand_id, c.theme, c.source, c.unanswered DESC, c.created_at DESC, c.author;
