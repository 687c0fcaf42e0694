-- The "share answered over time" curve: for each brand and each minute of $minutes
-- (src/report/charts/curve-minutes.ts), how many of its mentions created in
-- [$start, $end) that needed an answer (base/mentions.sql) were answered within it.
-- The report divides by the brand's measured mentions, as the response rate does.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿"),
-- $minutes (the minutes, comma-separated: as JavaScript writes them, they read back as the
-- same numbers).
WITH answered AS (
  SELECT brand_id, response_min
  FROM mentions
  WHERE response_min IS NOT NULL AND needs_answer
    AND created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question)
),
-- Answered within each distinct response time: a running count per brand.
steps AS (
  SELECT brand_id, response_min, sum(count(*)) OVER (PARTITION BY brand_id ORDER BY response_min) AS answered
  FROM answered
  GROUP BY brand_id, response_min
),
points AS (
  SELECT b.brand_id, m.minutes
  FROM (SELECT DISTINCT brand_id FROM answered) b
  CROSS JOIN (SELECT DISTINCT unnest(string_split($minutes, ',')::DOUBLE[]) AS minutes) m
)
SELECT p.brand_id, p.minutes, coalesce(s.answered, 0)::DOUBLE AS answered
FROM points p
ASOF LEFT JOIN steps s ON s.brand_id = p.brand_id AND s.response_min <= p.minutes
ORDER BY p.brand_id, p.minutes;
