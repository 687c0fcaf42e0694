-- Unsolicited mentions (spam), per brand: posts of diag_unsolicited whose
-- template (same or near-same text, template_keys.sql) reached at least
-- $min_recipients different people in the period. A post whose normalised
-- text is empty is grouped by its exact empty text, i.e. with the other
-- text-less posts. Share = those posts / all the brand's posts in the period
-- (reposts left out).
--
-- Output: diag_unsolicited_spam(brand_id, platform, post_id, people), the
-- posts found with how many people their template reached (the examples of
-- unsolicited_examples.sql), then the per-brand summary.
-- Parameters: $start, $end, $min_recipients.
CREATE OR REPLACE TEMP TABLE diag_unsolicited_spam AS
WITH keyed AS (
  SELECT u.brand_id, u.platform, u.post_id, u.recipients, coalesce(k.template_key, '') AS template_key
  FROM diag_unsolicited u
  LEFT JOIN diag_template_keys k USING (brand_id, platform, post_id)
),
spread AS (
  SELECT brand_id, template_key, count(DISTINCT handle) AS people
  FROM (SELECT brand_id, template_key, unnest(recipients) AS handle FROM keyed)
  GROUP BY brand_id, template_key
)
SELECT k.brand_id, k.platform, k.post_id, s.people
FROM keyed k JOIN spread s USING (brand_id, template_key)
WHERE s.people >= $min_recipients;

WITH spam AS (
  SELECT brand_id, count(*) AS posts
  FROM diag_unsolicited_spam
  GROUP BY brand_id
),
own AS (
  SELECT brand_id, count(*) AS posts
  FROM brand_posts
  WHERE post_type <> 'repost' AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  GROUP BY brand_id
)
SELECT b.brand_id,
       coalesce(o.posts, 0)::INTEGER AS brand_posts,
       coalesce(s.posts, 0)::INTEGER AS unsolicited,
       (coalesce(s.posts, 0) / nullif(o.posts, 0))::DOUBLE AS unsolicited_share
FROM rb_brands b
LEFT JOIN own o ON o.brand_id = b.brand_id
LEFT JOIN spam s ON s.brand_id = b.brand_id
ORDER BY b.ord;
