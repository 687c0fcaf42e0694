-- rb_audience_mentions(start_at, end_at, inbound_mode, field): the mentions the influencer
-- and sentiment splits rest on (diagnostics/influencer_priority.sql with field 'followers',
-- diagnostics/sentiment.sql with 'sentiment'): inbound mentions of [start_at, end_at) that need an
-- answer (base/mentions.sql), on platforms where the data can measure the brand's answers
-- (base/measured.sql: elsewhere a rate of 0% would be an artifact of the export), with the
-- author's follower count and the sentiment the export gave (rb_sentiment; NULL when none).
--
-- Every brand is measured on the same platforms: those where the export gives the field to
-- at least half of the client's mentions above, when there are such platforms. A client
-- rated on Facebook alone is not set against competitors rated on Twitter too.
--   has_field           the export gives the mention the field (a sentiment, or a follower count)
--   compared            the mention is on one of those platforms (always, when there is none)
--   compared_platforms  those platforms, sorted; empty when there is none, and every brand
--                       is then measured on every platform
--   other_platforms     the platforms of the mentions above that are not compared, sorted
--   client_other_platforms  those of them that hold mentions of the client (where importing
--                       the client's mentions with the field would compare them too)
--
-- Parameters: none (macros of the analysis's connection).
CREATE OR REPLACE TEMP MACRO rb_audience_mentions(start_at, end_at, inbound_mode, field) AS TABLE
WITH measured AS (
  SELECT m.brand_id, m.platform, m.response_at, m.response_min, m.listed_missing, p.author_followers AS followers, rb_sentiment(p.sentiment) AS sentiment,
         CASE field WHEN 'sentiment' THEN rb_sentiment(p.sentiment) IS NOT NULL ELSE p.author_followers IS NOT NULL END AS has_field
  FROM mentions m
  JOIN posts p ON p.platform = m.platform AND p.post_id = m.post_id
  SEMI JOIN rb_measured_platforms(start_at, end_at) d ON d.brand_id = m.brand_id AND d.platform = m.platform
  WHERE m.created_at >= start_at AND m.created_at < end_at
    AND (inbound_mode = 'all' OR m.is_question) AND m.needs_answer
),
compared AS (
  SELECT coalesce(list(platform ORDER BY platform), []) AS platforms
  FROM (
    SELECT m.platform
    FROM measured m
    JOIN rb_brands b ON b.brand_id = m.brand_id AND b.role = 'client'
    GROUP BY m.platform
    HAVING count(*) FILTER (WHERE m.has_field) * 2 >= count(*)
  )
),
left_out AS (
  SELECT coalesce(list(DISTINCT m.platform ORDER BY m.platform), []) AS platforms,
         coalesce(list(DISTINCT m.platform ORDER BY m.platform) FILTER (WHERE b.role = 'client'), []) AS client_platforms
  FROM measured m
  JOIN rb_brands b ON b.brand_id = m.brand_id
  CROSS JOIN compared c
  WHERE len(c.platforms) > 0 AND NOT list_contains(c.platforms, m.platform)
)
SELECT m.*, len(c.platforms) = 0 OR list_contains(c.platforms, m.platform) AS compared,
       c.platforms AS compared_platforms, o.platforms AS other_platforms, o.client_platforms AS client_other_platforms
FROM measured m
CROSS JOIN compared c
CROSS JOIN left_out o;

-- rb_audience_groups(start_at, end_at, inbound_mode, field, min_group_mentions, influencer_followers):
-- those mentions per brand and group, with the response rate and median response time of
-- each group. The groups of 'sentiment': negative, neutral, positive, and 'unknown' (the
-- export gave none); of 'followers': 'influencer' (at least influencer_followers
-- followers), 'other' (fewer), and 'unknown' (no count). A mention on a platform left out
-- is in the group 'elsewhere' (counted, with no rate). Under min_group_mentions mentions a
-- group's rate and median are NULL, with reason 'too-few-mentions': a handful of mentions
-- says nothing comparable. with_field counts a group's mentions that have the field.
CREATE OR REPLACE TEMP MACRO rb_audience_groups(start_at, end_at, inbound_mode, field, min_group_mentions, influencer_followers) AS TABLE
WITH grouped AS (
  SELECT brand_id, response_at, response_min, listed_missing, compared_platforms, other_platforms, client_other_platforms, has_field,
         CASE WHEN NOT compared THEN 'elsewhere'
              WHEN field = 'sentiment' THEN coalesce(sentiment, 'unknown')
              WHEN followers IS NULL THEN 'unknown'
              WHEN followers >= influencer_followers THEN 'influencer'
              ELSE 'other' END AS grp
  FROM rb_audience_mentions(start_at, end_at, inbound_mode, field)
)
SELECT brand_id, grp,
       count(*)::INTEGER AS inbound,
       count(response_at)::INTEGER AS answered,
       count(*) FILTER (WHERE listed_missing)::INTEGER AS listed_missing,
       CASE WHEN count(*) >= min_group_mentions AND grp <> 'elsewhere' THEN (count(response_at) / count(*))::DOUBLE END AS response_rate,
       CASE WHEN count(*) >= min_group_mentions AND grp <> 'elsewhere' THEN quantile_cont(response_min, 0.5)::DOUBLE END AS median_min,
       CASE WHEN count(*) < min_group_mentions AND grp <> 'elsewhere' THEN 'too-few-mentions' END AS reason,
       count(*) FILTER (WHERE has_field)::INTEGER AS with_field,
       any_value(compared_platforms) AS compared_platforms,
       any_value(other_platforms) AS other_platforms,
       any_value(client_other_platforms) AS client_other_platforms
FROM grouped
GROUP BY brand_id, grp;
