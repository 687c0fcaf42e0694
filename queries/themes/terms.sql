-- Themes, step 3: the terms of each mention that can make a theme found in the data:
-- its content words (two letters or more, no digit, not a stop word of the languages
-- present, not a word of a tracked brand's name, handle or topic: rb_theme_stopwords)
-- and its two-word phrases (two content words next to each other in the text), each
-- once per mention.
--
-- Words are numbered (theme_vocabulary): the millions of terms are then pairs of
-- integers, which are deduplicated, grouped and joined far faster than text; a term's
-- text is looked up only for the few that make a theme (found.sql).
--
-- Output: theme_vocabulary(word, word_no), each content word of the mentions once;
-- theme_terms(post_no, first_no, second_no): post_no the mention's rowid in theme_posts,
-- first_no and second_no the term's words (second_no 0 for a single word). theme_posts
-- is never changed after it is built; rebuilt, it must be followed by this step again.
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE theme_vocabulary AS
WITH distinct_words AS (
  SELECT DISTINCT unnest(string_split(trim(words), ' ')) AS word FROM theme_posts WHERE words <> '  '
)
SELECT d.word, (row_number() OVER (ORDER BY d.word))::INTEGER AS word_no
FROM distinct_words d
ANTI JOIN rb_theme_stopwords s ON s.word = d.word
WHERE length(d.word) >= 2 AND NOT regexp_matches(d.word, '[0-9]');

CREATE OR REPLACE TEMP TABLE theme_terms AS
-- Each word beside the word that follows it: two unnests in one SELECT run side by side,
-- the shorter list padded with NULL, so no self-join of every word of every mention is needed.
WITH occurrences AS (
  SELECT post_no, unnest(list) AS word, unnest(list[2:]) AS next_word
  FROM (SELECT rowid AS post_no, string_split(trim(words), ' ') AS list FROM theme_posts WHERE words <> '  ')
),
coded AS (
  -- only content words are in the vocabulary: the inner join drops the others
  SELECT o.post_no, a.word_no AS first_no, b.word_no AS second_no
  FROM occurrences o
  JOIN theme_vocabulary a ON a.word = o.word
  LEFT JOIN theme_vocabulary b ON b.word = o.next_word
)
SELECT DISTINCT post_no, first_no, 0 AS second_no FROM coded
UNION ALL
SELECT DISTINCT post_no, first_no, second_no FROM coded WHERE second_no IS NOT NULL;
