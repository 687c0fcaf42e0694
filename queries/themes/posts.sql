-- Themes, step 1: each inbound mention of the period and of the previous one, once
-- (a post aimed at two brands is one post here), with its words: the text without
-- links and @handles, apostrophes removed, lower case and without accents, cut into
-- runs of letters and digits, and joined by single spaces with a space at each end,
-- so that a word or phrase is matched on word boundaries by looking for " phrase ".
--
-- Output: theme_posts(platform, post_id, words).
-- Parameters: $from (the previous period's start), $end.
CREATE OR REPLACE TEMP TABLE theme_posts AS
WITH bare AS (
  SELECT p.platform, p.post_id, regexp_replace(coalesce(p.text, ''), '(?i)(https?://|www\.)\S*|@[A-Za-z0-9_]+', ' ', 'g') AS text
  FROM posts p
  SEMI JOIN (
    SELECT DISTINCT platform, post_id FROM mentions
    WHERE created_at >= $from::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  ) m ON m.platform = p.platform AND m.post_id = p.post_id
)
SELECT platform, post_id,
       ' ' || array_to_string(regexp_extract_all(
         -- only a text with an apostrophe is searched for them (most have none)
         lower(strip_accents(CASE WHEN contains(text, '''') OR contains(text, '’') OR contains(text, '`') THEN regexp_replace(text, '[''’`]', '', 'g') ELSE text END)),
         '[\p{L}\p{N}]+'), ' ') || ' ' AS words
FROM bare;
