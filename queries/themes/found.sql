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
-- z >= 1.96, and it is no word or phrase of a configured theme (that theme already
-- counts it). A side with fewer than $min_mentions mentions (the other brands, or the
-- previous period) compares nothing; nor does a previous period whose counts of the brand
-- a theme's change is not compared with (theme_uncompared, uncompared.sql: the exports
-- reach over part of either period, the brand's export is missing or cut in one): a term
-- is found rising only where the two periods' counts compare.
--
-- Fragments are left out: a term at least $absorbed_share of whose mentions in the period
-- also hold a configured theme, or a term kept before it, says no more than that one
-- ("router" and "keeps" beside "keeps rebooting", "madrid" beside an outage theme). Of the
-- $pool strongest terms of each brand and kind, the terms are taken in turn, two-word
-- phrases first (they say more than either of their words), then by z, then byte order;
-- only a kept term absorbs another. Then the $top highest z of each brand and kind are
-- kept. Each kind is read on its own: a term may be kept as rising and absorbed as
-- distinctive.
--
-- Terms are counted as terms.sql numbers them (first_no, second_no); only the candidates
-- (z >= 1.96) are written out as text, and ties of z go to the first term in byte order.
--
-- Output: theme_counts(brand_id, current, first_no, second_no, mentions, enough_authors:
-- in the period, and written by at least $min_authors distinct authors), then
-- theme_found(brand_id, kind, term, first_no, second_no, mentions, z).
-- Parameters: $start, $end, $from, $inbound_mode, $min_authors, $alpha0, $top, $min_mentions,
-- $absorbed_share, $pool.
CREATE OR REPLACE TEMP TABLE theme_counts AS
-- Whether $min_authors distinct authors wrote a term to the brand in the period is found
-- without a distinct count over every term of every mention: an author with one mention
-- of the brand in the period is one author of each of its terms (a mention holds each
-- term once), so a term these lone authors carry to $min_authors passes as it is. Only
-- for the other terms of the period that have $min_authors mentions are the authors of
-- several mentions counted. The brand is grouped by its order (an integer).
WITH mention_authors AS (
  SELECT post_no, brand_no, created_at >= $start::TIMESTAMPTZ AS current, author,
         count(*) OVER (PARTITION BY brand_no, current, author) AS author_mentions
  FROM theme_mentions
  WHERE ($inbound_mode = 'all' OR is_question) AND needs_answer
),
author_terms AS NOT MATERIALIZED (
  SELECT c.brand_no, c.current, c.author, c.author_mentions, t.first_no, t.second_no
  FROM mention_authors c
  JOIN theme_terms t ON t.post_no = c.post_no
),
by_term AS (
  SELECT brand_no, current, first_no, second_no, count(*) AS mentions,
         count(*) FILTER (WHERE author_mentions = 1) AS lone_authors
  FROM author_terms
  GROUP BY ALL
),
undecided AS (
  SELECT brand_no, first_no, second_no
  FROM by_term
  WHERE current AND lone_authors < $min_authors AND mentions >= $min_authors
),
repeat_authors AS (
  SELECT a.brand_no, a.first_no, a.second_no, count(DISTINCT a.author) AS authors
  FROM author_terms a
  SEMI JOIN undecided u ON u.brand_no = a.brand_no AND u.first_no = a.first_no AND u.second_no = a.second_no
  WHERE a.current AND a.author_mentions > 1
  GROUP BY ALL
)
SELECT b.brand_id, t.current, t.first_no, t.second_no, t.mentions,
       t.current AND t.lone_authors + coalesce(r.authors, 0) >= $min_authors AS enough_authors
FROM by_term t
LEFT JOIN repeat_authors r ON t.current AND r.brand_no = t.brand_no AND r.first_no = t.first_no AND r.second_no = t.second_no
JOIN rb_brands b ON b.ord = t.brand_no;

