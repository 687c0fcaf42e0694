-- Sentiment, per brand: inbound mentions of the period by the sentiment the
-- export gave them (rb_sentiment; 'unknown' when it gave none), with response
-- rate and median response time per sentiment, on the mentions and platforms
-- rb_audience_mentions keeps (audience_mentions.sql): a brand's mentions on a platform
-- where the client's export gives no sentiment are the group 'elsewhere' (counted, with
-- no rate), so that every brand is compared on the same platforms; with_field counts a
-- group's mentions that have a sentiment (a brand whose export gives none anywhere has
-- no sentiment data).
--
-- Under $min_group_mentions mentions a group's rate and median are NULL, with reason
-- 'too-few-mentions': a handful of mentions says nothing comparable.
--
-- Parameters: $start, $end, $inbound_mode, $min_group_mentions.
WITH scoped AS (
  SELECT brand_id, response_at, response_min, compared_platforms, other_platforms, sentiment IS NOT NULL AS has_field,
         CASE WHEN NOT compared THEN 'elsewhere' ELSE coalesce(sentiment, 'unknown') END AS sentiment
  FROM rb_audience_mentions($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode, 'sentiment')
)
SELECT brand_id, sentiment,
       count(*)::INTEGER AS inbound,
       count(response_at)::INTEGER AS answered,
       CASE WHEN count(*) >= $min_group_mentions AND sentiment <> 'elsewhere' THEN (count(response_at) / count(*))::DOUBLE END AS response_rate,
       CASE WHEN count(*) >= $min_group_mentions AND sentiment <> 'elsewhere' THEN quantile_cont(response_min, 0.5)::DOUBLE END AS median_min,
       CASE WHEN count(*) < $min_group_mentions AND sentiment <> 'elsewhere' THEN 'too-few-mentions' END AS reason,
       count(*) FILTER (WHERE has_field)::INTEGER AS with_field,
       any_value(compared_platforms) AS compared_platforms,
       any_value(other_platforms) AS other_platforms
FROM scoped
GROUP BY brand_id, sentiment
ORDER BY brand_id, sentiment;
