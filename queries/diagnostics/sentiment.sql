-- Sentiment, per brand: inbound mentions of the period by the sentiment the
-- export gave them (rb_sentiment; 'unknown' when it gave none), with response
-- rate and median response time per sentiment.
-- Only mentions on platforms where the data can measure the brand's answers
-- (base/measured.sql): elsewhere a rate of 0% would be an artifact of the export.
--
-- Parameters: $start, $end, $inbound_mode.
WITH scoped AS (
  SELECT m.brand_id, m.response_at, m.response_min, coalesce(rb_sentiment(p.sentiment), 'unknown') AS sentiment
  FROM mentions m
  JOIN posts p ON p.platform = m.platform AND p.post_id = m.post_id
  SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) d ON d.brand_id = m.brand_id AND d.platform = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question)
)
SELECT brand_id, sentiment,
       count(*)::INTEGER AS inbound,
       count(response_at)::INTEGER AS answered,
       (count(response_at) / count(*))::DOUBLE AS response_rate,
       quantile_cont(response_min, 0.5)::DOUBLE AS median_min
FROM scoped
GROUP BY brand_id, sentiment
ORDER BY brand_id, sentiment;
