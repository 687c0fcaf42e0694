-- Themes, step 1: each inbound mention of the period and of the previous one, once
-- (a post aimed at two brands is one post here), with its words: the text without
-- links and @handles (rb_bare_text), elided articles set apart and apostrophes removed
-- (rb_theme_apostrophes, both acknowledgement.sql), lower case and without accents, cut into
-- runs of letters and digits, and joined by single spaces with a space at each end,
-- so that a word or phrase is matched on word boundaries by looking for " phrase ".
-- Its sentiment (rb_sentiment) is kept here, read once with the text, for the summary.
--
-- Output: theme_posts(platform, post_id, words, sentiment).
-- Parameters: $from (the previous period's start), $end.
CREATE OR REPLACE TEMP TABLE theme_posts AS
WITH bare AS (
  SELECT p.platform, p.post_id, rb_bare_text(p.text) AS text, rb_sentiment(p.sentiment) AS sentiment
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
