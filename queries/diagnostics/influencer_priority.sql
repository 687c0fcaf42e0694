-- Influencer priority, per brand: inbound mentions of the period split by the
-- author's follower count as the export recorded it: influencers (at least
-- $influencer_followers followers), others (fewer), and unknown (the export
-- had no count). Response rate and median response time per group, on the mentions and
-- platforms rb_audience_mentions keeps, grouped by rb_audience_groups
-- (base/audience.sql): a brand's mentions on a platform where the client's export
-- gives no follower counts are the group 'elsewhere', so that every brand is compared on
-- the same platforms.
--
-- Parameters: $start, $end, $inbound_mode, $min_group_mentions, $influencer_followers.
SELECT brand_id, grp AS audience, inbound, answered, listed_missing, response_rate, median_min, reason, with_field, compared_platforms, other_platforms, client_other_platforms
FROM rb_audience_groups($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode, 'followers', $min_group_mentions, $influencer_followers)
ORDER BY brand_id, audience;
