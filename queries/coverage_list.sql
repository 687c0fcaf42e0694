-- The coverage rows of coverage.sql (run first), one per (brand, scope).
--
-- Parameters: none.
SELECT brand_id, scope, brand_posts, inbound_measured, inbound_with_listed_responses, listed_responses_missing,
       replies_with_missing_parent, no_brand_posts, responses_missing, parents_missing
FROM metric_coverage;
