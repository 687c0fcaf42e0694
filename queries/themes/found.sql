-- Themes, step 4: the words and two-word phrases distinctive of each brand's inbound
-- mentions in the period, by the weighted log-odds ratio with an informative
-- Dirichlet prior (Monroe, Colaresi and Quinn, 2008, "Fightin' Words", 3.5.1):
--   y_i, n_i   mentions of brand i holding the term, and that count summed over terms;
--   y_j, n_j   the same for the other tracked brands ('distinctive'), or for brand i
--              in the previous period ('rising');
--   a = $alpha0 * (the term's share of every tracked brand's mentions of both periods):
--              the prior, a pseudo-count of $alpha0 spread as the whole corpus spreads;
--   delta = ln((y_i + a) / (n_i + $alpha0 - y_i - a)) - ln((y_j + a) / (n_j + $alpha0 - y_j - a))
--   z = delta / sqrt(1 / (y_i + a) + 1 / (y_j + a)).
-- Only mentions that need an answer are read (base/mentions.sql): a thank-you or a
-- tag storm says nothing of what customers write about. A term is a theme of the
-- brand when at least $min_authors distinct authors wrote it to the brand in the
-- period (one person repeating themselves is no theme) and
-- z >= 1.96; the $top highest of each brand and kind are kept. A side with fewer than
-- $min_mentions mentions (the other brands, or the previous period) compares nothing.
--
-- Output: theme_counts(brand_id, current, term, mentions, authors), then
-- theme_found(brand_id, kind, term, mentions, authors, z).
-- Parameters: $start, $end, $from, $inbound_mode, $min_authors, $alpha0, $top, $min_mentions.
CREATE OR REPLACE TEMP TABLE theme_counts AS
SELECT m.brand_id, m.created_at >= $start::TIMESTAMPTZ AS current, t.term,
       count(*) AS mentions, count(DISTINCT m.author) AS authors
FROM mentions m
JOIN theme_posts p ON p.platform = m.platform AND p.post_id = m.post_id
JOIN theme_terms t ON t.post_no = p.rowid
WHERE m.created_at >= $from::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR m.is_question) AND m.needs_answer
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE theme_found AS
WITH volumes AS (
  -- mentions per brand, this period and the previous one
  SELECT brand_id,
         count(*) FILTER (WHERE created_at >= $start::TIMESTAMPTZ) AS now,
         count(*) FILTER (WHERE created_at < $start::TIMESTAMPTZ) AS before
  FROM mentions
  WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question) AND needs_answer
  GROUP BY brand_id
),
prior AS (
  SELECT term, $alpha0 * sum(mentions) / (SELECT sum(mentions) FROM theme_counts) AS a
  FROM theme_counts GROUP BY term
),
sizes AS (
  SELECT brand_id,
         coalesce(sum(mentions) FILTER (WHERE current), 0) AS n_now,
         coalesce(sum(mentions) FILTER (WHERE NOT current), 0) AS n_before
  FROM theme_counts GROUP BY brand_id
),
all_now AS (SELECT term, sum(mentions) AS mentions FROM theme_counts WHERE current GROUP BY term),
candidates AS (
  SELECT c.brand_id, c.term, c.mentions, c.authors, p.a,
         c.mentions AS y_i, s.n_now AS n_i,
         al.mentions - c.mentions AS y_others,
         (SELECT sum(n_now) FROM sizes) - s.n_now AS n_others,
         coalesce(b.mentions, 0) AS y_before, s.n_before,
         (SELECT sum(now) FROM volumes) - v.now AS others_volume, v.before AS before_volume
  FROM theme_counts c
  JOIN prior p ON p.term = c.term
  JOIN all_now al ON al.term = c.term
  JOIN sizes s ON s.brand_id = c.brand_id
  JOIN volumes v ON v.brand_id = c.brand_id
  LEFT JOIN theme_counts b ON b.brand_id = c.brand_id AND b.term = c.term AND NOT b.current
  WHERE c.current AND c.authors >= $min_authors
),
scored AS (
  SELECT brand_id, term, mentions, authors, 'distinctive' AS kind, rb_log_odds_z(y_i, n_i, y_others, n_others, a, $alpha0) AS z
  FROM candidates WHERE others_volume >= $min_mentions
  UNION ALL
  SELECT brand_id, term, mentions, authors, 'rising', rb_log_odds_z(y_i, n_i, y_before, n_before, a, $alpha0)
  FROM candidates WHERE before_volume >= $min_mentions
)
SELECT brand_id, kind, term, mentions::DOUBLE AS mentions, authors::DOUBLE AS authors, z::DOUBLE AS z
FROM scored
WHERE z >= 1.96
QUALIFY row_number() OVER (PARTITION BY brand_id, kind ORDER BY z DESC, term) <= $top;
