-- The brands whose diagnostics are not compared in [$start, $end): fewer than 10 posts
-- of their own over all platforms, none a reply, though they were mentioned
-- (rb_few_brand_posts, base/measured.sql; coverage few-brand-posts).
--
-- Parameters: $start, $end.
SELECT brand_id FROM rb_few_brand_posts($start::TIMESTAMPTZ, $end::TIMESTAMPTZ) WHERE scope = '*';
