-- Every response time of each brand's answered mentions created in [$start, $end) that
-- needed an answer (base/mentions.sql),
-- sorted, for the report's "share answered over time" curve.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
SELECT brand_id, list(response_min ORDER BY response_min) AS times
FROM mentions
WHERE response_min IS NOT NULL AND needs_answer
  AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR is_question)
GROUP BY brand_id;
