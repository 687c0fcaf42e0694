-- Sentiment, per brand: inbound mentions of the period by the sentiment the
-- export gave them (rb_sentiment; 'unknown' when it gave none), with response
-- rate and median response time per sentiment, on the mentions and platforms
-- rb_audience_mentions keeps, grouped by rb_audience_groups (base/audience.sql): a
-- brand's mentions on a platform where the client's export gives no sentiment are the
-- group 'elsewhere', so that every brand is compared on the same platforms.
--
-- Parameters: $start, $end, $inbound_mode, $min_group_mentions.
SELECT brand_id, grp AS sentiment, inbound, answered, listed_missing, response_rate, median_min, reason, with_field, compared_platforms, other_platforms, client_other_platforms
FROM rb_audience_groups($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode, 'sentiment', $min_group_mentions, NULL)
ORDER BY brand_id, sentiment;
