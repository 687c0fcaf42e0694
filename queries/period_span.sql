-- When the data of the whole period falls, all tracked brands together (METRICS.md,
-- "Comparability", partial-period): first and last post of the period (inbound
-- mentions and the brands' own posts), local days ($tz) with data of the period's
-- period_days, local days from the first to the last (span_days, both counted), and the
-- local day with most of the mentions (each mention once, whatever the number of brands
-- it targets; ties: the earliest day) with its share.
-- partial: fewer than half of the days have data, or more than half of the mentions
-- fall on one day. Every mention counts, questions or not (as in coverage.sql): this is
-- what the exports cover.
--
-- Parameters: $start, $end, $tz.
WITH received AS (
  SELECT DISTINCT platform, post_id, created_at, local_day
  FROM mentions
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ
),
activity AS (
  SELECT created_at, local_day FROM received
  UNION ALL
  SELECT created_at, local_day FROM brand_posts
  WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ AND post_type <> 'repost'
),
days AS (
  SELECT local_day, count(*) AS n
  FROM received
  GROUP BY ALL
),
summary AS (
  SELECT (SELECT min(created_at) FROM activity) AS first_at,
         (SELECT max(created_at) FROM activity) AS last_at,
         (SELECT count(DISTINCT local_day) FROM activity) AS days_with_data,
         (SELECT date_diff('day', min(local_day), max(local_day)) + 1 FROM activity) AS span_days,
         date_diff('day', ($start::TIMESTAMPTZ AT TIME ZONE $tz)::DATE, ($end::TIMESTAMPTZ AT TIME ZONE $tz)::DATE) AS period_days,
         (SELECT count(*) FROM received) AS mentions,
         (SELECT arg_max(local_day, (n, -epoch(local_day))) FROM days) AS busiest_day,
         (SELECT max(n) FROM days) AS busiest_day_mentions
)
SELECT strftime(first_at, '%Y-%m-%dT%H:%M:%SZ') AS first_at,
       strftime(last_at, '%Y-%m-%dT%H:%M:%SZ') AS last_at,
       days_with_data::DOUBLE AS days_with_data,
       coalesce(span_days, 0)::DOUBLE AS span_days,
       period_days::DOUBLE AS period_days,
       strftime(busiest_day, '%Y-%m-%d') AS busiest_day,
       coalesce(busiest_day_mentions, 0)::DOUBLE AS busiest_day_mentions,
       (busiest_day_mentions / nullif(mentions, 0))::DOUBLE AS busiest_day_share,
       -- A period of one day holds all its mentions on one day: only a period of several days can have them crowd on one.
       coalesce(days_with_data * 2 < period_days OR (period_days > 1 AND busiest_day_mentions * 2 > mentions), false) AS partial
FROM summary;
