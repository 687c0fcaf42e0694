-- Share of ALL inbound mentions (not only the answered ones) answered within each
-- response-time target of the config (rb_sla, minutes; the bound is included),
-- per brand (scope '*') and per brand and platform (scopes.sql), among the measured
-- mentions (coverage.sql) that need an answer (base/mentions.sql); NULL without any.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH grouped AS (
  SELECT m.brand_id,
         CASE WHEN grouping(m.platform) = 1 THEN '*' ELSE m.platform END AS scope,
         s.target_min,
         (count(*) FILTER (WHERE m.response_min <= s.target_min) / count(*))::DOUBLE AS share
  FROM mentions m
  SEMI JOIN measured_platforms mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
  CROSS JOIN rb_sla s
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question) AND m.needs_answer
  GROUP BY GROUPING SETS ((m.brand_id, s.target_min), (m.brand_id, m.platform, s.target_min))
)
SELECT s.brand_id, s.scope, t.target_min, g.share
FROM metric_scopes s
CROSS JOIN rb_sla t
LEFT JOIN grouped g ON g.brand_id = s.brand_id AND g.scope = s.scope AND g.target_min = t.target_min;
