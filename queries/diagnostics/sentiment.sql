-- Sentiment, per brand: inbound mentions of the period by the sentiment the
-- export gave them (rb_sentiment; 'unknown' when it gave none), with response
-- rate and median response time per sentiment.
-- Only mentions that need an answer (base/mentions.sql), on platforms where the data
-- can measure the brand's answers
-- (base/measured.sql): elsewhere a rate of 0% would be an artifact of the export.
--
-- Every brand is measured on the platforms where the client's export gives a sentiment
-- (to at least half of the client's measured mentions there) and only there, when there
-- are such platforms: a client rated on Facebook alone is not set against competitors
-- rated on Twitter too. A brand's mentions on other platforms are the group 'elsewhere'
-- (counted, with no rate); compared_platforms lists the platforms kept (empty: none, and
-- every brand is measured on every platform).
--
-- Under $min_group_mentions mentions a group's rate and median are NULL, with reason
-- 'too-few-mentions': a handful of mentions says nothing comparable.
--
-- Parameters: $start, $end, $inbound_mode, $min_group_mentions.
WITH measured AS (
  SELECT m.brand_id, m.platform, m.response_at, m.response_min, coalesce(rb_sentiment(p.sentiment), 'unknown') AS sentiment
  FROM mentions m
  JOIN posts p ON p.platform = m.platform AND p.post_id = m.post_id
  SEMI JOIN rb_measured_platforms($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) d ON d.brand_id = m.brand_id AND d.platform = m.platform
  WHERE m.created_at >= $start::TIMESTAMPTZ AND m.created_at < $end::TIMESTAMPTZ
    AND ($inbound_mode = 'all' OR m.is_question) AND m.needs_answer
),
compared AS (
  SELECT coalesce(list(platform ORDER BY platform), []) AS platforms
  FROM (
    SELECT m.platform
    FROM measured m
    JOIN rb_brands b ON b.brand_id = m.brand_id AND b.role = 'client'
    GROUP BY m.platform
    HAVING count(*) FILTER (WHERE m.sentiment <> 'unknown') * 2 >= count(*)
  )
),
scoped AS (
  SELECT m.brand_id, m.response_at, m.response_min,
         CASE WHEN len(c.platforms) > 0 AND NOT list_contains(c.platforms, m.platform) THEN 'elsewhere' ELSE m.sentiment END AS sentiment
  FROM measured m CROSS JOIN compared c
)
SELECT brand_id, sentiment,
       count(*)::INTEGER AS inbound,
       count(response_at)::INTEGER AS answered,
       CASE WHEN count(*) >= $min_group_mentions AND sentiment <> 'elsewhere' THEN (count(response_at) / count(*))::DOUBLE END AS response_rate,
       CASE WHEN count(*) >= $min_group_mentions AND sentiment <> 'elsewhere' THEN quantile_cont(response_min, 0.5)::DOUBLE END AS median_min,
       CASE WHEN count(*) < $min_group_mentions AND sentiment <> 'elsewhere' THEN 'too-few-mentions' END AS reason,
       (SELECT platforms FROM compared) AS compared_platforms
FROM scoped
GROUP BY brand_id, sentiment
ORDER BY brand_id, sentiment;
