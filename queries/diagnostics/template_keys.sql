-- Near-duplicate grouping ("templates") of normalised texts, per brand.
-- Input:  diag_template_input(brand_id, platform, post_id, norm), norm = rb_template_text(text).
-- Output: diag_template_keys(brand_id, platform, post_id, template_key).
--
-- Method (token skeleton): a word that occurs in fewer than $min_group texts
-- of the same brand cannot be part of a template used $min_group times or
-- more, so it is a variable slot (a name, a product) and becomes "·". Texts
-- with the same skeleton are one template. A skeleton is used only when it
-- keeps at least 3 words and at least half of the text's words; otherwise the
-- text stands for itself (free text is never merged with other free text).
-- Exact duplicates of the normalised text always share a key.
-- Cost: identical texts are collapsed first (canned text is, by nature, mostly
-- identical) and numbered; the word counts come from one pass over the distinct
-- texts, and only the rare words are looked up again to find their places, so a
-- text without rare words (the common case for canned text) is its own skeleton
-- without being taken apart. No pairwise comparison.
CREATE OR REPLACE TEMP TABLE diag_template_keys AS
WITH texts AS (
  SELECT brand_id, norm, count(*) AS uses, row_number() OVER () AS tid, len(string_split(norm, ' ')) AS total
  FROM diag_template_input
  WHERE norm <> ''
  GROUP BY brand_id, norm
),
frequency AS (
  SELECT brand_id, word, sum(uses) AS texts
  FROM (SELECT brand_id, uses, unnest(list_distinct(string_split(norm, ' '))) AS word FROM texts)
  GROUP BY brand_id, word
),
rare AS (
  SELECT brand_id, word FROM frequency WHERE texts < $min_group
),
rare_words AS (
  -- each rare word of each text, with its place
  SELECT w.tid, w.pos
  FROM (
    SELECT tid, brand_id, unnest(string_split(norm, ' ')) AS word, generate_subscripts(string_split(norm, ' '), 1) AS pos
    FROM texts
  ) w
  SEMI JOIN rare r ON r.brand_id = w.brand_id AND r.word = w.word
),
kept AS (
  SELECT t.tid, t.brand_id, t.norm, t.total, t.total - count(r.pos) AS kept, list(r.pos) FILTER (WHERE r.pos IS NOT NULL) AS slots
  FROM texts t
  LEFT JOIN rare_words r ON r.tid = t.tid
  GROUP BY t.tid, t.brand_id, t.norm, t.total
),
skeletons AS (
  -- a text without rare words is its own skeleton; otherwise its rare words become "·"
  SELECT tid, kept, total,
         regexp_replace(
           CASE WHEN kept = total THEN norm
                ELSE array_to_string(list_transform(string_split(norm, ' '), (word, pos) -> CASE WHEN list_contains(slots, pos) THEN '·' ELSE word END), ' ')
           END,
           '·( ·)+', '·', 'g') AS skeleton
  FROM kept
)
SELECT
  i.brand_id,
  i.platform,
  i.post_id,
  CASE WHEN s.kept >= 3 AND s.kept * 2 >= s.total THEN s.skeleton ELSE i.norm END AS template_key
FROM diag_template_input i
JOIN texts t ON t.brand_id = i.brand_id AND t.norm = i.norm
JOIN skeletons s ON s.tid = t.tid;
