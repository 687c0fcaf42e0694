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
-- identical) and numbered, then one pass over the words of the distinct texts
-- and one GROUP BY on that number; no pairwise comparison. The skeleton's words
-- are put back in order by sorting each text's (position, word) list, which is
-- much cheaper than an ordered aggregate.
CREATE OR REPLACE TEMP TABLE diag_template_keys AS
WITH texts AS (
  SELECT brand_id, norm, count(*) AS uses, row_number() OVER () AS tid
  FROM diag_template_input
  WHERE norm <> ''
  GROUP BY brand_id, norm
),
words AS (
  SELECT tid, brand_id, uses, unnest(w) AS word, generate_subscripts(w, 1) AS pos
  FROM (SELECT tid, brand_id, uses, string_split(norm, ' ') AS w FROM texts)
),
frequency AS (
  SELECT brand_id, word, sum(uses) AS texts
  FROM (SELECT brand_id, uses, unnest(list_distinct(string_split(norm, ' '))) AS word FROM texts)
  GROUP BY brand_id, word
),
skeletons AS (
  SELECT
    w.tid,
    regexp_replace(array_to_string(list_transform(list_sort(list(struct_pack(pos := w.pos, word := CASE WHEN f.texts >= $min_group THEN w.word ELSE '·' END))), x -> x.word), ' '), '·( ·)+', '·', 'g') AS skeleton,
    count(*) FILTER (WHERE f.texts >= $min_group) AS kept,
    count(*) AS total
  FROM words w
  JOIN frequency f USING (brand_id, word)
  GROUP BY w.tid
)
SELECT
  i.brand_id,
  i.platform,
  i.post_id,
  CASE WHEN s.kept >= 3 AND s.kept * 2 >= s.total THEN s.skeleton ELSE i.norm END AS template_key
FROM diag_template_input i
JOIN texts t ON t.brand_id = i.brand_id AND t.norm = i.norm
JOIN skeletons s ON s.tid = t.tid;
