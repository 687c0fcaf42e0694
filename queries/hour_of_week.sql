-- Inbound volume (every mention), and the answered mentions that needed an answer
-- (base/mentions.sql) with their median response time, by hour of the week, in the report timezone
-- (weekday 0 = Monday ... 6 = Sunday; hour 0-23), per brand, for mentions created in
-- [$start, $end).
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
SELECT brand_id, weekday, hour,
       count(*)::DOUBLE AS inbound,
       count(response_min) FILTER (WHERE needs_answer)::DOUBLE AS answered,
       quantile_cont(response_min, 0.5) FILTER (WHERE needs_answer) AS median_min
FROM mentions
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR is_question)
GROUP BY brand_id, weekday, hour;
