-- Share of voice: a brand's inbound mentions divided by the inbound mentions of all
-- tracked brands together (a post that mentions two brands counts for each), in
-- [$start, $end); per platform, the total is that platform's. A brand without
-- mentions has 0 where other brands of its scope have some, and NULL (no share)
-- where no brand has any.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH counts AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS inbound
  FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question)
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
),
scoped AS (
  SELECT s.brand_id, s.scope, coalesce(c.inbound, 0) AS inbound,
         (SELECT sum(t.inbound) FROM counts t WHERE t.scope = s.scope) AS scope_total
  FROM metric_scopes s
  LEFT JOIN counts c ON c.brand_id = s.brand_id AND c.scope = s.scope
)
SELECT brand_id, scope, (inbound / nullif(scope_total, 0))::DOUBLE AS share_of_voice
FROM scoped;