CREATE OR REPLACE TEMP TABLE theme_found AS
WITH RECURSIVE volumes AS (
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
  SELECT first_no, second_no, $alpha0 * sum(mentions) / (SELECT sum(mentions) FROM theme_counts) AS a
  FROM theme_counts GROUP BY first_no, second_no
),
sizes AS (
  SELECT brand_id,
         coalesce(sum(mentions) FILTER (WHERE current), 0) AS n_now,
         coalesce(sum(mentions) FILTER (WHERE NOT current), 0) AS n_before
  FROM theme_counts GROUP BY brand_id
),
all_now AS (SELECT first_no, second_no, sum(mentions) AS mentions FROM theme_counts WHERE current GROUP BY first_no, second_no),
candidates AS (
  SELECT c.brand_id, c.first_no, c.second_no, c.mentions, p.a,
         c.mentions AS y_i, s.n_now AS n_i,
         al.mentions - c.mentions AS y_others,
         (SELECT sum(n_now) FROM sizes) - s.n_now AS n_others,
         coalesce(b.mentions, 0) AS y_before, s.n_before,
         (SELECT sum(now) FROM volumes) - v.now AS others_volume, v.before AS before_volume
  FROM theme_counts c
  JOIN prior p ON p.first_no = c.first_no AND p.second_no = c.second_no
  JOIN all_now al ON al.first_no = c.first_no AND al.second_no = c.second_no
  JOIN sizes s ON s.brand_id = c.brand_id
  JOIN volumes v ON v.brand_id = c.brand_id
  LEFT JOIN theme_counts b ON b.brand_id = c.brand_id AND b.first_no = c.first_no AND b.second_no = c.second_no AND NOT b.current
  WHERE c.current AND c.enough_authors
),
scored AS (
  SELECT brand_id, first_no, second_no, mentions, 'distinctive' AS kind, rb_log_odds_z(y_i, n_i, y_others, n_others, a, $alpha0) AS z
  FROM candidates WHERE others_volume >= $min_mentions
  UNION ALL
  SELECT brand_id, first_no, second_no, mentions, 'rising', rb_log_odds_z(y_i, n_i, y_before, n_before, a, $alpha0)
  FROM candidates
  WHERE before_volume >= $min_mentions
    AND brand_id IN (SELECT brand_id FROM theme_uncompared WHERE reason IS NULL)
),
named AS (
  SELECT s.brand_id, s.kind, w1.word || CASE WHEN s.second_no = 0 THEN '' ELSE ' ' || w2.word END AS term,
         s.first_no, s.second_no, s.mentions, s.z
  FROM scored s
  JOIN theme_vocabulary w1 ON w1.word_no = s.first_no
  LEFT JOIN theme_vocabulary w2 ON w2.word_no = s.second_no
  WHERE s.z >= 1.96
    AND term NOT IN (SELECT phrase FROM rb_theme_phrases)
  QUALIFY row_number() OVER (PARTITION BY s.brand_id, s.kind ORDER BY s.z DESC, term) <= $pool
),
ordered AS (
  SELECT *, row_number() OVER (PARTITION BY brand_id, kind ORDER BY second_no = 0, z DESC, term) AS ord
  FROM named
),
pool_terms AS (
  -- each term of the pool once per brand, whatever its kinds, with its mentions (y_i)
  SELECT DISTINCT brand_id, first_no, second_no, mentions FROM named
),
current_posts AS (
  -- the mentions y_i counts: the brand's, in the period, that need an answer
  SELECT DISTINCT brand_id, post_no
  FROM theme_mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND ($inbound_mode = 'all' OR is_question) AND needs_answer
),
holding AS (
  SELECT c.brand_id, c.first_no, c.second_no, t.post_no
  FROM pool_terms c
  JOIN theme_terms t ON t.first_no = c.first_no AND t.second_no = c.second_no
  SEMI JOIN current_posts m ON m.brand_id = c.brand_id AND m.post_no = t.post_no
),
shared AS (
  SELECT a.brand_id, a.first_no AS a_first, a.second_no AS a_second, b.first_no AS b_first, b.second_no AS b_second, count(*) AS mentions
  FROM holding a
  JOIN holding b ON b.brand_id = a.brand_id AND b.post_no = a.post_no AND (b.first_no <> a.first_no OR b.second_no <> a.second_no)
  GROUP BY ALL
),
in_configured AS (
  -- the terms most of whose mentions hold a configured theme
  SELECT DISTINCT h.brand_id, h.first_no, h.second_no
  FROM (
    SELECT h.brand_id, h.first_no, h.second_no, c.theme, count(*) AS mentions
    FROM holding h
    JOIN theme_matches c ON c.post_no = h.post_no
    GROUP BY ALL
  ) h
  JOIN pool_terms n
    ON n.brand_id = h.brand_id AND n.first_no = h.first_no AND n.second_no = h.second_no
  WHERE h.mentions >= $absorbed_share * n.mentions
),
steps AS MATERIALIZED (
  -- each term in its turn, with the places of the terms before it that would absorb it
  -- (materialized: the walk below reads it at each of its steps; inlined, the 1M-post
  -- month took 4.6 s here instead of 0.5 s)
  SELECT o.brand_id, o.kind, o.ord, i.brand_id IS NOT NULL AS in_configured,
         coalesce(list(a.ord) FILTER (WHERE a.ord IS NOT NULL), []) AS absorbers
  FROM ordered o
  LEFT JOIN in_configured i ON i.brand_id = o.brand_id AND i.first_no = o.first_no AND i.second_no = o.second_no
  LEFT JOIN shared s ON s.brand_id = o.brand_id AND s.b_first = o.first_no AND s.b_second = o.second_no
    AND s.mentions >= $absorbed_share * o.mentions
  LEFT JOIN ordered a ON a.brand_id = o.brand_id AND a.kind = o.kind AND a.ord < o.ord
    AND a.first_no = s.a_first AND a.second_no = s.a_second
  GROUP BY o.brand_id, o.kind, o.ord, i.brand_id
),
walk(brand_id, kind, ord, kept) AS (
  -- the terms in turn: one is kept unless a configured theme or a term kept before it absorbs it
  SELECT DISTINCT brand_id, kind, 0::BIGINT, []::BIGINT[] FROM ordered
  UNION ALL
  SELECT w.brand_id, w.kind, s.ord,
         CASE WHEN s.in_configured OR list_has_any(s.absorbers, w.kept) THEN w.kept ELSE list_append(w.kept, s.ord) END
  FROM walk w
  JOIN steps s ON s.brand_id = w.brand_id AND s.kind = w.kind AND s.ord = w.ord + 1
),
kept AS (
  SELECT brand_id, kind, unnest(kept) AS kept_ord
  FROM (SELECT * FROM walk QUALIFY ord = max(ord) OVER (PARTITION BY brand_id, kind))
)
SELECT o.brand_id, o.kind, o.term, o.first_no, o.second_no, o.mentions::DOUBLE AS mentions, o.z::DOUBLE AS z
FROM ordered o
SEMI JOIN kept k ON k.brand_id = o.brand_id AND k.kind = o.kind AND k.kept_ord = o.ord
QUALIFY row_number() OVER (PARTITION BY o.brand_id, o.kind ORDER BY o.z DESC, o.term) <= $top;
