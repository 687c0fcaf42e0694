-- Canned replies, per brand: a reply is canned when its template (its
-- normalised text, near-duplicates merged by template_keys.sql) is shared
-- with at least $min_group - 1 other replies of the same brand in the period.
-- A reply whose normalised text is empty (only a handle, a link, an emoji) has
-- no template and is never canned, but it still counts among the replies.
-- Whether a template reaches $min_group uses depends on how many replies there
-- are (one used 8% of the time cannot reach 5 uses in 43 replies): the share is
-- NULL, with reason 'too-few-replies', under $min_replies replies (NULL without
-- a reason when there is no reply at all).
--
-- Parameters: $min_group (5 = the reply and at least 4 others), $min_replies.
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
       CASE WHEN coalesce(r.replies, 0) >= $min_replies THEN (coalesce(c.canned, 0) / r.replies)::DOUBLE END AS canned_share,
       CASE WHEN r.replies > 0 AND r.replies < $min_replies THEN 'too-few-replies' END AS reason
FROM rb_brands b
LEFT JOIN replies r ON r.brand_id = b.brand_id
LEFT JOIN canned c ON c.brand_id = b.brand_id
ORDER BY b.ord;
