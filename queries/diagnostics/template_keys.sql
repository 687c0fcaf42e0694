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
-- identical), then one pass over the words of the distinct texts and one
-- GROUP BY; no pairwise comparison.
CREATE OR REPLACE TEMP TABLE diag_template_keys AS
WITH texts AS (
  SELECT brand_id, norm, count(*) AS uses
  FROM diag_template_input
  WHERE norm <> ''
  GROUP BY brand_id, norm
),
words AS (
  SELECT brand_id, norm, uses, unnest(w) AS word, generate_subscripts(w, 1) AS pos
  FROM (SELECT brand_id, norm, uses, string_split(norm, ' ') AS w FROM texts)
),
frequency AS (
  SELECT brand_id, word, sum(uses) AS texts
  FROM (SELECT DISTINCT brand_id, norm, uses, word FROM words)
  GROUP BY brand_id, word
),
skeletons AS (
  SELECT
    w.brand_id,
    w.norm,
    regexp_replace(string_agg(CASE WHEN f.texts >= $min_group THEN w.word ELSE '·' END, ' ' ORDER BY w.pos), '·( ·)+', '·', 'g') AS skeleton,
    count(*) FILTER (WHERE f.texts >= $min_group) AS kept,
    count(*) AS total
  FROM words w
  JOIN frequency f USING (brand_id, word)
  GROUP BY w.brand_id, w.norm
)
SELECT
  i.brand_id,
  i.platform,
  i.post_id,
  CASE WHEN s.kept >= 3 AND s.kept * 2 >= s.total THEN s.skeleton ELSE i.norm END AS template_key
FROM diag_template_input i
JOIN skeletons s USING (brand_id, norm);
