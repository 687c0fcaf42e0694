-- Share of voice: a brand's inbound mentions divided by the inbound mentions of all
-- tracked brands together (a post that mentions two brands counts for each), in
-- [$start, $end); per platform, the total is that platform's.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH counts AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*)::DOUBLE AS inbound
  FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question)
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
)
SELECT brand_id, scope, inbound, (inbound / sum(inbound) OVER (PARTITION BY scope))::DOUBLE AS share_of_voice
FROM counts;
