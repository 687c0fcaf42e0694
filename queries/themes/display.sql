-- Themes, step 4b: each found term written as the mentions write it. Words are
-- compared without accents (posts.sql), so a found term is "tecnico" or "dias";
-- a Spanish or French reader sees a misspelling there. Each word of a found term
-- takes the form its mentions use most (lower case, accents kept: "técnico",
-- "días"), read from at most 200 of the mentions that hold it (the lowest rowids:
-- the same mentions on every run); a tie goes to the first form in byte order.
-- Only the text changes: which terms were found, and their numbers, do not.
--
-- Output: theme_found.term rewritten.
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE theme_display AS
WITH wanted AS (
  SELECT first_no AS word_no FROM theme_found
  UNION
  SELECT second_no FROM theme_found WHERE second_no <> 0
),
carriers AS (
  SELECT t.first_no AS word_no, t.post_no
  FROM theme_terms t
  SEMI JOIN wanted w ON w.word_no = t.first_no
  WHERE t.second_no = 0
  QUALIFY row_number() OVER (PARTITION BY t.first_no ORDER BY t.post_no) <= 200
),
forms AS (
  SELECT c.word_no, unnest(regexp_extract_all(lower(rb_theme_apostrophes(rb_theme_text(p.text))), '[\p{L}\p{N}]+')) AS form
  FROM carriers c
  JOIN theme_posts tp ON tp.rowid = c.post_no
  JOIN posts p ON p.platform = tp.platform AND p.post_id = tp.post_id
),
counted AS (
  SELECT f.word_no, f.form, count(*) AS uses
  FROM forms f
  JOIN theme_vocabulary v ON v.word_no = f.word_no AND v.word = strip_accents(f.form)
  GROUP BY f.word_no, f.form
)
SELECT word_no, form AS display
FROM counted
QUALIFY row_number() OVER (PARTITION BY word_no ORDER BY uses DESC, form) = 1;

UPDATE theme_found f
SET term = n.term
FROM (
  SELECT DISTINCT t.first_no, t.second_no,
         coalesce(d1.display, w1.word) || CASE WHEN t.second_no = 0 THEN '' ELSE ' ' || coalesce(d2.display, w2.word) END AS term
  FROM theme_found t
  JOIN theme_vocabulary w1 ON w1.word_no = t.first_no
  LEFT JOIN theme_vocabulary w2 ON w2.word_no = t.second_no
  LEFT JOIN theme_display d1 ON d1.word_no = t.first_no
  LEFT JOIN theme_display d2 ON d2.word_no = t.second_no
) n
WHERE n.first_no = f.first_no AND n.second_no = f.second_no;
