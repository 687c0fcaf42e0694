-- Themes, step 3: the terms of each mention that can make a theme found in the data:
-- its content words (two letters or more, no digit, not a stop word of the languages
-- present, not a word of a tracked brand's name, handle or topic: rb_theme_stopwords)
-- and its two-word phrases (two content words next to each other in the text), each
-- once per mention.
--
-- Output: theme_terms(platform, post_id, term).
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE theme_terms AS
WITH words AS (
  SELECT platform, post_id, unnest(list) AS word, generate_subscripts(list, 1) AS pos
  FROM (SELECT platform, post_id, string_split(trim(words), ' ') AS list FROM theme_posts WHERE words <> '  ')
),
content AS (
  SELECT w.* FROM words w
  ANTI JOIN rb_theme_stopwords s ON s.word = w.word
  WHERE length(w.word) >= 2 AND NOT regexp_matches(w.word, '[0-9]')
)
SELECT DISTINCT platform, post_id, word AS term FROM content
UNION
SELECT DISTINCT a.platform, a.post_id, a.word || ' ' || b.word
FROM content a
JOIN content b ON b.platform = a.platform AND b.post_id = a.post_id AND b.pos = a.pos + 1;
