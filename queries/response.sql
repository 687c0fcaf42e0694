-- Response rate and response time, per brand (scope '*' = all platforms) and per
-- brand and platform (scopes.sql), for inbound mentions created in [$start, $end).
-- Everything but inbound rests on the measured mentions that need an answer only:
-- those on platforms where the data holds the brand's posts (coverage.sql, run first),
-- mass mentions and closers left out (base/mentions.sql, needs_answer). Where the data
-- holds no post of the brand, its response metrics are NULL, not a confident 0.
--   inbound        inbound mentions (see base/inbound.sql), measured or not, needing an
--                  answer or not: the volume
--   answered       mentions with a response within the window (base/mentions.sql)
--   pending        measured, unanswered mentions whose window was still open at the
--                  newest post
--   response_rate  answered / measured inbound that needs an answer, with its 95% Wilson interval
--                  (base/intervals.sql); NULL without measured mentions
--   median/p90     linear interpolation between order statistics (quantile_cont)
--   mean           average response time of answered mentions, minutes: the exact sum of
--                  their microseconds over their count (a sum of DOUBLE minutes depends
--                  on the order DuckDB's threads add them in, in the last digits)
--   bucket_*       all inbound split by response time; upper bounds included
--                  (exactly 60 minutes is 0-1h); '24h+' runs to the end of the window
--   low_sample     fewer than 30 measured mentions that need an answer; low_sample_times:
--                  fewer than 30 answered
-- Counts are cast to DOUBLE so they reach JavaScript as plain numbers.
--
-- Parameters: $start, $end, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH measured AS (
  SELECT m.brand_id, m.platform, m.pending,
         mp.platform IS NOT NULL AND m.needs_answer AS is_measured,
         CASE WHEN m.needs_answer THEN m.response_at END AS response_at,
         CASE WHEN m.needs_answer THEN m.response_min END AS response_min,
         CASE WHEN m.needs_answer THEN epoch_us(m.response_at) - epoch_us(m.created_at) END AS response_us
  FROM mentions m
  LEFT JOIN measured_platforms mp ON mp.brand_id = m.brand_id AND mp.platform = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question)
),
grouped AS (
  SELECT brand_id,
         CASE WHEN grouping(platform) = 1 THEN '*' ELSE platform END AS scope,
         count(*) AS all_inbound,
         count(*) FILTER (WHERE is_measured) AS inbound,
         count(response_at) AS answered,
         count(*) FILTER (WHERE pending AND is_measured) AS pending,
         quantile_cont(response_min, 0.5) AS median_min,
         quantile_cont(response_min, 0.9) AS p90_min,
         avg(response_us) / 60000000 AS mean_min,
         count(*) FILTER (WHERE response_min <= 60) AS bucket_0_1h,
         count(*) FILTER (WHERE response_min > 60 AND response_min <= 240) AS bucket_1_4h,
         count(*) FILTER (WHERE response_min > 240 AND response_min <= 480) AS bucket_4_8h,
         count(*) FILTER (WHERE response_min > 480 AND response_min <= 1440) AS bucket_8_24h,
         count(*) FILTER (WHERE response_min > 1440) AS bucket_24h_plus,
         count(*) FILTER (WHERE response_min IS NULL AND is_measured) AS bucket_unanswered
  FROM measured
  GROUP BY GROUPING SETS ((brand_id), (brand_id, platform))
)
SELECT s.brand_id, s.scope,
       coalesce(g.all_inbound, 0)::DOUBLE AS inbound,
       coalesce(g.answered, 0)::DOUBLE AS answered,
       coalesce(g.pending, 0)::DOUBLE AS pending,
       (g.answered / nullif(g.inbound, 0))::DOUBLE AS response_rate,
       rb_wilson_low(g.answered, g.inbound) AS response_rate_low,
       rb_wilson_high(g.answered, g.inbound) AS response_rate_high,
       g.median_min::DOUBLE AS median_min,
       g.p90_min::DOUBLE AS p90_min,
       g.mean_min::DOUBLE AS mean_min,
       coalesce(g.bucket_0_1h, 0)::DOUBLE AS bucket_0_1h,
       coalesce(g.bucket_1_4h, 0)::DOUBLE AS bucket_1_4h,
       coalesce(g.bucket_4_8h, 0)::DOUBLE AS bucket_4_8h,
       coalesce(g.bucket_8_24h, 0)::DOUBLE AS bucket_8_24h,
       coalesce(g.bucket_24h_plus, 0)::DOUBLE AS bucket_24h_plus,
       coalesce(g.bucket_unanswered, 0)::DOUBLE AS bucket_unanswered,
       coalesce(g.inbound, 0) < 30 AS low_sample,
       coalesce(g.answered, 0) < 30 AS low_sample_times
FROM metric_scopes s
LEFT JOIN grouped g ON g.brand_id = s.brand_id AND g.scope = s.scope
ORDER BY s.scope, s.ord;
