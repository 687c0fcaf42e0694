-- The themes found for each brand (found.sql, run first), strongest first.
--
-- Parameters: none.
SELECT brand_id, kind, term, mentions, z FROM theme_found ORDER BY brand_id, kind, z DESC, term;
