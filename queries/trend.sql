-- Monthly trend: inbound, answered, response rate and median response time per brand and local
-- month (report timezone), for mentions created in [$start, $end) (13 months).
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
SELECT brand_id, local_month,
       count(*)::DOUBLE AS inbound,
       count(response_at)::DOUBLE AS answered,
       (count(response_at) / count(*))::DOUBLE AS response_rate,
       quantile_cont(response_min, 0.5) AS median_min
FROM mentions
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR is_question)
GROUP BY brand_id, local_month;
