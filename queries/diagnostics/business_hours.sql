-- Business hours, per brand with a schedule: inbound mentions of the period
-- received inside versus outside business hours, with their response rates,
-- and response times counted only within business hours, beside the calendar
-- times of the same mentions.
-- Business time elapsed up to an instant t = worked_before_us of the latest
-- opening that started at or before t, plus the part of that opening before
-- t (an ASOF join: one ordered look-up per instant).
-- Only mentions that need an answer (base/mentions.sql), on platforms where the data
-- can measure the brand's answers
-- (base/measured.sql): elsewhere a rate of 0% would be an artifact of the export.
--
-- Parameters: $start, $end, $inbound_mode.
WITH scoped AS (
  SELECT m.brand_id, m.post_id, m.created_at, m.response_at, m.response_min, m.listed_missing
  FROM mentions m
  SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) d ON d.brand_id = m.brand_id AND d.platform = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question) AND m.needs_answer
    AND m.brand_id IN (SELECT brand_id FROM diag_schedule)
),
at_mention AS (
  SELECT s.*,
         s.created_at < i.close_at AS inside,
         coalesce(i.worked_before_us + (least(epoch_us(s.created_at), epoch_us(i.close_at)) - epoch_us(i.open_at)), 0) AS worked_at_mention
  FROM scoped s
  ASOF LEFT JOIN diag_open_intervals i ON i.brand_id = s.brand_id AND s.created_at >= i.open_at
),
at_response AS (
  SELECT a.*,
         coalesce(j.worked_before_us + (least(epoch_us(a.response_at), epoch_us(j.close_at)) - epoch_us(j.open_at)), 0) AS worked_at_response
  FROM at_mention a
  ASOF LEFT JOIN diag_open_intervals j ON j.brand_id = a.brand_id AND a.response_at >= j.open_at
),
timed AS (
  SELECT brand_id, coalesce(inside, false) AS inside, response_at, response_min, listed_missing,
         CASE WHEN response_at IS NOT NULL THEN ((worked_at_response - worked_at_mention) / 60000000)::DOUBLE END AS business_min
  FROM at_response
)
SELECT d.brand_id,
       count(t.brand_id) FILTER (WHERE t.inside)::INTEGER AS inbound_inside,
       count(t.response_at) FILTER (WHERE t.inside)::INTEGER AS answered_inside,
       count(t.brand_id) FILTER (WHERE NOT t.inside)::INTEGER AS inbound_outside,
       count(t.response_at) FILTER (WHERE NOT t.inside)::INTEGER AS answered_outside,
       count(*) FILTER (WHERE t.inside AND t.listed_missing)::INTEGER AS listed_missing_inside,
       count(*) FILTER (WHERE NOT t.inside AND t.listed_missing)::INTEGER AS listed_missing_outside,
       quantile_cont(t.business_min, 0.5)::DOUBLE AS business_median_min,
       quantile_cont(t.business_min, 0.9)::DOUBLE AS business_p90_min,
       quantile_cont(t.response_min, 0.5)::DOUBLE AS calendar_median_min,
       quantile_cont(t.response_min, 0.9)::DOUBLE AS calendar_p90_min
FROM (SELECT DISTINCT brand_id FROM diag_schedule) d
LEFT JOIN timed t ON t.brand_id = d.brand_id
GROUP BY d.brand_id
ORDER BY d.brand_id;
