-- The (brand, scope) pairs the metrics of [$start, $end) are reported for: every
-- tracked brand in the all-platforms scope '*', and in each platform where it has
-- accounts or data (an inbound mention, or a post of its own other than a repost).
-- Every metric family reads this table, so a brand without data still gets its
-- row, with 0 for counts and NULL for values that cannot be computed.
--
-- Output: metric_scopes(brand_id, scope, name, role, ord).
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
CREATE OR REPLACE TEMP TABLE metric_scopes AS
WITH platforms AS (
  SELECT brand_id, platform FROM rb_accounts
  UNION
  SELECT brand_id, platform FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question)
  UNION
  SELECT brand_id, platform FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
)
SELECT b.brand_id, '*' AS scope, b.name, b.role, b.ord FROM rb_brands b
UNION ALL
SELECT b.brand_id, p.platform, b.name, b.role, b.ord FROM rb_brands b JOIN platforms p USING (brand_id);
