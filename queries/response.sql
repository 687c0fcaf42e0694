-- Response rate and response time, per brand (scope '*' = all platforms) and per
-- brand and platform, for inbound mentions created in [$start, $end).
--   inbound     inbound mentions (see base/inbound.sql)
--   answered    mentions with a response within the window (base/mentions.sql)
--   pending     unanswered mentions whose window was still open at the newest post
--   median/p90  linear interpolation between order statistics (quantile_cont)
--   mean        average response time of answered mentions, minutes
--   bucket_*    all inbound split by response time; upper bounds included
--               (exactly 60 minutes is 0-1h); '24h+' runs to the end of the window
-- Counts are cast to DOUBLE so they reach JavaScript as plain numbers.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
SELECT brand_id,
       CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
       count(*)::DOUBLE AS inbound,
       count(response_at)::DOUBLE AS answered,
       count(*) FILTER (WHERE pending)::DOUBLE AS pending,
       quantile_cont(response_min, 0.5) AS median_min,
       quantile_cont(response_min, 0.9) AS p90_min,
       avg(response_min) AS mean_min,
       count(*) FILTER (WHERE response_min <= 60)::DOUBLE AS bucket_0_1h,
       count(*) FILTER (WHERE response_min > 60 AND response_min <= 240)::DOUBLE AS bucket_1_4h,
       count(*) FILTER (WHERE response_min > 240 AND response_min <= 480)::DOUBLE AS bucket_4_8h,
       count(*) FILTER (WHERE response_min > 480 AND response_min <= 1440)::DOUBLE AS bucket_8_24h,
       count(*) FILTER (WHERE response_min > 1440)::DOUBLE AS bucket_24h_plus,
       count(*) FILTER (WHERE response_min IS NULL)::DOUBLE AS bucket_unanswered
FROM mentions
WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  AND ($inbound_mode = 'all' OR is_question)
GROUP BY GROUPING SETS ((brand_id), (brand_id, platform));
