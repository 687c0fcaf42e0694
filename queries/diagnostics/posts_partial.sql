-- The brands whose posts the data holds on part of the period only, over all platforms
-- (coverage brand-posts-partial, base/measured.sql): their shares answered take no rank and
-- stay out of the competitor medians.
--
-- Parameters: $start, $end, $inbound_mode.
SELECT brand_id FROM rb_posts_partial_brands($start::TIMESTAMPTZ, $end::TIMESTAMPTZ, $inbound_mode);
