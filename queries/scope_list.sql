-- The (brand, scope) pairs of scopes.sql in report order: the all-platforms scope
-- '*' first, then the platforms alphabetically; brands in config order.
--
-- Parameters: none (run scopes.sql first).
SELECT brand_id, scope, name, role FROM metric_scopes ORDER BY scope, ord;
