-- Monthly trend: inbound, answered, response rate and median response time per brand and
-- local month (report timezone), for mentions created in [$start, $end) (13 months).
-- inbound counts every mention (the volume bars); answered, the response rate and the
-- median rest on the mentions that need an answer (base/mentions.sql), in the months
-- and platforms where the data holds the brand's posts or answers, as in coverage.sql:
-- a month whose replies were not exported has no rate, not 0%. A brand the data holds in
-- a month (a mention, a question or not, or a post of its own, reposts aside) without a
-- mention counted there gets a row of 0: the months without a row of any brand are the
-- ones the data does not cover (trend.ts gives them no value, not 0).
-- response_rate_end: where too many of the mentions the rate rests on are unanswered while
-- their export lists a response the data lacks (rb_lists_missing, base/config_tables.sql:
-- coverage.sql's responses-missing, of the month), the rate is a lower bound and this is its
-- other end, each of them an answer; NULL where the rate is exact.
--
-- Parameters: $start, $end, $tz, $inbound_mode ('questions': only mentions with "?" or "¿").
WITH scoped AS (
  SELECT * FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR is_question)
),
measured AS (
  SELECT brand_id, platform, strftime(created_at AT TIME ZONE $tz, '%Y-%m') AS local_month
  FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
  UNION
  SELECT brand_id, platform, local_month FROM scoped WHERE response_at IS NOT NULL
),
counted AS (
  SELECT m.brand_id, m.local_month,
         count(*)::DOUBLE AS inbound,
         count(m.response_at) FILTER (WHERE m.needs_answer)::DOUBLE AS answered,
         (count(m.response_at) FILTER (WHERE m.needs_answer)
           / nullif(count(*) FILTER (WHERE d.platform IS NOT NULL AND m.needs_answer), 0))::DOUBLE AS response_rate,
         quantile_cont(m.response_min, 0.5) FILTER (WHERE m.needs_answer) AS median_min,
         count(*) FILTER (WHERE d.platform IS NOT NULL AND m.needs_answer AND m.listed_missing) AS listed_missing,
         count(*) FILTER (WHERE d.platform IS NOT NULL AND m.needs_answer) AS measured
  FROM scoped m
  LEFT JOIN measured d ON d.brand_id = m.brand_id AND d.platform = m.platform AND d.local_month = m.local_month
  GROUP BY m.brand_id, m.local_month
),
covered AS (
  -- The months the data holds of each brand: any mention (a question or not) or post of its own.
  SELECT DISTINCT brand_id, local_month FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
  UNION
  SELECT brand_id, local_month FROM measured
)
SELECT brand_id, local_month, inbound, answered, response_rate, median_min,
       rb_listed_rate_end(response_rate, listed_missing, measured)::DOUBLE AS response_rate_end
FROM counted
UNION ALL
SELECT c.brand_id, c.local_month, 0, 0, NULL::DOUBLE, NULL::DOUBLE, NULL::DOUBLE
FROM covered c
ANTI JOIN counted n ON n.brand_id = c.brand_id AND n.local_month = c.local_month;
