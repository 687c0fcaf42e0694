-- Themes, step 3: the terms of each mention that can make a theme found in the data:
-- its content words (two letters or more, no digit, not a stop word of the languages
-- present, not a word of a tracked brand's name, handle or topic: rb_theme_stopwords)
-- and its two-word phrases (two content words next to each other in the text), each
-- once per mention.
--
-- Output: theme_terms(post_no, term), post_no the mention's rowid in theme_posts: an
-- integer key, which the millions of terms are sorted, deduplicated and joined on far
-- faster than on (platform, post_id). theme_posts is never changed after it is built;
-- rebuilt, it must be followed by this step again.
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE theme_terms AS
-- Each word beside the word that follows it: two unnests in one SELECT run side by side,
-- the shorter list padded with NULL, so no self-join of every word of every mention is needed.
WITH words AS (
  SELECT post_no, unnest(list) AS word, unnest(list[2:]) AS next_word
  FROM (SELECT rowid AS post_no, string_split(trim(words), ' ') AS list FROM theme_posts WHERE words <> '  ')
),
flagged AS (
  SELECT w.post_no, w.word, w.next_word,
         s.word IS NULL AND length(w.word) >= 2 AND NOT regexp_matches(w.word, '[0-9]') AS is_content,
         w.next_word IS NOT NULL AND n.word IS NULL AND length(w.next_word) >= 2 AND NOT regexp_matches(w.next_word, '[0-9]') AS next_is_content
  FROM words w
  LEFT JOIN rb_theme_stopwords s ON s.word = w.word
  LEFT JOIN rb_theme_stopwords n ON n.word = w.next_word
)
SELECT post_no, word AS term FROM flagged WHERE is_content
UNION
SELECT post_no, word || ' ' || next_word FROM flagged WHERE is_content AND next_is_content;
