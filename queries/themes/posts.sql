-- Themes, step 1: each inbound mention of the period and of the previous one, once
-- (a post aimed at two brands is one post here), with its words: the text without
-- links, @handles and the marks before them, cc @brand (rb_theme_text), elided articles set apart and apostrophes removed
-- (rb_theme_apostrophes, both acknowledgement.sql), lower case and without accents, cut into
-- runs of letters and digits, and joined by single spaces with a space at each end,
-- so that a word or phrase is matched on word boundaries by looking for " phrase ".
-- Its sentiment (rb_sentiment) is kept here, read once with the text, for the summary.
--
-- Then each mention of the two periods (one row per brand it targets) beside the row of
-- its words (post_no: theme_posts' rowid). The later steps read it and join on post_no,
-- an integer, instead of matching the mentions to theme_posts on (platform, post_id)
-- again each (on a month of 10M posts each such join took over a second).
--
-- Output: theme_posts(platform, post_id, words, sentiment), then theme_mentions(post_no,
-- brand_no, brand_id, platform, post_id, author, created_at, response_at, response_min,
-- needs_answer, is_question, listed_missing, sentiment); brand_no is the brand's ord (rb_brands).
-- Parameters: $from (the previous period's start), $end.
CREATE OR REPLACE TEMP TABLE theme_posts AS
WITH bare AS (
  SELECT p.platform, p.post_id, rb_theme_text(p.text) AS text, rb_sentiment(p.sentiment) AS sentiment
  FROM posts p
  SEMI JOIN (
    SELECT DISTINCT platform, post_id FROM mentions
    WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  ) m ON m.platform = p.platform AND m.post_id = p.post_id
)
SELECT platform, post_id,
       ' ' || array_to_string(regexp_extract_all(
         lower(strip_accents(rb_theme_apostrophes(text))),
         '[\p{L}\p{N}]+'), ' ') || ' ' AS words,
       sentiment
FROM bare;

CREATE OR REPLACE TEMP TABLE theme_mentions AS
SELECT p.rowid AS post_no, b.ord AS brand_no, m.brand_id, m.platform, m.post_id, m.author, m.created_at,
       m.response_at, m.response_min, m.needs_answer, m.is_question, m.listed_missing, p.sentiment
FROM mentions m
JOIN theme_posts p ON p.platform = m.platform AND p.post_id = m.post_id
JOIN rb_brands b ON b.brand_id = m.brand_id
WHERE m.created_at >= $from::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ;
