-- Whether the base tables hold a mention of a tracked brand, or a post of one, created in
-- [$start, $end). A period that holds neither has nothing to measure: no set of
-- base/period_sets.sql, no figure of the metric families (an export of one month, asked about
-- the month before it).
-- Parameters: $start, $end.
SELECT EXISTS (SELECT 1 FROM mentions WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ)
    OR EXISTS (SELECT 1 FROM brand_posts WHERE created_at >= $start::TIMESTAMPTZ AND created_at < $end::TIMESTAMPTZ) AS holds;
