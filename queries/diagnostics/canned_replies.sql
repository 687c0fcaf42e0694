-- Canned replies, per brand: a reply is canned when its template (its
-- normalised text, near-duplicates merged by template_keys.sql) is shared
-- with at least $min_group - 1 other replies of the same brand in the period.
-- A reply whose normalised text is empty (only a handle, a link, an emoji) has
-- no template and is never canned, but it still counts among the replies.
--
-- Parameters: $min_group (5 = the reply and at least 4 others).
WITH templates AS (
  SELECT brand_id, template_key, count(*) AS uses
  FROM diag_template_keys
  GROUP BY brand_id, template_key
),
canned AS (
  SELECT brand_id, sum(uses) AS canned
  FROM templates
  WHERE uses >= $min_group
  GROUP BY brand_id
),
replies AS (
  SELECT brand_id, count(*) AS replies FROM diag_template_input GROUP BY brand_id
)
SELECT b.brand_id,
       coalesce(r.replies, 0)::INTEGER AS replies,
       coalesce(c.canned, 0)::INTEGER AS canned,
       (coalesce(c.canned, 0) / nullif(r.replies, 0))::DOUBLE AS canned_share
FROM rb_brands b
LEFT JOIN replies r ON r.brand_id = b.brand_id
LEFT JOIN canned c ON c.brand_id = b.brand_id
ORDER BY b.ord;
