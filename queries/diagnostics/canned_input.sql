-- Canned replies, step 1: the brand's replies in the period ("reply" as in
-- reply versus broadcast: a reply to someone else's post), with their
-- template text (rb_template_text, normalise_text.sql), as the input of
-- template_keys.sql. The @handles are removed first and each distinct
-- remaining text is normalised once: canned replies differ mostly by the
-- handle they start with, and normalising (several regular expressions) is
-- the costly step.
--
-- Parameters: $start, $end (the period, [start, end)).
CREATE OR REPLACE TEMP TABLE diag_template_input AS
WITH replies AS (
  SELECT b.brand_id, b.platform, b.post_id, regexp_replace(coalesce(p.text, ''), '@[A-Za-z0-9_]+', ' ', 'g') AS bare
  FROM brand_posts b
  JOIN posts p ON p.platform = b.platform AND p.post_id = b.post_id
  WHERE b.post_type = 'reply'
    AND b.created_at >= $start::TIMESTAMPTZ AND b.created_at < $end::TIMESTAMPTZ
),
normalised AS (
  SELECT bare, rb_template_text(bare) AS norm
  FROM (SELECT DISTINCT bare FROM replies)
)
SELECT r.brand_id, r.platform, r.post_id, n.norm
FROM replies r
JOIN normalised n USING (bare);
