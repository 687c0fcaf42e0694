-- The coverage rows of coverage.sql (run first), one per (brand, scope).
--
-- Parameters: none.
SELECT * FROM metric_coverage;
