-- Influencer priority, per brand: inbound mentions of the period split by the
-- author's follower count as the export recorded it: influencers (at least
-- $influencer_followers followers), others (fewer), and unknown (the export
-- had no count). Response rate and median response time per group, on the mentions and
-- platforms rb_audience_mentions keeps (audience_mentions.sql): a brand's mentions on a
-- platform where the client's export gives no follower counts are the group 'elsewhere'
-- (counted, with no rate), so that every brand is compared on the same platforms; with_field
-- counts a group's mentions that have a follower count.
--
-- Under $min_group_mentions mentions a group's rate and median are NULL, with reason
-- 'too-few-mentions': a handful of mentions says nothing comparable.
--
-- Parameters: $start, $end, $inbound_mode, $min_group_mentions, $influencer_followers.
WITH scoped AS (
  SELECT brand_id, response_at, response_min, compared_platforms, other_platforms, followers IS NOT NULL AS has_field,
         CASE WHEN NOT compared THEN 'elsewhere'
              WHEN followers IS NULL THEN 'unknown'
              WHEN followers >= $influencer_followers THEN 'influencer'
              ELSE 'other' END AS audience
  FROM rb_audience_mentions($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode, 'followers')
)
SELECT brand_id, audience,
       count(*)::INTEGER AS inbound,
       count(response_at)::INTEGER AS answered,
       CASE WHEN count(*) >= $min_group_mentions AND audience <> 'elsewhere' THEN (count(response_at) / count(*))::DOUBLE END AS response_rate,
       CASE WHEN count(*) >= $min_group_mentions AND audience <> 'elsewhere' THEN quantile_cont(response_min, 0.5)::DOUBLE END AS median_min,
       CASE WHEN count(*) < $min_group_mentions AND audience <> 'elsewhere' THEN 'too-few-mentions' END AS reason,
       count(*) FILTER (WHERE has_field)::INTEGER AS with_field,
       any_value(compared_platforms) AS compared_platforms,
       any_value(other_platforms) AS other_platforms
FROM scoped
GROUP BY brand_id, audience
ORDER BY brand_id, audience;
